/**
 * Each chart is laid out once (issue 21): a build of the kinds fixture counts, over every thread of
 * the data step, as many page-size chart layouts as charts drawn, and one preview image per measure
 * with a lead chart. A second layout of a chart already drawn (for its page and again for its embed
 * height or preview image) makes the counts differ, as the last case shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadsDir } from '../../../../src/lib/build/data-step.ts';
import { prepareDataInPool } from '../../../../src/lib/build/data-step-pool.ts';
import { chartCounts, chartCountsSince } from '../../../../src/lib/charts/kinds/kind.ts';
import { leadChartSize, leadChartView, type LeadChart } from '../../../../src/lib/charts/kinds/registry.ts';
import { embedHeight } from '../../../../src/lib/sharing/embed-height.ts';
import { FIXTURES, TODAY } from '../../../support/fixture-roots.ts';
import * as fixtures from '../../../charts/fixtures.ts';

/** Every chart SVG the data step wrote into the measures' views (page, embed and breakdown charts, once each). */
function chartsInViews(generated: string): number {
  const folder = join(generated, 'views', 'measures');
  const drawn = new Set<string>();
  for (const file of readdirSync(folder)) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const match of text.matchAll(/"svg":"((?:[^"\\]|\\.)*)"/g)) drawn.add(match[1]!);
  }
  return drawn.size;
}

test('a build of the kinds fixture lays each chart out once, and draws one preview image per lead chart', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-charts-'));
  try {
    const generated = join(work, 'generated');
    const result = await prepareDataInPool(join(FIXTURES, 'valid', 'kinds'), generated, TODAY, 'https://golden.example/', downloadsDir(generated), 2);
    assert.ok(result.artefacts, 'the fixture publishes');
    const { geometries, drawn, previewFits } = result.charts;
    assert.ok(drawn > 0, 'charts were drawn');
    assert.equal(geometries, drawn, 'one layout per chart drawn');
    // The measure views hold each distinct chart drawn for a measure (an embed's chart that is also its page's counts once).
    assert.ok(drawn >= chartsInViews(generated), `${drawn} charts drawn for ${chartsInViews(generated)} distinct SVGs in the views`);
    const previews = readdirSync(join(generated, 'views', 'og')).length;
    assert.ok(previews > 0, 'preview images were written');
    assert.equal(previewFits, previews, 'one preview-image layout per preview image written');
    // The page-model facts, the page, its chart and each earlier release's line share one headline series per release.
    const { headlineSeries, releases } = result.charts;
    assert.ok(headlineSeries > 0 && releases > 0, `${headlineSeries} headline series from ${releases} releases`);
    assert.ok(headlineSeries <= releases, `${headlineSeries} headline series built from ${releases} releases: some were built again`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('laying a drawn chart out again shows in the counts; reading the drawn size does not', () => {
  const chart: LeadChart = { kind: 'line', input: fixtures.yearly, desc: 'd', summary: 's' };
  const before = { ...chartCounts };
  const view = leadChartView(chart, 'knife-crime', 'Knife crime');
  embedHeight(chart, view);
  assert.deepEqual(chartCountsSince(before), { geometries: 1, drawn: 1, previewFits: 0, headlineSeries: 0, releases: 0, records: 0 }, 'the embed height reads the drawn chart');
  leadChartSize(chart);
  const counts = chartCountsSince(before);
  assert.notEqual(counts.geometries, counts.drawn, 'a second layout of the same chart is seen');
});
