/**
 * The comparison importer (`npm run import -- ons-compare`): every Community Safety Partnership's
 * figure for the rate measures from Table C4 of the December 2024 workbook, with the England and
 * Wales row of Table P3 and the notes the tables cite. A publishing run writes what data/comparisons/
 * holds; partnerships that changed since the previous comparison (renamed, new, no longer listed) are
 * refused naming the sheet, the cells and the areas; broken rows are refused naming the cell; another
 * partnership imports the same rows.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { runImport } from '../../../src/lib/import/command.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const WORKBOOK = join(ROOT, 'test', 'fixtures', 'reference-data', 'ons-workbooks', 'policeforceareatablesyedecember2024.xlsx');
const RELEASED = '2025-04-24';
const TODAY = '2026-12-07';
const READ_FROM = 'anushka-0104/uk-crime-trends-dashboard : data/policeforceareatablesyedecember2024.xlsx @ 5ab0c5c; via ../shared/reference-data/ons-workbooks/policeforceareatablesyedecember2024.xlsx';
const FORCE_MEASURES = ['knife-crime-percentage', 'knife-crime-rate'];
const RATE_MEASURES = [
  'burglary-dwelling-rate',
  'burglary-other-rate',
  'possession-of-weapons-rate',
  'robbery-rate',
  'sexual-offences-rate',
  'shoplifting-rate',
  'theft-from-the-person-rate',
  'total-recorded-crime-rate',
  'violence-against-the-person-rate',
];

type Row = Record<string, string>;
const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], root: string): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImport(['ons-compare', ...args], { root, cwd: ROOT, today: TODAY, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A copy of the project's content and reference dates, optionally with another partnership's area code. */
function sandbox(areaCode?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'snd-compare-'));
  temps.push(root);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
  if (areaCode) {
    const site = join(root, 'content', 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('code: "E06000018"', `code: "${areaCode}"`));
  }
  return root;
}

