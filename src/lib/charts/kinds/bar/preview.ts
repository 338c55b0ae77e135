/** A bar chart laid out for a preview image: as large as its bars allow, using the full width. */
import { PREFERRED_PREVIEW_SCALE, type Box } from '../kind.ts';
import type { BarChartInput } from '../../types.ts';
import { barChartGeometry, type BarChartGeometry } from './geometry.ts';

/** Few bars are drawn no larger than this, so they do not look like a poster. */
const MAX_BAR_SCALE = 2.4;

/**
 * A bar chart laid out for the box. Its height is set by the number of bars, so the scale comes
 * from the height, and the width is chosen so that, at that scale, the bars use the full width.
 */
export function fitBarChart(input: BarChartInput, box: Box): BarChartGeometry {
  const first = barChartGeometry(input, { width: box.width / PREFERRED_PREVIEW_SCALE });
  const scale = Math.min(box.height / first.height, MAX_BAR_SCALE);
  return barChartGeometry(input, { width: box.width / scale });
}
