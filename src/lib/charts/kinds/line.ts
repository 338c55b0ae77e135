/**
 * The line chart kind in one module: its input (./line/input.ts), geometry (./line/geometry.ts and
 * the steps beside it), SVG (./line/svg.ts), words (./line/words.ts), table (./line/table.ts),
 * preview-image fit (./line/preview.ts) and embed height, assembled into the JSON-safe view a page
 * renders. The snapshots test the drawing.
 */
import { formatValue, rateSuffix } from '../../format/number.ts';
import { periodLabel } from '../../schemas/period.ts';
import type { SvgTextOptions } from '../svg.ts';
import type { ChartInput } from '../types.ts';
import { type ChartFacts, type LeadingChartKind, type ChartViewBase, type ChartWords } from './kind.ts';
import { lineChartGeometry, type LineChartGeometry } from './line/geometry.ts';
import { lineChartInput } from './line/input.ts';
import { fitLineChart } from './line/preview.ts';
import { renderLineChartSvg } from './line/svg.ts';
import { chartTable, type ChartTable } from './line/table.ts';
import { describeLineChart, summariseLineChart } from './line/words.ts';

/** A line chart's table: the rows, and the unit suffix visually hidden on a phone. */
export interface LineTableView {
  readonly caption: string;
  readonly id?: string;
  /** " per 100,000" for a rate, else "". */
  readonly unitSuffix: string;
  readonly table: ChartTable;
  /**
   * Set when the table lists only a long series' newest periods (src/lib/views/figures-page.ts): how many
   * rows it shows and how many the chart draws; every row is on the measure's figures pages.
   */
  readonly newest?: { readonly shown: number; readonly total: number };
}

/** A line chart (a trend), with the earlier releases a reader may draw beside it. */
export interface LineChartView extends ChartViewBase {
  readonly kind: 'line';
  /** Earlier releases offered for comparison, newest first (empty on previews and embeds). */
  readonly vintages: readonly { readonly date: string; readonly label: string }[];
  readonly table: LineTableView;
}

/** The words a line chart carries: `desc` for the SVG and alt text, `summary` for the caption. */
export function lineChartWords(input: ChartInput): ChartWords {
  return { desc: describeLineChart(input), summary: summariseLineChart(input) };
}

/** The caption of a line chart's table, e.g. "Knife crime: Nottingham and comparators, by period". */
export function lineTableCaption(input: ChartInput): string {
  // A title that already names the area (".. by offence group: Nottinghamshire police force area") is not followed by it again.
  const area = input.title.endsWith(input.areaName) ? input.title : `${input.title}: ${input.areaName}`;
  return `${area}${input.series.length > 1 ? ' and comparators' : ''}, by period`;
}

/** The enhancement script's download buttons and keyboard hint. */
const DOWNLOADS_PX = 72;
/** The "Comparison lines shown" legend, and each row of checkboxes under it. */
const TOGGLE_LEGEND_PX = 35;
const TOGGLE_ROW_PX = 44;
/** Width of the text column in a 640 px embed frame. */
const TEXT_WIDTH_PX = 616;

/** The embed's download buttons and, with comparators, its rows of checkboxes to hide them. */
function embedExtraPx(input: ChartInput): number {
  let height = DOWNLOADS_PX;
  const comparators = input.series.filter((series) => series.kind !== 'main');
  if (comparators.length > 0) {
    // Each checkbox with its label is about 8.5 px per character plus 50 px for the box and gap.
    const togglesWidth = comparators.reduce((sum, series) => sum + series.label.length * 8.5 + 50, 0);
    height += TOGGLE_LEGEND_PX + Math.ceil(togglesWidth / TEXT_WIDTH_PX) * TOGGLE_ROW_PX;
  }
  return height;
}

/** The line chart kind; a measure leads with it unless it leads with its areas side by side. */
export const lineKind: LeadingChartKind<'line', ChartInput, LineChartGeometry, ChartFacts, LineChartView> = {
  kind: 'line',
  geometry: (input: ChartInput) => lineChartGeometry(input),
  words: lineChartWords,
  svg: (geometry: LineChartGeometry, text: SvgTextOptions) => renderLineChartSvg(geometry, text),
  view: (input, facts, { geometry, words }) => ({
    kind: 'line',
    id: facts.id,
    title: facts.title,
    desc: words.desc,
    summary: words.summary,
    downloadName: facts.downloadName,
    svg: renderLineChartSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc: words.desc }),
    width: geometry.width,
    height: geometry.height,
    vintages: geometry.vintages.map((v) => ({ date: v.date, label: v.label })),
    table: { caption: lineTableCaption(input), id: facts.tableId, unitSuffix: rateSuffix(input.unit), table: chartTable(input) },
  }),
  lead: {
    input: (data) => lineChartInput(data),
    facts: (slug, title) => ({ id: `${slug}-chart`, title, downloadName: slug, tableId: `${slug}-table` }),
    preview: (input, box) => {
      const geometry = fitLineChart(input, box);
      return { svg: renderLineChartSvg(geometry, { id: 'og-chart', title: input.title, desc: '', picture: true }), width: geometry.width, height: geometry.height, centredDown: false };
    },
    previewSubtitle: (input, latest) => {
      const unitWords = input.unit === 'count' && input.unitLabel ? ` ${input.unitLabel}` : '';
      return `${input.areaName}: ${formatValue(latest.value, input.unit)}${unitWords} in ${periodLabel(latest.period)}`;
    },
    embedExtraPx,
  },
};
