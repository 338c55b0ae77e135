/**
 * Small layout helpers shared by the charts. Text is measured by estimate (no DOM at build time),
 * so widths are deliberately generous; everything is rounded so SVG output is byte-for-byte stable.
 */
import { comparePeriods, parsePeriod, type Period } from '../schemas/period.ts';
import type { ChartBreak, ChartPoint } from './types.ts';

/** Rounds to one decimal place (and turns -0 into 0) so output is deterministic and compact. */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

// Advance widths as a share of the font size, close to DejaVu Sans: one of the widest common sans
// faces and the fallback on Linux and in rsvg, so estimates err wide for system-ui in browsers.
const NARROW = new Set([...'.,:;!|ilIj\'`']);
const SEMI_NARROW = new Set([...' ()[]{}frt/-']);
const WIDE = new Set([...'MWmw@%']);

/** Estimated width of `text` at `fontSize`; errs wide so labels are not clipped. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    if (NARROW.has(char)) units += 0.3;
    else if (SEMI_NARROW.has(char)) units += 0.4;
    else if (WIDE.has(char)) units += 0.95;
    else if (char >= 'A' && char <= 'Z') units += 0.72;
    else units += 0.64;
  }
  return units * fontSize * (bold ? 1.1 : 1);
}

/** Splits `text` into lines no wider than `maxWidth` at word boundaries (a long word keeps its own line). */
export function wrapText(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.trim().split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** A label that wants to sit at `y` and is `height` tall. */
export interface DodgeItem {
  readonly y: number;
  readonly height: number;
}

/**
 * Moves labels apart vertically so none overlap, keeping them within [top, bottom] where possible.
 * Returns the new centre y of each item, in the input order.
 */
export function dodgeLabels(items: readonly DodgeItem[], top: number, bottom: number): number[] {
  const order = items.map((item, index) => ({ ...item, index })).sort((a, b) => a.y - b.y || a.index - b.index);
  const placed: number[] = [];
  // Push down from the top so each label clears the one above it...
  order.forEach((item, i) => {
    const previous = i > 0 ? placed[i - 1]! + order[i - 1]!.height / 2 + item.height / 2 : top + item.height / 2;
    placed.push(Math.max(item.y, previous));
  });
  // ...then, if the stack ran off the bottom, push back up so the lowest label fits.
  for (let i = order.length - 1; i >= 0; i--) {
    const limit = i === order.length - 1 ? bottom - order[i]!.height / 2 : placed[i + 1]! - order[i + 1]!.height / 2 - order[i]!.height / 2;
    placed[i] = Math.min(placed[i]!, limit);
  }
  const result = new Array<number>(items.length);
  order.forEach((item, i) => {
    result[item.index] = placed[i]!;
  });
  return result;
}

/** The middle of a period, where its value is plotted, so years, quarters and months share one time axis. */
export function periodMidpoint(period: Period): Date {
  return new Date(period.start.getTime() + (period.end.getTime() - period.start.getTime()) / 2);
}

/** The points sorted by period (input order is not trusted). */
export function sortPoints<T extends ChartPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => comparePeriods(a.period, b.period));
}

/** Length of a period in whole months; used to parse interval periods named by a break. */
function monthsIn(period: Period): number {
  return (period.end.getUTCFullYear() - period.start.getUTCFullYear()) * 12 + period.end.getUTCMonth() - period.start.getUTCMonth();
}

/**
 * Where a series break starts, as a date. A break names a period by its text; it may be a period the
 * chart has (usual) or one it lacks (e.g. suppressed rows left out), so it is parsed in the series' own form.
 */
export function breakStart(seriesBreak: ChartBreak, knownPeriods: readonly Period[]): Date | undefined {
  const known = knownPeriods.find((period) => period.text === seriesBreak.period);
  if (known) return known.start;
  const sample = knownPeriods[0];
  if (!sample) return undefined;
  const parsed = parsePeriod(seriesBreak.period, sample.frequency, monthsIn(sample));
  return parsed.ok ? parsed.period.start : undefined;
}

/** The first break lying between two periods (after `earlier` starts, no later than `later` starts), if any. */
export function breakBetween(
  earlier: Period,
  later: Period,
  breaks: readonly ChartBreak[],
  knownPeriods: readonly Period[],
): ChartBreak | undefined {
  return breaks.find((seriesBreak) => {
    const start = breakStart(seriesBreak, knownPeriods);
    return start !== undefined && start.getTime() > earlier.start.getTime() && start.getTime() <= later.start.getTime();
  });
}

/** Every distinct period in the given point lists, sorted. */
export function allPeriods(pointLists: readonly (readonly ChartPoint[])[]): Period[] {
  const byText = new Map<string, Period>();
  for (const points of pointLists) for (const point of points) if (!byText.has(point.period.text)) byText.set(point.period.text, point.period);
  return [...byText.values()].sort(comparePeriods);
}

