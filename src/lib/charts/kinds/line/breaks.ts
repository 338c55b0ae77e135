/** The line chart's series breaks: a labelled vertical rule where recording practice changed. */
import { periodLabel } from '../../../schemas/period.ts';
import { breakStart, round1, textWidth } from '../../layout.ts';
import type { ChartInput, ChartPoint } from '../../types.ts';
import type { BreakGeometry, LineChartGeometry } from './geometry-types.ts';

/** The words beside a break's rule and in the key. */
export const SERIES_BREAK_TEXT = 'Series break';

// Index of the first period at or after the break; 0 or -1 means there is nothing before it to break from.
export function breakIndex(seriesBreak: ChartInput['breaks'][number], periods: readonly ChartPoint['period'][]): number {
  const start = breakStart(seriesBreak, periods);
  if (!start) return -1;
  return periods.findIndex((period) => period.start.getTime() >= start.getTime());
}

// The rule sits halfway between the last period before the break and the first after it; rolling
// periods overlap, so a period's start date would put the rule in the wrong place.
export function breakGeometry(
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
    const fitsRight = breakX + 4 + textWidth(SERIES_BREAK_TEXT, fontSize) <= plot.right;
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
