/** The CSV reader: decoding, cells, and the positions diagnostics rely on. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readMeasureCsv, type CsvReadResult, type CsvTable, type ParseCounter } from '../../../src/lib/read/csv.ts';
import { decodeUtf8 } from '../../../src/lib/read/text.ts';
import { formatDiagnostic } from '../../../src/lib/format/diagnostics.ts';

const FILE = 'data/measures/test-measure/2025-07-24.csv';
/** Parses counted where no test looks; the counting test has its own. */
const counter: ParseCounter = { csvParses: 0 };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

function table(result: CsvReadResult): CsvTable {
  if (!result.ok) assert.fail(`expected a table, got: ${result.diagnostics.map(formatDiagnostic).join('; ')}`);
  return result.table;
}

function problems(result: CsvReadResult): string[] {
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

/** Each record as [line, cells, "line:column" of each cell], the shape positions are asserted in. */
function layout(t: CsvTable): [number, readonly string[], string[]][] {
  return [t.header, ...t.records].map((r) => [r.line, r.cells, r.positions.map((p) => `${p.line}:${p.column}`)]);
}

describe('readMeasureCsv', () => {
  test('reads a plain LF file with positions for every cell', () => {
    assert.deepEqual(layout(table(readMeasureCsv(FILE, utf8('period,value\n2023,12\n2024,13.5\n'), counter))), [
      [1, ['period', 'value'], ['1:1', '1:8']],
      [2, ['2023', '12'], ['2:1', '2:6']],
      [3, ['2024', '13.5'], ['3:1', '3:6']],
    ]);
  });

  test('drops a BOM, so the first column is "period" and starts at column 1', () => {
    const t = table(readMeasureCsv(FILE, bytesOf([0xef, 0xbb, 0xbf], 'period,value\n2023,1\n'), counter));
    assert.deepEqual(t.columns, ['period', 'value']);
    assert.deepEqual(layout(t)[0], [1, ['period', 'value'], ['1:1', '1:8']]);
  });

  test('reads CRLF without leaving CR in the last cell', () => {
    assert.deepEqual(layout(table(readMeasureCsv(FILE, utf8('period,value\r\n2023,1\r\n2024,2'), counter))), [
      [1, ['period', 'value'], ['1:1', '1:8']],
      [2, ['2023', '1'], ['2:1', '2:6']],
      [3, ['2024', '2'], ['3:1', '3:6']],
    ]);
  });

  test('reads a file mixing LF and CRLF', () => {
    assert.deepEqual(
      layout(table(readMeasureCsv(FILE, utf8('period,value\r\n2023,1\n2024,2\r\n'), counter))).map(([line, cells]) => [line, cells]),
      [
        [1, ['period', 'value']],
        [2, ['2023', '1']],
        [3, ['2024', '2']],
      ],
    );
  });

  test('quoted cells keep commas, doubled quotes and line breaks; later cells know their own line', () => {
    const text = 'period,note,value\n2023,"a, b",1\n2024,"say ""hi""\nsecond line",2\n2025,x,3\n';
    assert.deepEqual(layout(table(readMeasureCsv(FILE, utf8(text), counter))), [
      [1, ['period', 'note', 'value'], ['1:1', '1:8', '1:13']],
      [2, ['2023', 'a, b', '1'], ['2:1', '2:6', '2:13']],
      [3, ['2024', 'say "hi"\nsecond line', '2'], ['3:1', '3:6', '4:14']],
      [5, ['2025', 'x', '3'], ['5:1', '5:6', '5:8']],
    ]);
  });

  test('a quoted CRLF inside a cell counts as one line break', () => {
    const text = 'period,note,value\r\n2023,"one\r\ntwo",1\r\n2024,,2\r\n';
    assert.deepEqual(layout(table(readMeasureCsv(FILE, utf8(text), counter))).slice(1), [
      [2, ['2023', 'one\r\ntwo', '1'], ['2:1', '2:6', '3:6']],
      [4, ['2024', '', '2'], ['4:1', '4:6', '4:7']],
    ]);
  });

  test('skips blank lines but keeps true line numbers', () => {
    assert.deepEqual(
      layout(table(readMeasureCsv(FILE, utf8('period,value\n\n2023,1\r\n\r\n\n2024,2\n\n'), counter))).map(([line]) => line),
      [1, 3, 6],
    );
  });

  test('counts columns in characters, not bytes or UTF-16 units', () => {
    const t = table(readMeasureCsv(FILE, utf8('note,area_name,value\n"café 🙂",Testshire,1\n'), counter));
    assert.deepEqual(layout(t)[1], [2, ['café 🙂', 'Testshire', '1'], ['2:1', '2:10', '2:20']]);
  });

  test('returns ragged rows as they are, for the validator to report', () => {
    const t = table(readMeasureCsv(FILE, utf8('period,value\n2023,1,extra\n2024\n'), counter));
    assert.deepEqual(
      t.records.map((r) => r.cells),
      [['2023', '1', 'extra'], ['2024']],
    );
  });

  test('a header with no rows is a table with no records', () => {
    const t = table(readMeasureCsv(FILE, utf8('period,value'), counter));
    assert.deepEqual([t.columns, t.records], [['period', 'value'], []]);
  });

  test('refuses an empty file and one of blank lines', () => {
    const expected = [`${FILE}:1:1: the file is empty; the first line must be a header naming the columns, e.g. period,value`];
    assert.deepEqual(problems(readMeasureCsv(FILE, new Uint8Array(), counter)), expected);
    assert.deepEqual(problems(readMeasureCsv(FILE, utf8('\r\n\n'), counter)), expected);
  });

  test('points at a stray quote, text after a closing quote, and an unclosed quote', () => {
    assert.deepEqual(problems(readMeasureCsv(FILE, utf8('period,value,note\n2023,1,5" pipe\n'), counter)), [
      `${FILE}:2:9: a double quote (") appears inside a cell that does not start with one; put the whole cell in double quotes and double each quote inside it, e.g. "a ""quoted"" word"`,
    ]);
    assert.deepEqual(problems(readMeasureCsv(FILE, utf8('period,value,note\r\n2023,1,"a"b\r\n'), counter)), [
      `${FILE}:2:11: text follows the closing double quote of a quoted cell; end the cell with its closing quote, then a comma (write "" for a quote inside the cell)`,
    ]);
    assert.deepEqual(problems(readMeasureCsv(FILE, utf8('period,value,note\n2023,1,ok\n2024,2,"open\n2025,3,x\n'), counter)), [
      `${FILE}:3:8: this double quote opens a cell that is never closed; add the closing double quote at the end of the cell`,
    ]);
  });

  test('reports invalid UTF-8 at the character where it starts', () => {
    const message = 'the file is not UTF-8 text from this character on; save it as "CSV UTF-8" (in Excel: File, Save As, CSV UTF-8)';
    // Windows-1252 "é" (0xE9) where UTF-8 was expected.
    assert.deepEqual(problems(readMeasureCsv(FILE, bytesOf('period,value,note\n2023,1,Caf', [0xe9], '\n'), counter)), [`${FILE}:2:11: ${message}`]);
    // A sequence cut off at the end of the file.
    assert.deepEqual(problems(readMeasureCsv(FILE, bytesOf('period,value\n2023,1\n2024,', [0xe2, 0x82]), counter)), [`${FILE}:3:6: ${message}`]);
    // An overlong encoding in the header, after a BOM (which takes no column).
    assert.deepEqual(problems(readMeasureCsv(FILE, bytesOf([0xef, 0xbb, 0xbf], 'per', [0xc0, 0xae], 'iod,value\n'), counter)), [
      `${FILE}:1:4: ${message}`,
    ]);
  });

  test('counts one parse per readable file, none for undecodable bytes', () => {
    const counted: ParseCounter = { csvParses: 0 };
    readMeasureCsv(FILE, utf8('period,value\n2023,1\n'), counted);
    readMeasureCsv(FILE, utf8('period,value\n2023,"open\n'), counted);
    readMeasureCsv(FILE, bytesOf([0xff]), counted);
    assert.equal(counted.csvParses, 2);
  });

  test('reads a file without quotes exactly as csv-parse does (the quick path), lines and cell positions included', () => {
    // Files built from the pieces that matter to the quick path: commas, empty cells, LF and CRLF
    // endings, blank lines, spaces, a character beyond the BMP and a missing final line break.
    const pieces = ['a', 'b1', ' ', '', ',', ',', '\n', '\n', '\r\n', 'é', '😀', '\n\n', '\r\n\r\n', '"', '\r'];
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let quick = 0;
    for (let i = 0; i < 3000; i++) {
      const text = `period,value\n${Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join('')}`;
      // Others go to csv-parse itself, whose lone-CR and quoting cases the tests above cover.
      if (text.includes('"') || text.replaceAll('\r\n', '').includes('\r')) continue;
      quick++;
      assert.deepEqual(layout(table(readMeasureCsv(FILE, utf8(text), counter))), viaCsvParse(text), JSON.stringify(text));
    }
    assert.ok(quick > 500, `only ${quick} texts took the quick path`);
  });
});

/** What the reader gave before its quick path: csv-parse's records, positioned from their raw text. */
function viaCsvParse(text: string): [number, readonly string[], string[]][] {
  const parsed = parse(text, { raw: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as unknown as {
    record: string[];
    raw: string;
  }[];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const columnOf = (offset: number) => Array.from(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset)).length + 1;
  let cursor = 0;
  return parsed.map(({ record, raw }) => {
    const bare = raw.replace(/^[\r\n]+/, '');
    const start = text.indexOf(bare, cursor);
    cursor = start + bare.length;
    const offsets = [0];
    let quoted = false;
    for (let i = 0; i < bare.length && offsets.length < record.length; i++) {
      if (bare[i] === '"') quoted = !quoted;
      else if (bare[i] === ',' && !quoted) offsets.push(i + 1);
    }
    return [lineOf(start), record, offsets.map((o) => `${lineOf(start + o)}:${columnOf(start + o)}`)];
  });
}

describe('decodeUtf8', () => {
  test('keeps valid text, including astral characters, and drops only a leading BOM', () => {
    assert.deepEqual(decodeUtf8(bytesOf([0xef, 0xbb, 0xbf], 'a\uFEFFb 🙂')), { ok: true, text: 'a\uFEFFb 🙂' });
  });

  test('locates a lone continuation byte on a later line', () => {
    assert.deepEqual(decodeUtf8(bytesOf('one\r\ntwo\n  x', [0x80])), { ok: false, line: 3, column: 4 });
  });
});
