/**
 * What every chart is drawn from: plain values, so charts never depend on how series are derived.
 * Geometry functions take these inputs and return plain objects (no DOM); renderers turn them into SVG.
 */
import type { ObservationStatus } from '../schemas/model.ts';
import type { Period } from '../schemas/period.ts';
import type { Polarity, Unit } from '../schemas/measure.ts';

/** Role of a series in a chart: the measure's own area, or a kind of comparator. */
export type SeriesKind = 'main' | 'england' | 'core_cities' | 'similar_group' | 'other';

/** One value in a series; `value` is null exactly when the publisher suppressed it. */
export interface ChartPoint {
  readonly period: Period;
  readonly value: number | null;
  readonly status?: ObservationStatus;
  /** Free text from the data file: untrusted, escaped wherever it is rendered. */
  readonly note?: string;
  /** True when this value differs from an earlier release (drawn with a flag). */
  readonly revised?: boolean;
}

/** One line on the chart. */
export interface ChartSeries {
  /**
   * Identifies the series in markup and in the `?hide=` query of shared links, so keep it URL-safe;
   * using the comparator kind (e.g. "england") gives readable links.
   */
  readonly key: string;
  /** Label drawn at the line end and used as the table column heading, e.g. "England". */
  readonly label: string;
  readonly kind: SeriesKind;
  /** Points in any order; charts sort them by period. */
  readonly points: readonly ChartPoint[];
}

/** A change in recording practice: the line is broken before `period` (period text as in the data). */
export interface ChartBreak {
  readonly period: string;
  readonly note: string;
}

/** A horizontal reference value such as a baseline or a target. */
export interface ChartReference {
  readonly period: Period;
  readonly value: number;
  /** Short label drawn on the chart, e.g. "Baseline 2019-20" or "Target". */
  readonly label: string;
}

/**
 * The main series as an earlier release published it (an ALFRED-style vintage), drawn beside the
 * current line only when the reader chooses that release.
 */
export interface ChartVintage {
  /** Release date, YYYY-MM-DD. */
  readonly date: string;
  /** How readers name the release, e.g. "21 July 2022 (year ending March 2022 edition)". Untrusted text. */
  readonly label: string;
  readonly points: readonly ChartPoint[];
}

/** Everything a measure's line chart, summary and table are built from. */
export interface ChartInput {
  /** Measure title, e.g. "Knife crime". */
  readonly title: string;
  readonly unit: Unit;
  /** Plural noun for counted things, e.g. "knife crime offences"; used in sentences and the axis title. */
  readonly unitLabel?: string;
  readonly polarity: Polarity;
  /** Area the main series describes, named in full in summaries, e.g. "Nottinghamshire police force area". */
  readonly areaName: string;
  /** The main series (kind 'main') and any comparators. */
  readonly series: readonly ChartSeries[];
  readonly breaks: readonly ChartBreak[];
  readonly baseline?: ChartReference;
  readonly target?: ChartReference;
  /** Earlier releases of the main series, newest first; the summary and table describe the current release only. */
  readonly vintages?: readonly ChartVintage[];
}

/** One bar in a breakdown chart. */
export interface BarInput {
  /** Category label, e.g. "18 to 24". Untrusted text. */
  readonly label: string;
  readonly value: number | null;
  readonly status?: ObservationStatus;
  readonly note?: string;
}

/** The breakdown label of a chart whose bars are areas (the measure's own and its comparators). */
export const AREA_COMPARISON = 'Area';

/** A breakdown at one period, drawn as horizontal bars. */
export interface BarChartInput {
  readonly title: string;
  readonly unit: Unit;
  readonly unitLabel?: string;
  readonly areaName: string;
  readonly period: Period;
  /** What the bars split by, e.g. "Age band". */
  readonly breakdownLabel: string;
  /** Bars in the order they are drawn (categories often have a natural order, so they are not sorted). */
  readonly bars: readonly BarInput[];
}

/** A small trend line for small multiples. */
export interface SparklineInput {
  readonly unit: Unit;
  readonly polarity?: Polarity;
  readonly points: readonly ChartPoint[];
}
