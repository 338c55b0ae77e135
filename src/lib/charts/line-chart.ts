/**
 * Geometry of a measure's line chart, computed at build time with d3 scales and shapes.
 * The result is a plain object: the SVG string renderer, the Astro component and the PNG export all
 * draw from it, so there is one layout. Coordinates are in viewBox units, rounded to 1 decimal place.
 *
 * The viewBox is narrow (440 wide by default) on purpose: the SVG scales to its container, and at
 * 320 CSS px a wider viewBox would shrink 15-unit text below a legible size.
 */
import { max, min } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { formatTick, formatValue, rateSuffix } from '../format/number.ts';
import type { ObservationStatus } from '../schemas/model.ts';
import { periodLabel, shortPeriodLabel, type Period } from '../schemas/period.ts';
import type { Unit } from '../schemas/measure.ts';
import { allPeriods, breakBetween, breakStart, dodgeLabels, periodMidpoint, round1, sortPoints, textWidth, wrapText } from './layout.ts';
import { SERIES_STYLES, type SeriesStyle } from './style.ts';
import type { ChartInput, ChartPoint, ChartReference, ChartSeries, ChartVintage, SeriesKind } from './types.ts';

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

const KEY_TEXT: Readonly<Record<KeySymbol, string>> = {
  provisional: 'Provisional',
  revised: 'Revised',
  gap: 'Suppressed',
  break: 'Series break',
};

/** Fills in defaults and clamps settings to workable ranges. */
export function normaliseLineChartOptions(options: LineChartOptions = {}): NormalisedLineChartOptions {
  const fontSize = Math.min(Math.max(options.fontSize ?? 15, 10), 24);
  return {
    width: Math.max(options.width ?? 440, 240),
    height: Math.max(options.height ?? 280, 160),
    fontSize,
    smallFontSize: Math.round(fontSize * 0.9),
    yTickCount: Math.min(Math.max(Math.round(options.yTickCount ?? 4), 2), 10),
    maxLabelWidth: Math.max(options.maxLabelWidth ?? 96, 40),
  };
}

/** The value axis title for a unit, e.g. "Knife crime offences", "Percentage", "Rate per 1,000". */
export function valueAxisTitle(unit: Unit, unitLabel?: string): string {
  const label = unitLabel ? unitLabel.charAt(0).toUpperCase() + unitLabel.slice(1) : undefined;
  switch (unit) {
    case 'count':
      return label ?? 'Number';
    case 'percent':
      return 'Percentage';
    case 'rate_per_1000':
    case 'rate_per_100000':
      return `Rate${rateSuffix(unit)}`;
    case 'number':
      return label ?? 'Value';
  }
}

/** The main series of a chart input: the one of kind 'main', else the first. */
export function mainSeries(input: ChartInput): ChartSeries | undefined {
  return input.series.find((series) => series.kind === 'main') ?? input.series[0];
}

type SortedSeries = { readonly series: ChartSeries; readonly points: ChartPoint[] };
type SortedVintage = ChartVintage & { readonly points: ChartPoint[] };
type YScale = ReturnType<typeof scaleLinear<number, number>>;
type Plot = LineChartGeometry['plot'];
type PlacedReference = { kind: 'baseline' | 'target'; reference: ChartReference; lines: string[] };

/**
 * Step 1: the series and earlier releases sorted by period, and every period of the current release.
 * An earlier release is drawn over the current release's periods only: periods it held that the
 * current one dropped would stretch the time axis for a line most readers never open.
 */
function sortedData(input: ChartInput): { sortedSeries: SortedSeries[]; periods: Period[]; vintages: SortedVintage[] } {
  const sortedSeries = input.series.map((series) => ({ series, points: sortPoints(series.points) }));
  const periods = allPeriods(sortedSeries.map((s) => s.points));
  const currentPeriods = new Set(periods.map((p) => p.text));
  const vintages = (input.vintages ?? []).map((v) => ({
    ...v,
    points: sortPoints(v.points).filter((p) => currentPeriods.has(p.period.text)),
  }));
  return { sortedSeries, periods, vintages };
}

