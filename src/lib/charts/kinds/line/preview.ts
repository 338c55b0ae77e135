/** A line chart laid out for a preview image: larger than on the page, and wider line-end labels. */
import { PREFERRED_PREVIEW_SCALE, type Box } from '../kind.ts';
import type { ChartInput } from '../../types.ts';
import { lineChartGeometry, type LineChartGeometry } from './geometry.ts';

const SMALLEST_SCALE = 1.5;
/** Chart units of height below which a line chart is too flat to read (the page draws 280). */
const SHORTEST_LINE_CHART = 190;
/** Widest a line-end label may be (chart units) before it wraps; the page allows 96. */
const LINE_LABEL_WIDTH = 170;

/** Scales tried, largest first, when a chart's right-hand labels are too many for its height at the preferred one. */
const FALLBACK_SCALES = [SMALLEST_SCALE, 1.25, 1] as const;

/**
 * A line chart laid out for the box: about twice page size, shrunk if a key row would not fit, and
 * smaller still when its stack of line-end and reference labels would rise above the chart's top
 * (where the image's title band would cover it: five labels, two of them wrapped, on a short plot).
 */
export function fitLineChart(input: ChartInput, box: Box): LineChartGeometry {
  const preferred = Math.min(PREFERRED_PREVIEW_SCALE, Math.max(SMALLEST_SCALE, box.height / SHORTEST_LINE_CHART));
  let geometry = fitAtScale(input, box, preferred);
  for (const scale of FALLBACK_SCALES) {
    if (labelsFit(geometry) || scale >= preferred) continue;
    geometry = fitAtScale(input, box, scale);
  }
  return geometry;
}

function fitAtScale(input: ChartInput, box: Box, scale: number): LineChartGeometry {
  const width = box.width / scale;
  const height = box.height / scale;
  // The image is wider than a page column, so line-end labels may be wider and wrap less.
  // The key's rows below the plot take their height from it, so the whole chart fits the box.
  return lineChartGeometry(input, { width, height, maxLabelWidth: LINE_LABEL_WIDTH, keyInside: true });
}

/** Whether every right-hand label's first line sits inside the chart (its text's top at or below 0). */
export function labelsFit(geometry: LineChartGeometry): boolean {
  const labels = [...geometry.series.map((s) => s.endLabel), ...geometry.references.map((r) => r.label)];
  return labels.every((label) => !label || label.lines.every((line) => line.y - geometry.fontSize * 0.8 >= 0));
}
