/**
 * How figures are written for people: in tables, chart labels and summary sentences.
 * One place decides precision so a value reads the same in the chart, the table and the text.
 * d3-format's default locale is en-US, which matches UK digit grouping ("1,234.5").
 */
import { format } from 'd3-format';
import type { Unit } from '../schemas/measure.ts';

/** Text shown where a value is suppressed (withheld by the publisher). */
export const SUPPRESSED_TEXT = 'Suppressed';

const withGrouping = format(',');
const oneDecimal = format(',.1f');
const trimmedTwoDecimals = format(',.2~f');
const twoSignificant = format(',.2~r');
const threeSignificant = format(',.3~r');
const trimmed = format(',~f');

/** Suffix written after a rate, e.g. " per 1,000". */
export function rateSuffix(unit: Unit): string {
  if (unit === 'rate_per_1000') return ' per 1,000';
  if (unit === 'rate_per_100000') return ' per 100,000';
  return '';
}

// Percentages and rates read best with one decimal, but a small rate such as 0.04 would round to
// "0.0", which hides a real value, so values under 1 keep two significant figures instead.
function oneDecimalOrSignificant(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && magnitude < 1 ? twoSignificant(value) : oneDecimal(value);
}

/** A value written in full for its unit: "1,234", "12.3%", "4.5 per 1,000", "12.1 per 100,000", "3.14". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'count':
      return Number.isInteger(value) ? withGrouping(value) : oneDecimal(value);
    case 'percent':
      return `${oneDecimalOrSignificant(value)}%`;
    case 'rate_per_1000':
    case 'rate_per_100000':
      return `${oneDecimalOrSignificant(value)}${rateSuffix(unit)}`;
    case 'number': {
      const magnitude = Math.abs(value);
      return magnitude !== 0 && magnitude < 1 ? threeSignificant(value) : trimmedTwoDecimals(value);
    }
  }
}

/** Like formatValue, but says "Suppressed" for a withheld (null) value. */
export function formatValueOrSuppressed(value: number | null, unit: Unit): string {
  return value === null ? SUPPRESSED_TEXT : formatValue(value, unit);
}

/**
 * A revised figure's value before and after, as formatValueOrSuppressed writes them, unless that
 * would print two different values alike ("5.1%" and "5.1%" for 5.10530 and 5.10572): then both
 * get the fewest decimals (up to 6) that tell them apart, else every digit written, so a reader sees
 * what the revision changed.
 */
export function formatRevisedPair(before: number | null, after: number | null, unit: Unit): [string, string] {
  const plain: [string, string] = [formatValueOrSuppressed(before, unit), formatValueOrSuppressed(after, unit)];
  if (before === null || after === null || before === after || plain[0] !== plain[1]) return plain;
  const suffix = unit === 'percent' ? '%' : unit === 'rate_per_1000' || unit === 'rate_per_100000' ? rateSuffix(unit) : '';
  const fixed = (value: number, decimals: number) =>
    `${value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${suffix}`;
  for (let decimals = 1; decimals <= 6; decimals++) {
    const pair: [string, string] = [fixed(before, decimals), fixed(after, decimals)];
    if (pair[0] !== pair[1]) return pair;
  }
  // Alike even at 6 decimals (a spreadsheet's floating-point digits, e.g. ...628 and ...627): the values as written.
  return [`${before}${suffix}`, `${after}${suffix}`];
}

/** A compact axis tick label: no rate suffix (the axis title carries it), trailing zeros trimmed: "1,000", "12.5%", "4.5". */
export function formatTick(value: number, unit: Unit): string {
  return unit === 'percent' ? `${trimmed(value)}%` : trimmed(value);
}

/** Relative change from `from` to `to` in percent, or null when `from` is zero (no meaningful ratio). */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return null;
  return ((to - from) / Math.abs(from)) * 100;
}

/**
 * A relative change for a sentence: "8% fewer" / "8% more" for counts, "8% lower" / "8% higher"
 * otherwise, "less than 1% fewer" for tiny changes and "no change" for zero.
 */
export function formatChange(percent: number, unit: Unit = 'count'): string {
  if (percent === 0) return 'no change';
  const [down, up] = unit === 'count' ? ['fewer', 'more'] : ['lower', 'higher'];
  const rounded = Math.round(Math.abs(percent));
  // "0% fewer" reads as "no change", which would be untrue, so tiny changes say so instead.
  const size = rounded === 0 ? 'less than 1%' : `${withGrouping(rounded)}%`;
  return `${size} ${percent < 0 ? down : up}`;
}
