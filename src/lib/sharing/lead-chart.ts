/**
 * The one chart that stands for a measure when it is shared: the embed page, the social preview
 * image and its alt text all use it, so they always show what the top of the measure page shows
 * (areas side by side for a single-period measure with comparators, otherwise the trend).
 */
import { describeBarChart, describeLineChart, summariseBarChart, summariseLineChart } from '../charts/summary.ts';
import type { BarChartInput, ChartInput } from '../charts/types.ts';
import { areaComparisonInput, lineChartInput } from '../charts/input.ts';
import type { MeasurePageData } from '../derive/measure-page.ts';
import type { MeasureView } from '../page-model.ts';

/** A measure's leading chart with its words: `desc` for alt text, `summary` for captions. */
export type LeadChart =
  | { readonly kind: 'line'; readonly input: ChartInput; readonly desc: string; readonly summary: string }
  | { readonly kind: 'bar'; readonly input: BarChartInput; readonly desc: string; readonly summary: string };

/**
 * Whether a measure has any published (non-suppressed) figure, read from the page model alone so
 * route lists need not load every measure's releases. Matches the measure page's test for showing
 * figures (a series with a latest value), which is computed from the same headline series.
 */
export function hasPublishedFigures(view: MeasureView): boolean {
  return view.data.frequency !== undefined && view.headline.some((point) => point.value !== null);
}

/** The chart the measure page leads with, or undefined when there are no figures to draw. */
export function leadChart(data: MeasurePageData): LeadChart | undefined {
  if (!data.series || !data.latest) return undefined;
  const comparison = areaComparisonInput(data);
  if (comparison) return { kind: 'bar', input: comparison, desc: describeBarChart(comparison), summary: summariseBarChart(comparison) };
  const line = lineChartInput(data);
  return line ? { kind: 'line', input: line, desc: describeLineChart(line), summary: summariseLineChart(line) } : undefined;
}
