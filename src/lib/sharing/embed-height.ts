/**
 * How tall the embed frame should be. A frame cannot size itself to its content across sites
 * without a script on the host page, so the snippet sets a height: the chart at its full embed
 * width (its own aspect ratio) plus the text around it, estimated from the text's length. The
 * constants were measured in Chromium at a 640 px frame; narrower frames scroll a little.
 */
import { barChartGeometry } from '../charts/bar-chart.ts';
import { lineChartGeometry } from '../charts/line-chart.ts';
import { unknownChartKind } from '../charts/kinds/view-types.ts';
import type { LeadChart } from './lead-chart.ts';

/** Widest the chart is drawn (the chart frame's 36rem cap). */
const CHART_WIDTH_PX = 576;
/** Width of the text column in a 640 px frame. */
const TEXT_WIDTH_PX = 616;
/** Area line, table toggle, source and licence, link back, and the page's padding. */
const FIXED_TEXT_PX = 232;
const TITLE_LINE_PX = 25;
const TITLE_CHARS_PER_LINE = 48;
const SUMMARY_LINE_PX = 23;
const SUMMARY_CHARS_PER_LINE = 70;
/** The enhancement script's download buttons and keyboard hint (line charts only). */
const DOWNLOADS_PX = 72;
/** A small-print paragraph under the chart (the plan's words behind a verdict): its margin and lines. */
const SMALL_PARAGRAPH_PX = 16;
const SMALL_LINE_PX = 21;
const SMALL_CHARS_PER_LINE = 80;
/** The "Comparison lines shown" legend, and each row of checkboxes under it. */
const TOGGLE_LEGEND_PX = 35;
const TOGGLE_ROW_PX = 44;

function lines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine));
}

/**
 * Frame height in CSS pixels for a measure's embed, rounded up to 10 px; `drawn` is the chart's size
 * where it is already laid out, `smallPrint` a paragraph the embed adds under the chart.
 */
export function embedHeight(chart: LeadChart, drawn?: { readonly width: number; readonly height: number }, smallPrint?: string): number {
  const notePx = smallPrint ? SMALL_PARAGRAPH_PX + lines(smallPrint, SMALL_CHARS_PER_LINE) * SMALL_LINE_PX : 0;
  const titleAndSummary =
    lines(chart.input.title, TITLE_CHARS_PER_LINE) * TITLE_LINE_PX + lines(chart.summary, SUMMARY_CHARS_PER_LINE) * SUMMARY_LINE_PX + notePx;
  const chartHeight = (geometry: { width: number; height: number }) => FIXED_TEXT_PX + (CHART_WIDTH_PX * geometry.height) / geometry.width;
  let height: number;
  switch (chart.kind) {
    case 'line': {
      height = chartHeight(drawn ?? lineChartGeometry(chart.input)) + titleAndSummary + DOWNLOADS_PX;
      const comparators = chart.input.series.filter((series) => series.kind !== 'main');
      if (comparators.length > 0) {
        // Each checkbox with its label is about 8.5 px per character plus 50 px for the box and gap.
        const togglesWidth = comparators.reduce((sum, series) => sum + series.label.length * 8.5 + 50, 0);
        height += TOGGLE_LEGEND_PX + Math.ceil(togglesWidth / TEXT_WIDTH_PX) * TOGGLE_ROW_PX;
      }
      break;
    }
    case 'bar':
      height = chartHeight(drawn ?? barChartGeometry(chart.input)) + titleAndSummary;
      break;
    default:
      return unknownChartKind(chart);
  }
  return Math.ceil(height / 10) * 10;
}