function csv(text: string): Row[] {
  return parseCsv(text, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** Every file below a folder, as path -> bytes. */
function filesBelow(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(folder)) return out;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name).slice(folder.length), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

/** The December 2024 workbook with one edit, saved in a temp folder. */
function editedWorkbook(edit: (book: XLSX.WorkBook) => void): string {
  const book = XLSX.read(readFileSync(WORKBOOK), { type: 'buffer' });
  edit(book);
  const dir = mkdtempSync(join(tmpdir(), 'snd-compare-book-'));
  temps.push(dir);
  const path = join(dir, 'policeforceareatablesyedecember2024.xlsx');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('publishing every partnership\'s figures', () => {
  const root = sandbox();
  const result = run([WORKBOOK, '--released', RELEASED, '--read-from', READ_FROM], root);

  test('writes a comparison for each of the nine partnership rate measures and the two force-level knife measures the edition has, and for no count measure', () => {
    assert.equal(result.code, 0, result.err.join('\n'));
    assert.deepEqual(readdirSync(join(root, 'data', 'comparisons')).sort(), [...RATE_MEASURES, ...FORCE_MEASURES].sort());
    // ASB tables are in March editions only: said, not refused.
    assert.ok(result.out.some((l) => /Not in this edition, so not imported: asb-incidents-rate: /.test(l)), result.out.join('\n'));
  });

  test('a force-level comparison has every one of the 43 police force areas once, the table\'s England and Wales row, and the notes its column and rows cite', () => {
    const rows = csv(readFileSync(join(root, 'data', 'comparisons', 'knife-crime-rate', `${RELEASED}.csv`), 'utf8'));
    const forces = rows.filter((r) => r.role === 'police_force_area');
    assert.equal(forces.length, 43);
    assert.equal(new Set(forces.map((r) => r.area_code)).size, 43);
    assert.ok(forces.every((r) => /^(E23|W15)\d{6}$/.test(r.area_code!)));
    assert.equal(forces.filter((r) => r.value === '').map((r) => `${r.area_name} ${r.note}`).join(), 'City of London [u1]');
    const notts = forces.find((r) => r.area_code === 'E23000019')!;
    assert.deepEqual([notts.value, notts.source_cell, notts.period, notts.period_label], ['69.0936043688287', 'sheet "Table P7", cell D33', '2024-01-01/2024-12-31', 'year ending December 2024']);
    assert.deepEqual(rows.filter((r) => r.role === 'reference').map((r) => [r.area_code, r.area_name, r.source_cell]), [['K04000001', 'ENGLAND AND WALES', 'sheet "Table P7", cell D11']]);
    const notes = csv(readFileSync(join(root, 'data', 'comparisons', 'knife-crime-percentage', `${RELEASED}.notes.csv`), 'utf8'));
    // Note 10 is listed twice in ONS's list for P5-P7, so both are quoted; note 11 is cited but not listed, which is said.
    assert.deepEqual(notes.filter((n) => n.note === '10').map((n) => n.cell), ['B27', 'B29']);
    assert.match(notes.find((n) => n.note === '11')!.text!, /^\[Not the publisher's words: Table P6 cites note 11, but the list of notes for it on this sheet, from cell A16, has no note 11\.\]$/);
  });

  test('what it writes is byte for byte what data/comparisons/ publishes (apart from the day it was read)', () => {
    const made = filesBelow(join(root, 'data', 'comparisons'));
    // The ASB comparison is from the year ending March 2024 edition, not this one.
    const published = new Map([...filesBelow(join(ROOT, 'data', 'comparisons'))].filter(([file]) => !file.startsWith('/asb-incidents-rate/')));
    assert.deepEqual([...made.keys()].sort(), [...published.keys()].sort());
    for (const [file, text] of made) {
      const expected = published.get(file)!;
      assert.equal(text.replace(/retrieved: \S+/, ''), expected.replace(/retrieved: \S+/, ''), file);
    }
  });

  test('every partnership row of Table C4 is there once, with the reference row of Table P3, and the checksum recorded is the file\'s', () => {
    const text = readFileSync(join(root, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.csv`), 'utf8');
    const rows = csv(text);
    const partnerships = rows.filter((r) => r.role === 'partnership');
    assert.equal(partnerships.length, 314);
    assert.equal(new Set(partnerships.map((r) => r.area_code)).size, 314);
    assert.equal(partnerships.filter((r) => r.value === '').map((r) => `${r.area_name} ${r.note}`).join(), 'City of London [u1]');
    const nottingham = partnerships.find((r) => r.area_code === 'E22000257')!;
    assert.equal(nottingham.local_authority_code, 'E06000018');
    assert.equal(nottingham.value, '1.7350911531659325');
    assert.equal(nottingham.source_cell, 'sheet "Table C4", cell Q295');
    const reference = rows.filter((r) => r.role === 'reference');
    assert.deepEqual(reference.map((r) => [r.area_code, r.source_table]), [['K04000001', 'Table P3']]);
    const [entry] = parseYaml(readFileSync(join(root, 'data', 'comparisons', 'robbery-rate', 'releases.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.equal(entry!.sha256, createHash('sha256').update(text).digest('hex'));
    assert.equal(entry!.workbook_sha256, createHash('sha256').update(readFileSync(WORKBOOK)).digest('hex'));
    assert.deepEqual(entry!.tables, ['Table C4', 'Table P3']);
  });

  test('the notes are the ones Table C4 and Table P3 cite, quoted from the notes sheets', () => {
    const notes = csv(readFileSync(join(root, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.notes.csv`), 'utf8'));
    assert.deepEqual(notes.map((n) => `${n.source_table} ${n.note}`), ['Table C4 1', 'Table C4 4', 'Table C4 6', 'Table C4 7', 'Table C4 8', 'Table C4 9', 'Table C4 ', 'Table P3 1', 'Table P3 9', 'Table P3 ']);
    assert.match(notes.find((n) => n.note === '6')!.text ?? '', /^Caution needs to be taken when considering crime rates of city centre areas/);
  });

  test('importing the same edition again is refused: a published comparison is never overwritten', () => {
    const again = run([WORKBOOK, '--released', RELEASED], root);
    assert.equal(again.code, 1);
    assert.match(again.err.join('\n'), /data\/comparisons\/robbery-rate\/2025-04-24\.csv already exists/);
  });
});

describe('partnerships that changed between editions', () => {
  /** A root whose robbery-rate comparison has an earlier release in which three partnerships differ. */
  function withEarlierRelease(): string {
    const root = sandbox();
    const folder = join(root, 'data', 'comparisons', 'robbery-rate');
    mkdirSync(folder, { recursive: true });
    const published = readFileSync(join(ROOT, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.csv`), 'utf8');
    const earlier = published
      .replace('E22000257,Nottingham,', 'E22000257,Nottingham City,')
      .replace(/\r\nE22000001,Bath and North East Somerset,[^\r]*/, '')
      .replace('\r\n', '\r\nE22000998,Old Merged Partnership,E23000036,Avon and Somerset,E06000022,1,,2023-01-01/2023-12-31,year ending December 2023,2025-01-30,Table C4,"sheet ""Table C4"", cell Q10",partnership\r\n');
    writeFileSync(join(folder, '2025-01-30.csv'), earlier);
    return root;
  }

  test('are refused naming the sheet, each changed area and its cell; nothing is written', () => {
    const root = withEarlierRelease();
    const result = run([WORKBOOK, '--released', RELEASED, '--measures', 'robbery-rate'], root);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /policeforceareatablesyedecember2024\.xlsx, sheet "Table C4": its partnership rows for robbery-rate do not match those of the previous comparison \(data\/comparisons\/robbery-rate\/2025-01-30\.csv\)/);
    assert.match(text, /renamed: E22000257 "Nottingham City" is now "Nottingham" \(sheet "Table C4", cell Q295\)/);
    assert.match(text, /new: E22000001 "Bath and North East Somerset" \(sheet "Table C4", cell Q10\)/);
    assert.match(text, /no longer listed: E22000998 "Old Merged Partnership"/);
    assert.match(text, /--areas-changed/);
    assert.ok(!existsSync(join(root, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.csv`)));
  });

  test('are published when --areas-changed says what ONS changed, and the release says so', () => {
    const root = withEarlierRelease();
    const result = run([WORKBOOK, '--released', RELEASED, '--measures', 'robbery-rate', '--areas-changed', 'Test: the previous release is made up for this test.'], root);
    assert.equal(result.code, 0, result.err.join('\n'));
    const releases = readFileSync(join(root, 'data', 'comparisons', 'robbery-rate', 'releases.yaml'), 'utf8');
    assert.match(releases, /Areas changed since the previous comparison: renamed: E22000257 \\?"Nottingham City\\?" is now \\?"Nottingham\\?"/);
    assert.match(releases, /Test: the previous release is made up for this test\./);
  });
});

describe('rows that cannot be read', () => {
  test('a partnership code listed twice is refused naming both cells', () => {
    const book = editedWorkbook((b) => {
      b.Sheets['Table C4']!['C11'] = { t: 's', v: 'E22000001' };
    });
    const result = run([book, '--released', RELEASED, '--measures', 'robbery-rate'], sandbox());
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /sheet "Table C4", cell C11: partnership E22000001 is listed twice \(also C10\)/);
  });

  test('a figure that is neither a number nor a no-figure marker is refused naming its cell', () => {
    const book = editedWorkbook((b) => {
      b.Sheets['Table C4']!['Q295'] = { t: 's', v: 'n/a' };
    });
    const result = run([book, '--released', RELEASED, '--measures', 'robbery-rate'], sandbox());
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /sheet "Table C4", cell Q295: expected a number, or a no-figure marker such as \[x\], for Nottingham; found "n\/a"/);
  });

  test('a code that is not an ONS area code is refused naming its cell', () => {
    const book = editedWorkbook((b) => {
      b.Sheets['Table C4']!['C295'] = { t: 's', v: 'Nottingham' };
    });
    const result = run([book, '--released', RELEASED, '--measures', 'robbery-rate'], sandbox());
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /sheet "Table C4", cell C295: expected an ONS area code/);
  });
});

