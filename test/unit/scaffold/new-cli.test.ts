/**
 * `npm run new`: each command's success and each refusal, run through the same entry point the
 * CLI uses, in a temp copy of the fictional Riverford project (test/fixtures/valid/other-partnership).
 * A refusal must leave every file as it was; a success must leave a project the validator accepts
 * (releases) or one it rejects only for the fields the editor has still to fill in (templates).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { runNew } from '../../../src/lib/scaffold/command.ts';
import type { ScaffoldContext } from '../../../src/lib/scaffold/context.ts';
import { appendEntry } from '../../../src/lib/scaffold/release.ts';

const PROJECT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = join(PROJECT, 'test/fixtures/valid/other-partnership');
const TODAY = '2026-11-23';
const MEASURE = 'reported-bicycle-thefts';
const DATA = `data/measures/${MEASURE}`;

let root: string;
let inbox: string;
let out: string[];
let err: string[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'snd-new-'));
  cpSync(FIXTURE, root, { recursive: true });
  inbox = mkdtempSync(join(tmpdir(), 'snd-inbox-'));
  out = [];
  err = [];
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(inbox, { recursive: true, force: true });
});

function ctx(today = TODAY): ScaffoldContext {
  return { root, cwd: inbox, today, out: (l) => out.push(l), err: (l) => err.push(l) };
}

/** Runs `npm run new -- <args>` against the temp project. */
function run(...args: string[]): number {
  return runNew(args, ctx());
}

/** Every file under the project with a hash of its bytes, to prove a refusal wrote nothing. */
function snapshot(): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(
    files.map((d) => {
      const path = join(d.parentPath, d.name);
      return [path.slice(root.length), createHash('sha256').update(readFileSync(path)).digest('hex')];
    }),
  );
}

/** Runs a command that must refuse: exit 1, a message matching `message`, and no file changed. */
function assertRefused(args: string[], message: RegExp): void {
  const before = snapshot();
  assert.equal(run(...args), 1, `expected a refusal for: ${args.join(' ')}`);
  assert.match(err.join('\n'), message);
  assert.match(err.at(-1) ?? '', /Nothing was written/);
  assert.deepEqual(snapshot(), before, 'a refusal must not change any file');
}

