/**
 * The geometry of a comparison: every area's figure as a thin bar, highest first, the partnership and
 * its comparators labelled (labels moved apart so none overlap), the reference area's line and value ticks.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { formatTick, formatValue } from '../../../format/number.ts';
import { dodgeLabels, round1, textWidth, wrapText } from '../../layout.ts';
import { rankAreas, type ComparedArea, type ComparisonInput } from './input.ts';

const WIDTH = 440;
/** Shared with the renderer. */
export const FONT = 14;
/** Shared with the renderer. */
export const ROW = 2;
const TOP = 40;
const BARS_LEFT = 4;
const BARS_RIGHT = 240;
/** Shared with the renderer. */
export const LABEL_X = 256;
const LABEL_WIDTH = WIDTH - LABEL_X - 4;
/** Shared with the renderer. */
export const LINE = FONT * 1.25;
/** Shared with the renderer. */
export const OTHER_BAR = '#B1B4B6';

/** A labelled area's label, placed. */
interface LabelGeometry {
  readonly lines: readonly string[];
  readonly y: number;
  readonly barX: number;
  readonly barY: number;
  readonly role: ComparedArea['role'];
}

/** Everything the SVG is drawn from, in viewBox units. */
export interface ComparisonGeometry {
  readonly width: number;
  readonly height: number;
  /** One path of the bars of every unlabelled area. */
  readonly otherBars: string;
  readonly labelledBars: readonly { readonly x: number; readonly y: number; readonly width: number; readonly role: ComparedArea['role']; readonly name: string; readonly value: number }[];
  readonly labels: readonly LabelGeometry[];
  readonly ticks: readonly { readonly x: number; readonly text: string }[];
  readonly barsTop: number;
  readonly barsBottom: number;
  /** Baseline of the value ticks' text, under the bars and labels. */
  readonly axisY: number;
  readonly reference?: { readonly x: number; readonly text: string; readonly anchor: 'start' | 'end' };
}

/** The geometry of a comparison: ranked bars, dodged labels, reference line and value ticks. */
export function comparisonGeometry(input: ComparisonInput): ComparisonGeometry {
  const ranked = rankAreas(input.areas).filter((a) => a.rank !== undefined);
  const values = ranked.map((a) => a.value!);
  const all = input.reference ? [...values, input.reference.value] : values;
  const x = scaleLinear()
    .domain([Math.min(0, min(all) ?? 0), max(all) ?? 1])
    .range([BARS_LEFT, BARS_RIGHT])
    .nice(4);
  const barsTop = TOP;
  const barsBottom = barsTop + ranked.length * ROW;
  const zero = x(0);
  let otherBars = '';
  const labelledBars: ComparisonGeometry['labelledBars'][number][] = [];
  const wanted: { lines: string[]; y: number; barX: number; barY: number; role: ComparedArea['role'] }[] = [];
  ranked.forEach((a, i) => {
    const y = barsTop + i * ROW;
    const left = round1(Math.min(zero, x(a.value!)));
    const width = round1(Math.abs(x(a.value!) - zero));
    if (a.role === 'other') {
      otherBars += `M${left} ${round1(y)}h${width}v${ROW}h${-width}z`;
      return;
    }
    labelledBars.push({ x: left, y: round1(y), width, role: a.role, name: a.name, value: a.value! });
    const lines = wrapText(`${a.name} ${formatValue(a.value!, input.unit).replace(/ per .*/, '')}`, FONT, LABEL_WIDTH, a.role === 'own');
    wanted.push({ lines, y: y + ROW / 2, barX: round1(left + width), barY: round1(y + ROW / 2), role: a.role });
  });
  const placed = dodgeLabels(
    wanted.map((w) => ({ y: w.y, height: w.lines.length * LINE + 2 })),
    barsTop,
    Math.max(barsBottom, barsTop + wanted.reduce((sum, w) => sum + w.lines.length * LINE + 2, 0)),
  );
  const labels = wanted.map((w, i) => ({ lines: w.lines, y: round1(placed[i]!), barX: w.barX, barY: w.barY, role: w.role }));
  const labelsBottom = Math.max(0, ...labels.map((l, i) => l.y + (wanted[i]!.lines.length * LINE) / 2));
  const axisY = round1(Math.max(barsBottom, labelsBottom) + 18);
  const ticks = x.ticks(4).map((t) => ({ x: round1(x(t)), text: formatTick(t, input.unit) }));
  const reference = input.reference
    ? (() => {
        const rx = round1(x(input.reference.value));
        const text = `${input.reference.name} ${formatValue(input.reference.value, input.unit).replace(/ per .*/, '')}`;
        // The label runs away from the chart's edge it would cross.
        const anchor: 'start' | 'end' = rx + textWidth(text, FONT) > WIDTH - 4 ? 'end' : 'start';
        return { x: rx, text, anchor };
      })()
    : undefined;
  return { width: WIDTH, height: round1(axisY + 8), otherBars, labelledBars, labels, ticks, barsTop, barsBottom: round1(barsBottom), axisY, ...(reference ? { reference } : {}) };
}