describe('another partnership', () => {
  test('imports the same rows from the same workbook (which area is highlighted is decided when its site is built)', () => {
    const leeds = sandbox('E08000035');
    assert.equal(run([WORKBOOK, '--released', RELEASED, '--measures', 'robbery-rate'], leeds).code, 0);
    assert.equal(
      readFileSync(join(leeds, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.csv`), 'utf8'),
      readFileSync(join(ROOT, 'data', 'comparisons', 'robbery-rate', `${RELEASED}.csv`), 'utf8'),
    );
  });

  test('whose area is not in the table is refused: its pages could highlight nothing', () => {
    const result = run([WORKBOOK, '--released', RELEASED, '--measures', 'robbery-rate'], sandbox('E06999901'));
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /no partnership row has the code E06999901 \(content\/site\.yaml area\.code\)/);
  });
});

test('a dry run prints every row and writes nothing; publishing needs the cited release date', () => {
  const root = sandbox();
  const dry = run([WORKBOOK, '--dry-run', '--measures', 'robbery-rate'], root);
  assert.equal(dry.code, 0, dry.err.join('\n'));
  assert.equal(dry.out.length, 1 + 314 + 1);
  assert.ok(!existsSync(join(root, 'data', 'comparisons')));
  const wrongDate = run([WORKBOOK, '--released', '2025-04-25'], root);
  assert.equal(wrongDate.code, 1);
  assert.match(wrongDate.err.join('\n'), /does not match the cited release date of the year ending December 2024 edition: 2025-04-24/);
});

describe('a force table that does not list each of the 43 police force areas once', () => {
  /**
   * A small workbook made in the test from three sheets of the December 2024 workbook (its cover, for
   * the edition's title; its notes for the P-tables; Table P7), with one edit to Table P7: rows 11-66
   * are England and Wales, the regions, the 43 forces (A14-A65) and British Transport Police.
   */
  function forceWorkbook(edit: (sheet: XLSX.WorkSheet) => void): string {
    const source = XLSX.read(readFileSync(WORKBOOK), { type: 'buffer' });
    const book = XLSX.utils.book_new();
    for (const name of ['Cover_sheet', 'Notes- PFA ', 'Table P7 ']) XLSX.utils.book_append_sheet(book, source.Sheets[name]!, name);
    edit(book.Sheets['Table P7 ']!);
    const dir = mkdtempSync(join(tmpdir(), 'snd-compare-forces-'));
    temps.push(dir);
    const path = join(dir, 'policeforceareatablesyedecember2024.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return path;
  }

  /** A sandbox whose knife-crime-rate comparison has an earlier release listing the 43 forces as the published one does. */
  function withEarlierForces(): string {
    const root = sandbox();
    const folder = join(root, 'data', 'comparisons', 'knife-crime-rate');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '2025-01-30.csv'), readFileSync(join(ROOT, 'data', 'comparisons', 'knife-crime-rate', `${RELEASED}.csv`), 'utf8'));
    return root;
  }

  function importForces(book: string, root: string) {
    return run([book, '--released', RELEASED, '--measures', 'knife-crime-rate'], root);
  }

  function assertNothingWritten(root: string): void {
    assert.ok(!existsSync(join(root, 'data', 'comparisons', 'knife-crime-rate', `${RELEASED}.csv`)), 'a refused import writes nothing');
  }

  test('the small workbook unedited is imported: the refusals below come from the edits', () => {
    const root = withEarlierForces();
    const result = importForces(forceWorkbook(() => {}), root);
    assert.equal(result.code, 0, result.err.join('\n'));
    const rows = csv(readFileSync(join(root, 'data', 'comparisons', 'knife-crime-rate', `${RELEASED}.csv`), 'utf8'));
    assert.equal(rows.filter((r) => r.role === 'police_force_area').length, 43);
  });

  test('a force missing is refused naming the sheet, the cell, the count and the force no longer listed', () => {
    const root = withEarlierForces();
    const result = importForces(forceWorkbook((s) => {
      s['A29'] = { t: 's', v: '' };
    }), root);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /sheet "Table P7 ", cell A11: expected the 43 police force areas of England and Wales .*; found 42\./);
    assert.match(text, /compared with data\/comparisons\/knife-crime-rate\/2025-01-30\.csv/);
    assert.match(text, /no longer listed: E23000018 "Derbyshire"/);
    assertNothingWritten(root);
  });

  test('a force missing is said by name even on a measure\'s first comparison, from another force-level comparison', () => {
    const root = sandbox();
    const folder = join(root, 'data', 'comparisons', 'knife-crime-percentage');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${RELEASED}.csv`), readFileSync(join(ROOT, 'data', 'comparisons', 'knife-crime-percentage', `${RELEASED}.csv`), 'utf8'));
    const result = importForces(forceWorkbook((s) => {
      s['A62'] = { t: 's', v: '' };
    }), root);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /found 42\./);
    assert.match(text, /compared with data\/comparisons\/knife-crime-percentage\/2025-04-24\.csv/);
    assert.match(text, /no longer listed: W15000004 "Dyfed-Powys"/);
    assertNothingWritten(root);
  });

  test('a force listed twice is refused naming both cells and the force its second row displaced', () => {
    const root = withEarlierForces();
    const result = importForces(forceWorkbook((s) => {
      s['A29'] = { t: 's', v: 'E23000019' };
    }), root);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /sheet "Table P7 ", cell A33: police force area E23000019 is listed twice \(also A29\); each force must have one row\./);
    assert.match(text, /no longer listed: E23000018 "Derbyshire"/);
    assertNothingWritten(root);
    // With no comparison of forces to hold it against, the refusal says so and where to look.
    const first = importForces(forceWorkbook((s) => {
      s['A29'] = { t: 's', v: 'E23000019' };
    }), sandbox());
    assert.equal(first.code, 1);
    assert.match(first.err.join('\n'), /sheet "Table P7 ", cell A33: police force area E23000019 is listed twice \(also A29\)/);
    assert.match(first.err.join('\n'), /sheet "Table P7 ": no earlier comparison of police force areas in data\/comparisons\/ to say which forces changed; compare column A of Table P7/);
  });

  test('a force renamed since the previous comparison is refused naming the sheet, the cell and both names', () => {
    const root = withEarlierForces();
    const result = importForces(forceWorkbook((s) => {
      s['B33'] = { t: 's', v: 'Nottinghamshire and Nottingham City' };
    }), root);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /sheet "Table P7 ": its police force area rows for knife-crime-rate do not match those of the previous comparison \(data\/comparisons\/knife-crime-rate\/2025-01-30\.csv\)/);
    assert.match(text, /renamed: E23000019 "Nottinghamshire" is now "Nottinghamshire and Nottingham City" \(sheet "Table P7", cell D33\)/);
    assert.match(text, /--areas-changed/);
    assertNothingWritten(root);
  });
});
