/**
 * The one chart that stands for a measure when it is shared: the embed page, the social preview
 * image and its alt text all use it, so they always show what the top of the measure page shows
 * (areas side by side for a single-period measure with comparators, otherwise the trend).
 */
import { describeBarChart, describeLineChart, summariseBarChart, summariseLineChart } from '../charts/summary.ts';
import type { BarChartInput, ChartInput } from '../charts/types.ts';
import { areaComparisonInput, lineChartInput } from '../charts/input.ts';
import type { MeasurePageData } from '../derive/measure-page.ts';

/** A measure's leading chart with its words: `desc` for alt text, `summary` for captions. */
export type LeadChart =
  | { readonly kind: 'line'; readonly input: ChartInput; readonly desc: string; readonly summary: string }
  | { readonly kind: 'bar'; readonly input: BarChartInput; readonly desc: string; readonly summary: string };

/** The chart the measure page leads with, or undefined when there are no figures to draw. */
export function leadChart(data: MeasurePageData): LeadChart | undefined {
  if (!data.series || !data.latest) return undefined;
  const comparison = areaComparisonInput(data);
  if (comparison) return { kind: 'bar', input: comparison, desc: describeBarChart(comparison), summary: summariseBarChart(comparison) };
  const line = lineChartInput(data);
  return line ? { kind: 'line', input: line, desc: describeLineChart(line), summary: summariseLineChart(line) } : undefined;
}
