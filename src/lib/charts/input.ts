/**
 * Adapts a measure's derived figures to the charts' plain inputs: the headline line, comparator
 * lines, revised flags, series breaks, and a plan's baseline and target where one is set.
 */
import { AREA_COMPARISON, type BarChartInput, type ChartInput, type ChartPoint, type ChartSeries, type ChartVintage, type SparklineInput } from './types.ts';
import type { MeasureView } from '../derive/page-model.ts';
import { parsePeriod } from '../schemas/period.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import { observationKey } from '../derive/keys.ts';
import type { MeasurePageData } from '../derive/measure-page.ts';
import { releaseHeading } from '../derive/release-history.ts';
import { breakdownLabel, headlineSeries, type Series } from '../derive/series.ts';

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

/** A bar chart of the breakdown at the latest period that has breakdown rows, if the measure has breakdowns. */
export function breakdownChartInput(data: MeasurePageData): BarChartInput | undefined {
  const { series } = data;
  const meta: MeasureMeta = data.measure.data;
  if (!series || series.breakdowns.length === 0) return undefined;
  const latest = series.breakdowns
    .flatMap((s) => s.points.map((p) => p.period))
    .sort((a, b) => b.end.getTime() - a.end.getTime())[0];
  if (!latest) return undefined;
  const bars = series.breakdowns.flatMap((s) => {
    const point = s.points.find((p) => p.period.text === latest.text);
    return point
      ? [{
          // With one breakdown the axis already names it ("Offence type"), so each bar shows only its value.
          label: meta.breakdowns.length === 1 ? (s.breakdown[meta.breakdowns[0]!.column] ?? '') : breakdownLabel(meta, s.breakdown),
          value: point.value,
          ...(point.observation.status ? { status: point.observation.status } : {}),
          ...(point.observation.note ? { note: point.observation.note } : {}),
        }]
      : [];
  });
  return {
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    areaName: series.headline.areaName,
    period: latest,
    breakdownLabel: meta.breakdowns.map((b) => b.label).join(', '),
    bars,
  };
}

/** A sparkline's input from the page model's headline points, or undefined without data. */
export function sparklineInput(view: MeasureView): SparklineInput | undefined {
  const meta = view.data;
  if (!meta.frequency || view.headline.length < 2) return undefined;
  const parsed = view.headline.flatMap((p) => {
    const period = parsePeriod(p.period, meta.frequency!, meta.interval_months);
    return period.ok ? [{ period: period.period, value: p.value, ...(p.status ? { status: p.status } : {}) }] : [];
  });
  return { unit: meta.unit, polarity: meta.polarity, points: parsed };
}

/**
 * Areas side by side at the latest period, for a measure published for a single period with
 * comparators (e.g. a rate per 1,000 for the core cities), where a line chart would be bare dots.
 */
export function areaComparisonInput(data: MeasurePageData): BarChartInput | undefined {
  const { series } = data;
  const meta = data.measure.data;
  if (!series || series.comparators.every((c) => c.points.length === 0)) return undefined;
  const periods = new Set(series.headline.points.map((p) => p.period.text));
  if (periods.size !== 1) return undefined;
  const period = series.headline.points[0]!.period;
  const at = (s: Series) => s.points.find((p) => p.period.text === period.text);
  const bars = [series.headline, ...series.comparators].flatMap((s) => {
    const point = at(s);
    const label = 'label' in s && typeof s.label === 'string' ? s.label : s.areaName;
    return point ? [{ label, value: point.value, ...(point.observation.status ? { status: point.observation.status } : {}), ...(point.observation.note ? { note: point.observation.note } : {}) }] : [];
  });
  return {
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    areaName: series.headline.areaName,
    period,
    breakdownLabel: AREA_COMPARISON,
    bars,
  };
}