function read(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Problems the real validator finds in the project, as "file:line: message" lines. */
function problems(today = TODAY): string[] {
  return loadSite({ root, today }).diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
}

/** A CSV in the editor's own folder (not in the project). */
function inboxCsv(name: string, text: string): string {
  writeFileSync(join(inbox, name), text);
  return name;
}

const NEXT_CSV = 'period,value,status\r\n2022-23,120,final\r\n2023-24,131,final\r\n2024-25,115,final\r\n2025-26,109,provisional\r\n';

describe('new measure', () => {
  test('creates the file with every required field empty under a comment, which the validator then reports', () => {
    assert.equal(problems().length, 0, 'the fixture starts valid');
    assert.equal(run('measure', 'river-rescues'), 0);
    const text = read('content/measures/river-rescues.md');
    for (const field of ['title', 'plans', 'thematic_area', 'plan_sources', 'unit', 'polarity', 'definition']) {
      assert.match(text, new RegExp(`#[^\\n]*\\n${field}: `), `${field} is present under a comment`);
    }
    assert.match(text, /one of count, percent, rate_per_1000, rate_per_100000, number/);
    assert.match(text, /one or more of "2025-28"/, 'the plans comment names the real plan ids');
    assert.match(out.join('\n'), /Created content\/measures\/river-rescues\.md/);
    const reported = problems().filter((p) => p.startsWith('content/measures/river-rescues.md'));
    // plan_sources may stay empty (a plan may name no source); every other required field is reported by name.
    for (const field of ['title', 'thematic_area', 'unit', 'polarity', 'definition']) {
      assert.ok(reported.some((line) => line.includes(`"${field}"`)), `an unfilled template cannot be published: "${field}" is reported\n${reported.join('\n')}`);
    }
  });

  test('once the editor fills in the template, the measure validates', () => {
    run('measure', 'river-rescues');
    const filled = read('content/measures/river-rescues.md')
      .replace('title: ""', 'title: "River Rescues"')
      .replace('plans: []', 'plans: ["2025-28"]')
      .replace('thematic_area: ""', 'thematic_area: "Safer Streets"')
      .replace('plan_sources: {}', 'plan_sources: { "2025-28": "Riverford Fire Service" }')
      .replace('unit: ""', 'unit: count')
      .replace('polarity: ""', 'polarity: no_judgement')
      .replace('definition: ""', 'definition: "Rescues from the river."');
    writeFileSync(join(root, 'content/measures/river-rescues.md'), filled);
    assert.deepEqual(problems(), []);
  });

  test('refuses a name that is not a slug', () => {
    assertRefused(['measure', 'River_Rescues'], /"River_Rescues" cannot be a measure's name: it has capital letters/);
    assertRefused(['measure', 'river--rescues'], /single hyphens/);
  });

  test('refuses an existing measure', () => {
    assertRefused(['measure', MEASURE], /content\/measures\/reported-bicycle-thefts\.md already exists/);
  });

  test("refuses another measure's earlier name", () => {
    assertRefused(['measure', 'bike-thefts'], /earlier name of the measure "reported-bicycle-thefts"/);
  });
});

describe('new release', () => {
  test('copies the CSV byte for byte and appends a provenance entry copied from the previous release', () => {
    const before = read(`${DATA}/releases.yaml`);
    const csv = inboxCsv('new figures.csv', NEXT_CSV);
    assert.equal(run('release', MEASURE, csv, '--changes', 'Adds 2025-26; 2024-25 is now final.'), 0, err.join('\n'));
    assert.deepEqual(readFileSync(join(root, `${DATA}/${TODAY}.csv`)), readFileSync(join(inbox, csv)));
    const after = read(`${DATA}/releases.yaml`);
    assert.ok(after.startsWith(before), 'existing entries are kept exactly as written');
    const entries = parseYaml(after) as Record<string, string>[];
    assert.deepEqual(entries.at(-1), {
      vintage: TODAY,
      sha256: createHash('sha256').update(readFileSync(join(inbox, csv))).digest('hex'),
      publisher: 'Riverford Constabulary',
      dataset: 'Recorded crime in Riverford, synthetic test table B1',
      url: 'https://data.riverford.example/crime/bicycles',
      retrieved: TODAY,
      licence: 'Open Government Licence v3.0',
      changes: 'Adds 2025-26; 2024-25 is now final.',
    });
    assert.deepEqual(problems(), []);
    assert.match(out.join('\n'), /4 rows, copied byte for byte/);
    assert.match(out.join('\n'), /check them, especially dataset/);
    assert.doesNotMatch(out.join('\n'), /next_update/, 'next_update (2026-12-01) is still ahead');
  });

  test('points out a next_update the new release has reached', () => {
    const csv = inboxCsv('next.csv', NEXT_CSV);
    assert.equal(runNew(['release', MEASURE, csv, '--changes', 'Adds 2025-26.'], ctx('2026-12-01')), 0, err.join('\n'));
    assert.match(out.join('\n'), /says next_update: 2026-12-01; change it to the next expected date, or remove it/);
  });

  test('an honest correction is a new release: it revises a value, and every published file keeps its checksum', () => {
    const previous = readFileSync(join(root, `${DATA}/2025-10-01.csv`), 'utf8');
    const corrected = previous.replace(/^(2024-25,)(\d+)/m, (_, period: string, value: string) => `${period}${Number(value) + 1}`);
    assert.notEqual(corrected, previous, 'the fixture has a 2024-25 row to correct');
    const csv = inboxCsv('corrected.csv', corrected);
    assert.equal(run('release', MEASURE, csv, '--changes', 'Corrects 2024-25.'), 0, err.join('\n'));
    assert.deepEqual(problems(), []);
    const vintages = loadSite({ root, today: TODAY }).model!.measures.find((m) => m.id === MEASURE)!.vintages;
    assert.deepEqual(vintages.map((v) => v.release.sha256), vintages.map((v) => v.sha256), 'releases.yaml records each file\'s real checksum');
    assert.match(out.join('\n'), new RegExp(`with the file's sha256 ${vintages.at(-1)!.sha256}`));
  });

  test('flags override the copied provenance, and any text survives the YAML round trip', () => {
    const hostile = 'Fixes: "quoted" #not-a-comment\n- not a list & <b>bold</b> ]]> \\ end';
    const csv = inboxCsv('next.csv', NEXT_CSV);
    const code = run('release', MEASURE, csv, '--changes', hostile, '--dataset', 'Table B2: 2025-26', '--retrieved', '2026-11-20');
    assert.equal(code, 0, err.join('\n'));
    const model = loadSite({ root, today: TODAY }).model!;
    const release = model.measures.find((m) => m.id === MEASURE)!.vintages.at(-1)!.release;
    assert.equal(release.changes, hostile);
    assert.equal(release.dataset, 'Table B2: 2025-26');
    assert.equal(release.retrieved, '2026-11-20');
  });

  test('a first release needs its provenance on the command line', () => {
    // Give the data-less measure a frequency, as an editor would before its first figures.
    const file = 'content/measures/residents-feeling-safe.md';
    writeFileSync(join(root, file), read(file).replace('unit: percent', 'unit: percent\nfrequency: year'));
    const csv = inboxCsv('first.csv', 'period,value\n2025,71.5\n');
    assertRefused(['release', 'residents-feeling-safe', csv, '--changes', 'First release.'], /first release.*\n.*Give --publisher, --dataset, --url and --licence/);
    const code = run('release', 'residents-feeling-safe', csv, '--changes', 'First release.', '--publisher', 'Riverford Borough Council',
      '--dataset', 'Residents survey 2025', '--url', 'https://data.riverford.example/survey', '--licence', 'Open Government Licence v3.0');
    assert.equal(code, 0, err.join('\n'));
    assert.deepEqual(problems(), []);
    assert.equal((parseYaml(read('data/measures/residents-feeling-safe/releases.yaml')) as unknown[]).length, 1);
  });

  test('refuses an unknown measure, suggesting the nearest name', () => {
    const csv = inboxCsv('next.csv', NEXT_CSV);
    assertRefused(['release', 'reported-bicycle-theft', csv, '--changes', 'x'], /no measure "reported-bicycle-theft".*Did you mean "reported-bicycle-thefts"\?/);
  });

  test('refuses a missing file', () => {
    assertRefused(['release', MEASURE, 'not-there.csv', '--changes', 'x'], /the file not-there\.csv was not found/);
  });

  test('refuses an invalid CSV, printing every problem at the path it would be published as', () => {
    const csv = inboxCsv('bad.csv', 'period,value,colour\n2024-25,1,red\n2025,x,blue\n');
    assertRefused(['release', MEASURE, csv, '--changes', 'x'], /bad\.csv is not ready to publish as data\/measures\/reported-bicycle-thefts\/2026-11-23\.csv/);
    const lines = err.join('\n');
    assert.match(lines, /^data\/measures\/reported-bicycle-thefts\/2026-11-23\.csv:1:\d+: unknown column "colour"/m);
    assert.match(lines, /^data\/measures\/reported-bicycle-thefts\/2026-11-23\.csv:3:\d+: .*2025/m);
  });

  test("refuses when today's release already exists", () => {
    const csv = inboxCsv('next.csv', NEXT_CSV);
    assert.equal(run('release', MEASURE, csv, '--changes', 'First of the day.'), 0);
    assertRefused(['release', MEASURE, csv, '--changes', 'Second of the day.'], /2026-11-23\.csv already exists: a measure has at most one release a day/);
  });

  test('refuses without --changes, showing how to give it', () => {
    const csv = inboxCsv('next.csv', NEXT_CSV);
    assertRefused(['release', MEASURE, csv], /say what this release changes with --changes/);
    assertRefused(['release', MEASURE, csv, '--changes', '  '], /--changes/);
  });

  test('the appended entry starts on a new line even when the file does not end with one', () => {
    const entry = { vintage: TODAY, sha256: '0'.repeat(64), publisher: 'P', dataset: 'D', url: 'https://x.example/', retrieved: TODAY, licence: 'L', changes: 'C' };
    const text = appendEntry('- vintage: 2025-01-01\n  changes: "old"', entry);
    assert.equal((parseYaml(text) as unknown[]).length, 2);
  });
});

describe('new action', () => {
  test('creates the file with the next order number and status not_reported', () => {
    assert.equal(run('action', '2025-28', 'clear-the-towpath'), 0, err.join('\n'));
    const text = read('content/actions/2025-28/clear-the-towpath.md');
    assert.match(text, /^order: 2$/m, 'the fixture has one action, order 1');
    assert.match(text, /^status: not_reported$/m);
    assert.match(text, /Themes in this plan so far: Safer Streets\./);
    const reported = problems().filter((p) => p.startsWith('content/actions/2025-28/clear-the-towpath.md'));
    assert.deepEqual(reported.map((p) => p.replace(/^[^ ]+ /, '')), [
      '"title" is empty; write its text after the colon',
      '"theme" is empty; write its text after the colon',
      '"recommendation" is empty; write its text after the colon',
    ], 'only the fields the editor must transcribe are reported');
  });

  test('refuses an unknown plan, suggesting the nearest', () => {
    assertRefused(['action', '2025-82', 'clear-the-towpath'], /no plan "2025-82".*Did you mean "2025-28"\?/);
  });

  test('refuses an existing action', () => {
    assertRefused(['action', '2025-28', 'light-the-riverside-path'], /light-the-riverside-path\.md already exists/);
  });

  test('refuses a name that is not a slug', () => {
    assertRefused(['action', '2025-28', 'Clear the towpath'], /cannot be an action's name/);
  });
});

describe('command line', () => {
  test('refuses no command, an unknown command, wrong word counts and unknown options, with the usage', () => {
    assertRefused([], /say what to create/);
    assertRefused(['plan', 'x'], /unknown command "plan"/);
    assertRefused(['measure'], /"new measure" takes <measure>/);
    assertRefused(['action', '2025-28'], /"new action" takes <plan> <action>/);
    assertRefused(['measure', 'x', '--colour', 'red'], /unknown option --colour/);
    assertRefused(['measure', 'x', '--changes', 'y'], /--changes is an option of "new release" only/);
    assert.match(err.join('\n'), /Usage:/);
  });

  test('--help prints the usage and succeeds', () => {
    assert.equal(run('--help'), 0);
    assert.match(out.join('\n'), /npm run new -- release <measure> <file.csv>/);
  });

  test('the real CLI exits 1 on a refusal and 0 on success, without a stack trace', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(PROJECT, 'src/cli/new.ts'), ...args], {
        cwd: PROJECT,
        env: { ...process.env, SND_ROOT: root, SND_TODAY: TODAY, INIT_CWD: inbox },
        encoding: 'utf8',
      });
    const refused = cli('release', MEASURE, 'missing.csv', '--changes', 'x');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /missing\.csv was not found/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    inboxCsv('next.csv', NEXT_CSV);
    const done = cli('release', MEASURE, 'next.csv', '--changes', 'Adds 2025-26.');
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /Added release 2026-11-23/);
  });
});
