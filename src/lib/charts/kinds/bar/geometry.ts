/**
 * Geometry of a breakdown at one period as horizontal bars: category labels on the left, each value
 * written at its bar's end, so no axis has to be read. Plain object out, viewBox units, 1 decimal place.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { formatValue, SUPPRESSED_TEXT } from '../../../format/number.ts';
import type { ObservationStatus } from '../../../schemas/model.ts';
import { periodLabel } from '../../../schemas/period.ts';
import type { Unit } from '../../../schemas/measure.ts';
import { round1, textWidth, wrapText } from '../../layout.ts';
import type { TextLineGeometry } from '../line/geometry-types.ts';
import type { BarChartInput } from '../../types.ts';

/** Optional layout settings; anything left out takes the default. */
export interface BarChartOptions {
  /** viewBox width (default 440). */
  readonly width?: number;
  /** Font size in viewBox units (default 15). */
  readonly fontSize?: number;
  /** Thickness of each bar (default 24). */
  readonly barHeight?: number;
  /** Share of the width category labels may take before they wrap (default 0.4). */
  readonly maxCategoryShare?: number;
}

/** Layout settings with every default filled in. */
export interface NormalisedBarChartOptions {
  readonly width: number;
  readonly fontSize: number;
  readonly barHeight: number;
  readonly maxCategoryShare: number;
}

/** One bar and its labels. */
export interface BarGeometry {
  /** Untrusted category text. */
  readonly label: string;
  /** The category label wrapped to fit, right-aligned at `labelX`. */
  readonly labelLines: readonly TextLineGeometry[];
  readonly value: number | null;
  /** Value formatted for its unit, or "Suppressed". */
  readonly valueText: string;
  readonly status?: ObservationStatus;
  readonly note: string;
  /** Bar rectangle; zero width when suppressed. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly valueX: number;
  readonly valueY: number;
  readonly valueAnchor: 'start' | 'end';
}

/** Everything needed to draw a bar chart. */
export interface BarChartGeometry {
  readonly type: 'bar';
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly unit: Unit;
  /** "Age band, 2023-24": what the bars split by and when. */
  readonly heading: string;
  readonly periodLabel: string;
  /** Right edge of the category labels. */
  readonly labelX: number;
  /** x of value 0, where the axis rule is drawn. */
  readonly zeroX: number;
  readonly top: number;
  readonly bottom: number;
  readonly bars: readonly BarGeometry[];
}

/** Fills in defaults and clamps settings to workable ranges. */
export function normaliseBarChartOptions(options: BarChartOptions = {}): NormalisedBarChartOptions {
  return {
    width: Math.max(options.width ?? 440, 240),
    fontSize: Math.min(Math.max(options.fontSize ?? 15, 10), 24),
    barHeight: Math.min(Math.max(options.barHeight ?? 24, 8), 60),
    maxCategoryShare: Math.min(Math.max(options.maxCategoryShare ?? 0.4, 0.15), 0.6),
  };
}

/** Computes the layout of a breakdown bar chart. */
export function barChartGeometry(input: BarChartInput, options: BarChartOptions = {}): BarChartGeometry {
  const opts = normaliseBarChartOptions(options);
  const { fontSize, barHeight } = opts;
  const lineHeight = Math.round(fontSize * 1.2);
  const rowGap = 10;
  const margin = 8;

  const maxCategoryWidth = opts.width * opts.maxCategoryShare;
  const wrapped = input.bars.map((bar) => wrapText(bar.label, fontSize, maxCategoryWidth));
  const categoryWidth = Math.min(max(wrapped.flat(), (text) => textWidth(text, fontSize)) ?? 0, maxCategoryWidth);
  const valueTexts = input.bars.map((bar) => (bar.value === null ? SUPPRESSED_TEXT : formatValue(bar.value, input.unit)));
  const valueWidth = max(valueTexts, (text) => textWidth(text, fontSize, true)) ?? 0;

  const labelX = Math.ceil(margin + categoryWidth);
  const left = labelX + 10;
  const right = opts.width - Math.ceil(valueWidth + 8 + margin);
  const values = input.bars.map((bar) => bar.value).filter((v): v is number => v !== null);
  const lowest = Math.min(0, min(values) ?? 0);
  const highest = Math.max(0, max(values) ?? 0);
  const x = scaleLinear().domain([lowest, highest === lowest ? lowest + 1 : highest]).range([left, right]);
  const zeroX = round1(x(0));

  let cursor = margin;
  const bars: BarGeometry[] = input.bars.map((bar, i) => {
    const lines = wrapped[i]!;
    const rowHeight = Math.max(barHeight, lines.length * lineHeight);
    const centre = cursor + rowHeight / 2;
    cursor += rowHeight + rowGap;
    const end = bar.value === null ? zeroX : round1(x(bar.value));
    const negative = bar.value !== null && bar.value < 0;
    const firstBaseline = centre - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
    return {
      label: bar.label,
      labelLines: lines.map((text, line) => ({ text, y: round1(firstBaseline + line * lineHeight) })),
      value: bar.value,
      valueText: valueTexts[i]!,
      ...(bar.status ? { status: bar.status } : {}),
      note: bar.note ?? '',
      x: Math.min(zeroX, end),
      y: round1(centre - barHeight / 2),
      width: round1(Math.abs(end - zeroX)),
      height: barHeight,
      valueX: round1(negative ? end - 6 : end + 6),
      valueY: round1(centre + fontSize * 0.35),
      valueAnchor: negative ? 'end' : 'start',
    };
  });

  return {
    type: 'bar',
    width: opts.width,
    height: Math.round(cursor - rowGap + margin),
    fontSize,
    unit: input.unit,
    heading: `${input.breakdownLabel}, ${periodLabel(input.period)}`,
    periodLabel: periodLabel(input.period),
    labelX,
    zeroX,
    top: margin,
    bottom: Math.round(cursor - rowGap),
    bars,
  };
}
