/**
 * `npm run validate` checks data/comparisons/ as the build does: a broken comparison release
 * (test/fixtures/invalid-comparison, laid over the other-partnership fixture) is refused with each
 * problem at its file, line and column, and exit code 1; the fixture as it is passes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TODAY } from '../../support/fixture-roots.ts';

const PROJECT = join(import.meta.dirname, '..', '..', '..');
const NODE = join(PROJECT, 'node_modules', '.bin', 'node');
const OTHER = join(PROJECT, 'test', 'fixtures', 'valid', 'other-partnership');
const BROKEN = join(PROJECT, 'test', 'fixtures', 'invalid-comparison');
const temp = mkdtempSync(join(tmpdir(), 'snd-validate-comparisons-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** Runs `npm run validate` against `root` with the clock pinned. */
function validate(root: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, SND_ROOT: root, SND_TODAY: TODAY };
  delete env.SND_DEBUG;
  return spawnSync(NODE, [join('src', 'cli', 'validate.ts')], { cwd: PROJECT, env, encoding: 'utf8' });
}

test('a valid comparison folder passes validate', () => {
  const run = validate(OTHER);
  assert.equal(run.status, 0, run.stderr);
});

test('a broken comparison CSV is refused with file:line:column for each problem and exit 1', () => {
  const root = join(temp, 'broken');
  cpSync(OTHER, root, { recursive: true });
  cpSync(join(BROKEN, 'data'), join(root, 'data'), { recursive: true });
  const run = validate(root);
  assert.equal(run.status, 1);
  const file = 'data/comparisons/reported-bicycle-thefts/2025-10-01.csv';
  const lines = run.stderr.split('\n').filter((l) => l.startsWith(file));
  assert.deepEqual(lines, [
    `${file}:3:64: value must be a number, or empty with the publisher's marker (such as [x]) in note; found "about 530".`,
    `${file}:4:162: role must be one of "partnership", "police_force_area", "reference"; found "force".`,
    `${file}:5:1: has 12 cells; every row needs 13, one per column of the header. Quote a cell holding a comma ("Bristol, City of").`,
  ]);
  assert.match(run.stderr, /3 problems in 1 file\. Nothing was published\./);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('a comparison folder for no measure is refused, naming the folder', () => {
  const root = join(temp, 'orphan');
  cpSync(OTHER, root, { recursive: true });
  cpSync(join(OTHER, 'data', 'comparisons', 'reported-bicycle-thefts'), join(root, 'data', 'comparisons', 'no-such-measure'), { recursive: true });
  const run = validate(root);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^data\/comparisons\/no-such-measure:1:1: no measure "no-such-measure" exists \(content\/measures\/no-such-measure\.md\)/m);
});
