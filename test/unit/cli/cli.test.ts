/**
 * The command-line tools as editors run them. For every broken fixture (content and data),
 * `npm run validate` exits 1 and prints exactly the expected `path:line:column: message` lines and
 * a closing summary, never a stack trace. For a sample, `npm run build` does the same and leaves
 * nothing deployable behind: any earlier dist/ and dist.partial/ are removed, so a half-valid site
 * can never be published by mistake.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { caseNames, dataCaseRoot, expectedLines, INVALID_CONTENT, INVALID_DATA, MINIMAL_ROOT, TODAY } from '../../support/fixture-roots.ts';

const PROJECT = join(import.meta.dirname, '..', '..', '..');
const NODE = join(PROJECT, 'node_modules', '.bin', 'node');
/** Spawned processes at once: each is mostly start-up time, so a few in parallel keep the file well under a minute. */
const CONCURRENCY = 4;

const temp = mkdtempSync(join(tmpdir(), 'snd-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI script of this project against `root`, as `npm run` would, with the clock pinned. */
function runCli(script: 'validate' | 'build', root: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SND_ROOT: root,
    SND_TODAY: TODAY,
    ASTRO_TELEMETRY_DISABLED: '1',
    // A hundred runs of the same scripts: caching their compiled code halves each start-up.
    NODE_COMPILE_CACHE: join(temp, 'compile-cache'),
    ...extraEnv,
  };
  delete env.SND_DEBUG; // debug mode prints stack traces on purpose
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [join('src', 'cli', `${script}.ts`)], { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The closing line the CLIs print after the problems, for these problem lines. */
function summaryFor(lines: readonly string[]): string {
  const files = new Set(lines.map((line) => /^(.*?):\d+:\d+: /.exec(line)?.[1] ?? line)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(lines.length, 'problem')} in ${plural(files, 'file')}. Nothing was published. Fix each line above (file:line:column), then run "npm run validate" again.`;
}

/** Asserts a refused run: exit 1, the exact problem lines and summary, nothing else, no stack trace. */
function assertRefused(run: Run, expected: readonly string[]): void {
  const output = `${run.stdout}${run.stderr}`;
  assert.doesNotMatch(output, /^\s+at /m, 'a problem in a file must never print a stack trace');
  assert.doesNotMatch(output, /Internal error/, 'a problem in a file is not an internal error');
  assert.equal(run.code, 1, output);
  assert.equal(run.stdout, '', 'problems go to stderr; stdout stays empty');
  assert.deepEqual(run.stderr.trimEnd().split('\n'), [...expected, '', summaryFor(expected)]);
}

const CONTENT_CASES = caseNames(INVALID_CONTENT);
const DATA_CASES = caseNames(INVALID_DATA);
/** Project roots for the data cases, built once: the data fixtures hold a measure folder, not a root. */
const dataRoots = new Map<string, string>();
before(() => {
  for (const name of DATA_CASES) dataRoots.set(name, dataCaseRoot(name, join(temp, 'data-roots', name)));
});

test('there are content and data cases to run', () => {
  assert.ok(CONTENT_CASES.length >= 40 && DATA_CASES.length >= 40, `${CONTENT_CASES.length} content and ${DATA_CASES.length} data cases`);
});

test('validate accepts the minimal root and says what it checked', async () => {
  const run = await runCli('validate', MINIMAL_ROOT);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^All content and data are valid: 1 plans?, 1 priorit(?:y|ies), 1 actions?, 2 measures \(1 with data\)\.\n$/);
});

test('validate refuses a published release with one byte changed, naming its file and the fix', async () => {
  const root = join(temp, 'one-byte-changed');
  cpSync(MINIMAL_ROOT, root, { recursive: true });
  const folder = join(root, 'data', 'measures');
  const [slug] = readdirSync(folder);
  const [csv] = readdirSync(join(folder, slug!)).filter((name) => name.endsWith('.csv'));
  const path = join(folder, slug!, csv!);
  const bytes = readFileSync(path);
  const digit = bytes.findLastIndex((byte) => byte >= 0x30 && byte <= 0x38);
  assert.ok(digit >= 0, 'the fixture release has a digit to change');
  bytes[digit] = bytes[digit]! + 1;
  writeFileSync(path, bytes);

  const run = await runCli('validate', root);
  const file = `data/measures/${slug}/${csv}`;
  assert.equal(run.code, 1, run.stdout);
  const [line, ...rest] = run.stderr.trimEnd().split('\n');
  assert.match(line!, new RegExp(`^${file}:1:1: this published release has changed: releases\\.yaml records sha256 [0-9a-f]{64} but the file's SHA-256 is now ${createHash('sha256').update(bytes).digest('hex')};`));
  assert.match(line!, new RegExp(`publish a correction as a new release: npm run new -- release ${slug} <file\\.csv> --changes`));
  assert.deepEqual(rest, ['', summaryFor([line!])]);
});

describe('validate refuses every invalid content case', { concurrency: CONCURRENCY }, () => {
  for (const name of CONTENT_CASES) {
    test(name, async () => {
      const root = join(INVALID_CONTENT, name);
      assertRefused(await runCli('validate', root), expectedLines(root));
    });
  }
});

describe('validate refuses every invalid data case', { concurrency: CONCURRENCY }, () => {
  for (const name of DATA_CASES) {
    test(name, async () => {
      assertRefused(await runCli('validate', dataRoots.get(name)!), expectedLines(join(INVALID_DATA, name)));
    });
  }
});

/**
 * A sample for the build, each a different kind of failure: a refused content file, a missing
 * site.yaml, a derivation that once crashed the pipeline, a formula cell, a broken releases.yaml and
 * a published release whose bytes changed.
 */
const BUILD_SAMPLE: readonly { kind: 'content' | 'data'; name: string }[] = [
  { kind: 'content', name: 'invalid-enum-unit' },
  { kind: 'content', name: 'site-yaml-missing' },
  { kind: 'content', name: 'derivation-unknown-term' },
  { kind: 'data', name: 'formula-injection' },
  { kind: 'data', name: 'releases-yaml-syntax' },
  { kind: 'data', name: 'releases-checksum-changed' },
];

describe('build refuses invalid input and leaves nothing to deploy', { concurrency: 2 }, () => {
  for (const { kind, name } of BUILD_SAMPLE) {
    test(`${kind}: ${name}`, async () => {
      const out = join(temp, 'builds', `${kind}-${name}`);
      const dist = join(out, 'dist');
      const generated = join(out, 'generated');
      // What an earlier good build and an interrupted one would have left behind.
      mkdirSync(join(dist, 'plans'), { recursive: true });
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>previous good build</title>');
      mkdirSync(`${dist}.partial`, { recursive: true });
      writeFileSync(join(`${dist}.partial`, 'index.html'), 'half-built');

      const root = kind === 'content' ? join(INVALID_CONTENT, name) : dataRoots.get(name)!;
      const expected = expectedLines(kind === 'content' ? join(INVALID_CONTENT, name) : join(INVALID_DATA, name));
      const run = await runCli('build', root, {
        SND_DIST: dist,
        SND_GENERATED_DIR: generated,
        SND_CACHE_DIR: join(out, 'astro-cache'),
      });

      assertRefused(run, expected);
      assert.equal(existsSync(dist), false, 'the previous dist/ must be removed so it cannot be deployed with invalid sources');
      assert.equal(existsSync(`${dist}.partial`), false, 'no staging folder may be left behind');
      assert.equal(existsSync(generated), false, 'no page model may be written for invalid input');
      assert.deepEqual(readdirSync(out), [], `only the removed folders were there: ${readdirSync(out).join(', ')}`);
    });
  }
});
