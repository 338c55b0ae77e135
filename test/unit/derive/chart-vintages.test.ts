/**
 * Which earlier releases the measure page's chart offers: each release before the current one that
 * has figures for the measure's own area, newest first, labelled as the release history labels it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { earlierVintages, lineChartInput, MAX_CHART_VINTAGES } from '../../../src/lib/charts/kinds/line/input.ts';
import type { MeasurePageData } from '../../../src/lib/derive/measure-page.ts';
import { measureSeries } from '../../../src/lib/derive/series.ts';
import type { Vintage } from '../../../src/lib/schemas/model.ts';
import { ENGLAND, measure, meta, row, TESTSHIRE, vintage } from '../../support/testshire.ts';

const england = { areaCode: ENGLAND.code, areaName: ENGLAND.name };

function pageData(vintages: readonly Vintage[]): MeasurePageData {
  const m = measure('widgets', meta({ comparators: [{ area_code: ENGLAND.code, label: 'England', kind: 'england' }] }), vintages);
  return { measure: m, series: measureSeries(m, TESTSHIRE), revised: new Map(), releases: [], targets: [] };
}

const releases = [
  vintage('2022-07-01', [row('2020-21', 100), row('2021-22', 110)]),
  vintage('2023-07-01', [row('2021-22', 500, england)]),
  vintage('2024-07-01', [row('2020-21', 101), row('2021-22', 112), row('2022-23', 120), row('2022-23', 600, england)]),
  vintage('2025-07-01', [row('2021-22', 113), row('2022-23', 121), row('2023-24', 130)]),
];

test("earlier releases' own-area lines, newest first, skipping a release with no figures for the area", () => {
  const vintages = earlierVintages(pageData(releases));
  assert.deepEqual(
    vintages.map((v) => [v.date, v.label, v.points.map((p) => [p.period.text, p.value])]),
    [
      ['2024-07-01', '1 July 2024', [['2020-21', 101], ['2021-22', 112], ['2022-23', 120]]],
      ['2022-07-01', '1 July 2022', [['2020-21', 100], ['2021-22', 110]]],
    ],
  );
});

test('only the measure page asks for them; one release has none to offer', () => {
  assert.equal(lineChartInput(pageData(releases))!.vintages, undefined);
  assert.equal(lineChartInput(pageData(releases), { withVintages: true })!.vintages!.length, 2);
  assert.deepEqual(earlierVintages(pageData(releases.slice(0, 1))), []);
});

test(`at most ${MAX_CHART_VINTAGES} are offered, the newest`, () => {
  const many = Array.from({ length: MAX_CHART_VINTAGES + 3 }, (_, i) => vintage(`20${String(10 + i).padStart(2, '0')}-01-01`, [row('2020-21', i)]));
  const offered = earlierVintages(pageData(many));
  assert.equal(offered.length, MAX_CHART_VINTAGES);
  assert.equal(offered[0]!.date, many.at(-2)!.date);
  assert.equal(offered.at(-1)!.date, many[2]!.date);
});
