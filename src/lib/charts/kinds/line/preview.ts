/** A line chart laid out for a preview image: larger than on the page, and wider line-end labels. */
import { PREFERRED_PREVIEW_SCALE, type Box } from '../kind.ts';
import type { ChartInput } from '../../types.ts';
import { lineChartGeometry, type LineChartGeometry } from './geometry.ts';

const SMALLEST_SCALE = 1.5;
/** Chart units of height below which a line chart is too flat to read (the page draws 280). */
const SHORTEST_LINE_CHART = 190;
/** Widest a line-end label may be (chart units) before it wraps; the page allows 96. */
const LINE_LABEL_WIDTH = 170;

/** A line chart laid out for the box: about twice page size, shrunk if a key row would not fit. */
export function fitLineChart(input: ChartInput, box: Box): LineChartGeometry {
  const scale = Math.min(PREFERRED_PREVIEW_SCALE, Math.max(SMALLEST_SCALE, box.height / SHORTEST_LINE_CHART));
  const width = box.width / scale;
  const height = box.height / scale;
  // The image is wider than a page column, so line-end labels may be wider and wrap less.
  const options = { width, maxLabelWidth: LINE_LABEL_WIDTH };
  let geometry = lineChartGeometry(input, { ...options, height });
  // The key adds rows below the plot; take their height from the plot so the whole chart fits.
  if (geometry.height > height) geometry = lineChartGeometry(input, { ...options, height: height - (geometry.height - height) });
  return geometry;
}
