/**
 * CSV downloads keep formula-like text inert. The validator refuses committed cells that start
 * like a formula (see test/fixtures/invalid/data/formula-injection), so these cells can only reach
 * a download through the writers themselves: the plan's tidy CSV and a derived measure's computed
 * release. Every text cell a spreadsheet would run is written with a leading quote, numbers stay
 * numbers, and reading the file back gives the exact text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { deriveMeasures } from '../../../src/lib/derive/derived-measures.ts';
import { readTidyCsv, tidyCsv } from '../../support/read-tidy.ts';
import type { ReadEntry } from '../../../src/lib/read/frontmatter.ts';
import { parseLocatedYaml } from '../../../src/lib/read/yaml-position.ts';
import type { MeasureMeta } from '../../../src/lib/schemas/measure.ts';
import type { Diagnostic } from '../../../src/lib/format/diagnostics.ts';
import { measure, meta, row, vintage } from '../../support/testshire.ts';

/** Text a spreadsheet would run: every leading character OWASP lists, and one already quoted. */
const FORMULA_TEXTS = ['=HYPERLINK("http://evil.example","x")', '+44 115 000', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=already quoted"];
const FORMULA_START = /^[=+\-@\t\r]/;

/** A measure whose every text cell, in turn, holds one of FORMULA_TEXTS; its values include a negative number. */
const hostile = measure(
  'widget-thefts',
  meta({ frequency: 'year', breakdowns: [{ column: 'age_band', label: 'Age band' }] }),
  [
    vintage(
      '2025-07-24',
      FORMULA_TEXTS.map((text, i) =>
        row(String(2010 + i), i === 0 ? -5 : 100 + i, { note: text, source: text, areaName: text, periodLabel: text, breakdown: { age_band: text } }),
      ),
    ),
  ],
);

/** Asserts no cell but a number starts like a formula. */
function assertInert(records: readonly string[][], numericColumns: readonly string[]): void {
  const [header, ...rows] = records;
  for (const cells of rows) {
    cells.forEach((cell, i) => {
      const column = header![i]!;
      if (numericColumns.includes(column)) assert.match(cell, /^-?\d+(?:\.\d+)?$|^$/, `${column} "${cell}"`);
      else assert.doesNotMatch(cell, FORMULA_START, `${column} "${JSON.stringify(cell)}" would run as a formula`);
    });
  }
}

describe('tidy CSV', () => {
  const text = tidyCsv([hostile]);

  test('writes every formula-like text cell with a leading quote, and numbers as numbers', () => {
    const records = parse(text) as string[][];
    assertInert(records, ['value']);
    const valueColumn = records[0]!.indexOf('value');
    assert.equal(records[1]![valueColumn], '-5', 'a negative figure is a number, not a formula, and is not quoted');
    const noteColumn = records[0]!.indexOf('note');
    assert.deepEqual(records.slice(1).map((cells) => cells[noteColumn]), FORMULA_TEXTS.map((t) => `'${t}`));
  });

  test('reads back to the exact text', () => {
    const { rows } = readTidyCsv(text);
    assert.deepEqual(rows.map((r) => [r.note, r.source, r.areaName, r.periodLabel, r.breakdown.age_band]), FORMULA_TEXTS.map((t) => [t, t, t, t, t]));
    assert.equal(rows[0]!.value, -5);
  });
});

describe("a derived measure's computed CSV", () => {
  test('quotes formula-like labels and notes carried over from its inputs', () => {
    // Derivations use headline rows only, so the inputs here are not broken down.
    const headlineRows = () => FORMULA_TEXTS.map((text, i) => row(String(2010 + i), 10, { areaName: text, periodLabel: text, note: text }));
    const thefts = measure('widget-thefts', meta({ frequency: 'year' }), [vintage('2025-07-24', headlineRows())]);
    const returns = measure('widget-returns', meta({ frequency: 'year', supports: 'net-widgets', plans: [] }), [vintage('2025-07-24', headlineRows())]);
    const net = measure(
      'net-widgets',
      meta({ frequency: 'year', derivation: { formula: 'Thefts less returns', terms: [{ measure: 'widget-thefts', sign: '+' }, { measure: 'widget-returns', sign: '-' }] } }),
    );
    const entries = [thefts, returns, net].map(
      (m): ReadEntry<MeasureMeta> => ({ id: m.id, file: m.file, data: m.data, yaml: parseLocatedYaml('') }),
    );
    const diagnostics: Diagnostic[] = [];
    const derived = deriveMeasures([thefts, returns, net], entries, diagnostics).find((m) => m.id === 'net-widgets')!;
    assert.deepEqual(diagnostics, []);
    const bytes = derived.vintages.at(-1)?.bytes;
    assert.ok(bytes, 'the derived measure has a computed release');
    const records = parse(new TextDecoder().decode(bytes)) as string[][];
    assert.ok(records.length > 1, 'the computed release has rows');
    assertInert(records, ['value']);
    // The labels and area names come from the first input, so the check above did see formula-like text.
    const [header, ...rows] = records;
    const column = (name: string) => rows.map((cells) => cells[header!.indexOf(name)]);
    assert.deepEqual(column('period_label'), FORMULA_TEXTS.map((t) => `'${t}`));
    assert.deepEqual(column('area_name'), FORMULA_TEXTS.map((t) => `'${t}`));
  });
});
