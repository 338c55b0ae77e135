/**
 * Golden-folder tests for the data validator. Each folder under test/fixtures/invalid/data/ is a
 * tiny project root holding one broken measure; expected.txt is the exact validator output.
 * Each folder under test/fixtures/valid/data/ must pass cleanly and read back as asserted here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { Observation } from '../../../src/lib/schemas/model.ts';
import { measureSchema } from '../../../src/lib/schemas/measure.ts';
import { formatDiagnostic } from '../../../src/lib/format/diagnostics.ts';
import { validateMeasureData, type MeasureDataResult } from '../../../src/lib/validate/data.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const TODAY = '2026-11-23';
/** A made-up partnership area, so nothing in the fixtures looks like real local figures. */
const SITE_AREA = { name: 'Testshire', code: 'E06999999' };

function caseNames(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind, 'data'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Runs the validator on a fixture folder exactly as the build would on a project root. */
function validateCase(kind: 'valid' | 'invalid', name: string): MeasureDataResult {
  const root = join(FIXTURES, kind, 'data', name);
  const meta = measureSchema.parse(parseYaml(readFileSync(join(root, 'measure.yaml'), 'utf8')));
  const [slug, ...others] = readdirSync(join(root, 'data', 'measures'));
  assert.ok(slug && others.length === 0, `${name}: expected exactly one measure folder`);
  const folder = join(root, 'data', 'measures', slug);
  const files = readdirSync(folder).map((fileName) => ({ name: fileName, bytes: new Uint8Array(readFileSync(join(folder, fileName))) }));
  return validateMeasureData({ slug, meta, siteArea: SITE_AREA, files, today: TODAY });
}

describe('invalid data fixtures report exactly the expected diagnostics', () => {
  for (const name of caseNames('invalid')) {
    test(name, () => {
      const expected = readFileSync(join(FIXTURES, 'invalid', 'data', name, 'expected.txt'), 'utf8').trimEnd().split('\n');
      const actual = validateCase('invalid', name).diagnostics.map(formatDiagnostic);
      assert.deepEqual(actual, expected);
    });
  }
});

/** The fields of a row worth asserting, without line numbers cluttering every expectation. */
function summary(row: Observation): Record<string, unknown> {
  return {
    period: row.period,
    value: row.value,
    area: `${row.areaCode} ${row.areaName}`,
    ...(row.status ? { status: row.status } : {}),
    ...(Object.keys(row.breakdown).length ? { breakdown: row.breakdown } : {}),
  };
}

/** Validates a valid case, asserting it is clean and has the expected vintage dates. */
function cleanCase(name: string, dates: readonly string[]): MeasureDataResult {
  const result = validateCase('valid', name);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  assert.deepEqual(
    result.vintages.map((v) => v.date),
    dates,
  );
  return result;
}

describe('valid data fixtures', () => {
  test('every valid case has an assertion below', () => {
    assert.deepEqual(caseNames('valid'), [
      'financial-year-suppressed-breakdown',
      'interval-12-month',
      'monthly-two-vintages-revised',
      'quarterly-crlf-bom',
      'yearly-england-comparator',
    ]);
  });

  test('yearly series with an England comparator', () => {
    const [vintage] = cleanCase('yearly-england-comparator', ['2025-07-24']).vintages;
    assert.equal(vintage!.file, 'data/measures/test-yearly/2025-07-24.csv');
    assert.deepEqual(vintage!.columns, ['period', 'area_code', 'area_name', 'value', 'note']);
    assert.equal(vintage!.release.publisher, 'Testshire Statistics Office (synthetic)');
    assert.match(vintage!.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(vintage!.rows.map(summary), [
      { period: '2021', value: 100, area: 'E06999999 Testshire' },
      { period: '2022', value: 110, area: 'E06999999 Testshire' },
      { period: '2023', value: 120, area: 'E06999999 Testshire' },
      { period: '2021', value: 200, area: 'E92000001 England' },
      // area_name left empty: the comparator's label stands in.
      { period: '2022', value: 210, area: 'E92000001 England' },
      { period: '2023', value: 220, area: 'E92000001 England' },
    ]);
    assert.deepEqual(
      vintage!.rows.map((r) => [r.line, r.note, r.source]),
      [
        [2, 'synthetic', ''],
        [3, '', ''],
        [4, '', ''],
        [5, 'synthetic comparator', ''],
        [6, '', ''],
        [7, '', ''],
      ],
    );
  });

  test('financial-year series with a suppressed row and a breakdown column', () => {
    const [vintage] = cleanCase('financial-year-suppressed-breakdown', ['2025-07-24']).vintages;
    assert.deepEqual(vintage!.rows.map(summary), [
      { period: '2022-23', value: 30, area: 'E06999999 Testshire', status: 'final' },
      { period: '2023-24', value: 31, area: 'E06999999 Testshire', status: 'provisional' },
      { period: '2022-23', value: 10, area: 'E06999999 Testshire', status: 'final', breakdown: { age_band: 'under 18' } },
      { period: '2022-23', value: 20, area: 'E06999999 Testshire', status: 'final', breakdown: { age_band: '18 and over' } },
      { period: '2023-24', value: null, area: 'E06999999 Testshire', status: 'suppressed', breakdown: { age_band: 'under 18' } },
      { period: '2023-24', value: 27, area: 'E06999999 Testshire', status: 'provisional', breakdown: { age_band: '18 and over' } },
    ]);
    assert.equal(vintage!.rows[4]!.note, 'fewer than 5 cases (synthetic)');
  });

  test('monthly series with two vintages, the second revising a value', () => {
    const [first, second] = cleanCase('monthly-two-vintages-revised', ['2025-06-01', '2025-07-01']).vintages;
    assert.deepEqual(first!.rows.map(summary), [
      { period: '2025-03', value: 10, area: 'E06999999 Testshire', status: 'final' },
      { period: '2025-04', value: 11, area: 'E06999999 Testshire', status: 'provisional' },
    ]);
    assert.deepEqual(second!.rows.map(summary), [
      { period: '2025-03', value: 10, area: 'E06999999 Testshire', status: 'final' },
      { period: '2025-04', value: 13, area: 'E06999999 Testshire', status: 'revised' },
      { period: '2025-05', value: 12, area: 'E06999999 Testshire', status: 'provisional' },
    ]);
    assert.equal(second!.release.changes, 'Revised April 2025; added May 2025.');
    assert.notEqual(first!.sha256, second!.sha256);
  });

  test('quarterly series with CRLF line endings and a BOM', () => {
    const [vintage] = cleanCase('quarterly-crlf-bom', ['2025-07-24']).vintages;
    // The BOM must not leak into the first column name.
    assert.deepEqual(vintage!.columns, ['period', 'value', 'note', 'source']);
    assert.deepEqual(
      vintage!.rows.map((r) => [r.line, r.period, r.value, r.note, r.source]),
      [
        [2, '2024-Q4', 55.5, 'synthetic, with a comma', 'Test table 1'],
        [3, '2025-Q1', 60, 'two\r\nlines', 'Test table 1'],
        [5, '2025-Q2', 0, '', 'Test table 1'],
      ],
    );
    // The download is the committed bytes, BOM and all.
    assert.deepEqual([...vintage!.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  test("12-month interval series in the measure's own area", () => {
    const [vintage] = cleanCase('interval-12-month', ['2025-07-24']).vintages;
    assert.deepEqual(
      vintage!.rows.map((r) => [r.period, r.periodLabel, r.value, r.areaCode, r.areaName, r.status]),
      [
        ['2023-07-01/2024-06-30', 'year ending June 2024', 4.5, 'E23999999', 'Testshire Police Force Area', undefined],
        ['2024-07-01/2025-06-30', 'year ending June 2025', 4.25, 'E23999999', 'Testshire Police Force Area', undefined],
      ],
    );
  });
});

describe('validator inputs', () => {
  test('a folder with no files has no vintages and no problems', () => {
    const meta = measureSchema.parse(parseYaml(readFileSync(join(FIXTURES, 'valid', 'data', 'interval-12-month', 'measure.yaml'), 'utf8')));
    assert.deepEqual(validateMeasureData({ slug: 'test-empty', meta, siteArea: SITE_AREA, files: [], today: TODAY }), {
      vintages: [],
      diagnostics: [],
      csvParses: 0,
    });
  });

  test('the clock is an input: a release dated after `today` is refused', () => {
    const meta = measureSchema.parse(parseYaml(readFileSync(join(FIXTURES, 'valid', 'data', 'interval-12-month', 'measure.yaml'), 'utf8')));
    const files = readdirSync(join(FIXTURES, 'valid', 'data', 'interval-12-month', 'data', 'measures', 'test-interval')).map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, 'valid', 'data', 'interval-12-month', 'data', 'measures', 'test-interval', name))),
    }));
    const { diagnostics } = validateMeasureData({ slug: 'test-interval', meta, siteArea: SITE_AREA, files, today: '2025-07-23' });
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'data/measures/test-interval/2025-07-24.csv:1:1: file name "2025-07-24.csv" is after today (2025-07-23); name each release by the day it was published',
    ]);
  });
});
