/**
 * A tiny trend line for small multiples, with the latest value and which way it moved.
 * The value axis starts at zero, as on the full chart, so a small wobble is not drawn as a big swing.
 */
import { max, min } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { formatValue } from '../format/number.ts';
import { periodLabel } from '../schemas/period.ts';
import type { Polarity, Unit } from '../schemas/measure.ts';
import { periodMidpoint, round1, sortPoints } from './layout.ts';
import { periodYearEarlier, yearEarlierPoint } from '../schemas/period.ts';
import type { ChartPoint, SparklineInput } from './types.ts';

/** Which way the latest value moved from the one before. */
export type Direction = 'up' | 'down' | 'no change';

/** Optional layout settings; anything left out takes the default. */
export interface SparklineOptions {
  /** viewBox width (default 120). */
  readonly width?: number;
  /** viewBox height (default 32). */
  readonly height?: number;
}

/** A value the sparkline reports in words. */
export interface SparklineValue {
  readonly period: string;
  readonly periodLabel: string;
  readonly value: number;
  /** Formatted for the unit. */
  readonly label: string;
  readonly provisional: boolean;
}

/** Everything needed to draw a sparkline and say what it shows. */
export interface SparklineGeometry {
  readonly type: 'sparkline';
  readonly width: number;
  readonly height: number;
  readonly unit: Unit;
  /** SVG path data, with gaps at suppressed values; "" when fewer than two values. */
  readonly d: string;
  /** The latest value's marker. */
  readonly end: { readonly x: number; readonly y: number } | null;
  readonly latest: SparklineValue | null;
  /** The value for the same period a year before `latest`, the only one a change is measured against. */
  readonly previous: SparklineValue | null;
  /** "year ending June 2024": the period a year before `latest`, named when it has no figure; else null. */
  readonly yearEarlierLabel: string | null;
  /** Null when there is nothing to compare with. */
  readonly direction: Direction | null;
  /** Only when polarity allows a judgement. */
  readonly assessment: 'better' | 'worse' | null;
}

/** Whether a move in `direction` is better or worse under `polarity`, or null when no judgement applies. */
export function assess(direction: Direction | null, polarity: Polarity | undefined): 'better' | 'worse' | null {
  if (!polarity || polarity === 'no_judgement' || direction === null || direction === 'no change') return null;
  return (direction === 'down') === (polarity === 'lower_is_better') ? 'better' : 'worse';
}

/** Computes a sparkline's path, end marker, latest value and direction. */
export function sparklineGeometry(input: SparklineInput, options: SparklineOptions = {}): SparklineGeometry {
  const width = Math.max(options.width ?? 120, 24);
  const height = Math.max(options.height ?? 32, 12);
  // Room for the end marker and the stroke, so neither is clipped.
  const pad = 4;
  const points = sortPoints(input.points);
  const published = points.filter((p): p is ChartPoint & { value: number } => p.value !== null);
  const values = published.map((p) => p.value);
  const lowest = Math.min(0, min(values) ?? 0);
  const highest = Math.max(0, max(values) ?? 0);
  const y = scaleLinear().domain([lowest, highest === lowest ? lowest + 1 : highest]).range([height - pad, pad]);
  const first = points[0];
  const last = points[points.length - 1];
  const x = scaleUtc()
    .domain(first && last && first !== last ? [periodMidpoint(first.period), periodMidpoint(last.period)] : [new Date(0), new Date(1)])
    .range(first && last && first !== last ? [pad, width - pad] : [width / 2, width / 2]);
  const xOf = (p: ChartPoint): number => round1(x(periodMidpoint(p.period)));
  const yOf = (p: ChartPoint): number => round1(y(p.value ?? 0));

  const path =
    line<ChartPoint>()
      .defined((p) => p.value !== null)
      .x(xOf)
      .y(yOf)
      .digits(1)(points) ?? '';

  const toValue = (p: ChartPoint & { value: number }): SparklineValue => ({
    period: p.period.text,
    periodLabel: periodLabel(p.period),
    value: p.value,
    label: formatValue(p.value, input.unit),
    provisional: p.status === 'provisional',
  });
  const latestPoint = published[published.length - 1];
  const previousPoint = latestPoint ? yearEarlierPoint(published, latestPoint) : undefined;
  const direction: Direction | null =
    latestPoint && previousPoint
      ? latestPoint.value > previousPoint.value
        ? 'up'
        : latestPoint.value < previousPoint.value
          ? 'down'
          : 'no change'
      : null;

  return {
    type: 'sparkline',
    width,
    height,
    unit: input.unit,
    d: path.includes('L') ? path : '',
    end: latestPoint ? { x: xOf(latestPoint), y: yOf(latestPoint) } : null,
    latest: latestPoint ? toValue(latestPoint) : null,
    previous: previousPoint ? toValue(previousPoint) : null,
    yearEarlierLabel: latestPoint && !previousPoint ? periodLabel(periodYearEarlier(latestPoint.period)) : null,
    direction,
    assessment: assess(direction, input.polarity),
  };
}
