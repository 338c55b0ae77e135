/**
 * The shapes a line chart's layout produces: a plain object the SVG renderer, the preview image and
 * the embed's height all read, so there is one layout. Coordinates are in viewBox units, 1 decimal place.
 */
import type { scaleLinear } from 'd3-scale';
import type { ObservationStatus } from '../../../schemas/model.ts';
import type { Unit } from '../../../schemas/measure.ts';
import type { SeriesStyle } from '../../style.ts';
import type { ChartPoint, ChartReference, ChartSeries, ChartVintage, SeriesKind } from '../../types.ts';

/** Optional layout settings; anything left out takes the default. */
export interface LineChartOptions {
  /** viewBox width (default 440). */
  readonly width?: number;
  /** viewBox height before any key row is added (default 280). */
  readonly height?: number;
  /** Font size of axis and line labels in viewBox units (default 15). */
  readonly fontSize?: number;
  /** Roughly how many y ticks to aim for (default 4); few ticks keep a small chart readable. */
  readonly yTickCount?: number;
  /** Widest a line-end label may be before it wraps (default 96). */
  readonly maxLabelWidth?: number;
  /** The height includes any key rows, which the plot gives up (a preview image's fixed box); default false. */
  readonly keyInside?: boolean;
}

/** Layout settings with every default filled in. */
export interface NormalisedLineChartOptions {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  /** For the key and break labels. */
  readonly smallFontSize: number;
  readonly yTickCount: number;
  readonly maxLabelWidth: number;
  readonly keyInside: boolean;
}

/** A labelled tick on the time axis, at the midpoint of an actual period. */
export interface XTickGeometry {
  readonly x: number;
  /** Where the label is centred; nudged in from the edges so it is never clipped. */
  readonly labelX: number;
  readonly label: string;
  readonly period: string;
}

/** A labelled gridline on the value axis. */
export interface YTickGeometry {
  readonly y: number;
  readonly value: number;
  readonly label: string;
}

/** A plotted (non-suppressed) value. */
export interface LinePointGeometry {
  readonly x: number;
  readonly y: number;
  /** Period text as in the data, e.g. "2023-24". */
  readonly period: string;
  /** Period as people write it, e.g. "Q1 2024". */
  readonly periodLabel: string;
  readonly value: number;
  /** The value formatted for its unit, e.g. "1,234". */
  readonly label: string;
  readonly status?: ObservationStatus;
  /** Untrusted free text ("" when none). */
  readonly note: string;
  /** Drawn as a hollow marker, with a dashed segment into it. */
  readonly provisional: boolean;
  /** Drawn with a small flag. */
  readonly revised: boolean;
}

/** One continuous stretch of path; `provisional` stretches are dashed. */
export interface LineSegmentGeometry {
  /** SVG path data. */
  readonly d: string;
  readonly provisional: boolean;
}

/** One line of a wrapped label, with its baseline. */
export interface TextLineGeometry {
  readonly text: string;
  readonly y: number;
}

/** The series name drawn at the end of its line. */
export interface SeriesLabelGeometry {
  readonly x: number;
  readonly lines: readonly TextLineGeometry[];
}

/** A series as drawn. */
export interface LineSeriesGeometry {
  readonly key: string;
  readonly label: string;
  readonly kind: SeriesKind;
  readonly style: SeriesStyle;
  /** Solid and provisional stretches; split at gaps and series breaks so a break is never joined. */
  readonly segments: readonly LineSegmentGeometry[];
  /** Non-suppressed values only. */
  readonly points: readonly LinePointGeometry[];
  /** Null when the chart has only one series (the title names it) or the series has no values. */
  readonly endLabel: SeriesLabelGeometry | null;
}

/** A suppressed value: a gap in its line, marked on the axis for the main series. */
export interface GapGeometry {
  readonly seriesKey: string;
  readonly seriesLabel: string;
  readonly seriesKind: SeriesKind;
  readonly period: string;
  readonly periodLabel: string;
  readonly x: number;
  /** Untrusted free text ("" when none). */
  readonly note: string;
}

/** A change in recording practice, drawn as a vertical rule between two periods. */
export interface BreakGeometry {
  readonly period: string;
  readonly periodLabel: string;
  readonly x: number;
  /** Untrusted free text. */
  readonly note: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly labelAnchor: 'start' | 'end';
}

/** A baseline or target drawn as a horizontal rule across the plot, labelled in the right-hand column. */
export interface ReferenceGeometry {
  readonly kind: 'baseline' | 'target';
  readonly y: number;
  readonly value: number;
  readonly period: string;
  readonly periodLabel: string;
  /** The label and value in one line, e.g. "Target 2025-26: 900", for titles and text. */
  readonly text: string;
  /** The label as drawn: its wrapped lines, then the value. */
  readonly label: SeriesLabelGeometry;
}

/** Symbols the key explains; only those the chart uses are listed. */
export type KeySymbol = 'provisional' | 'revised' | 'gap' | 'break';

/** One entry in the key below the chart. */
export interface KeyItemGeometry {
  readonly symbol: KeySymbol;
  /** Left of the symbol; the text starts 22 units further right. */
  readonly x: number;
  /** Vertical centre of the entry. */
  readonly y: number;
  readonly text: string;
}

/** An earlier release's main line: hidden until the reader chooses that release (see LineChart.astro). */
export interface VintageLineGeometry {
  /** Release date, YYYY-MM-DD. */
  readonly date: string;
  /** Untrusted text. */
  readonly label: string;
  /** SVG path data; "" when no two consecutive values could be joined. */
  readonly d: string;
  /** Values with no neighbour to join, drawn as dots so they are not lost. */
  readonly dots: readonly { readonly x: number; readonly y: number }[];
}

/** Everything needed to draw a line chart. */
export interface LineChartGeometry {
  readonly type: 'line';
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly smallFontSize: number;
  readonly unit: Unit;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly yAxis: {
    readonly title: string;
    readonly titleY: number;
    /** Always includes 0. */
    readonly domain: readonly [number, number];
    readonly ticks: readonly YTickGeometry[];
  };
  /** `baselineY` is where value 0 lies: the axis line is drawn there. */
  readonly xAxis: { readonly baselineY: number; readonly labelY: number; readonly ticks: readonly XTickGeometry[] };
  /** Drawing order: comparators first, the main series last so it sits on top. */
  readonly series: readonly LineSeriesGeometry[];
  readonly references: readonly ReferenceGeometry[];
  readonly gaps: readonly GapGeometry[];
  readonly breaks: readonly BreakGeometry[];
  readonly key: readonly KeyItemGeometry[];
  /** Earlier releases of the main series, newest first; empty when there are none. */
  readonly vintages: readonly VintageLineGeometry[];
}

/** A series with its points sorted by period (the layout's steps share it). */
export type SortedSeries = { readonly series: ChartSeries; readonly points: ChartPoint[] };
/** An earlier release with its points sorted, over the current release's periods only. */
export type SortedVintage = ChartVintage & { readonly points: ChartPoint[] };
/** The value axis' scale. */
export type YScale = ReturnType<typeof scaleLinear<number, number>>;
/** The plot's box inside the chart. */
export type Plot = LineChartGeometry['plot'];
/** A baseline or target with its label wrapped for the label column. */
export type PlacedReference = { kind: 'baseline' | 'target'; reference: ChartReference; lines: string[] };
