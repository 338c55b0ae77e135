/**
 * How tall the embed frame should be. A frame cannot size itself to its content across sites
 * without a script on the host page, so the snippet sets a height: the chart at its full embed
 * width (its own aspect ratio) plus the text around it, estimated from the text's length. The
 * constants were measured in Chromium at a 640 px frame; narrower frames scroll a little. What a
 * kind adds below its chart (a line chart's downloads and toggles) is the kind's own (kinds/<kind>.ts).
 */
import { leadChartSize, leadEmbedExtraPx, type LeadChart } from '../charts/kinds/registry.ts';

/** Widest the chart is drawn (the chart frame's 36rem cap). */
const CHART_WIDTH_PX = 576;
/** Area line, table toggle, source and licence, link back, and the page's padding. */
const FIXED_TEXT_PX = 232;
const TITLE_LINE_PX = 25;
const TITLE_CHARS_PER_LINE = 48;
const SUMMARY_LINE_PX = 23;
const SUMMARY_CHARS_PER_LINE = 70;
/** A small-print paragraph under the chart (the plan's words behind a verdict): its margin and lines. */
const SMALL_PARAGRAPH_PX = 16;
const SMALL_LINE_PX = 21;
const SMALL_CHARS_PER_LINE = 80;

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
  // The chart at the embed's width keeps its own aspect ratio; a kind adds its own controls below it.
  const size = drawn ?? leadChartSize(chart);
  const height = FIXED_TEXT_PX + (CHART_WIDTH_PX * size.height) / size.width + titleAndSummary + leadEmbedExtraPx(chart);
  return Math.ceil(height / 10) * 10;
}
