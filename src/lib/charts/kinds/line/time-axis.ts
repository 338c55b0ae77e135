/** The line chart's time axis: its domain and the periods it labels, thinned so no two labels touch. */
import { shortPeriodLabel } from '../../../schemas/period.ts';
import { periodMidpoint, round1, textWidth } from '../../layout.ts';
import type { ChartPoint } from '../../types.ts';
import type { XTickGeometry } from './geometry-types.ts';

// Values sit at period midpoints; the domain adds half the usual spacing at each end so the first and
// last markers are not on the plot's edge. Spacing, not period length, sets the padding, because
// rolling periods (year ending each quarter) overlap and their length would leave wide empty margins.
export function timeDomain(periods: readonly ChartPoint['period'][]): [Date, Date] {
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
export function thinnedXTicks(periods: readonly ChartPoint['period'][], xs: readonly number[], fontSize: number, chartWidth: number): XTickGeometry[] {
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