/** Step 2: the value axis, from zero (so bar-like readings of height are honest) to a nice maximum, with its tick labels. */
function valueAxis(input: ChartInput, sortedSeries: readonly SortedSeries[], vintages: readonly SortedVintage[], opts: NormalisedLineChartOptions) {
  const values = [
    ...sortedSeries.flatMap((s) => s.points.map((p) => p.value).filter((v): v is number => v !== null)),
    ...vintages.flatMap((v) => v.points.map((p) => p.value).filter((value): value is number => value !== null)),
    ...[input.baseline, input.target].filter((r): r is ChartReference => r !== undefined).map((r) => r.value),
  ];
  const lowest = Math.min(0, min(values) ?? 0);
  const highest = Math.max(0, max(values) ?? 0);
  const y = scaleLinear().domain([lowest, highest === lowest ? lowest + 1 : highest]).nice(opts.yTickCount);
  let tickValues = y.ticks(opts.yTickCount);
  // Fractional ticks on a count ("0.5 offences") would be nonsense.
  if (input.unit === 'count') tickValues = tickValues.filter((v) => Number.isInteger(v));
  const yTickLabels = tickValues.map((v) => formatTick(v, input.unit));
  const yLabelWidth = max(yTickLabels, (label) => textWidth(label, opts.fontSize)) ?? 0;
  return { y, tickValues, yTickLabels, yLabelWidth };
}

/**
 * Step 3: the right-hand label column. Line-end labels are only needed when there is more than one
 * line to tell apart. References are labelled in the same column: inside the plot their labels would cross the data.
 */
function labelColumn(input: ChartInput, sortedSeries: readonly SortedSeries[], opts: NormalisedLineChartOptions) {
  const { fontSize, smallFontSize } = opts;
  const labelled = input.series.length > 1;
  const wrappedLabels = new Map(
    sortedSeries.map(({ series }) => [series.key, labelled ? wrapText(series.label, fontSize, opts.maxLabelWidth, true) : []]),
  );
  const references: PlacedReference[] = (['baseline', 'target'] as const)
    .map((kind) => ({ kind, reference: input[kind] }))
    .filter((r): r is { kind: 'baseline' | 'target'; reference: ChartReference } => r.reference !== undefined)
    .map((r) => ({
      ...r,
      lines: [...wrapText(r.reference.label, smallFontSize, opts.maxLabelWidth), formatValue(r.reference.value, input.unit)],
    }));
  const labelColumnWidth = Math.max(
    (max([...wrappedLabels.values()].flat(), (text) => textWidth(text, fontSize, true)) ?? 0) + 14,
    (max(references.flatMap((r) => r.lines), (text) => textWidth(text, smallFontSize)) ?? 0) + 14,
  );
  return { wrappedLabels, references, labelColumnWidth };
}

/** Step 4: the plot's box inside the chart, leaving room for the axis labels, the label column and the key below. */
function plotArea(opts: NormalisedLineChartOptions, height: number, keyHeight: number, yLabelWidth: number, labelColumnWidth: number): Plot {
  return {
    left: Math.ceil(Math.max(yLabelWidth + 10, 24)),
    right: opts.width - Math.ceil(Math.max(labelColumnWidth, 14)),
    top: Math.round(opts.fontSize * 2.4),
    bottom: height - keyHeight - Math.round(opts.fontSize * 2),
  };
}

/** Step 5: each series' points, segments and gaps (suppressed values) in plot coordinates. */
function seriesLines(
  input: ChartInput,
  sortedSeries: readonly SortedSeries[],
  periods: readonly Period[],
  xOf: (point: { period: ChartPoint['period'] }) => number,
  y: YScale,
): { seriesGeometry: LineSeriesGeometry[]; gaps: GapGeometry[] } {
  const gaps: GapGeometry[] = [];
  const seriesGeometry: LineSeriesGeometry[] = sortedSeries.map(({ series, points }) => {
    const style = SERIES_STYLES[series.kind];
    const pointGeometry: LinePointGeometry[] = [];
    for (const point of points) {
      if (point.value === null) {
        gaps.push({
          seriesKey: series.key,
          seriesLabel: series.label,
          seriesKind: series.kind,
          period: point.period.text,
          periodLabel: periodLabel(point.period),
          x: xOf(point),
          note: point.note ?? '',
        });
        continue;
      }
      pointGeometry.push({
        x: xOf(point),
        y: round1(y(point.value)),
        period: point.period.text,
        periodLabel: periodLabel(point.period),
        value: point.value,
        label: formatValue(point.value, input.unit),
        ...(point.status ? { status: point.status } : {}),
        note: point.note ?? '',
        provisional: point.status === 'provisional',
        revised: point.revised === true || point.status === 'revised',
      });
    }
    return {
      key: series.key,
      label: series.label,
      kind: series.kind,
      style,
      segments: lineSegments(points, input, periods, xOf, (v) => round1(y(v))),
      points: pointGeometry,
      endLabel: null,
    };
  });
  return { seriesGeometry, gaps };
}

