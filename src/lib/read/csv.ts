/**
 * Reads one CSV file into cells that remember where they were written, so every later check can
 * point an editor at the exact line and column. Knows CSV, not the data contract: the contract's
 * rules live in src/lib/validate/data.ts.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { Diagnostic } from '../format/diagnostics.ts';
import { decodeUtf8, LineIndex, type TextPosition } from './text.ts';

/** One record (the header or a data row) with the position of each cell. */
export interface CsvRecord {
  /** 1-based line where the record starts (a quoted cell may carry it over later lines). */
  readonly line: number;
  /** Cell texts with quoting removed. */
  readonly cells: readonly string[];
  /** Where each cell starts (its opening quote, if quoted); same length as `cells`. */
  readonly positions: readonly TextPosition[];
}

/** A parsed CSV file: its header and data rows, blank lines dropped. */
export interface CsvTable {
  /** Header cells as written. */
  readonly columns: readonly string[];
  readonly header: CsvRecord;
  /** Data rows in file order; rows may have more or fewer cells than the header. */
  readonly records: readonly CsvRecord[];
}

/** A table, or why the file cannot be read as CSV at all. */
export type CsvReadResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Where a caller counts the files it parsed: the benchmark proves each file is parsed once per
 * build from these counts, so the parser takes one rather than keeping a global.
 */
export interface ParseCounter {
  csvParses: number;
}

/** The shape csv-parse returns with `raw` on. */
interface ParsedRecord {
  readonly record: string[];
  /**
   * The record's source text, give or take line breaks at either end: it may begin with part of a
   * skipped blank line and end with a CR or LF.
   */
  readonly raw: string;
}

/** Decodes and parses a CSV file, counting the parse in `counter`; `file` is the project-relative path used in diagnostics. */
export function readMeasureCsv(file: string, bytes: Uint8Array, counter: ParseCounter): CsvReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return failure(file, decoded, 'the file is not UTF-8 text from this character on; save it as "CSV UTF-8" (in Excel: File, Save As, CSV UTF-8)');
  }
  const text = decoded.text;
  counter.csvParses++;
  const unquoted = readUnquoted(text);
  if (unquoted) return tableOf(file, unquoted);
  let parsed: ParsedRecord[];
  try {
    // `raw` rather than `info`: info.lines counts a quoted CRLF twice, so lines come from offsets instead.
    parsed = parse(text, {
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Accept both endings, even mixed, so a file edited on two systems still reads.
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return syntaxFailure(file, text, error);
  }
  return tableOf(file, locateRecords(text, parsed));
}

function tableOf(file: string, records: CsvRecord[]): CsvReadResult {
  const [header, ...rows] = records;
  if (!header) {
    return failure(file, { line: 1, column: 1 }, 'the file is empty; the first line must be a header naming the columns, e.g. period,value');
  }
  return { ok: true, table: { columns: header.cells, header, records: rows } };
}

function failure(file: string, at: TextPosition, message: string): CsvReadResult {
  return { ok: false, diagnostics: [{ file, line: at.line, column: at.column, message }] };
}

/**
 * A record whose cell positions are worked out when first asked for. Only a diagnostic needs them,
 * and a valid file has none: computing them for every cell of every row was a large share of the
 * time (and garbage) of reading a big data set.
 */
class LocatedRecord implements CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
  readonly #raw: string;
  readonly #start: number;
  readonly #index: LineIndex;
  #positions: readonly TextPosition[] | undefined;
  constructor(cells: readonly string[], raw: string, start: number, index: LineIndex, line = index.positionOf(start).line) {
    this.cells = cells;
    this.#raw = raw;
    this.#start = start;
    this.#index = index;
    this.line = line;
  }
  get positions(): readonly TextPosition[] {
    this.#positions ??= cellStartOffsets(this.#raw, this.cells.length).map((offset) => this.#index.positionOf(this.#start + offset));
    return this.#positions;
  }
}

/**
 * The records of a file with no double quote and no carriage return except before a line feed,
 * which is nearly every file: each line is then a record and each comma a cell boundary, exactly
 * as csv-parse reads it with the options above, in a fraction of the time. Undefined for any other
 * file, which csv-parse reads.
 */
