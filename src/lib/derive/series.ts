/**
 * A measure's current release split into the lines a reader sees: the headline (the measure's own
 * area, not broken down), one line per comparator area, and one per breakdown value.
 * Every line is ordered by period, parsed in the measure's declared frequency.
 */
import type { Measure, Observation, Vintage } from '../schemas/model.ts';
import { comparePeriods, parsePeriod, periodFromDays, type Period } from '../schemas/period.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { AreaRef } from '../schemas/csv-contract.ts';
import { breakdownKey } from './keys.ts';

export type { AreaRef };

/** One row of a line: the parsed period, the figure (null when suppressed) and the row itself. */
export interface SeriesPoint {
  readonly period: Period;
  readonly value: number | null;
  /** The source row, kept for its status, note and label. */
  readonly observation: Observation;
}

/** The rows of one area and one breakdown, oldest period first. */
export interface Series {
  readonly areaCode: string;
  readonly areaName: string;
  /** Empty for the headline and comparators. */
  readonly breakdown: Readonly<Record<string, string>>;
  readonly points: readonly SeriesPoint[];
}

/** A comparator line with the label and kind the measure gives it. */
export interface ComparatorSeries extends Series {
  readonly label: string;
  readonly kind: MeasureMeta['comparators'][number]['kind'];
}

/** Every line of one release of a measure. */
export interface MeasureSeries {
  /** The release the lines come from; undefined when nothing is published yet. */
  readonly vintage: Vintage | undefined;
  readonly headline: Series;
  /** One entry per declared comparator, in declared order; `points` is empty when the release has no rows for it. */
  readonly comparators: readonly ComparatorSeries[];
  /** One entry per breakdown value of the measure's own area, in order of first appearance. */
  readonly breakdowns: readonly Series[];
}

/** The newest release of a measure (vintages are held oldest first). */
export function currentVintage(measure: Pick<Measure, 'vintages'>): Vintage | undefined {
  return measure.vintages.at(-1);
}

/** The area a measure's figures describe: its own `area` when set, else the partnership's. */
export function ownArea(meta: Pick<MeasureMeta, 'area'>, siteArea: AreaRef): AreaRef {
  return meta.area ?? siteArea;
}

/** Parses a period in the measure's form; undefined when the measure has no frequency or the text does not fit. */
export function parseMeasurePeriod(meta: Pick<MeasureMeta, 'frequency' | 'interval_months'>, text: string): Period | undefined {
  if (!meta.frequency) return undefined;
  const result = parsePeriod(text, meta.frequency, meta.interval_months);
  return result.ok ? result.period : undefined;
}

/**
 * An observation's period from the days validation recorded (never parsing its text again);
 * undefined when the measure has no frequency.
 */
export function observationPeriod(meta: Pick<MeasureMeta, 'frequency'>, row: Pick<Observation, 'period' | 'periodStart' | 'periodEnd'>): Period | undefined {
  return meta.frequency && row.periodStart ? periodFromDays(row.period, meta.frequency, row.periodStart, row.periodEnd) : undefined;
}

/** Rows turned into sorted points; throws on a row whose period validation did not record. */
export function toSortedPoints(
  meta: Pick<MeasureMeta, 'frequency' | 'interval_months'>,
  rows: readonly Observation[],
): SeriesPoint[] {
  if (rows.length > 0 && !meta.frequency) {
    throw new Error('a measure with data must declare its frequency');
  }
  const points = rows.map((observation) => {
    const period = observationPeriod(meta, observation);
    if (!period) throw new Error(`line ${observation.line}: period "${observation.period}" has no first and last day; rows must come from the validator`);
    return { period, value: observation.value, observation };
  });
  return points.sort((a, b) => comparePeriods(a.period, b.period));
}

function isHeadlineRow(row: Observation): boolean {
  return Object.keys(row.breakdown).length === 0;
}

/**
 * Headline series built in this thread. The page-model facts, the measure
 * page, its chart and each earlier release's line all ask for a release's headline; it is built on
 * the first request and kept with the release's rows, so each is built once per build.
 */
export const seriesCounts = { headlines: 0 };
const builtHeadlines = new WeakMap<readonly Observation[], Map<string, { readonly meta: MeasureMeta; readonly series: Series }>>();

/** The headline line: rows of the measure's own area with no breakdown; built once per release and area. */
export function headlineSeries(meta: MeasureMeta, vintage: Vintage | undefined, area: AreaRef): Series {
  const key = `${area.code}\u0000${area.name}`;
  const built = vintage && builtHeadlines.get(vintage.rows)?.get(key);
  // The same rows read under other metadata (another frequency) are another series.
  if (built && built.meta === meta) return built.series;
  const rows = (vintage?.rows ?? []).filter((r) => r.areaCode === area.code && isHeadlineRow(r));
  const series: Series = { areaCode: area.code, areaName: area.name, breakdown: {}, points: toSortedPoints(meta, rows) };
  if (vintage) {
    seriesCounts.headlines++;
    const byArea = builtHeadlines.get(vintage.rows) ?? new Map<string, { readonly meta: MeasureMeta; readonly series: Series }>();
    byArea.set(key, { meta, series });
    builtHeadlines.set(vintage.rows, byArea);
  }
  return series;
}

/** The comparator lines, one per `meta.comparators` entry, matched on area_code. */
export function comparatorSeries(meta: MeasureMeta, vintage: Vintage | undefined): ComparatorSeries[] {
  return meta.comparators.map((comparator) => {
    const rows = (vintage?.rows ?? []).filter((r) => r.areaCode === comparator.area_code && isHeadlineRow(r));
    return {
      areaCode: comparator.area_code,
      // The label is the fallback name: a comparator with no rows has no area_name to read.
      areaName: rows[0]?.areaName ?? comparator.label,
      breakdown: {},
      points: toSortedPoints(meta, rows),
      label: comparator.label,
      kind: comparator.kind,
    };
  });
}

/** The breakdown lines of the measure's own area, one per distinct breakdown, in order of first appearance. */
export function breakdownSeries(meta: MeasureMeta, vintage: Vintage | undefined, area: AreaRef): Series[] {
  const groups = new Map<string, Observation[]>();
  for (const row of vintage?.rows ?? []) {
    if (row.areaCode !== area.code || isHeadlineRow(row)) continue;
    const key = breakdownKey(row.breakdown);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((rows) => ({
    areaCode: area.code,
    areaName: area.name,
    breakdown: rows[0]!.breakdown,
    points: toSortedPoints(meta, rows),
  }));
}

/** All lines of a measure's release (the current one unless `vintage` is given). */
export function measureSeries(measure: Measure, siteArea: AreaRef, vintage: Vintage | undefined = currentVintage(measure)): MeasureSeries {
  const area = ownArea(measure.data, siteArea);
  return {
    vintage,
    headline: headlineSeries(measure.data, vintage, area),
    comparators: comparatorSeries(measure.data, vintage),
    breakdowns: breakdownSeries(measure.data, vintage, area),
  };
}

/** A breakdown as readers see it, using the measure's column labels: "Age band: 18-24". */
export function breakdownLabel(meta: Pick<MeasureMeta, 'breakdowns'>, breakdown: Readonly<Record<string, string>>): string {
  return Object.entries(breakdown)
    .map(([column, value]) => `${meta.breakdowns.find((b) => b.column === column)?.label ?? column}: ${value}`)
    .join(', ');
}
