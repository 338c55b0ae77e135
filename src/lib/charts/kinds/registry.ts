/**
 * The registry of chart kinds: adding a kind is its own module (kinds/<kind>.ts and kinds/<kind>/)
 * and one entry here. Every union over kinds (the views pages render, the charts a measure can lead
 * with) is derived from these entries, so none is kept in step by hand.
 */
import type { MeasurePageData } from '../../derive/measure-page.ts';
import type { Period } from '../../schemas/period.ts';
import { barKind } from './bar.ts';
import { compareKind } from './compare.ts';
import { chartCounts, drawChart, layOut, type Box, type ChartKind, type ChartWords, type LeadingChartKind, type PreviewChart } from './kind.ts';
import { lineKind } from './line.ts';

/** The kinds a measure can lead with, in the order they are tried: areas side by side first, else the trend. */
const LEAD_KINDS = { bar: barKind, line: lineKind };

/** Every chart kind. */
export const CHART_KINDS = { ...LEAD_KINDS, compare: compareKind };

type Kinds = typeof CHART_KINDS;
/** The name of a chart kind, e.g. "line". */
export type ChartKindName = keyof Kinds;
/** A kind's input, geometry, facts and view types, read off its entry. */
type PartsOf<K extends ChartKindName> = Kinds[K] extends ChartKind<K, infer Input, infer Geometry, infer Facts, infer View> ? { input: Input; geometry: Geometry; facts: Facts; view: View } : never;
type Parts = { [K in ChartKindName]: PartsOf<K> };

/** Any chart a page shows, one member per kind. */
export type ChartView = Parts[ChartKindName]['view'];

/** The name of a kind a measure can lead with. */
export type LeadKindName = keyof typeof LEAD_KINDS;
/** A chart of a kind a measure can lead with, and its input. */
export type LeadInputOf<K extends LeadKindName> = { [P in K]: { readonly kind: P; readonly input: Parts[P]['input'] } }[K];
/** Any kind a measure can lead with, and its input. */
export type LeadInput = LeadInputOf<LeadKindName>;
/** A measure's leading chart of one kind, with its words: `desc` for alt text, `summary` for captions. */
export type LeadChartOf<K extends LeadKindName> = { [P in K]: LeadInputOf<P> & ChartWords }[K];
/** A measure's leading chart, whatever its kind. */
export type LeadChart = LeadChartOf<LeadKindName>;
/** The view of a measure's leading chart. */
export type LeadChartView = Parts[LeadKindName]['view'];

// Typed per name, so that looking a kind up by a chart's own kind keeps its input and view types together.
const leading: { [K in LeadKindName]: LeadingChartKind<K, Parts[K]['input'], Parts[K]['geometry'], Parts[K]['facts'], Parts[K]['view'] & { readonly kind: K }> } = LEAD_KINDS;
const LEAD_ORDER = Object.keys(LEAD_KINDS) as LeadKindName[];

export { chartCounts };

// The measure's chart of one kind, if it leads with that kind.
function leadOf<K extends LeadKindName>(name: K, data: MeasurePageData): LeadChartOf<K> | undefined {
  const kind = leading[name];
  const input = kind.lead.input(data);
  return input === undefined ? undefined : { kind: name, input, ...kind.words(input) };
}

/** The chart the measure page leads with, or undefined when there are no figures to draw. */
export function leadChart(data: MeasurePageData): LeadChart | undefined {
  if (!data.series || !data.latest) return undefined;
  for (const name of LEAD_ORDER) {
    const chart = leadOf(name, data);
    if (chart) return chart;
  }
  return undefined;
}

/** A lead chart drawn for the measure's page and embed, laid out once, with the words it already has. */
export function leadChartView<K extends LeadKindName>(chart: LeadChartOf<K>, slug: string, title: string): Parts[K]['view'] {
  const kind = leading[chart.kind];
  return drawChart(kind, chart.input, kind.lead.facts(slug, title), chart);
}

/** A lead chart's page-size layout, for a caller that has no drawn view to read the size from (counted, so the benchmark shows it). */
export function leadChartSize<K extends LeadKindName>(chart: LeadInputOf<K>): { readonly width: number; readonly height: number } {
  return layOut(leading[chart.kind], chart.input);
}

/** A lead chart laid out and drawn for a preview image's box. */
export function leadPreview<K extends LeadKindName>(chart: LeadInputOf<K>, box: Box): PreviewChart {
  chartCounts.previewFits++;
  return leading[chart.kind].lead.preview(chart.input, box);
}

/** The line under a preview image's title. */
export function leadPreviewSubtitle<K extends LeadKindName>(chart: LeadInputOf<K>, latest: { readonly value: number; readonly period: Period }): string {
  return leading[chart.kind].lead.previewSubtitle(chart.input, latest);
}

/** Embed-frame pixels the lead chart's kind adds beyond the chart and its words. */
export function leadEmbedExtraPx<K extends LeadKindName>(chart: LeadInputOf<K>): number {
  return leading[chart.kind].lead.embedExtraPx(chart.input);
}
