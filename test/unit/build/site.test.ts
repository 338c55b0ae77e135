/**
 * buildSite's effects are its arguments: the environment the address is read from, where problems
 * are reported and what is counted. These cases stop before Astro, so they run in a second or two.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildEffects, type BuildPaths } from '../../../src/lib/build/site.ts';
import type { Diagnostic } from '../../../src/lib/format/diagnostics.ts';
import { INVALID_CONTENT, PROJECT } from '../../support/fixture-roots.ts';

function setUp(root: string): { paths: BuildPaths; effects: BuildEffects; reported: Diagnostic[]; shown: unknown[]; done: () => void } {
  const out = mkdtempSync(join(tmpdir(), 'snd-build-site-'));
  const paths: BuildPaths = { root, project: PROJECT, generated: join(out, 'generated'), staging: join(out, 'dist.partial'), dist: join(out, 'dist') };
  // A previous build's output: a refused build must leave nothing that could be deployed.
  for (const folder of [paths.dist, paths.staging]) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), 'old');
  }
  const reported: Diagnostic[] = [];
  const shown: unknown[] = [];
  const effects: BuildEffects = {
    log: () => {},
    report: (diagnostics) => reported.push(...diagnostics),
    clock: () => 0,
    // Later than any release of this project's own data, which the first two cases build from.
    today: '2099-12-31',
    env: {},
    counters: { csvParses: 5 },
    showPagesTheData: (p) => shown.push(p),
  };
  return { paths, effects, reported, shown, done: () => rmSync(out, { recursive: true, force: true }) };
}

// This project's own content/site.yaml gives no address (it is set at deployment), unlike the fixtures'.
test('a site with no public address is refused through the reporter it was given, after the data step, with nothing published', async () => {
  const { paths, effects, reported, shown, done } = setUp(PROJECT);
  try {
    const outcome = await buildSite(paths, effects);
    assert.equal(outcome.code, 1);
    assert.ok(outcome.csvParses > 0, 'the data step ran');
    assert.equal(effects.counters.csvParses, 5 + outcome.csvParses, 'added to the counter passed in');
    assert.deepEqual(reported.map((d) => [d.file, d.line, d.column]), [['content/site.yaml', 1, 1]]);
    assert.match(reported[0]!.message, /^the site's public address is not set/);
    assert.deepEqual(shown, [], 'Astro never started');
    assert.equal(existsSync(paths.dist), false);
    assert.equal(existsSync(paths.staging), false);
  } finally {
    done();
  }
});

test('the address is read from the environment passed in, not the process', async () => {
  const { paths, effects, reported, done } = setUp(PROJECT);
  try {
    // An address on this computer without --local is refused, whatever this process's own SITE_URL is.
    const outcome = await buildSite(paths, { ...effects, env: { SITE_URL: 'http://localhost:4321' } });
    assert.equal(outcome.code, 1);
    assert.match(reported[0]!.message, /^SITE_URL is http:\/\/localhost:4321, an address on this computer/);
  } finally {
    done();
  }
});

test('invalid data stops the build in the data step, before the address is checked, with nothing published', async () => {
  const { paths, effects, reported, shown, done } = setUp(join(INVALID_CONTENT, 'documented-example-value-not-a-number'));
  try {
    const outcome = await buildSite(paths, effects);
    assert.equal(outcome.code, 1);
    assert.deepEqual(reported, [], 'the data step prints its own diagnostics; the address is not checked');
    assert.deepEqual(shown, []);
    assert.equal(existsSync(paths.dist), false);
    assert.equal(existsSync(paths.staging), false);
  } finally {
    done();
  }
});
