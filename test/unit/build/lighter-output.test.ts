/**
 * Lighter output: the measures' JSON downloads and the catalogue are compact (a 120-period series with
 * comparators was twice the size indented), and hold exactly the document they held before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { downloadsDir } from '../../../src/lib/build/data-step.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import { measureJson, measureJsonText } from '../../../src/lib/downloads/measure-json.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { MINIMAL_ROOT, TODAY } from '../../support/fixture-roots.ts';

test('a measure JSON download is one line of compact JSON holding the whole document', () => {
  const { model } = loadSite({ root: MINIMAL_ROOT, today: TODAY });
  assert.ok(model);
  const withData = model.measures.filter((m) => m.vintages.length > 0);
  assert.ok(withData.length > 0);
  for (const measure of withData) {
    const text = measureJsonText(measure, model.site);
    assert.ok(text.endsWith('}\n'), 'ends with a line break');
    assert.equal(text.indexOf('\n'), text.length - 1, 'no line break inside: no indentation');
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(measureJson(measure, model.site))));
  }
});

test('the catalogue download is compact JSON listing every other file', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-lighter-'));
  try {
    const generated = join(work, 'generated');
    const prepared = await prepareDataInPool(MINIMAL_ROOT, generated, TODAY, 'https://fixture.example/', downloadsDir(generated), 1);
    assert.ok(prepared.artefacts);
    const text = readFileSync(join(generated, 'downloads', 'data', 'catalogue.json'), 'utf8');
    assert.equal(text.indexOf('\n'), text.length - 1, 'one line');
    const entries = JSON.parse(text) as { path: string }[];
    assert.ok(entries.length > 3);
    assert.ok(entries.some((e) => e.path.endsWith('.json')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
