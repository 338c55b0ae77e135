/** A sparkline's words: the latest value and which way it moved, for the text beside it. */
import type { SparklineGeometry } from './sparkline.ts';

/** Words for a sparkline: "1,234 in 2023-24, down from 1,341 in 2022-23 (an improvement)". */
export function describeSparkline(geometry: SparklineGeometry): string {
  return geometry.latest ? `${geometry.latest.label}${describeSparklineChange(geometry)}` : 'No figures published';
}

/** The part of describeSparkline after the value (" in 2023-24, down from ..."), for layouts that set the value apart. */
export function describeSparklineChange(geometry: SparklineGeometry): string {
  const { latest, previous, direction, assessment } = geometry;
  if (!latest) return '';
  let text = ` in ${latest.periodLabel}`;
  if (previous && direction) {
    text += direction === 'no change' ? `, no change from ${previous.periodLabel}` : `, ${direction} from ${previous.label} in ${previous.periodLabel}`;
  } else if (geometry.yearEarlierLabel) {
    text += ` (no change stated: no figure for ${geometry.yearEarlierLabel}, a year earlier)`;
  }
  if (assessment) text += assessment === 'better' ? ' (an improvement)' : ' (a worse result)';
  if (latest.provisional) text += ' (provisional)';
  return text;
}
