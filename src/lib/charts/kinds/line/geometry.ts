/**
 * Geometry of a measure's line chart, computed at build time with d3 scales: the steps in order,
 * each step's drawing in its own file (time axis, lines, labels, key, breaks).
 *
 * The viewBox is narrow (440 wide by default) on purpose: the SVG scales to its container, and at
 * 320 CSS px a wider viewBox would shrink 15-unit text below a legible size.
 */
import { max, min } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { formatTick, formatValue, rateSuffix } from '../../../format/number.ts';
import { periodLabel, type Period } from '../../../schemas/period.ts';
import type { Unit } from '../../../schemas/measure.ts';
import { allPeriods, periodMidpoint, round1, sortPoints, textWidth } from '../../layout.ts';
import type { ChartInput, ChartPoint, ChartReference } from '../../types.ts';
import { breakGeometry } from './breaks.ts';
import type { LineChartGeometry, LineChartOptions, NormalisedLineChartOptions, Plot, SortedSeries, SortedVintage, YTickGeometry } from './geometry-types.ts';
import { layoutKey, usedKeySymbols } from './key.ts';
import { endLabels, labelColumn } from './labels.ts';
import { earlierReleaseLines, seriesLines } from './lines.ts';
import { thinnedXTicks, timeDomain } from './time-axis.ts';

export type * from './geometry-types.ts';
export { MIN_X_LABELS } from './time-axis.ts';

/** The least height a chart is laid out at, key rows aside. */
const SHORTEST_PLOT = 160;

/** Fills in defaults and clamps settings to workable ranges. */
export function normaliseLineChartOptions(options: LineChartOptions = {}): NormalisedLineChartOptions {
  const fontSize = Math.min(Math.max(options.fontSize ?? 15, 10), 24);
  return {
    width: Math.max(options.width ?? 440, 240),
    height: Math.max(options.height ?? 280, SHORTEST_PLOT),
    fontSize,
    smallFontSize: Math.round(fontSize * 0.9),
    yTickCount: Math.min(Math.max(Math.round(options.yTickCount ?? 4), 2), 10),
    maxLabelWidth: Math.max(options.maxLabelWidth ?? 96, 40),
    keyInside: options.keyInside ?? false,
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

/** Step 4: the plot's box inside the chart, leaving room for the axis labels, the label column and the key below. */
function plotArea(opts: NormalisedLineChartOptions, height: number, keyHeight: number, yLabelWidth: number, labelColumnWidth: number): Plot {
  return {
    left: Math.ceil(Math.max(yLabelWidth + 10, 24)),
    right: opts.width - Math.ceil(Math.max(labelColumnWidth, 14)),
    top: Math.round(opts.fontSize * 2.4),
    bottom: height - keyHeight - Math.round(opts.fontSize * 2),
  };
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

  const height = (opts.keyInside ? Math.max(opts.height - keyHeight, SHORTEST_PLOT) : opts.height) + keyHeight;
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
