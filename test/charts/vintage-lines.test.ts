/**
 * Earlier releases on the line chart: each is drawn over the current release's periods at the
 * same scale, hidden until the page shows the one a reader picks, and its label is escaped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineChartGeometry } from '../../src/lib/charts/kinds/line/geometry.ts';
import { renderLineChartSvg } from '../../src/lib/charts/kinds/line/svg.ts';
import type { ChartInput } from '../../src/lib/charts/types.ts';
import { points, yearly } from './fixtures.ts';

const mainPoints = yearly.series[0]!.points;
const periods = mainPoints.map((p) => p.period.text);

/** The yearly fixture with two earlier releases: one revised upwards, one with a single figure and a period the current release dropped. */
const withVintages: ChartInput = {
  ...yearly,
  vintages: [
    { date: '2024-07-18', label: '18 July 2024 <b>edition</b>', points: mainPoints.map((p) => ({ ...p, value: p.value === null ? null : p.value * 2 })) },
    { date: '2023-07-20', label: '20 July 2023', points: points('year', [['2001', 5], [periods[0]!, 40]]) },
  ],
};

test('earlier releases share the chart scale, which grows to fit them', () => {
  const plain = lineChartGeometry(yearly);
  const geometry = lineChartGeometry(withVintages);
  const highest = Math.max(...mainPoints.map((p) => p.value ?? 0));
  assert.ok(geometry.yAxis.domain[1] >= highest * 2, `domain ${geometry.yAxis.domain} fits the doubled figures`);
  assert.ok(plain.yAxis.domain[1] < highest * 2);
  assert.deepEqual(plain.vintages, []);
  // The time axis is the current release's: the dropped 2001 is not drawn.
  assert.deepEqual(geometry.xAxis.ticks.map((t) => t.period), plain.xAxis.ticks.map((t) => t.period));
});

test('each earlier release is a line through its own figures at the current x positions, newest first', () => {
  const geometry = lineChartGeometry(withVintages);
  assert.deepEqual(geometry.vintages.map((v) => v.date), ['2024-07-18', '2023-07-20']);
  const current = geometry.series.find((s) => s.kind === 'main')!.points;
  const vertices = [...geometry.vintages[0]!.d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.deepEqual(vertices.map(([x]) => x), current.map((p) => p.x));
  for (const [i, [, y]] of vertices.entries()) assert.ok(y! < current[i]!.y, 'a doubled figure sits higher');
  // One figure in range: no line to draw, so a dot.
  assert.equal(geometry.vintages[1]!.d, '');
  assert.deepEqual(geometry.vintages[1]!.dots, [{ x: current[0]!.x, y: geometry.vintages[1]!.dots[0]!.y }]);
});

test('the SVG hides earlier releases (downloads show the current release) and escapes their labels', () => {
  const svg = renderLineChartSvg(lineChartGeometry(withVintages), { id: 'c', title: 'Knife crime', desc: 'd' });
  const lines = [...svg.matchAll(/<g class="vintage-line"([^>]*)>/g)].map((m) => m[1]);
  assert.deepEqual(lines, [
    ' data-vintage="2024-07-18" data-vintage-index="1" display="none"',
    ' data-vintage="2023-07-20" data-vintage-index="2" display="none"',
  ]);
  assert.match(svg, /<title>As published on 18 July 2024 &lt;b&gt;edition&lt;\/b&gt;<\/title>/);
  assert.doesNotMatch(renderLineChartSvg(lineChartGeometry(yearly), { id: 'c', title: 'Knife crime', desc: 'd' }), /vintage/);
});
