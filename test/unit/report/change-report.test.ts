/**
 * The change report on real git repositories built in a temp folder: the minimal fixture committed
 * as the base, then one change each (a new release with revisions, a new measure, a renamed
 * measure, a removed published file, a broken CSV), compared with golden Markdown in
 * test/fixtures/golden/report/ (UPDATE_GOLDEN=1 rewrites them after a change is checked by eye).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { changeReport, REVISION_ROWS, type ChangeReport } from '../../../src/lib/report/change-report.ts';
import { gitBaseTree } from '../../../src/lib/report/git.ts';
import { reportMarkdown } from '../../../src/lib/report/markdown.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const MINIMAL = join(PROJECT, 'test/fixtures/valid/minimal');
const GOLDEN = join(PROJECT, 'test/fixtures/golden/report');
const TODAY = '2026-12-01';
const MEASURE = 'data/measures/widget-thefts';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A releases.yaml entry for a synthetic release of `csv`, cited with a (synthetic) publisher's release date. */
function entry(vintage: string, csv: string, changes: string): string {
  return [
    `- vintage: ${vintage}`,
    '  publisher: "Testshire Statistics Office (synthetic)"',
    '  dataset: "Synthetic widget table 1"',
    '  url: https://example.org/synthetic/widgets',
    `  retrieved: ${vintage}`,
    '  licence: "Open Government Licence v3.0"',
    `  changes: "${changes}"`,
    `  sha256: ${sha256(csv)}`,
    '  edition: "year ending December 2024"',
    '  release_date:',
    `    evidence: "Release date: ${vintage} (synthetic)"`,
    '    url: https://example.org/synthetic/widgets/release',
    '',
  ].join('\n');
}

/** Fifteen years of widget thefts: the base's release, so a correction can revise more figures than the report lists. */
const BASE_CSV = ['period,value,note', ...Array.from({ length: 15 }, (_, i) => `${2010 + i},${100 + i * 10},`)].join('\n') + '\n';

/**
 * A git repository holding the minimal fixture (its widget release replaced by BASE_CSV) and a
 * register of its published addresses, committed; `change` then edits the working tree.
 */
function fixtureRepo(change: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'snd-report-'));
  cpSync(MINIMAL, root, { recursive: true });
  write(root, `${MEASURE}/2025-07-24.csv`, BASE_CSV);
  write(root, `${MEASURE}/releases.yaml`, entry('2025-07-24', BASE_CSV, 'Synthetic release for tests.'));
  write(
    root,
    'test/urls/published.txt',
    ['# synthetic register', '/measures/widget-thefts/', '/embed/measures/widget-thefts/', '/data/measures/widget-thefts.csv', '/data/measures/widget-thefts.json', '/data/measures/widget-thefts/2025-07-24.csv', '/measures/lamp-post-complaints/', '/plans/2024-27/actions/count-the-widgets/', ''].join('\n'),
  );
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, '-c', 'user.name=test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'base');
  change(root);
  return root;
}

function report(root: string): ChangeReport {
  return changeReport({ root, base: gitBaseTree(root, 'main'), today: TODAY });
}