/** Step 6: the right-hand labels of lines and references, moved apart where lines end close together. */
function endLabels(
  seriesGeometry: readonly LineSeriesGeometry[],
  column: ReturnType<typeof labelColumn>,
  y: YScale,
  plot: Plot,
  xTicks: readonly XTickGeometry[],
  opts: NormalisedLineChartOptions,
): Map<string, SeriesLabelGeometry> {
  const { fontSize, smallFontSize } = opts;
  const lineHeight = Math.round(fontSize * 1.2);
  const smallLineHeight = Math.round(smallFontSize * 1.2);
  const labelRequests = [
    ...seriesGeometry
      .map((series) => ({ id: series.key, y: series.points[series.points.length - 1]?.y, lines: column.wrappedLabels.get(series.key) ?? [], size: fontSize, step: lineHeight }))
      .filter((item): item is typeof item & { y: number } => item.y !== undefined && item.lines.length > 0),
    ...column.references.map((r) => ({ id: `reference:${r.kind}`, y: round1(y(r.reference.value)), lines: r.lines, size: smallFontSize, step: smallLineHeight })),
  ];
  // The labels may hang below the plot into the axis-label band, unless the newest period's axis label
  // (centred on the last point, near the right edge) reaches into the label column: then a long,
  // wrapped label stack pushed to the bottom would sit on it, so the stack stops above that band.
  const lastTick = xTicks.at(-1);
  const axisLabelReachesColumn = lastTick !== undefined && lastTick.labelX + textWidth(lastTick.label, fontSize) / 2 > plot.right + 6;
  const centres = dodgeLabels(
    labelRequests.map((item) => ({ y: item.y, height: item.lines.length * item.step + 4 })),
    plot.top - fontSize,
    axisLabelReachesColumn ? plot.bottom + 6 : plot.bottom + fontSize,
  );
  const labelsById = new Map<string, SeriesLabelGeometry>();
  labelRequests.forEach((item, i) => {
    const firstBaseline = centres[i]! - ((item.lines.length - 1) * item.step) / 2 + item.size * 0.35;
    labelsById.set(item.id, {
      x: plot.right + 8,
      lines: item.lines.map((text, line) => ({ text, y: round1(firstBaseline + line * item.step) })),
    });
  });
  return labelsById;
}

/** Step 7: the earlier releases' lines (and lone dots where a figure has no neighbour to join). */
function earlierReleaseLines(vintages: readonly SortedVintage[], xOf: (point: { period: ChartPoint['period'] }) => number, y: YScale): VintageLineGeometry[] {
  return vintages.map((v) => {
    const path = line<ChartPoint>()
      .defined((p) => p.value !== null)
      .x(xOf)
      .y((p) => round1(y(p.value ?? 0)))
      .digits(1);
    const lone = v.points.filter((p, i) => p.value !== null && v.points[i - 1]?.value == null && v.points[i + 1]?.value == null);
    const d = path(v.points) ?? '';
    return {
      date: v.date,
      label: v.label,
      d: d.includes('L') ? d : '',
      dots: lone.map((p) => ({ x: xOf(p), y: round1(y(p.value!)) })),
    };
  });
}

