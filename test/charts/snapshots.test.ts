/**
 * SVG snapshot tests: each named case is rendered and compared byte for byte with
 * test/charts/__snapshots__/<case>.svg, so any change to a chart shows up as a diff in review.
 * Run with UPDATE_SNAPSHOTS=1 to rewrite the files after an intended change.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { barChartGeometry } from '../../src/lib/charts/kinds/bar/geometry.ts';
import { lineChartGeometry } from '../../src/lib/charts/kinds/line/geometry.ts';
import { renderLineChartSvg } from '../../src/lib/charts/kinds/line/svg.ts';
import { renderBarChartSvg } from '../../src/lib/charts/kinds/bar/svg.ts';
import { renderSparklineSvg } from '../../src/lib/charts/sparkline-svg.ts';
import { sparklineGeometry } from '../../src/lib/charts/sparkline.ts';
import { describeLineChart } from '../../src/lib/charts/kinds/line/words.ts';
import { describeBarChart } from '../../src/lib/charts/kinds/bar/words.ts';
import type { ChartInput } from '../../src/lib/charts/types.ts';
import * as fixtures from './fixtures.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function matchSnapshot(name: string, actual: string): void {
  const file = `${SNAPSHOT_DIR}${name}.svg`;
  if (UPDATE) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `no snapshot for "${name}": run with UPDATE_SNAPSHOTS=1 to create ${file}`);
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot "${name}" differs: check the change, then run with UPDATE_SNAPSHOTS=1`);
}

function lineChart(name: string, input: ChartInput): string {
  return renderLineChartSvg(lineChartGeometry(input), { id: `chart-${name}`, title: input.title, desc: describeLineChart(input) });
}

const LINE_CASES: Readonly<Record<string, ChartInput>> = {
  yearly: fixtures.yearly,
  'financial-year': fixtures.financialYear,
  quarterly: fixtures.quarterly,
  monthly: fixtures.monthly,
  interval: fixtures.interval,
  suppressed: fixtures.suppressed,
  'series-break': fixtures.seriesBreak,
  comparators: fixtures.comparators,
  'baseline-target': fixtures.baselineTarget,
  'provisional-revised': fixtures.provisionalRevised,
  // Too many values for a marker each: lines, the provisional and revised markers, and data-points.
  'dense-monthly': fixtures.denseMonthly,
};

for (const [name, input] of Object.entries(LINE_CASES)) {
  test(`line chart snapshot: ${name}`, () => {
    const svg = lineChart(name, input);
    // Rendering is deterministic: the same input gives the same bytes.
    assert.equal(lineChart(name, input), svg);
    matchSnapshot(name, svg);
  });
}

test('bar chart snapshot: age bands', () => {
  const input = fixtures.ageBands;
  matchSnapshot('bar-age-bands', renderBarChartSvg(barChartGeometry(input), { id: 'chart-bar', title: input.title, desc: describeBarChart(input) }));
});

test('sparkline snapshot', () => {
  matchSnapshot('sparkline', renderSparklineSvg(sparklineGeometry(fixtures.sparkline)));
});
