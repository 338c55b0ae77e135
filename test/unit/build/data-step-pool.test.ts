/**
 * The build's data step on worker threads (src/lib/build/data-step-pool.ts), on the real site: what it writes
 * does not depend on how many threads share the measures (one or two, file for file and byte for
 * byte), it parses each CSV once, and each plan's downloads keep their contract: data.csv loads into
 * a database with its declared primary key, and the zip holds every release byte for byte. On bad
 * input it reports the same problems as validation and leaves the generated folder as it was. What it
 * writes for the fixtures is pinned by the golden folders (test/unit/build/data-step-golden.test.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { downloadsDir } from '../../../src/lib/build/data-step.ts';
import type { DataPackage } from '../../../src/lib/downloads/datapackage.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import { dataCaseRoot, PROJECT, TODAY } from '../../support/fixture-roots.ts';
import { loadWithPrimaryKey } from '../../support/sqlite-key.ts';

/** Every file below `folder`, by path relative to it, with its bytes. */
function filesBelow(folder: string): Map<string, Buffer> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]));
}

function csvFilesBelow(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.csv')).length;
}

/** The address the data step is told the site is served at (downloads and views carry it). */
const SITE_ROOT = 'https://pool.example/snd/';

test('on the real site, the data step writes the same files byte for byte on one thread and on two, parsing each CSV once', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-pool-'));
  try {
    const one = join(work, 'one');
    const two = join(work, 'two');
    const single = await prepareDataInPool(PROJECT, one, '2026-12-01', SITE_ROOT, downloadsDir(one), 1);
    const pooled = await prepareDataInPool(PROJECT, two, '2026-12-01', SITE_ROOT, downloadsDir(two), 2);
    assert.ok(single.artefacts && pooled.artefacts, 'the real site publishes');
    assert.equal(pooled.csvParses, csvFilesBelow(join(PROJECT, 'data', 'measures')));
    const expected = filesBelow(one);
    const actual = filesBelow(two);
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    for (const [path, bytes] of expected) assert.ok(bytes.equals(actual.get(path)!), `${path} differs`);
    assert.ok(!existsSync(`${two}.partial`), 'nothing is left beside the generated folder');

    // Each plan's downloads: data.csv with its key as a database's PRIMARY KEY, every release in the zip.
    const plans = readdirSync(join(downloadsDir(two), 'downloads')).filter((name) => name.endsWith('.zip'));
    assert.ok(plans.length >= 2);
    for (const zipName of plans) {
      const folder = join(downloadsDir(two), 'downloads', zipName.replace(/\.zip$/, ''));
      const pkg = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as DataPackage;
      const loaded = loadWithPrimaryKey(readFileSync(join(folder, 'data.csv')), pkg);
      assert.ok(loaded.ok, `${zipName}: ${loaded.ok ? '' : loaded.error}`);
      const files = unzipSync(readFileSync(join(downloadsDir(two), 'downloads', zipName)));
      const releases = Object.keys(files).filter((name) => name.startsWith('data/measures/'));
      assert.ok(releases.length > 0);
      for (const name of releases) assert.ok(Buffer.from(files[name]!).equals(readFileSync(join(PROJECT, name))), `${zipName}: ${name} is the release file as published`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('bad data: the pooled data step reports what validation reports, and leaves the generated folder as it was', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-pool-bad-'));
  try {
    const root = dataCaseRoot('many-problems', join(work, 'root'));
    const generated = join(work, 'generated');
    mkdirSync(generated);
    writeFileSync(join(generated, 'model.json'), 'the last good build');
    const result = await prepareDataInPool(root, generated, TODAY, SITE_ROOT, downloadsDir(generated), 2);
    assert.equal(result.artefacts, undefined);
    const expected = loadSite({ root, today: TODAY }).diagnostics;
    assert.ok(expected.length > 1);
    assert.deepEqual(result.diagnostics, expected);
    assert.deepEqual(readdirSync(generated), ['model.json']);
    assert.equal(readFileSync(join(generated, 'model.json'), 'utf8'), 'the last good build');
    assert.ok(!existsSync(`${generated}.partial`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
