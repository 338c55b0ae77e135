/** The line chart's lines: each series' points, stretches and gaps, and the earlier releases' lines. */
import { line } from 'd3-shape';
import { formatValue } from '../../../format/number.ts';
import { periodLabel, type Period } from '../../../schemas/period.ts';
import { breakBetween, round1 } from '../../layout.ts';
import { SERIES_STYLES } from '../../style.ts';
import type { ChartInput, ChartPoint, ChartSeries } from '../../types.ts';
import type { GapGeometry, LinePointGeometry, LineSegmentGeometry, LineSeriesGeometry, SortedSeries, SortedVintage, VintageLineGeometry, YScale } from './geometry-types.ts';

/** The main series of a chart input: the one of kind 'main', else the first. */
export function mainSeries(input: ChartInput): ChartSeries | undefined {
  return input.series.find((series) => series.kind === 'main') ?? input.series[0];
}

/** Step 5: each series' points, segments and gaps (suppressed values) in plot coordinates. */
export function seriesLines(
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

/** Step 7: the earlier releases' lines (and lone dots where a figure has no neighbour to join). */
export function earlierReleaseLines(vintages: readonly SortedVintage[], xOf: (point: { period: ChartPoint['period'] }) => number, y: YScale): VintageLineGeometry[] {
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
