/**
 * The ONS workbook importer (`npm run import -- ons-pfa`). Every official workbook we hold is read
 * with the project's real measure mappings, and what it would publish is checked figure by figure
 * against extractions made independently of this code (test/fixtures/reference-data: the tidy
 * CSV of nine editions, read with openpyxl and re-checked from the raw XML; and the December 2024
 * CSVs). Broken workbooks the tests make themselves are refused naming sheet and cell; a publishing
 * run writes releases that pass the site's own validator; another partnership imports its own area.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { runImport } from '../../../src/lib/import/command.ts';
import { formatPeriod, headingPeriod, yearEndings } from '../../../src/lib/import/ons-pfa.ts';
import { cleanLabel, withoutFootnoteDigits } from '../../../src/lib/import/workbook.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REFERENCE = join(ROOT, 'test', 'fixtures', 'reference-data');
const WORKBOOKS = join(REFERENCE, 'ons-workbooks');
const TODAY = '2026-12-01';

type Row = Record<string, string>;

/** Each workbook: its edition as the tidy CSV names it, and the cited release date (ons_release_dates.csv). */
const EDITIONS: Readonly<Record<string, { edition: string; released: string }>> = {
  'pfafinalmar22.xlsx': { edition: 'year ending March 2022', released: '2022-07-21' },
  'pfajun22.xlsx': { edition: 'year ending June 2022', released: '2022-10-27' },
  'policeforceareatablesyedec22.xlsx': { edition: 'year ending December 2022', released: '2023-04-27' },
  'pfatableyemar231.xlsx': { edition: 'year ending March 2023', released: '2023-07-20' },
  'pfatablesfinaljun23.xlsx': { edition: 'year ending June 2023', released: '2023-10-19' },
  'pfatablessep23final.xlsx': { edition: 'year ending September 2023', released: '2024-01-25' },
  'pfatablesyedec23.xlsx': { edition: 'year ending December 2023', released: '2024-04-25' },
  'pfatablesyemar24final.xlsx': { edition: 'year ending March 2024', released: '2024-07-24' },
  'policeforceareatablesyedecember2024.xlsx': { edition: 'year ending December 2024', released: '2025-04-24' },
};

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

