/**
 * The bar chart kind in one place: its geometry, SVG, words and table, assembled into the
 * JSON-safe view a page renders (see src/lib/views/types.ts). The drawing itself lives in
 * ../bar-chart.ts, ../render-svg.ts and ../summary.ts, which the snapshots test.
 */
import { formatValueOrSuppressed } from '../../format/number.ts';
import { periodLabel } from '../../schemas/period.ts';
import { barChartGeometry } from '../bar-chart.ts';
import { renderBarChartSvg } from '../render-svg.ts';
import { describeBarChart, summariseBarChart } from '../summary.ts';
import type { BarChartInput } from '../types.ts';
import type { BarChartView, ChartFacts } from './view-types.ts';

/** The words a bar chart carries: `desc` for the SVG and alt text, `summary` for the caption. */
export function barChartWords(input: BarChartInput): { desc: string; summary: string } {
  return { desc: describeBarChart(input), summary: summariseBarChart(input) };
}

/** A bar chart drawn for a page, with its table; `rowsAre` names the rows ("area", "age band"). */
export function barChartView(input: BarChartInput, facts: ChartFacts & { readonly rowsAre: string }): BarChartView {
  const { desc, summary } = barChartWords(input);
  const geometry = barChartGeometry(input);
  return {
    kind: 'bar',
    id: facts.id,
    title: facts.title,
    desc,
    summary,
    downloadName: facts.downloadName,
    svg: renderBarChartSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc }),
    width: geometry.width,
    height: geometry.height,
    table: {
      caption: `${input.title} by ${facts.rowsAre}, ${periodLabel(input.period)}`,
      rowsAre: facts.rowsAre,
      rows: input.bars.map((b) => ({ label: b.label, value: formatValueOrSuppressed(b.value, input.unit), note: b.note ?? '' })),
      // A note column empty in every row would only push the figures aside on a phone.
      hasNote: input.bars.some((b) => (b.note ?? '') !== ''),
    },
  };
}
