/**
 * When `npm run dev` reruns the data step (src/lib/build/dev-rerun.ts), without Astro or a clock: the
 * test decides when changes have settled and when a run ends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRerunner, isDataChange } from '../../../src/lib/build/dev-rerun.ts';

/** A rerunner whose settling and runs the test drives by hand. */
function harness() {
  const settled: (() => void)[] = [];
  const runs: { finish: () => void }[] = [];
  let started = 0;
  const rerunner = createRerunner({
    settle: (next) => settled.push(next),
    run: () => {
      started++;
      return new Promise<void>((resolve) => runs.push({ finish: resolve }));
    },
  });
  return {
    rerunner,
    started: () => started,
    settle: () => settled.splice(0).forEach((next) => next()),
    pendingSettles: () => settled.length,
    finishRun: async () => {
      runs.shift()!.finish();
      // Let the rerunner's promise callbacks run.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

test('changes that arrive together make one run, once they have settled', async () => {
  const h = harness();
  h.rerunner.changed();
  h.rerunner.changed();
  h.rerunner.changed();
  assert.equal(h.pendingSettles(), 1, 'one wait for the burst to pass');
  assert.equal(h.started(), 0, 'nothing runs before the changes settle');
  h.settle();
  assert.equal(h.started(), 1);
  await h.finishRun();
  await h.rerunner.idle();
  assert.equal(h.started(), 1);
});

test('a change during a run makes exactly one more run after it, never two at once', async () => {
  const h = harness();
  h.rerunner.changed();
  h.settle();
  assert.equal(h.started(), 1);
  h.rerunner.changed();
  h.rerunner.changed();
  assert.equal(h.pendingSettles(), 0, 'nothing is scheduled while a run is under way');
  await h.finishRun();
  assert.equal(h.pendingSettles(), 1, 'the changes made during the run are run once it ends');
  h.settle();
  assert.equal(h.started(), 2);
  await h.finishRun();
  await h.rerunner.idle();
  assert.equal(h.started(), 2);
});

test('a run that fails does not stop later changes from running', async () => {
  let calls = 0;
  const rerunner = createRerunner({
    settle: (next) => next(),
    run: async () => {
      calls++;
      if (calls === 1) throw new Error('refused');
    },
  });
  rerunner.changed();
  await rerunner.idle();
  rerunner.changed();
  await rerunner.idle();
  assert.equal(calls, 2);
});

test("editors' swap, backup and lock files do not rerun the data step; real files and unnamed changes do", () => {
  for (const file of ['measures/knife-crime.md', 'measures/knife-crime/2026-01-01.csv', 'views/measure.ts', null]) assert.equal(isDataChange(file), true, String(file));
  for (const file of ['measures/.knife-crime.md.swp', 'measures/knife-crime.md~', 'measures/.#knife-crime.md', '4913']) assert.equal(isDataChange(file), false, file);
});
