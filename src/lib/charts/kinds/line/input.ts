/**
 * Adapts a measure's derived figures to a line chart's plain input: the headline line, comparator
 * lines, revised flags, series breaks, a plan's baseline and target where one is set, and earlier releases.
 */
import type { MeasurePageData } from '../../../derive/measure-page.ts';
import { observationKey } from '../../../derive/keys.ts';
import { releaseHeading } from '../../../derive/release-history.ts';
import { headlineSeries, type Series } from '../../../derive/series.ts';
import { parsePeriod } from '../../../schemas/period.ts';
import type { ChartInput, ChartPoint, ChartSeries, ChartVintage } from '../../types.ts';

/**
 * How many earlier releases the chart offers to draw. The page's stylesheet has one rule per choice
 * (CSS cannot pair the nth radio button with the nth line otherwise); older releases stay in the
 * release history and downloads.
 */
export const MAX_CHART_VINTAGES = 20;

/** A readable, URL-safe key for a line, used in shared links such as ?hide=england. */
export function seriesKey(label: string): string {
  return label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'series';
}

function points(series: Series, revised: MeasurePageData['revised']): ChartPoint[] {
  return series.points.map((p) => ({
    period: p.period,
    value: p.value,
    ...(p.observation.status ? { status: p.observation.status } : {}),
    ...(p.observation.note ? { note: p.observation.note } : {}),
    ...(revised.has(observationKey(p.observation)) ? { revised: true } : {}),
  }));
}

/**
 * The line chart's input, or undefined when there is nothing to draw. With `withVintages` it also
 * carries the earlier releases' main lines, for the measure page's "compare with an earlier release";
 * previews and embeds show the current release alone.
 */
export function lineChartInput(data: MeasurePageData, { withVintages = false }: { withVintages?: boolean } = {}): ChartInput | undefined {
  const { series } = data;
  const meta = data.measure.data;
  if (!series || series.headline.points.length === 0) return undefined;
  const lines: ChartSeries[] = [
    { key: 'main', label: series.headline.areaName, kind: 'main', points: points(series.headline, data.revised) },
    ...series.comparators
      .filter((c) => c.points.length > 0)
      .map((c) => ({ key: seriesKey(c.label), label: c.label, kind: c.kind, points: points(c, data.revised) })),
  ];
  const assessed = data.targets.find((t) => t.assessment.reference && t.assessment.threshold !== undefined && t.target.kind === 'change_from_baseline');
  const targetPeriod = assessed?.target.target_period && meta.frequency ? parsePeriod(assessed.target.target_period, meta.frequency, meta.interval_months) : undefined;
  return {
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    polarity: meta.polarity,
    areaName: series.headline.areaName,
    series: lines,
    breaks: meta.series_breaks,
    ...(assessed?.assessment.reference
      ? { baseline: { period: assessed.assessment.reference.period, value: assessed.assessment.reference.value, label: `Baseline ${assessed.assessment.reference.period.text}` } }
      : {}),
    ...(assessed && targetPeriod?.ok
      ? { target: { period: targetPeriod.period, value: assessed.assessment.threshold!, label: `Target ${targetPeriod.period.text}` } }
      : {}),
    ...(withVintages ? { vintages: earlierVintages(data) } : {}),
  };
}

/** The main series of each earlier release that has figures for it, newest first (at most MAX_CHART_VINTAGES). */
export function earlierVintages(data: MeasurePageData): ChartVintage[] {
  const { series } = data;
  if (!series) return [];
  const area = { code: series.headline.areaCode, name: series.headline.areaName };
  const none: MeasurePageData['revised'] = new Map();
  return data.measure.vintages
    .slice(0, -1)
    .reverse()
    .map((vintage) => ({
      date: vintage.date,
      label: releaseHeading(vintage.date, vintage.release),
      points: points(headlineSeries(data.measure.data, vintage, area), none),
    }))
    .filter((v) => v.points.some((p) => p.value !== null))
    .slice(0, MAX_CHART_VINTAGES);
}