/** Computes the layout of a measure's line chart, in the named steps above. */
export function lineChartGeometry(input: ChartInput, options: LineChartOptions = {}): LineChartGeometry {
  const opts = normaliseLineChartOptions(options);
  const { fontSize, smallFontSize } = opts;
  const { sortedSeries, periods, vintages } = sortedData(input);
  const { y, tickValues, yTickLabels, yLabelWidth } = valueAxis(input, sortedSeries, vintages, opts);
  const column = labelColumn(input, sortedSeries, opts);

  // Key entries, wrapped into rows across the full width.
  const keySymbols = usedKeySymbols(input, sortedSeries.map((s) => s.points), periods);
  const keyLayout = layoutKey(keySymbols, opts.width, smallFontSize);
  const keyHeight = keyLayout.rows > 0 ? keyLayout.rows * (smallFontSize + 10) + 6 : 0;

  const height = opts.height + keyHeight;
  const plot = plotArea(opts, height, keyHeight, yLabelWidth, column.labelColumnWidth);

  const x = scaleUtc().domain(timeDomain(periods)).range([plot.left, plot.right]);
  y.range([plot.bottom, plot.top]);
  const xOf = (point: { period: ChartPoint['period'] }): number => round1(x(periodMidpoint(point.period)));

  const xTicks = thinnedXTicks(periods, periods.map((p) => round1(x(periodMidpoint(p)))), fontSize, opts.width);
  const yTicks: YTickGeometry[] = tickValues.map((value, i) => ({ y: round1(y(value)), value, label: yTickLabels[i]! }));
  const { seriesGeometry, gaps } = seriesLines(input, sortedSeries, periods, xOf, y);
  const labelsById = endLabels(seriesGeometry, column, y, plot, xTicks, opts);

  const drawingOrder = [
    ...seriesGeometry.filter((s) => s.kind !== 'main'),
    ...seriesGeometry.filter((s) => s.kind === 'main'),
  ].map((series) => ({ ...series, endLabel: labelsById.get(series.key) ?? null }));

  return {
    type: 'line',
    width: opts.width,
    height,
    fontSize,
    smallFontSize,
    unit: input.unit,
    plot,
    yAxis: {
      title: valueAxisTitle(input.unit, input.unitLabel),
      titleY: Math.round(fontSize * 1.1),
      domain: [y.domain()[0]!, y.domain()[1]!],
      ticks: yTicks,
    },
    xAxis: { baselineY: round1(y(0)), labelY: round1(plot.bottom + fontSize + 8), ticks: xTicks },
    series: drawingOrder,
    references: column.references.map(({ kind, reference }) => ({
      kind,
      y: round1(y(reference.value)),
      value: reference.value,
      period: reference.period.text,
      periodLabel: periodLabel(reference.period),
      text: `${reference.label}: ${formatValue(reference.value, input.unit)}`,
      label: labelsById.get(`reference:${kind}`)!,
    })),
    gaps,
    breaks: breakGeometry(input, periods, (p) => round1(x(periodMidpoint(p))), plot, smallFontSize),
    key: keyLayout.items.map((item) => ({ ...item, y: round1(plot.bottom + fontSize * 2 + 8 + item.row * (smallFontSize + 10) + smallFontSize / 2) })),
    vintages: earlierReleaseLines(vintages, xOf, y),
  };
}

// Values sit at period midpoints; the domain adds half the usual spacing at each end so the first and
// last markers are not on the plot's edge. Spacing, not period length, sets the padding, because
// rolling periods (year ending each quarter) overlap and their length would leave wide empty margins.
function timeDomain(periods: readonly ChartPoint['period'][]): [Date, Date] {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return [new Date(0), new Date(86_400_000)];
  if (periods.length === 1) return [first.start, first.end];
  let spacing = Infinity;
  for (let i = 1; i < periods.length; i++) {
    spacing = Math.min(spacing, periodMidpoint(periods[i]!).getTime() - periodMidpoint(periods[i - 1]!).getTime());
  }
  const pad = Number.isFinite(spacing) && spacing > 0 ? spacing / 2 : 0;
  return [new Date(periodMidpoint(first).getTime() - pad), new Date(periodMidpoint(last).getTime() + pad)];
}

// Label steps that fall on familiar intervals (every 3, 6 or 12 months, every 2 or 5 years...).
const NICE_STEPS: Readonly<Record<ChartPoint['period']['frequency'], readonly number[]>> = {
  month: [1, 2, 3, 6, 12, 24, 60],
  quarter: [1, 2, 4, 8, 20],
  year: [1, 2, 5, 10, 20, 50],
  financial_year: [1, 2, 5, 10, 20, 50],
  interval: [1, 2, 4, 8, 12, 24],
};

