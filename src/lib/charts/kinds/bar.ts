/**
 * The bar chart kind in one module: its input (./bar/input.ts), geometry (./bar/geometry.ts), SVG
 * (./bar/svg.ts), words (./bar/words.ts), table, preview-image fit (./bar/preview.ts) and embed
 * height, assembled into the JSON-safe view a page renders. The snapshots test the drawing.
 */
import { formatValueOrSuppressed } from '../../format/number.ts';
import { periodLabel } from '../../schemas/period.ts';
import type { SvgTextOptions } from '../svg.ts';
import type { BarChartInput } from '../types.ts';
import { drawChart, type ChartFacts, type LeadingChartKind, type ChartViewBase, type ChartWords } from './kind.ts';
import { barChartGeometry, type BarChartGeometry } from './bar/geometry.ts';
import { areaComparisonInput } from './bar/input.ts';
import { fitBarChart } from './bar/preview.ts';
import { renderBarChartSvg } from './bar/svg.ts';
import { describeBarChart, summariseBarChart } from './bar/words.ts';

/** A bar chart's table: one row per bar. */
export interface BarTableView {
  readonly caption: string;
  /** What the rows are, e.g. "area" or "age band". */
  readonly rowsAre: string;
  readonly rows: readonly { readonly label: string; readonly value: string; readonly note: string }[];
  readonly hasNote: boolean;
}

/** A bar chart (areas or a breakdown at one period). */
export interface BarChartView extends ChartViewBase {
  readonly kind: 'bar';
  readonly table: BarTableView;
}

/** Names a bar chart is drawn with; `rowsAre` names the rows ("area", "age band"). */
export type BarChartFacts = ChartFacts & { readonly rowsAre: string };

/** The words a bar chart carries: `desc` for the SVG and alt text, `summary` for the caption. */
export function barChartWords(input: BarChartInput): ChartWords {
  return { desc: describeBarChart(input), summary: summariseBarChart(input) };
}

/** The bar chart kind; a measure published for a single period with comparators leads with its areas side by side. */
export const barKind: LeadingChartKind<'bar', BarChartInput, BarChartGeometry, BarChartFacts, BarChartView> = {
  kind: 'bar',
  geometry: (input: BarChartInput) => barChartGeometry(input),
  words: barChartWords,
  svg: (geometry: BarChartGeometry, text: SvgTextOptions) => renderBarChartSvg(geometry, text),
  view: (input, facts, { geometry, words }) => ({
    kind: 'bar',
    id: facts.id,
    title: facts.title,
    desc: words.desc,
    summary: words.summary,
    downloadName: facts.downloadName,
    svg: renderBarChartSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc: words.desc }),
    width: geometry.width,
    height: geometry.height,
    table: {
      caption: `${input.title} by ${facts.rowsAre}, ${periodLabel(input.period)}`,
      rowsAre: facts.rowsAre,
      rows: input.bars.map((b) => ({ label: b.label, value: formatValueOrSuppressed(b.value, input.unit), note: b.note ?? '' })),
      // A note column empty in every row would only push the figures aside on a phone.
      hasNote: input.bars.some((b) => (b.note ?? '') !== ''),
    },
  }),
  lead: {
    input: (data) => areaComparisonInput(data),
    facts: (slug, title) => ({ id: `${slug}-chart`, title: `${title}: areas compared`, downloadName: slug, rowsAre: 'area' }),
    preview: (input, box) => {
      const geometry = fitBarChart(input, box);
      return { svg: renderBarChartSvg(geometry, { id: 'og-chart', title: input.title, desc: '' }), width: geometry.width, height: geometry.height, centredDown: true };
    },
    previewSubtitle: (input) => `${input.areaName} and comparators, ${periodLabel(input.period)}`,
    embedExtraPx: () => 0,
  },
};

/** A bar chart drawn for a page, laid out once. */
export function barChartView(input: BarChartInput, facts: BarChartFacts): BarChartView {
  return drawChart(barKind, input, facts);
}
