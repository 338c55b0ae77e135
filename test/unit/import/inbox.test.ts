/**
 * `npm run inbox` on copies of this repository: a real ONS workbook whose edition is not yet
 * published is published (the repository as it was before the December 2023 edition was
 * imported: its three releases taken out) and the change report then lists every new release; a
 * workbook already published, a truncated one and one whose edition has no cited release date
 * write nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INBOX, runInbox, WORKBOOKS } from '../../../src/lib/import/inbox.ts';
import { changeReport } from '../../../src/lib/report/change-report.ts';
import { gitBaseTree } from '../../../src/lib/report/git.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const TODAY = '2026-12-01';
/** The December 2023 edition: released 25 April 2024, imported into three measures' 2024-04-25 releases. */
const DEC23 = { file: 'pfatablesyedec23.xlsx', vintage: '2024-04-25', measures: ['knife-crime', 'knife-crime-percentage', 'recorded-crime-force-area'] };

/** A copy of the project's content, data, register and kept workbooks, as a git repository with one commit. */
function repositoryCopy(prepare: (root: string) => void = () => {}): string {
  const root = mkdtempSync(join(tmpdir(), 'snd-inbox-'));
  for (const folder of ['content', 'data', 'test/urls', WORKBOOKS]) cpSync(join(PROJECT, folder), join(root, folder), { recursive: true });
  mkdirSync(join(root, INBOX));
  prepare(root);
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'before the upload');
  return root;
}

/** Every file below root (but .git) with its SHA-256: to show a refusal wrote nothing. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.includes(`${root}/.git/`)) continue;
    files.set(path.slice(root.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

function run(root: string): { status: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const status = runInbox({ root, cwd: root, today: TODAY, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

/** Takes the December 2023 edition's releases out of a copy, and puts its workbook in the inbox instead of where workbooks are kept. */
function beforeDec23(root: string): void {
  for (const slug of DEC23.measures) {
    const folder = join(root, 'data/measures', slug);
    rmSync(join(folder, `${DEC23.vintage}.csv`));
    const entries = readFileSync(join(folder, 'releases.yaml'), 'utf8').split(/^(?=- vintage:)/m);
    const kept = entries.filter((e) => !e.startsWith(`- vintage: ${DEC23.vintage}`) && !e.startsWith(`- vintage: "${DEC23.vintage}"`));
    assert.equal(kept.length, entries.length - 1, `${slug} has one ${DEC23.vintage} release`);
    writeFileSync(join(folder, 'releases.yaml'), kept.join(''));
  }
  cpSync(join(root, WORKBOOKS, DEC23.file), join(root, INBOX, DEC23.file));
  rmSync(join(root, WORKBOOKS, DEC23.file));
  const sums = join(root, WORKBOOKS, 'SHA256SUMS');
  writeFileSync(sums, readFileSync(sums, 'utf8').split('\n').filter((l) => !l.endsWith(DEC23.file)).join('\n'));
}

