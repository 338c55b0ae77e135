/**
 * A line chart's words: the summary shown as its caption and the shorter text used as the SVG's <desc>.
 * Better or worse is said only when the measure's polarity allows a judgement.
 */
import { formatChange, formatValue, percentChange } from '../../../format/number.ts';
import { periodLabel, periodYearEarlier, yearEarlierPoint } from '../../../schemas/period.ts';
import { allPeriods, breakBetween, breakStart, sortPoints } from '../../layout.ts';
import { SERIES_STYLES } from '../../style.ts';
import type { ChartInput, ChartPoint } from '../../types.ts';
import { endSentence, joinList, judgementSentence } from '../../words.ts';
import { mainSeries } from './lines.ts';

type PublishedPoint = ChartPoint & { readonly value: number };

// "In 2023-24 there were 1,234 knife crime offences in X" or "In Q1 2024 the figure for ... in X was 45.2%".
function valueStatement(input: ChartInput, point: PublishedPoint): string {
  const when = periodLabel(point.period);
  const value = formatValue(point.value, input.unit);
  // "There were 1 offences" would be wrong, so a single item falls back to the general form.
  if (input.unit === 'count' && input.unitLabel && point.value !== 1) {
    return `In ${when} there were ${value} ${input.unitLabel} in ${input.areaName}`;
  }
  return `In ${when} the figure for ${input.title} in ${input.areaName} was ${value}`;
}

// The comparison with the previous value, and which way it moved ('same' when it did not visibly move).
function comparisonClause(input: ChartInput, latest: PublishedPoint, previous: PublishedPoint): { clause: string; direction: 'up' | 'down' | 'same' } {
  const then = periodLabel(previous.period);
  if (latest.value === previous.value) return { clause: `, the same as in ${then}`, direction: 'same' };
  const direction = latest.value > previous.value ? 'up' : 'down';
  // A percentage of a percentage confuses; say where it moved from instead.
  if (input.unit === 'percent') {
    const before = formatValue(previous.value, input.unit);
    if (before === formatValue(latest.value, input.unit)) return { clause: `, almost the same as in ${then}`, direction: 'same' };
    return { clause: `, ${direction} from ${before} in ${then}`, direction };
  }
  const change = percentChange(previous.value, latest.value);
  // From zero there is no percentage change, so give the earlier figure.
  if (change === null) return { clause: `, compared with ${formatValue(previous.value, input.unit)} in ${then}`, direction };
  return { clause: `, ${formatChange(change, input.unit)} than in ${then}`, direction };
}

/**
 * Why no change is stated: a change is only ever measured against the same period a year earlier,
 * so this names that period and whether it is missing or suppressed.
 */
function noYearEarlierSentence(points: readonly ChartPoint[], latest: PublishedPoint): string {
  const wanted = periodYearEarlier(latest.period);
  const held = yearEarlierPoint(points, latest);
  const then = periodLabel(wanted);
  return held
    ? `The figure for ${then}, the same period a year earlier, is suppressed, so no change is stated.`
    : `A change is stated only against the same period a year earlier (${then}), and no figure for it is published here.`;
}

