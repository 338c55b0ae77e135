/**
 * The line chart kind in one place: its geometry, SVG, words and table, assembled into the
 * JSON-safe view a page renders (see src/lib/views/types.ts). The drawing itself lives in
 * ../line-chart.ts, ../render-svg.ts, ../summary.ts and ../table.ts, which the snapshots test.
 */
import { rateSuffix } from '../../format/number.ts';
import { lineChartGeometry, type LineChartGeometry } from '../line-chart.ts';
import { renderLineChartSvg } from '../render-svg.ts';
import { describeLineChart, summariseLineChart } from '../summary.ts';
import { chartTable } from '../table.ts';
import type { ChartInput } from '../types.ts';
import type { ChartFacts, LineChartView } from './view-types.ts';

/** The words a line chart carries: `desc` for the SVG and alt text, `summary` for the caption. */
export function lineChartWords(input: ChartInput): { desc: string; summary: string } {
  return { desc: describeLineChart(input), summary: summariseLineChart(input) };
}

/** The caption of a line chart's table, e.g. "Knife crime: Nottingham and comparators, by period". */
export function lineTableCaption(input: ChartInput): string {
  // A title that already names the area (".. by offence group: Nottinghamshire police force area") is not followed by it again.
  const area = input.title.endsWith(input.areaName) ? input.title : `${input.title}: ${input.areaName}`;
  return `${area}${input.series.length > 1 ? ' and comparators' : ''}, by period`;
}

/** A line chart drawn for a page: SVG, words, the earlier releases offered, and its table. */
export function lineChartView(input: ChartInput, facts: ChartFacts, geometry: LineChartGeometry = lineChartGeometry(input)): LineChartView {
  const { desc, summary } = lineChartWords(input);
  return {
    kind: 'line',
    id: facts.id,
    title: facts.title,
    desc,
    summary,
    downloadName: facts.downloadName,
    svg: renderLineChartSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc }),
    width: geometry.width,
    height: geometry.height,
    vintages: geometry.vintages.map((v) => ({ date: v.date, label: v.label })),
    table: { caption: lineTableCaption(input), id: facts.tableId, unitSuffix: rateSuffix(input.unit), table: chartTable(input) },
  };
}