function run(args: string[], root = ROOT, cwd = ROOT): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImport(args, { root, cwd, today: TODAY, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function csv(text: string): Row[] {
  return parseCsv(text, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

function dryRun(file: string, root = ROOT): Row[] {
  const result = run(['ons-pfa', join(WORKBOOKS, file), '--released', EDITIONS[file]!.released, '--dry-run'], root);
  assert.equal(result.code, 0, `${file} was refused:\n${result.err.join('\n')}`);
  assert.equal(result.out[0], 'measure,period,area_code,value');
  return csv(result.out.join('\n'));
}

/** "2021-04/2022-03" (tidy CSV) as our interval period "2021-04-01/2022-03-31". */
function intervalPeriod(tidy: string): string {
  const [start, end] = tidy.split('/') as [string, string];
  const [y, m] = end.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${start}-01/${end}-${String(last).padStart(2, '0')}`;
}

/** "2019-04/2020-03" as our financial year "2019-20". */
function financialYear(tidy: string): string {
  const start = Number(tidy.slice(0, 4));
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Our dry-run series name for each tidy-CSV series, and how its periods are written. */
function ourSeries(tidy: Row): { measure: string; period: string } | undefined {
  const group = /^Police recorded crime, number of offences: (.+)$/.exec(tidy.measure!)?.[1];
  if (group && tidy.area_code === 'E23000019') {
    const measure = group === 'Total recorded crime (excluding fraud)' ? 'recorded-crime-force-area' : `recorded-crime-force-area[offence_group=${group}]`;
    return { measure, period: intervalPeriod(tidy.period!) };
  }
  const areas = ['E23000019', 'E92000001'];
  if (tidy.measure === 'Anti-social behaviour incidents recorded by the police' && tidy.area_code === 'E23000019') {
    return { measure: 'asb-reported-to-police', period: financialYear(tidy.period!) };
  }
  if (tidy.measure === 'Anti-social behaviour incidents recorded by the police (rate)' && areas.includes(tidy.area_code!)) {
    return { measure: 'asb-incidents-rate', period: financialYear(tidy.period!) };
  }
  if (tidy.measure === 'Selected serious offences involving a knife or sharp instrument: number of offences' && tidy.area_code === 'E23000019') {
    return { measure: 'knife-crime', period: intervalPeriod(tidy.period!) };
  }
  // Only the force's own percentage: in editions whose national totals leave out a force, Table P5's
  // England rows are labelled "exc. Devon and Cornwall" while the multi-year table we read is not.
  if (tidy.measure === 'Selected serious offences involving a knife or sharp instrument: percentage of selected offences' && tidy.area_code === 'E23000019') {
    return { measure: 'knife-crime-percentage', period: intervalPeriod(tidy.period!) };
  }
  return undefined;
}

const key = (measure: string, period: string, area: string) => `${measure}|${period}|${area}`;

describe('ons-pfa importer: dry run of every workbook we hold', () => {
  const tidy = csv(readFileSync(join(REFERENCE, 'ons_pfa_editions_force_level_2022_2024.csv'), 'utf8'));

  for (const [file, { edition, released }] of Object.entries(EDITIONS)) {
    test(`${file} (${edition}, released ${released}) prints the independently extracted figures`, () => {
      const printed = dryRun(file);
      const byKey = new Map<string, string>();
      for (const row of printed) {
        const k = key(row.measure!, row.period!, row.area_code!);
        assert.ok(!byKey.has(k), `printed twice: ${k}`);
        byKey.set(k, row.value!);
      }
      const expected = tidy.filter((r) => r.edition === `ONS Police force area data tables - ${edition}`);
      let compared = 0;
      for (const ref of expected) {
        const ours = ourSeries(ref);
        if (!ours) continue;
        const k = key(ours.measure, ours.period, ref.area_code!);
        assert.ok(byKey.has(k), `${file}: the importer did not print ${k} (${ref.source_table})`);
        // The tidy CSV writes the stored double in full (Python repr); both sides are the same double.
        assert.equal(Number(byKey.get(k)), Number(ref.value), `${file}: ${k} printed ${byKey.get(k)}, the reference has ${ref.value} (${ref.source_table})`);
        compared++;
      }
      if (file === 'policeforceareatablesyedecember2024.xlsx') {
        assert.equal(compared, 0, 'the tidy CSV holds no December 2024 figures; they are checked against the December 2024 CSVs below');
      } else {
        // 46 offence-group figures (P1 and P4), plus knife count and percentage and, in March editions, ASB.
        assert.ok(compared >= 48, `${file}: only ${compared} figures compared`);
      }
    });
  }

  test('the December 2024 workbook gives the CSP counts of police_recorded_crime_counts.csv and the knife series of knife_crime_police_force_area.csv', () => {
    const printed = dryRun('policeforceareatablesyedecember2024.xlsx');
    const value = (measure: string, period: string, area: string) =>
      printed.find((r) => r.measure === measure && r.period === period && r.area_code === area)?.value;
    const counts = csv(readFileSync(join(REFERENCE, 'police_recorded_crime_counts.csv'), 'utf8'));
    const CSP: Record<string, string> = {
      'total-recorded-crime': 'Total recorded crime (excluding fraud)',
      'violence-against-the-person': 'Violence against the person',
      'sexual-offences': 'Sexual offences',
      robbery: 'Robbery',
      'theft-from-the-person': 'Theft from the person',
      shoplifting: 'Shoplifting',
      'burglary-dwelling': 'Residential burglary',
      'burglary-other': 'Non-residential burglary',
      'possession-of-weapons': 'Possession of weapons offences',
      'drug-offences': 'Drug offences',
      'public-order-offences': 'Public order offences',
      'miscellaneous-crimes-against-society': 'Miscellaneous crimes against society',
    };
    let compared = 0;
    for (const [measure, group] of Object.entries(CSP)) {
      for (const period of ['2023-01-01/2023-12-31', '2024-01-01/2024-12-31']) {
        const ref = counts.filter((r) => r.area_code === 'E06000018' && r.offence_group === group && r.period === period && r.unit === 'offences');
        assert.equal(ref.length, 1, `${group} ${period}: one reference row`);
        assert.equal(value(measure, period, 'E06000018'), ref[0]!.value, `${measure} ${period}`);
        compared++;
      }
    }
    const knife = csv(readFileSync(join(REFERENCE, 'knife_crime_police_force_area.csv'), 'utf8'));
    const KNIFE_SERIES: Record<string, string> = {
      'Selected serious offences involving a knife or sharp instrument (total)': 'knife-crime',
      'Selected serious offences: percentage involving a knife or sharp instrument': 'knife-crime-percentage',
    };
    for (const ref of knife.filter((r) => r.area_code === 'E23000019' && r.source_table === 'Table P6' && KNIFE_SERIES[r.measure!])) {
      const measure = KNIFE_SERIES[ref.measure!]!;
      const ours = value(measure, ref.period!, 'E23000019');
      assert.ok(ours !== undefined, `${measure} ${ref.period} was not printed`);
      // The reference rounds percentages to 3 places as ONS displays them; the workbook stores more.
      assert.equal(Number(Number(ours).toFixed(3)), Number(ref.value), `${measure} ${ref.period}: ${ours} against ${ref.value}`);
      compared++;
    }
    assert.ok(compared >= 24 + 28, `only ${compared} December 2024 figures compared`);
  });

  test('the March 2024 edition shows the ASB revision the issue quotes: 2021-22 was 25,811 and became 35,991', () => {
    const old = dryRun('pfafinalmar22.xlsx').find((r) => r.measure === 'asb-reported-to-police' && r.period === '2021-22' && r.area_code === 'E23000019');
    const revised = dryRun('pfatablesyemar24final.xlsx').find((r) => r.measure === 'asb-reported-to-police' && r.period === '2021-22' && r.area_code === 'E23000019');
    assert.equal(old?.value, '25811');
    assert.equal(revised?.value, '35991');
  });

  // The March 2021 correction has two-row headings, footnote digits glued to headings and labels
  // ("Burglary4", "Mar '084"), no "Area code" heading over its ASB table and no cited release date.
  // Expected figures were read straight from the sheet XML (unzip; xl/worksheets/*.xml and
  // sharedStrings.xml), not through the xlsx library the importer uses.
  const MARCH_2021 = 'pfatablescorrectionmar21.xlsx';
  const CHECKED_FROM_XML: readonly [string, string, string, string][] = [
    // [measure, period, area, value]  // sheet and cell
    ['recorded-crime-force-area', '2020-04-01/2021-03-31', 'E23000019', '85115'], // "Table P1" C29 (heading merged over C4:C5)
    ['recorded-crime-force-area[offence_group=Violence against the person]', '2020-04-01/2021-03-31', 'E23000019', '29582'], // "Table P1" E29
    ['recorded-crime-force-area[offence_group=Burglary]', '2020-04-01/2021-03-31', 'E23000019', '5018'], // "Table P1" N29, headed "Burglary4"
    ['recorded-crime-force-area[offence_group=Miscellaneous crimes against society]', '2020-04-01/2021-03-31', 'E23000019', '2892'], // "Table P1" AA29
    ['recorded-crime-force-area', '2019-04-01/2020-03-31', 'E23000019', '107354'], // "Table P4 previous year" C29
    ['knife-crime', '2010-04-01/2011-03-31', 'E23000019', '631'], // "Table P6 " C31, under "Apr '10 to Mar '11"
    ['knife-crime', '2020-04-01/2021-03-31', 'E23000019', '755'], // "Table P6 " W31
    ['knife-crime-percentage', '2020-04-01/2021-03-31', 'E23000019', '5.796545105566219'], // "Table P6 " X31 (5.7965451055662189)
    ['asb-reported-to-police', '2007-08', 'E23000019', '88240'], // "Table P11 " B28, under "Apr '07 to Mar '084"
    ['asb-reported-to-police', '2020-21', 'E23000019', '48206'], // "Table P11 " AB28, under "Apr '20 to Mar '216,7"
    ['asb-incidents-rate', '2020-21', 'E23000019', '41.516668331719956'], // "Table P11 " AC28
  ];

  function dryRunMarch2021(): Run {
    return run(['ons-pfa', join(WORKBOOKS, MARCH_2021), '--dry-run']);
  }

  test('the March 2021 correction (two-row headings, footnote digits) is read: its dry run prints the figures read from the sheet XML', () => {
    const result = dryRunMarch2021();
    assert.equal(result.code, 0, result.err.join('\n'));
    const text = result.err.join('\n');
    assert.match(text, /Note \(dry run; publishing would be refused\): data\/reference\/ons_release_dates\.csv has no release date for the year ending March 2021 edition/);
    // Table P5 writes "-" where the base is under 50, and says so in its own notes.
    assert.match(text, /sheet "Table P5 ", cell F28 holds - \(no figure\) for knife-crime-percentage/);
    const printed = csv(result.out.join('\n'));
    const value = (measure: string, period: string, area: string) => printed.filter((r) => r.measure === measure && r.period === period && r.area_code === area).map((r) => r.value);
    for (const [measure, period, area, expected] of CHECKED_FROM_XML) {
      assert.deepEqual(value(measure, period, area), [expected], `${measure} ${period} ${area}`);
    }
    // Every series the mapped force-level measures take from this edition is there.
    const series = new Set(printed.map((r) => r.measure ?? ''));
    assert.equal([...series].filter((m) => m.startsWith('recorded-crime-force-area')).length, 23, 'the total and 22 offence groups');
    assert.equal([...series].filter((m) => m.startsWith('knife-crime[')).length, 6, 'six knife offence types');
    assert.equal(value('knife-crime', '2015-04-01/2016-03-31', 'E23000019').length, 1, 'one figure per period of Table P6');
    assert.equal(printed.filter((r) => r.measure === 'asb-reported-to-police').length, 14, 'ASB 2007-08 to 2020-21');
  });

  test('the March 2021 figures agree with the March 2022 edition where it gives the same year (Table P4 and the ASB and knife series)', () => {
    const march2021 = csv(dryRunMarch2021().out.join('\n'));
    const march2022 = dryRun('pfafinalmar22.xlsx');
    const year = '2020-04-01/2021-03-31';
    const groups = march2021.filter((r) => r.measure!.startsWith('recorded-crime-force-area') && r.period === year);
    assert.equal(groups.length, 23);
    for (const row of groups) {
      const later = march2022.find((r) => r.measure === row.measure && r.period === year && r.area_code === row.area_code);
      assert.ok(later, `${row.measure} is in the March 2022 edition's Table P4`);
      // Police figures are revised a little between editions (85,115 became 85,143); a column read
      // from the wrong heading would differ by far more.
      const [before, after] = [Number(row.value), Number(later.value)];
      assert.ok(Math.abs(before - after) <= Math.max(2, after * 0.02), `${row.measure}: ${before} in March 2021, ${after} in March 2022`);
    }
    const same = (measure: string, period: string) => [march2021, march2022].map((rows) => rows.find((r) => r.measure === measure && r.period === period && r.area_code === 'E23000019')?.value);
    assert.deepEqual(same('recorded-crime-force-area', year), ['85115', '85143']);
    assert.deepEqual(same('asb-reported-to-police', '2020-21'), ['48206', '48206']);
    assert.deepEqual(same('asb-reported-to-police', '2007-08'), ['88240', '88240']);
    assert.deepEqual(same('knife-crime', '2010-04-01/2011-03-31'), ['631', '631']);
    assert.deepEqual(same('knife-crime', year), ['755', '755']);
  });

  test('the March 2021 correction can never be published: no release date is cited for it', () => {
    const root = mkdtempSync(join(tmpdir(), 'snd-import-mar21-'));
    try {
      cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
      cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
      const result = run(['ons-pfa', join(WORKBOOKS, MARCH_2021), '--released', '2021-07-22'], root);
      assert.equal(result.code, 1);
      assert.match(result.err.join('\n'), /Refused: data\/reference\/ons_release_dates\.csv has no release date for the year ending March 2021 edition \(read from pfatablescorrectionmar21\.xlsx, sheet "Notes", cell A1\)/);
      assert.deepEqual(readdirSync(join(root, 'data')), ['reference'], 'nothing written');
      const noDate = run(['ons-pfa', join(WORKBOOKS, MARCH_2021)], root);
      assert.equal(noDate.code, 1, 'publishing needs --released');
      assert.match(noDate.err.join('\n'), /give the publisher's release date with --released/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a "-" is a no-figure marker only where the sheet says so; without that note it is refused with its cell', () => {
    const book = XLSX.read(readFileSync(join(WORKBOOKS, MARCH_2021)), { type: 'buffer' });
    const sheet = book.Sheets['Table P5 ']!;
    assert.match(String(sheet['A69']!.v), /'-'\s+indicates that the base number is fewer than 50/);
    delete sheet['A69'];
    const dir = mkdtempSync(join(tmpdir(), 'snd-import-dash-'));
    try {
      const path = join(dir, 'nodashnote.xlsx');
      writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      const result = run(['ons-pfa', path, '--dry-run']);
      assert.equal(result.code, 1);
      assert.match(result.err.join('\n'), /nodashnote\.xlsx, sheet "Table P5 ", cell F28: expected a number, or a no-figure marker such as \[x\] or \[z\], for Nottinghamshire5, year ending March 2021; found "-"/);
      assert.deepEqual(result.out, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ons-pfa importer: refusals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the March 2022 workbook changed by `edit`, written with the same xlsx library. */
  function brokenWorkbook(name: string, edit: (book: XLSX.WorkBook) => void): string {
    const book = XLSX.read(readFileSync(join(WORKBOOKS, 'pfafinalmar22.xlsx')), { type: 'buffer' });
    edit(book);
    const path = join(dir, name);
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return path;
  }

  test('a renamed heading is refused naming the sheet, the heading row and the expected heading', () => {
    const path = brokenWorkbook('renamed.xlsx', (book) => {
      const sheet = book.Sheets['Table P1']!;
      assert.equal(cleanLabel(String(sheet['K7']!.v)), 'Robbery', 'the heading the test renames');
      sheet['K7'] = { t: 's', v: 'Robberies' };
    });
    const result = run(['ons-pfa', path, '--released', '2022-07-21', '--dry-run']);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /content\/measures\/recorded-crime-force-area\.md: ons_pfa\[8\]: renamed\.xlsx, sheet "Table P1", row 7 \(cells A7 onwards\) of Table P1: expected a column headed "Robbery"; found none/);
    assert.deepEqual(result.out, [], 'nothing printed');
  });

  test('a deleted sheet is refused naming the table that is there instead, with its sheet and cell', () => {
    const path = brokenWorkbook('deleted.xlsx', (book) => {
      book.SheetNames = book.SheetNames.filter((n) => n !== 'Table P1');
      delete book.Sheets['Table P1'];
    });
    const result = run(['ons-pfa', path, '--released', '2022-07-21', '--dry-run']);
    assert.equal(result.code, 1);
    const text = result.err.join('\n');
    assert.match(text, /ons_pfa\[0\]: deleted\.xlsx has no table whose title cell has the words "police recorded crime by offence group and police force area number of offences" and "year ending March 2022"/);
    assert.match(text, /sheet "Table P4 previous", cell A1/);
  });

  test('a heading matching two columns is refused with both cells', () => {
    const path = brokenWorkbook('twice.xlsx', (book) => {
      book.Sheets['Table P1']!['L7'] = { t: 's', v: 'Robbery [note 9]' };
    });
    const result = run(['ons-pfa', path, '--released', '2022-07-21', '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /sheet "Table P1", cell L7: "Robbery" matches 2 headings \(K7, L7\)/);
  });

  test('a cell holding text that is not a figure or a no-figure marker is refused with its cell', () => {
    const path = brokenWorkbook('text.xlsx', (book) => {
      const sheet = book.Sheets['Table P1']!;
      assert.equal(sheet['A30']!.v, 'E23000019');
      sheet['K30'] = { t: 's', v: 'n/a' };
    });
    const result = run(['ons-pfa', path, '--released', '2022-07-21', '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /text\.xlsx, sheet "Table P1", cell K30: expected a number, or a no-figure marker such as \[x\] or \[z\], for Nottinghamshire, year ending March 2022; found "n\/a"/);
  });

  test('a file that is not an xlsx workbook is refused', () => {
    const path = join(dir, 'figures.xlsx');
    writeFileSync(path, 'measure,period,value\nrobbery,2024,570\n');
    const result = run(['ons-pfa', path, '--released', '2022-07-21', '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /figures\.xlsx: it is not an xlsx workbook/);
  });

  test('a release date that is not real, in the future, or not the cited one is refused', () => {
    const file = join(WORKBOOKS, 'pfafinalmar22.xlsx');
    assert.match(run(['ons-pfa', file, '--released', '2022-02-30']).err.join('\n'), /"2022-02-30" is not a real date/);
    assert.match(run(['ons-pfa', file, '--released', '2027-01-01']).err.join('\n'), /after today \(2026-12-01\)/);
    const wrong = run(['ons-pfa', file, '--released', '2022-07-20']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err.join('\n'), /does not match the cited release date of the year ending March 2022 edition: 2022-07-21 \("Release date: 21 July 2022"/);
  });
});

describe('ons-pfa importer: publishing releases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-import-publish-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('two editions in order make two releases; the second keeps older periods and revises the republished ones', () => {
    const root = join(dir, 'project');
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
    const first = run(['ons-pfa', join(WORKBOOKS, 'pfafinalmar22.xlsx'), '--released', '2022-07-21'], root);
    assert.equal(first.code, 0, first.err.join('\n'));
    const second = run(['ons-pfa', join(WORKBOOKS, 'pfatableyemar231.xlsx'), '--released', '2023-07-20'], root);
    assert.equal(second.code, 0, second.err.join('\n'));

    const folder = join(root, 'data', 'measures', 'asb-reported-to-police');
    assert.deepEqual(readdirSync(folder).sort(), ['2022-07-21.csv', '2023-07-20.csv', 'releases.yaml']);
    const v1 = csv(readFileSync(join(folder, '2022-07-21.csv'), 'utf8'));
    const v2 = csv(readFileSync(join(folder, '2023-07-20.csv'), 'utf8'));
    const notts = (rows: Row[], period: string) => rows.find((r) => r.period === period && r.area_code === 'E23000019');
    assert.equal(notts(v1, '2021-22')?.value, '25811');
    assert.equal(notts(v1, '2022-23'), undefined);
    assert.equal(notts(v2, '2022-23')?.value, '19207', 'added by the March 2023 edition');
    assert.equal(notts(v2, '2007-08')?.value, '88240');
    assert.equal(notts(v2, '2021-22')?.source, 'ONS PFA data tables YE Mar 2023, Table P12');

    const releases = parseYaml(readFileSync(join(folder, 'releases.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.equal(releases.length, 2);
    const entry = releases[1]!;
    assert.equal(entry.vintage, '2023-07-20');
    assert.equal(entry.edition, 'year ending March 2023');
    assert.deepEqual(entry.tables, ['Table P12']);
    assert.deepEqual(entry.release_date, {
      evidence: 'Release date: 20 July 2023',
      url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/bulletins/crimeinenglandandwales/yearendingmarch2023',
    });
    const sums = readFileSync(join(WORKBOOKS, 'SHA256SUMS'), 'utf8');
    assert.ok(sums.includes(`${entry.workbook_sha256 as string}  pfatableyemar231.xlsx`), 'workbook_sha256 is the workbook\'s checksum');
    assert.equal(entry.sha256, createHash('sha256').update(readFileSync(join(folder, '2023-07-20.csv'))).digest('hex'));
    assert.equal(entry.changes, 'ONS year ending March 2023 edition (Table P12): 1 value added, 0 revised, 15 unchanged.');

    // The June 2022 edition has no ASB table, so it makes no ASB release, but does make the others.
    const june = run(['ons-pfa', join(WORKBOOKS, 'pfajun22.xlsx'), '--released', '2022-10-27'], root);
    assert.equal(june.code, 0, june.err.join('\n'));
    assert.ok(!existsSync(join(folder, '2022-10-27.csv')));
    assert.ok(existsSync(join(root, 'data', 'measures', 'knife-crime', '2022-10-27.csv')));

    const again = run(['ons-pfa', join(WORKBOOKS, 'pfatableyemar231.xlsx'), '--released', '2023-07-20'], root);
    assert.equal(again.code, 1, 'an edition is never imported twice');
    assert.match(again.err.join('\n'), /2023-07-20\.csv already exists/);

    const checked = loadSite({ root, today: TODAY });
    const dataProblems = checked.diagnostics.filter((d) => d.file.startsWith('data/'));
    assert.deepEqual(dataProblems, [], 'the written releases pass the site validator');
  });

  test('a dry run writes nothing', () => {
    const root = join(dir, 'dry');
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
    const result = run(['ons-pfa', join(WORKBOOKS, 'pfafinalmar22.xlsx'), '--released', '2022-07-21', '--dry-run'], root);
    assert.equal(result.code, 0);
    assert.deepEqual(readdirSync(join(root, 'data')), ['reference']);
  });
});

describe('ons-pfa importer: another partnership', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-import-other-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the fixture partnership, given Bristol\'s codes in its site.yaml, imports Bristol\'s figures from the same workbook', () => {
    const root = join(dir, 'riverford');
    cpSync(join(ROOT, 'test', 'fixtures', 'valid', 'other-partnership'), root, { recursive: true });
    cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
    const sitePath = join(root, 'content', 'site.yaml');
    const site = readFileSync(sitePath, 'utf8');
    assert.match(site, /code: "E06999901"/);
    // Riverford is invented; standing in for Bristol here shows the codes come from site.yaml alone.
    assert.match(site, /code: "E23999901"/);
    writeFileSync(sitePath, site.replace('code: "E06999901"', 'code: "E06000023"').replace('"Riverford Constabulary (police force area)"', '"Avon and Somerset (police force area)"').replace('code: "E23999901"', 'code: "E23000036"'));
    const printed = dryRun('policeforceareatablesyedecember2024.xlsx', root);
    const counts = csv(readFileSync(join(REFERENCE, 'police_recorded_crime_counts.csv'), 'utf8'));
    const bristol = counts.find((r) => r.area_code === 'E06000023' && r.offence_group === 'Total recorded crime (excluding fraud)' && r.period === '2024-01-01/2024-12-31');
    assert.ok(bristol);
    assert.deepEqual(
      printed.filter((r) => r.measure === 'recorded-crime').map((r) => [r.period, r.area_code, r.value]),
      [
        ['2024-01-01/2024-12-31', 'E06000023', bristol.value],
        ['2024-01-01/2024-12-31', 'E23000036', '167777'],
      ],
    );
    assert.ok(!printed.some((r) => r.area_code === 'E06000018' || r.area_code === 'E23000019'), 'no Nottingham figures');
  });
});

describe('ons-pfa importer: reading periods', () => {
  test('titles and headings give the periods they name, footnote markers ignored', () => {
    assert.deepEqual(yearEndings('Table P4: ..., year ending March 2021 [note1]'), [{ startYear: 2020, startMonth: 4, endYear: 2021, endMonth: 3 }]);
    assert.deepEqual(headingPeriod('Apr 2011 to Mar 2012\n[note 8]'), { span: { startYear: 2011, startMonth: 4, endYear: 2012, endMonth: 3 }, label: 'Apr 2011 to Mar 2012', rest: '' });
    assert.equal(headingPeriod('% involving a knife Apr 2010 to\n Mar 2011')?.rest, '% involving a knife');
    // The March 2021 edition: two-digit years, footnote numbers glued to the year.
    assert.deepEqual(headingPeriod("Apr '07 to Mar '084 Number of Incidents"), { span: { startYear: 2007, startMonth: 4, endYear: 2008, endMonth: 3 }, label: 'Apr 2007 to Mar 2008', rest: 'Number of Incidents' });
    assert.equal(headingPeriod("Apr '11 to Mar '126,7,8")?.label, 'Apr 2011 to Mar 2012');
    assert.equal(headingPeriod("Apr '11 to Mar '126,7,8")?.rest, '');
    assert.equal(headingPeriod('Apr 2020 to Mar 20211'), undefined, 'a four-digit year with a digit glued on is not guessed at');
    const june = { startYear: 2021, startMonth: 7, endYear: 2022, endMonth: 6 };
    assert.deepEqual(formatPeriod(june, 'interval', 12), { period: '2021-07-01/2022-06-30' });
    assert.match(JSON.stringify(formatPeriod(june, 'financial_year', undefined)), /not one/);
    assert.deepEqual(formatPeriod({ startYear: 2019, startMonth: 4, endYear: 2020, endMonth: 3 }, 'financial_year', undefined), { period: '2019-20' });
  });
});

describe('ons-pfa importer: footnote digits glued to words', () => {
  test('digits glued to the end of a word or bracket go; years, codes and spaced numbers stay', () => {
    assert.equal(withoutFootnoteDigits('Burglary4'), 'Burglary');
    assert.equal(withoutFootnoteDigits('Total recorded crime (excluding fraud3)'), 'Total recorded crime (excluding fraud)');
    assert.equal(withoutFootnoteDigits('ENGLAND AND WALES3,4,5'), 'ENGLAND AND WALES');
    assert.equal(withoutFootnoteDigits('Apr 2020 to Mar 2021'), 'Apr 2020 to Mar 2021');
    assert.equal(withoutFootnoteDigits('Number per 1,000 population'), 'Number per 1,000 population');
  });
});

describe('ons-tidy importer: the September 2022 edition, held only as rows of the tidy CSV', () => {
  const TIDY = join(REFERENCE, 'ons_pfa_editions_force_level_2022_2024.csv');
  const SEPTEMBER = ['--edition', 'year ending September 2022', '--released', '2023-01-26'];
  const dir = mkdtempSync(join(tmpdir(), 'snd-import-tidy-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a dry run prints the edition\'s figures for the measures that map its tables, and no ASB (only March editions have it)', () => {
    const result = run(['ons-tidy', TIDY, ...SEPTEMBER, '--dry-run']);
    assert.equal(result.code, 0, result.err.join('\n'));
    const printed = csv(result.out.join('\n'));
    const value = (measure: string, period: string, area: string) => printed.filter((r) => r.measure === measure && r.period === period && r.area_code === area).map((r) => r.value);
    // Values as the tidy CSV gives them (Table P1 row 31, Table P4, Table P5 rows 9, 10 and 31).
    assert.deepEqual(value('recorded-crime-force-area', '2021-10-01/2022-09-30', 'E23000019'), ['103599']);
    assert.deepEqual(value('recorded-crime-force-area', '2020-10-01/2021-09-30', 'E23000019'), ['89898']);
    assert.deepEqual(value('recorded-crime-force-area[offence_group=Miscellaneous crimes against society]', '2021-10-01/2022-09-30', 'E23000019'), ['3072']);
    assert.deepEqual(value('knife-crime', '2021-10-01/2022-09-30', 'E23000019'), ['842']);
    assert.deepEqual(value('knife-crime-percentage', '2021-10-01/2022-09-30', 'E23000019'), ['4.970777495719936']);
    assert.deepEqual(value('knife-crime-percentage', '2021-10-01/2022-09-30', 'E92000001'), ['6.019794787074173']);
    assert.deepEqual(value('knife-crime-percentage', '2021-10-01/2022-09-30', 'K04000001'), ['5.934088948974177']);
    assert.equal(printed.length, 46 + 1 + 3, '23 offence series for two years, one knife count, three knife percentages');
    assert.ok(!printed.some((r) => r.measure!.startsWith('asb-')));
    assert.ok(!printed.some((r) => r.area_code !== 'E23000019' && !r.measure!.startsWith('knife-crime-percentage')), 'only the areas the mappings name');
  });

  test('the committed 2023-01-26 releases are exactly what the command writes, after the releases already published', () => {
    const root = join(dir, 'project');
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(ROOT, 'data', 'reference'), join(root, 'data', 'reference'), { recursive: true });
    const slugs = ['knife-crime', 'knife-crime-percentage', 'recorded-crime-force-area'];
    for (const slug of slugs) {
      const from = join(ROOT, 'data', 'measures', slug);
      const to = join(root, 'data', 'measures', slug);
      cpSync(from, to, { recursive: true });
      rmSync(join(to, '2023-01-26.csv'));
      const releases = readFileSync(join(from, 'releases.yaml'), 'utf8');
      const at = releases.indexOf('- vintage: 2023-01-26\n');
      assert.ok(at > 0, `${slug}: the committed releases.yaml has the 2023-01-26 entry`);
      writeFileSync(join(to, 'releases.yaml'), releases.slice(0, at));
    }
    // read_from ends with the path the editor typed, which differs here; everything else is the command's own.
    const committed = (parseYaml(readFileSync(join(ROOT, 'data', 'measures', 'knife-crime', 'releases.yaml'), 'utf8')) as Record<string, unknown>[]).at(-1)!;
    const result = run(['ons-tidy', TIDY, ...SEPTEMBER, '--read-from', String(committed.read_from)], root);
    assert.equal(result.code, 0, result.err.join('\n'));
    for (const slug of slugs) {
      for (const name of ['2023-01-26.csv', 'releases.yaml']) {
        assert.ok(readFileSync(join(root, 'data', 'measures', slug, name)).equals(readFileSync(join(ROOT, 'data', 'measures', slug, name))), `${slug}/${name} is byte for byte the committed file`);
      }
    }
    const entry = (parseYaml(readFileSync(join(root, 'data', 'measures', 'knife-crime', 'releases.yaml'), 'utf8')) as Record<string, unknown>[]).at(-1)!;
    assert.equal(entry.backfilled, true, 'later releases were already published');
    assert.equal(entry.workbook_sha256, undefined, 'no workbook is held, so none is checksummed');
    assert.match(String(entry.read_from), /^vijaygenius123\/ONS_Datathon_2024 : data\/raw\/policeforceareatablesyesep22\.xlsx @ 17ff360 \(the workbook itself is not held here\); via /);
    assert.match(String(entry.changes), /they were built without this release and are never edited, so figures of this release missing from them are shown as not carried forward, not as withdrawn by ONS\./);
    assert.ok(!existsSync(join(root, 'data', 'measures', 'asb-reported-to-police')), 'no ASB release');
  });

  test('a missing edition, an edition with no rows, and a wrong release date are refused', () => {
    assert.match(run(['ons-tidy', TIDY, '--released', '2023-01-26', '--dry-run']).err.join('\n'), /name the edition to read with --edition/);
    assert.match(run(['ons-tidy', TIDY, '--edition', 'September 2022', '--dry-run']).err.join('\n'), /expected an edition name such as "year ending September 2022"/);
    const none = run(['ons-tidy', TIDY, '--edition', 'year ending March 2021', '--dry-run']);
    assert.equal(none.code, 1);
    assert.match(none.err.join('\n'), /no row of the year ending March 2021 edition/);
    const wrong = run(['ons-tidy', TIDY, '--edition', 'year ending September 2022', '--released', '2023-01-25']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err.join('\n'), /does not match the cited release date of the year ending September 2022 edition: 2023-01-26/);
  });
});

describe('ons-pfa importer: --measures', () => {
  test('limits the run to the named measures, and refuses a name that is not a mapped measure', () => {
    const result = run(['ons-pfa', join(WORKBOOKS, 'policeforceareatablesyedecember2024.xlsx'), '--dry-run', '--measures', 'robbery-rate']);
    assert.equal(result.code, 0, result.err.join('\n'));
    const printed = csv(result.out.join('\n'));
    assert.deepEqual([...new Set(printed.map((r) => r.measure))], ['robbery-rate']);
    // Table C4, Nottingham's row, as ONS stores it (the 2026-11-23 release rounded it to 1.735).
    assert.equal(printed.find((r) => r.area_code === 'E06000018')?.value, '1.7350911531659325');
    const unknown = run(['ons-pfa', join(WORKBOOKS, 'policeforceareatablesyedecember2024.xlsx'), '--dry-run', '--measures', 'robbery-rate,no-such-measure']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err.join('\n'), /--measures names no-such-measure, which is not a measure with an ons_pfa mapping/);
  });
});
