/**
 * `npm test`: every test, in the order a failure is cheapest to read:
 * unit and chart snapshot tests, then a real build of the site, then browser tests against it,
 * then the benchmark at its quick size.
 * Ends with one line "tests: N passed, N failed" so CI can read the outcome.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './support/chromium.ts';
import { withAllocatorTuning } from '../src/lib/build/allocator-env.ts';

const root = new URL('..', import.meta.url).pathname;
// The build's allocator settings for every process the tests start (fresh memory is slow to touch on
// these machines; src/lib/build/allocator-env.ts): the unit tests took 2.2 minutes with them, 2.6 without.
const env: NodeJS.ProcessEnv = withAllocatorTuning({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });
let passed = 0;
let failed = 0;

/** Runs a command in the project root, streaming its output; returns its exit code. */
function run(command: string, args: string[], capture = false): { status: number; stdout: string } {
  const result = spawnSync(command, args, { cwd: root, env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (capture && result.stdout) process.stdout.write(result.stdout);
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

/** All *.test.ts files below the given folders. */
function testFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.test.ts'))
          .map((f) => join(folder, f))
      : [],
  );
}

function section(title: string): void {
  console.log(`\n=== ${title} ===`);
}

section('Unit and chart tests');
const unit = run(process.execPath, ['--test', '--test-reporter=spec', ...testFiles('test/unit', 'test/charts')], true);
passed += Number(/ℹ pass (\d+)/.exec(unit.stdout)?.[1] ?? 0);
failed += Number(/ℹ fail (\d+)/.exec(unit.stdout)?.[1] ?? (unit.status === 0 ? 0 : 1));

section('Build');
// A local copy: the browser tests serve it on this computer (see README "Deployment").
const build = run(process.execPath, ['src/cli/build.ts', '--local']);
if (build.status !== 0) {
  failed += 1;
  console.error('The build failed, so the browser tests cannot run.');
} else {
  passed += 1;
  section('Browser tests (Playwright, Chromium)');
  process.env.CHROMIUM_PATH = findChromium();
  env.CHROMIUM_PATH = process.env.CHROMIUM_PATH;
  rmSync(join(root, 'test-results'), { recursive: true, force: true });
  const e2e = run(join(root, 'node_modules/.bin/playwright'), ['test']);
  const reportPath = join(root, 'test-results/e2e.json');
  if (existsSync(reportPath)) {
    const stats = JSON.parse(readFileSync(reportPath, 'utf8')).stats as { expected: number; unexpected: number; flaky: number };
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  if (e2e.status !== 0 && failed === 0) failed += 1;
}

section('Benchmark, quick size (proves it works; the budgets are checked by npm run bench)');
const bench = run(process.execPath, ['src/cli/bench.ts', '--quick']);
if (bench.status === 0) passed += 1;
else failed += 1;

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
