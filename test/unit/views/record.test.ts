/**
 * A measure's record (src/lib/views/record.ts) is plain JSON, its views are a projection of it alone,
 * and the data step builds it once per measure (issue 21: compute each measure once).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { downloadsDir } from '../../../src/lib/build/data-step.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import { measureViews } from '../../../src/lib/views/measure.ts';
import { measureRecord, modelIndex, recordCounts, type MeasureRecord } from '../../../src/lib/views/record.ts';
import { FIXTURES, MINIMAL_ROOT, PROJECT, TODAY } from '../../support/fixture-roots.ts';

const SITE_ROOT = 'https://example.org/site/';
/** The real site's newest releases are dated 2026-12-01; a fixed day keeps the test off the clock. */
const REAL_SITE_TODAY = '2026-12-01';

function recordsOf(root: string, today: string): MeasureRecord[] {
  const { model, diagnostics } = loadSite({ root, today });
  assert.ok(model, `${root} is valid: ${diagnostics.map((d) => d.message).join('; ')}`);
  const index = modelIndex(buildPageModel(model, today).page);
  return model.measures.map((m) => measureRecord(index, m, SITE_ROOT));
}

const ROOTS = [
  { name: 'minimal', root: MINIMAL_ROOT, today: TODAY },
  { name: 'kinds', root: join(FIXTURES, 'valid', 'kinds'), today: TODAY },
  { name: 'the real site', root: PROJECT, today: REAL_SITE_TODAY },
];

for (const { name, root, today } of ROOTS) {
  test(`the records of ${name} are plain JSON, and views projected from a record read back from JSON are the same views`, () => {
    const records = recordsOf(root, today);
    assert.ok(records.length > 0);
    for (const record of records) {
      const read = JSON.parse(JSON.stringify(record)) as MeasureRecord;
      assert.deepStrictEqual(read, record, `${record.slug}: the record survives a round trip`);
      // What a view needs and the record lacks would be lost in the trip (a Date, a Map, a function):
      // the same views from the copy show that every view is made from the record alone.
      assert.deepStrictEqual(measureViews(read), measureViews(record), `${record.slug}: the same views from the record read back`);
    }
  });
}

test('the round trip covers every kind of measure: line and bar lead charts, figures pages, earlier releases, a breakdown, no figures', () => {
  const records = [...recordsOf(join(FIXTURES, 'valid', 'kinds'), TODAY), ...recordsOf(PROJECT, REAL_SITE_TODAY)];
  const slugs = (keep: (r: MeasureRecord) => boolean) => records.filter(keep).map((r) => r.slug);
  assert.ok(slugs((r) => r.lead?.kind === 'line').length > 0, 'a line lead chart');
  assert.ok(slugs((r) => r.lead?.kind === 'bar').includes('lamp-post-survey'), 'a bar lead chart');
  assert.ok(slugs((r) => r.long && measureViews(r).figuresPages !== undefined).includes('widget-thefts'), 'a long series with figures pages');
  assert.ok(slugs((r) => r.withEarlierReleases !== undefined).length > 0, 'a line chart offering earlier releases');
  assert.ok(slugs((r) => r.breakdown !== undefined).includes('widget-thefts'), 'a breakdown chart');
  const none = records.filter((r) => r.lead === undefined);
  assert.ok(none.length > 0, 'a measure without figures');
  for (const r of none) assert.deepEqual([r.share, measureViews(r).embed, measureViews(r).ogSvg], [undefined, undefined, undefined], `${r.slug}: nothing to share`);
});

test('the data step builds one record per measure whose views it writes, over all its threads', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-records-'));
  try {
    const generated = join(work, 'generated');
    const result = await prepareDataInPool(join(FIXTURES, 'valid', 'kinds'), generated, TODAY, 'https://golden.example/', downloadsDir(generated), 2);
    assert.ok(result.artefacts, 'the fixture publishes');
    const written = readdirSync(join(generated, 'views', 'measures')).length;
    assert.ok(written > 1, 'measures with views');
    assert.equal(result.charts.records, written, `${result.charts.records} records for ${written} measures' views`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a record built again shows in the count', () => {
  const { model } = loadSite({ root: MINIMAL_ROOT, today: TODAY });
  const index = modelIndex(buildPageModel(model!, TODAY).page);
  const before = recordCounts.built;
  measureRecord(index, model!.measures[0]!, SITE_ROOT);
  measureRecord(index, model!.measures[0]!, SITE_ROOT);
  assert.equal(recordCounts.built - before, 2);
});