describe('npm run inbox', () => {
  test('publishes an edition not yet published, byte for byte as first imported, and the report lists its releases', () => {
    const root = repositoryCopy(beforeDec23);
    const result = run(root);
    assert.equal(result.status, 0, result.err.join('\n'));
    for (const slug of DEC23.measures) {
      const file = `data/measures/${slug}/${DEC23.vintage}.csv`;
      assert.ok(readFileSync(join(root, file)).equals(readFileSync(join(PROJECT, file))), `${file} is the release first imported`);
    }
    // The workbook moved to where workbooks are kept, its checksum beside it and in each release entry.
    assert.ok(!existsSync(join(root, INBOX, DEC23.file)));
    const sha = createHash('sha256').update(readFileSync(join(root, WORKBOOKS, DEC23.file))).digest('hex');
    assert.match(readFileSync(join(root, WORKBOOKS, 'SHA256SUMS'), 'utf8'), new RegExp(`^${sha}  ${DEC23.file}$`, 'm'));
    for (const slug of DEC23.measures) assert.match(readFileSync(join(root, 'data/measures', slug, 'releases.yaml'), 'utf8'), new RegExp(`workbook_sha256: "?${sha}`));

    const report = changeReport({ root, base: gitBaseTree(root, 'main'), today: TODAY });
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    const releases = report.measures.flatMap((m) => m.releases.map((r) => ({ slug: m.slug, ...r })));
    assert.deepEqual(releases.map((r) => [r.slug, r.date, r.edition]), DEC23.measures.map((slug) => [slug, DEC23.vintage, 'year ending December 2023']));
    for (const r of releases) {
      assert.ok(r.counts.revised > 0 && r.counts.added > 0, `${r.slug}: counts`);
      assert.equal(r.dating, 'Released by Office for National Statistics on 25 April 2024 (year ending December 2023 edition).');
      assert.ok(r.pages.includes(`/measures/${r.slug}/`));
    }
    rmSync(root, { recursive: true, force: true });
  });

  test('a workbook whose edition is already published writes nothing and says so', () => {
    const root = repositoryCopy((root) => cpSync(join(root, WORKBOOKS, DEC23.file), join(root, INBOX, DEC23.file)));
    const before = snapshot(root);
    const result = run(root);
    assert.equal(result.status, 0);
    assert.match(result.out.join('\n'), /inbox\/pfatablesyedec23\.xlsx: already published: this workbook is the release of 2024-04-25 in data\/measures\/knife-crime\/releases\.yaml \(year ending December 2023 edition\)\. Nothing was written/);
    assert.deepEqual(snapshot(root), before);
    rmSync(root, { recursive: true, force: true });
  });

  test('a truncated workbook is refused, saying what was expected, and nothing is written', () => {
    const root = repositoryCopy(beforeDec23);
    const bytes = readFileSync(join(root, INBOX, DEC23.file));
    writeFileSync(join(root, INBOX, DEC23.file), bytes.subarray(0, bytes.length / 2));
    const before = snapshot(root);
    const result = run(root);
    assert.equal(result.status, 1);
    assert.match(result.err[0]!, /^Refused: pfatablesyedec23\.xlsx: /);
    assert.equal(result.err.at(-1), 'Nothing was written.');
    assert.deepEqual(snapshot(root), before);
    rmSync(root, { recursive: true, force: true });
  });

  test('a workbook whose edition has no cited release date is refused with the row to add, and nothing is written', () => {
    // The March 2021 correction: no release date for it is cited in data/reference/ons_release_dates.csv.
    const root = repositoryCopy((root) => cpSync(join(root, WORKBOOKS, 'pfatablescorrectionmar21.xlsx'), join(root, INBOX, 'pfatablescorrectionmar21.xlsx')));
    const before = snapshot(root);
    const result = run(root);
    assert.equal(result.status, 1);
    assert.match(result.err.join('\n'), /data\/reference\/ons_release_dates\.csv has no release date for the year ending March 2021 edition \(read from pfatablescorrectionmar21\.xlsx, sheet "[^"]+", cell [A-Z]+\d+\)/);
    assert.match(result.err.join('\n'), /Add a row citing it/);
    assert.deepEqual(snapshot(root), before);
    rmSync(root, { recursive: true, force: true });
  });

  test('the command prints the refusal to the job summary too, and exits 1', () => {
    const root = repositoryCopy((root) => writeFileSync(join(root, INBOX, 'notes.txt'), 'not a workbook'));
    const summary = join(root, 'summary.md');
    const cli = spawnSync(process.execPath, [join(PROJECT, 'src/cli/inbox.ts')], { env: { ...process.env, SND_ROOT: root, SND_TODAY: TODAY, GITHUB_STEP_SUMMARY: summary }, encoding: 'utf8' });
    assert.equal(cli.status, 1);
    assert.match(readFileSync(summary, 'utf8'), /^## Workbook inbox: refused, nothing was published\n\n```\nRefused: inbox\/notes\.txt is not an \.xlsx workbook/);
    rmSync(root, { recursive: true, force: true });
  });
});