/** Fewest periods the time axis labels (every period where a chart has fewer), so a reader can tell the span. */
export const MIN_X_LABELS = 3;

/**
 * Space left between two neighbouring time labels, as a share of the font size: an em where the labels
 * allow it, half an em (text widths are estimated wide, so there is more) where a full em would leave
 * fewer than MIN_X_LABELS.
 */
const X_LABEL_GAPS = [1, 0.5] as const;

/**
 * The labelled periods of the time axis. A reader must be able to tell when a series starts and ends
 * and roughly how long it runs, so the first and the latest period are always labelled, and at least
 * MIN_X_LABELS periods in all wherever their labels fit side by side (every period of a shorter series).
 * Evenly spaced series are labelled every nth period counting back from the latest (n a familiar step),
 * plus the first; series whose spacing changes (years ending March, then every quarter) would get only
 * one or two labels that way, so they get as many labels as fit, spread as evenly as they can be.
 */
function thinnedXTicks(periods: readonly ChartPoint['period'][], xs: readonly number[], fontSize: number, chartWidth: number): XTickGeometry[] {
  if (periods.length === 0) return [];
  const candidates = periods.map((period, i) => {
    const label = shortPeriodLabel(period);
    const half = textWidth(label, fontSize) / 2;
    const labelX = round1(Math.min(Math.max(xs[i]!, half + 2), chartWidth - half - 2));
    return { x: xs[i]!, labelX, label, period: period.text, left: labelX - half, right: labelX + half };
  });
  const last = candidates.length - 1;
  const wanted = Math.min(MIN_X_LABELS, candidates.length);
  const apart = (a: number, b: number, gap: number): boolean => candidates[a]!.right + gap <= candidates[b]!.left;
  const fits = (chosen: readonly number[], gap: number): boolean => chosen.every((index, k) => k === 0 || apart(chosen[k - 1]!, index, gap));
  const ticks = (chosen: readonly number[]): XTickGeometry[] =>
    chosen.map((i) => ({ x: candidates[i]!.x, labelX: candidates[i]!.labelX, label: candidates[i]!.label, period: candidates[i]!.period }));

  // Every nth period back from the latest; the first joins them, in place of any label it would cover.
  for (const share of X_LABEL_GAPS) {
    const gap = share * fontSize;
    for (const step of NICE_STEPS[periods[0]!.frequency]) {
      const regular: number[] = [];
      for (let i = last; i > 0; i -= step) regular.unshift(i);
      const chosen = [0, ...regular.filter((i) => i === last || apart(0, i, gap))];
      if (chosen.length >= wanted && fits(chosen, gap)) return ticks(chosen);
    }
  }
  // Uneven spacing: the most labels that fit between the first and the latest, then the widest
  // spacing that still fits that many, so they spread across the axis instead of bunching at one end.
  const packed = (spacing: number): number[] => {
    const afterFirst = (i: number): boolean => candidates[0]!.right + spacing <= candidates[i]!.left;
    const chosen = [last];
    for (let i = last - 1; i > 0; i--) {
      if (candidates[i]!.right + spacing <= candidates[chosen[0]!]!.left && afterFirst(i)) chosen.unshift(i);
    }
    // Only when the first and the latest label would collide is the first left out.
    return afterFirst(chosen[0]!) ? [0, ...chosen] : chosen;
  };
  const narrowest = Math.min(...X_LABEL_GAPS) * fontSize;
  const most = packed(narrowest).length;
  let [low, high] = [narrowest, chartWidth];
  for (let round = 0; round < 20; round++) {
    const middle = (low + high) / 2;
    if (packed(middle).length >= most) low = middle;
    else high = middle;
  }
  return ticks(packed(low));
}