/** The caption summary for a measure's line chart: latest value, change, judgement (if allowed) and caveats. */
export function summariseLineChart(input: ChartInput): string {
  const series = mainSeries(input);
  const points = sortPoints(series?.points ?? []);
  const subject = `${input.title} in ${input.areaName}`;
  if (points.length === 0) return `No figures have been published yet for ${subject}.`;
  const published = points.filter((p): p is PublishedPoint => p.value !== null);
  const latest = published[published.length - 1];
  if (!latest) return `Every figure for ${subject} is suppressed, so none can be shown.`;

  const periods = allPeriods(input.series.map((s) => s.points));
  const previous = yearEarlierPoint(published, latest);
  const sentences: string[] = [];
  const seriesBreak = previous ? breakBetween(previous.period, latest.period, input.breaks, periods) : undefined;

  if (previous && !seriesBreak) {
    const { clause, direction } = comparisonClause(input, latest, previous);
    sentences.push(`${valueStatement(input, latest)}${clause}.`);
    if (direction !== 'same') sentences.push(judgementSentence(direction, input.polarity));
  } else {
    sentences.push(`${valueStatement(input, latest)}.`);
    if (seriesBreak) {
      const start = breakStart(seriesBreak, periods);
      const from = periods.find((p) => start !== undefined && p.start.getTime() >= start.getTime()) ?? latest.period;
      sentences.push(endSentence(`Figures from ${periodLabel(from)} are not compared with earlier ones because recording changed: ${seriesBreak.note}`));
    } else if (points.length === 1) {
      sentences.push('This is the only figure published so far.');
    } else {
      sentences.push(noYearEarlierSentence(points, latest));
    }
  }

  if (latest.status === 'provisional') sentences.push(`The ${periodLabel(latest.period)} figure is provisional and may be revised.`);

  const newerSuppressed = points.filter((p) => p.value === null && p.period.start.getTime() > latest.period.start.getTime());
  if (newerSuppressed.length === 1) {
    const only = newerSuppressed[0]!;
    sentences.push(endSentence(`The figure for ${periodLabel(only.period)} is suppressed${only.note ? `: ${only.note}` : ''}`));
  } else if (newerSuppressed.length > 1) {
    sentences.push(`The figures for ${joinList(newerSuppressed.map((p) => periodLabel(p.period)))} are suppressed.`);
  }

  const comparisons = input.series
    .filter((s) => s !== series)
    .map((s) => ({ label: s.label, point: s.points.find((p) => p.period.text === latest.period.text && p.value !== null) }))
    .filter((c): c is { label: string; point: PublishedPoint } => c.point !== undefined)
    .map((c) => `${formatValue(c.point.value, input.unit)} for ${c.label}`);
  if (comparisons.length > 0) sentences.push(`For comparison, the figure for ${periodLabel(latest.period)} was ${joinList(comparisons)}.`);

  if (input.target) sentences.push(`The target for ${periodLabel(input.target.period)} is ${formatValue(input.target.value, input.unit)}.`);
  return sentences.filter(Boolean).join(' ');
}

function extremes(points: readonly PublishedPoint[]): { lowest: PublishedPoint; highest: PublishedPoint } | undefined {
  if (points.length === 0) return undefined;
  let lowest = points[0]!;
  let highest = points[0]!;
  for (const point of points) {
    if (point.value < lowest.value) lowest = point;
    if (point.value > highest.value) highest = point;
  }
  return { lowest, highest };
}

/** A short description for the line chart's SVG <desc>: span, range, latest value, comparators and gaps. */
export function describeLineChart(input: ChartInput): string {
  const series = mainSeries(input);
  const points = sortPoints(series?.points ?? []);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `Line chart of ${input.title} in ${input.areaName}. No figures have been published yet.`;
  const span = first === last ? `for ${periodLabel(first.period)}` : `from ${periodLabel(first.period)} to ${periodLabel(last.period)}`;
  const parts = [`Line chart of ${input.title} in ${input.areaName} ${span}.`];
  const published = points.filter((p): p is PublishedPoint => p.value !== null);
  const range = extremes(published);
  const format = (p: PublishedPoint): string => `${formatValue(p.value, input.unit)} in ${periodLabel(p.period)}`;
  if (range && published.length > 1) parts.push(`Lowest ${format(range.lowest)}; highest ${format(range.highest)}.`);
  const latest = published[published.length - 1];
  if (latest) parts.push(`Latest ${format(latest)}.`);
  const comparators = input.series.filter((s) => s !== series);
  if (comparators.length > 0) {
    parts.push(`Also shown: ${joinList(comparators.map((s) => `${s.label} (${SERIES_STYLES[s.kind].patternName})`))}.`);
  }
  const suppressed = points.length - published.length;
  if (suppressed > 0) parts.push(suppressed === 1 ? '1 value is suppressed and left as a gap.' : `${suppressed} values are suppressed and left as gaps.`);
  const periods = allPeriods(input.series.map((s) => s.points));
  for (const seriesBreak of input.breaks) {
    const start = breakStart(seriesBreak, periods);
    const from = periods.find((p) => start !== undefined && p.start.getTime() >= start.getTime());
    if (from && from !== periods[0]) parts.push(`The line is broken before ${periodLabel(from)}.`);
  }
  const references = [input.baseline, input.target].filter((r) => r !== undefined);
  if (references.length > 0) parts.push(`Reference lines: ${joinList(references.map((r) => `${r.label} ${formatValue(r.value, input.unit)}`))}.`);
  return parts.join(' ');
}