function readUnquoted(text: string): CsvRecord[] | undefined {
  if (text.includes('"')) return undefined;
  const index = new LineIndex(text);
  const records: CsvRecord[] = [];
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const lineFeed = text.indexOf('\n', start);
    const end = lineFeed === -1 ? text.length : lineFeed;
    const raw = lineFeed > start && text[lineFeed - 1] === '\r' ? text.slice(start, end - 1) : text.slice(start, end);
    if (raw.includes('\r')) return undefined;
    // skip_empty_lines: a line with nothing on it is no record.
    if (raw !== '') records.push(new LocatedRecord(raw.split(','), raw, start, index, line));
    start = end + 1;
  }
  return records;
}

/**
 * csv-parse gives each record's raw text but not its offset, so walk the text, matching each
 * raw record in turn to recover offsets.
 */
function locateRecords(text: string, parsed: readonly ParsedRecord[]): CsvRecord[] {
  const index = new LineIndex(text);
  const records: CsvRecord[] = [];
  let cursor = 0;
  for (const { record, raw: rawWithBreaks } of parsed) {
    const raw = rawWithBreaks.replace(/^[\r\n]+/, '');
    const start = findRecordStart(text, raw, cursor);
    records.push(new LocatedRecord(record, raw, start, index));
    cursor = start + raw.length;
  }
  return records;
}

/** Skips the blank lines and line breaks between the previous record and this one. */
function findRecordStart(text: string, raw: string, cursor: number): number {
  let start = cursor;
  while (text[start] === '\n' || text[start] === '\r') start++;
  if (text.startsWith(raw, start)) return start;
  const found = text.indexOf(raw, cursor);
  if (found === -1) throw new Error(`csv: record text not found after offset ${cursor}`);
  return found;
}

/** Offsets within `raw` where each cell starts: the start, then after every comma outside quotes. */
function cellStartOffsets(raw: string, cellCount: number): number[] {
  const offsets = [0];
  let quoted = false;
  // csv-parse has accepted this record, so quotes are balanced and a simple toggle tracks them ("" toggles twice).
  for (let i = 0; i < raw.length && offsets.length < cellCount; i++) {
    const ch = raw[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) offsets.push(i + 1);
  }
  return offsets;
}

/** Kinds of quoting mistake, with the advice an editor needs to fix each. */
const QUOTE_ADVICE = {
  stray: 'a double quote (") appears inside a cell that does not start with one; put the whole cell in double quotes and double each quote inside it, e.g. "a ""quoted"" word"',
  afterClosing: 'text follows the closing double quote of a quoted cell; end the cell with its closing quote, then a comma (write "" for a quote inside the cell)',
  unclosed: 'this double quote opens a cell that is never closed; add the closing double quote at the end of the cell',
} as const;

/** Reports a parse failure where it happened; csv-parse's own messages talk about parser internals. */
function syntaxFailure(file: string, text: string, error: CsvError): CsvReadResult {
  const problem = findQuoteProblem(text);
  if (!problem) {
    const line = typeof error.lines === 'number' && error.lines > 0 ? error.lines : 1;
    return failure(file, { line, column: 1 }, `the file cannot be read as CSV: ${error.message}`);
  }
  return failure(file, new LineIndex(text).positionOf(problem.offset), QUOTE_ADVICE[problem.kind]);
}

/** Finds the first quoting mistake by RFC 4180's rules, the ones csv-parse enforces. */
function findQuoteProblem(text: string): { offset: number; kind: keyof typeof QUOTE_ADVICE } | undefined {
  let state: 'cellStart' | 'unquoted' | 'quoted' | 'afterQuote' = 'cellStart';
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const endsCell = ch === ',' || ch === '\n' || (ch === '\r' && text[i + 1] === '\n');
    switch (state) {
      case 'cellStart':
        if (ch === '"') [state, openedAt] = ['quoted', i];
        else if (!endsCell) state = 'unquoted';
        break;
      case 'unquoted':
        if (ch === '"') return { offset: i, kind: 'stray' };
        if (endsCell) state = 'cellStart';
        break;
      case 'quoted':
        if (ch === '"') state = 'afterQuote';
        break;
      case 'afterQuote':
        if (ch === '"') state = 'quoted';
        else if (endsCell) state = 'cellStart';
        else return { offset: i, kind: 'afterClosing' };
        break;
    }
  }
  return state === 'quoted' ? { offset: openedAt, kind: 'unclosed' } : undefined;
}
