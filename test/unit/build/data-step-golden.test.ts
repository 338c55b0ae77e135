/**
 * Golden folders for the data step (issue 15): what it writes for each valid fixture root (page
 * model, views, downloads, catalogue, JSON-LD) is compared file by file and byte for byte with
 * test/fixtures/golden/data-step/<fixture>/. A change to any output shows here as a diff to review;
 * after checking it is intended, rewrite the folders with UPDATE_GOLDEN=1. This is the data step's
 * safety net (there is no second implementation to compare it with): the kinds fixture gives it a bar
 * lead chart, a breakdown, a derived measure, a figures page and a release page to pin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { downloadsDir } from '../../../src/lib/build/data-step.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import { FIXTURES, TODAY } from '../../support/fixture-roots.ts';

const GOLDEN = join(FIXTURES, 'golden', 'data-step');
/** A fixed public address, so absolute links in views and downloads do not depend on the environment. */
const SITE_ROOT = 'https://golden.example/';

/** Every file below `folder`, by path relative to it, with its bytes. */
function filesBelow(folder: string): Map<string, Buffer> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [relative(folder, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]));
}

/** The kinds fixture's output holds each kind of view the golden folders must pin; else its folder would pin less than it claims. */
function assertEveryKind(generated: string): void {
  const view = (slug: string) => readFileSync(join(generated, 'views', 'measures', `${slug}.json`), 'utf8');
  assert.match(view('lamp-post-survey'), /"kind":"bar"/, 'a bar lead chart');
  assert.match(view('widget-thefts'), /"kind":"line"/, 'a line lead chart');
  assert.match(view('widget-thefts'), /widget-thefts-breakdown/, 'a breakdown chart');
  const model = JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as { measures: { slug: string; derived: boolean; vintages: unknown[] }[] };
  const derived = model.measures.find((m) => m.slug === 'widget-and-gadget-thefts');
  assert.ok(derived?.derived && derived.vintages.length > 0 && view(derived.slug).length > 0, 'a derived measure, with figures');
  assert.ok(readdirSync(join(generated, 'views', 'figures', 'widget-thefts')).length > 0, 'a figures page');
  assert.ok(readdirSync(join(generated, 'views', 'releases', 'widget-thefts')).length > 0, 'a release page');
}

for (const fixture of ['minimal', 'hostile', 'other-partnership', 'kinds']) {
  test(`the data step writes for the ${fixture} fixture exactly its golden folder`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'snd-golden-'));
    try {
      const generated = join(work, 'generated');
      const result = await prepareDataInPool(join(FIXTURES, 'valid', fixture), generated, TODAY, SITE_ROOT, downloadsDir(generated), 2);
      assert.ok(result.artefacts, 'the fixture is valid and publishes');
      if (fixture === 'kinds') assertEveryKind(generated);
      const golden = join(GOLDEN, fixture);
      if (process.env.UPDATE_GOLDEN === '1') {
        rmSync(golden, { recursive: true, force: true });
        cpSync(generated, golden, { recursive: true });
      }
      assert.ok(existsSync(golden), `${golden} is missing: run the test with UPDATE_GOLDEN=1 once the output is checked`);
      const expected = filesBelow(golden);
      const actual = filesBelow(generated);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), 'the same files');
      for (const [path, bytes] of expected) assert.ok(bytes.equals(actual.get(path)!), `${path} differs from its golden copy`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