/** Compares the report's Markdown with its golden file (or writes it with UPDATE_GOLDEN=1). */
function assertGolden(name: string, markdown: string): void {
  const file = join(GOLDEN, `${name}.md`);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, markdown);
  }
  assert.ok(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 and check it`);
  assert.equal(markdown, readFileSync(file, 'utf8'));
}

/** A correction of every year: twelve revised by different amounts, one added (2025), and 2010 no longer published. */
const CORRECTED_CSV =
  ['period,value,note', ...Array.from({ length: 14 }, (_, i) => `${2011 + i},${110 + i * 10 + (i < 12 ? i + 1 : 0)},`), '2025,300,'].join('\n') + '\n';

describe('npm run report', () => {
  test('a new release with revisions: its publisher date and edition, counts, the largest revisions first, capped', () => {
    const root = fixtureRepo((root) => {
      write(root, `${MEASURE}/2025-10-02.csv`, CORRECTED_CSV);
      writeFileSync(join(root, MEASURE, 'releases.yaml'), readFileSync(join(root, MEASURE, 'releases.yaml'), 'utf8') + entry('2025-10-02', CORRECTED_CSV, 'Corrected and extended.'));
    });
    const result = report(root);
    assert.equal(result.ok, true, result.problems.join('\n'));
    const release = result.measures[0]!.releases[0]!;
    assert.deepEqual(release.counts, { added: 1, revised: 12, removed: 1 });
    assert.equal(release.revisions.length, REVISION_ROWS);
    assert.equal(release.moreRevisions, 12 - REVISION_ROWS);
    // 2022 moved by 12, the most: it comes first.
    assert.deepEqual([release.revisions[0]!.period, release.revisions[0]!.before, release.revisions[0]!.after], ['2022', '220', '232']);
    assertGolden('new-release-with-revisions', reportMarkdown(result));
    rmSync(root, { recursive: true, force: true });
  });

  test('a new measure with its first release, and an action progress report', () => {
    const root = fixtureRepo((root) => {
      const text = readFileSync(join(root, 'content/measures/widget-thefts.md'), 'utf8').replace('title: "Widget thefts"', 'title: "Gadget losses"').replace('order: 1', 'order: 3');
      write(root, 'content/measures/gadget-losses.md', text);
      const csv = 'period,value,note\n2024,12,\n';
      write(root, 'data/measures/gadget-losses/2025-10-02.csv', csv);
      write(root, 'data/measures/gadget-losses/releases.yaml', entry('2025-10-02', csv, 'First release.'));
      const action = join(root, 'content/actions/2024-27/count-the-widgets.md');
      const progress = 'progress:\n  - date: "2026-11-30"\n    status: completed\n    note: "Every widget counted (synthetic)."\n';
      writeFileSync(action, readFileSync(action, 'utf8').replace(/status: \w+\n/, `status: completed\n${progress}`));
    });
    const result = report(root);
    assert.equal(result.ok, true, result.problems.join('\n'));
    assert.deepEqual(result.content.map((c) => [c.kind, c.status, c.address]), [
      ['action', 'modified', '/plans/2024-27/actions/count-the-widgets/'],
      ['measure', 'added', '/measures/gadget-losses/'],
    ]);
    assertGolden('new-measure', reportMarkdown(result));
    rmSync(root, { recursive: true, force: true });
  });

  test('a renamed measure with redirect_from keeps every published address: nothing disappears', () => {
    const root = fixtureRepo((root) => {
      const text = readFileSync(join(root, 'content/measures/widget-thefts.md'), 'utf8').replace(/^---\n/, '---\nredirect_from: ["widget-thefts"]\n');
      rmSync(join(root, 'content/measures/widget-thefts.md'));
      write(root, 'content/measures/widget-losses.md', text);
      renameSync(join(root, MEASURE), join(root, 'data/measures/widget-losses'));
      for (const file of ['content/actions/2024-27/count-the-widgets.md', 'content/priorities/2024-27/safer-widgets.mdx', 'content/plans/2024-27.mdx']) {
        if (existsSync(join(root, file))) writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replaceAll('widget-thefts', 'widget-losses'));
      }
    });
    const result = report(root);
    assert.deepEqual(result.disappearing, []);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.measures, [], 'the moved releases are not new');
    assert.deepEqual(result.content.find((c) => c.id === 'widget-losses')?.renamedFrom, ['widget-thefts']);
    assertGolden('renamed-measure', reportMarkdown(result));
    rmSync(root, { recursive: true, force: true });
  });

  test('a renamed measure without redirect_from: its published addresses would disappear, and the check fails', () => {
    const root = fixtureRepo((root) => {
      write(root, 'content/measures/widget-losses.md', readFileSync(join(root, 'content/measures/widget-thefts.md'), 'utf8'));
      rmSync(join(root, 'content/measures/widget-thefts.md'));
      renameSync(join(root, MEASURE), join(root, 'data/measures/widget-losses'));
    });
    const result = report(root);
    assert.equal(result.ok, false);
    assert.deepEqual(result.disappearing.map((d) => d.address), [
      '/data/measures/widget-thefts.csv',
      '/data/measures/widget-thefts.json',
      '/data/measures/widget-thefts/2025-07-24.csv',
      '/embed/measures/widget-thefts/',
      '/measures/widget-thefts/',
    ]);
    rmSync(root, { recursive: true, force: true });
  });

  test('a removed published file: the address is named first, the validator\'s problem follows, and the command exits 1', () => {
    const root = fixtureRepo((root) => rmSync(join(root, MEASURE, '2025-07-24.csv')));
    const result = report(root);
    assert.equal(result.ok, false);
    assert.deepEqual(result.disappearing, [{ address: '/data/measures/widget-thefts/2025-07-24.csv', because: `${MEASURE}/2025-07-24.csv is deleted` }]);
    const markdown = reportMarkdown(result);
    assert.ok(markdown.indexOf('/data/measures/widget-thefts/2025-07-24.csv') < markdown.indexOf('## Problems'), 'the disappearing address comes first');
    assertGolden('removed-published-file', markdown);

    const cli = spawnSync(process.execPath, [join(PROJECT, 'src/cli/change-report.ts'), '--base', 'main'], { env: { ...process.env, SND_ROOT: root, SND_TODAY: TODAY }, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(cli.stdout, /`\/data\/measures\/widget-thefts\/2025-07-24\.csv`: data\/measures\/widget-thefts\/2025-07-24\.csv is deleted/);
    const json = spawnSync(process.execPath, [join(PROJECT, 'src/cli/change-report.ts'), '--base', 'main', '--json'], { env: { ...process.env, SND_ROOT: root, SND_TODAY: TODAY }, encoding: 'utf8' });
    assert.equal(json.status, 1);
    assert.deepEqual((JSON.parse(json.stdout) as ChangeReport).disappearing, result.disappearing);
    rmSync(root, { recursive: true, force: true });
  });

  test('a broken CSV: the validator\'s own words with file, line and column', () => {
    const root = fixtureRepo((root) => {
      const csv = 'period,value,note\n2024,"1,234",\n';
      write(root, `${MEASURE}/2025-10-02.csv`, csv);
      writeFileSync(join(root, MEASURE, 'releases.yaml'), readFileSync(join(root, MEASURE, 'releases.yaml'), 'utf8') + entry('2025-10-02', csv, 'Broken.'));
    });
    const result = report(root);
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /^data\/measures\/widget-thefts\/2025-10-02\.csv:2:6: value "1,234" is not a number/m);
    assertGolden('broken-csv', reportMarkdown(result));
    rmSync(root, { recursive: true, force: true });
  });

  test('an unknown base is refused by the command with how to fetch it', () => {
    const root = fixtureRepo(() => {});
    const cli = spawnSync(process.execPath, [join(PROJECT, 'src/cli/change-report.ts'), '--base', 'no-such-branch'], { env: { ...process.env, SND_ROOT: root }, encoding: 'utf8' });
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /"no-such-branch" is not a commit or branch/);
    rmSync(root, { recursive: true, force: true });
  });
});
