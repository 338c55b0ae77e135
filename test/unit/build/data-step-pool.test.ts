/**
 * The build's data step on worker threads (src/lib/build/data-step-pool.ts) writes exactly what the one-thread
 * data step (prepareData) writes, file for file and byte for byte, parses each CSV once, and on bad
 * input reports the same problems and leaves the generated folder as it was.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { downloadsDir, prepareData } from '../../../src/cli/prepare-data.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import { dataCaseRoot, FIXTURES, MINIMAL_ROOT, PROJECT, TODAY } from '../../support/fixture-roots.ts';

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

const ROOTS: [string, string, string][] = [
  ['the minimal fixture', MINIMAL_ROOT, TODAY],
  ['the hostile fixture', join(FIXTURES, 'valid', 'hostile'), TODAY],
  ['the other partnership', join(FIXTURES, 'valid', 'other-partnership'), TODAY],
  // The real site has derived measures, which the pool's owner computes from its workers' whole inputs.
  ['the real site', PROJECT, '2026-12-01'],
];

for (const [name, root, today] of ROOTS) {
  test(`on every core, the data step writes for ${name} what it writes on one thread, byte for byte, parsing each CSV once`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'snd-pool-'));
    try {
      const one = join(work, 'one');
      const pooled = join(work, 'pooled');
      assert.ok(prepareData(root, one, today, SITE_ROOT));
      const result = await prepareDataInPool(root, pooled, today, SITE_ROOT, downloadsDir(pooled), 2);
      assert.ok(result.artefacts, 'the pooled data step published');
      assert.equal(result.csvParses, csvFilesBelow(join(root, 'data', 'measures')));
      const expected = filesBelow(one);
      const actual = filesBelow(pooled);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      for (const [path, bytes] of expected) assert.ok(bytes.equals(actual.get(path)!), `${path} differs`);
      assert.ok(!existsSync(`${pooled}.partial`), 'nothing is left beside the generated folder');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

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