// Splits a series into stretches: a new stretch after each series break; within a stretch d3's
// line.defined() leaves gaps at suppressed values. Edges touching a provisional value are drawn
// separately so they can be dashed.
function lineSegments(
  points: readonly ChartPoint[],
  input: ChartInput,
  periods: readonly ChartPoint['period'][],
  xOf: (point: ChartPoint) => number,
  yOf: (value: number) => number,
): LineSegmentGeometry[] {
  const stretches: ChartPoint[][] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (!previous || breakBetween(previous.period, point.period, input.breaks, periods)) stretches.push([]);
    stretches[stretches.length - 1]!.push(point);
  });
  const path = line<ChartPoint>()
    .x(xOf)
    .y((p) => yOf(p.value ?? 0))
    .digits(1);
  const isProvisional = (p: ChartPoint): boolean => p.status === 'provisional';
  const segments: LineSegmentGeometry[] = [];
  for (const stretch of stretches) {
    const solid = path.defined((p) => p.value !== null && !isProvisional(p))(stretch);
    // A lone point has no line to draw ("M x,y Z"); its marker shows it.
    if (solid && solid.includes('L')) segments.push({ d: solid, provisional: false });
    // Consecutive provisional edges form one run, so the dash pattern flows through their joins.
    const runs: ChartPoint[][] = [];
    for (let i = 1; i < stretch.length; i++) {
      const [from, to] = [stretch[i - 1]!, stretch[i]!];
      if (from.value === null || to.value === null || !(isProvisional(from) || isProvisional(to))) continue;
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === from) run.push(to);
      else runs.push([from, to]);
    }
    const dashed = runs.map((run) => path.defined(() => true)(run) ?? '');
    if (dashed.length > 0) segments.push({ d: dashed.join(''), provisional: true });
  }
  return segments;
}

function usedKeySymbols(
  input: ChartInput,
  pointLists: readonly (readonly ChartPoint[])[],
  periods: readonly ChartPoint['period'][],
): KeySymbol[] {
  const all = pointLists.flat();
  const main = mainSeries(input);
  const symbols: KeySymbol[] = [];
  if (all.some((p) => p.value !== null && p.status === 'provisional')) symbols.push('provisional');
  if (all.some((p) => p.value !== null && (p.revised === true || p.status === 'revised'))) symbols.push('revised');
  if (main?.points.some((p) => p.value === null)) symbols.push('gap');
  if (input.breaks.some((b) => breakIndex(b, periods) > 0)) symbols.push('break');
  return symbols;
}

function layoutKey(symbols: readonly KeySymbol[], width: number, fontSize: number): { rows: number; items: { symbol: KeySymbol; x: number; row: number; text: string }[] } {
  const items: { symbol: KeySymbol; x: number; row: number; text: string }[] = [];
  let row = 0;
  let cursor = 8;
  for (const symbol of symbols) {
    const text = KEY_TEXT[symbol];
    const itemWidth = 22 + textWidth(text, fontSize) + 18;
    if (cursor > 8 && cursor + itemWidth > width - 8) {
      row += 1;
      cursor = 8;
    }
    items.push({ symbol, x: round1(cursor), row, text });
    cursor += itemWidth;
  }
  return { rows: symbols.length === 0 ? 0 : row + 1, items };
}

// Index of the first period at or after the break; 0 or -1 means there is nothing before it to break from.
function breakIndex(seriesBreak: ChartInput['breaks'][number], periods: readonly ChartPoint['period'][]): number {
  const start = breakStart(seriesBreak, periods);
  if (!start) return -1;
  return periods.findIndex((period) => period.start.getTime() >= start.getTime());
}

// The rule sits halfway between the last period before the break and the first after it; rolling
// periods overlap, so a period's start date would put the rule in the wrong place.
function breakGeometry(
  input: ChartInput,
  periods: readonly ChartPoint['period'][],
  midX: (period: ChartPoint['period']) => number,
  plot: LineChartGeometry['plot'],
  fontSize: number,
): BreakGeometry[] {
  const result: BreakGeometry[] = [];
  for (const seriesBreak of input.breaks) {
    const index = breakIndex(seriesBreak, periods);
    if (index <= 0) continue;
    const breakX = round1((midX(periods[index - 1]!) + midX(periods[index]!)) / 2);
    const fitsRight = breakX + 4 + textWidth(KEY_TEXT.break, fontSize) <= plot.right;
    result.push({
      period: seriesBreak.period,
      periodLabel: periodLabel(periods[index]!),
      x: breakX,
      note: seriesBreak.note,
      labelX: round1(fitsRight ? breakX + 4 : breakX - 4),
      labelY: round1(plot.top + fontSize * 0.2 - 4),
      labelAnchor: fitsRight ? 'start' : 'end',
    });
  }
  return result;
}
