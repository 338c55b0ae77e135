/** A bar chart's words: the summary shown as its caption and the <desc> listing every bar. */
import { formatValue } from '../../../format/number.ts';
import { periodLabel } from '../../../schemas/period.ts';
import { AREA_COMPARISON, type BarChartInput } from '../../types.ts';
import { joinList, lowerFirst } from '../../words.ts';

/** The caption summary for a breakdown bar chart: which categories are highest and lowest. */
export function summariseBarChart(input: BarChartInput): string {
  const when = periodLabel(input.period);
  const breakdown = lowerFirst(input.breakdownLabel);
  const bars = input.bars.filter((bar): bar is typeof bar & { value: number } => bar.value !== null);
  const subject = input.unit === 'count' && input.unitLabel ? input.unitLabel : input.title;
  // Bars that are areas are not "in" the measure's own area: Manchester is not in Nottingham.
  const where = input.breakdownLabel === AREA_COMPARISON ? '' : ` in ${input.areaName}`;
  const sentences: string[] = [];
  if (bars.length === 0) return `Every figure for ${subject}${where} by ${breakdown} in ${when} is suppressed.`;
  let highest = bars[0]!;
  let lowest = bars[0]!;
  for (const bar of bars) {
    if (bar.value > highest.value) highest = bar;
    if (bar.value < lowest.value) lowest = bar;
  }
  const value = (v: number): string => formatValue(v, input.unit);
  if (bars.length === 1 || highest.value === lowest.value) {
    sentences.push(`In ${when}, ${subject}${where} by ${breakdown}: ${joinList(bars.map((b) => `${b.label} ${value(b.value)}`))}.`);
  } else {
    const counted = input.unit === 'count' && input.unitLabel !== undefined;
    const what = counted ? `the most ${input.unitLabel}` : `the highest figure for ${subject}`;
    const least = counted ? 'fewest' : 'lowest';
    sentences.push(
      `In ${when}, the ${breakdown} with ${what}${where} was ${highest.label} (${value(highest.value)}); the ${least} was ${lowest.label} (${value(lowest.value)}).`,
    );
  }
  const suppressed = input.bars.filter((bar) => bar.value === null).map((bar) => bar.label);
  if (suppressed.length > 0) sentences.push(`The ${suppressed.length === 1 ? 'figure' : 'figures'} for ${joinList(suppressed)} ${suppressed.length === 1 ? 'is' : 'are'} suppressed.`);
  return sentences.join(' ');
}

/** A short description for the bar chart's SVG <desc>, listing every bar. */
export function describeBarChart(input: BarChartInput): string {
  const items = input.bars.map((bar) => `${bar.label} ${bar.value === null ? 'suppressed' : formatValue(bar.value, input.unit)}`);
  const where = input.breakdownLabel === AREA_COMPARISON ? '' : ` in ${input.areaName}`;
  return `Bar chart of ${input.title}${where} by ${lowerFirst(input.breakdownLabel)}, ${periodLabel(input.period)}: ${items.join('; ')}.`;
}
