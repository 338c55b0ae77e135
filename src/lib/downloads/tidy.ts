/**
 * One tidy ("long") CSV of every figure of a plan's measures, every release included, so the whole
 * history can be loaded into one table: one row per measure, release, period, area and breakdown.
 *
 * Columns: measure, period, period_label, area_code, area_name, then one column per breakdown
 * column used by any of the measures (the union, in the order the measures declare them), then
 * value, status, note, source, vintage.
 *
 * Breakdowns get a column each rather than one "age_band=18-24" text column so the file filters and
 * pivots in a spreadsheet without parsing. A blank breakdown cell means the row is not split by that
 * column (every headline row is blank in all of them). A blank value means the figure is suppressed.
 * period_label is the publisher's label when the file gives one, else the site's own label.
 */
import { parse } from 'csv-parse/sync';
import type { Measure } from '../model.ts';
import type { ContractColumn, DownloadColumn, ObservationStatus } from '../schemas/csv-contract.ts';
import { periodLabel } from '../period.ts';
import { parseMeasurePeriod } from '../derive/series.ts';
import { csvField, csvLine, csvText, defuseFormula, plainNumber, restoreFormula } from './csv.ts';

/** Columns before the breakdown columns. */
export const LEADING_COLUMNS = ['measure', 'period', 'period_label', 'area_code', 'area_name'] as const satisfies readonly (ContractColumn | DownloadColumn)[];
/** Columns after the breakdown columns. */
export const TRAILING_COLUMNS = ['value', 'status', 'note', 'source', 'vintage'] as const satisfies readonly (ContractColumn | DownloadColumn)[];

const FIXED_COLUMNS: readonly string[] = [...LEADING_COLUMNS, ...TRAILING_COLUMNS];

/** The measures a tidy file holds: slug, metadata for columns and labels, and every release. */
export type TidyMeasure = Pick<Measure, 'id' | 'data' | 'vintages'>;

/**
 * The union of breakdown columns: each measure's declared ones in order, then any a file uses
 * without declaring. Throws when a name would collide with a fixed column.
 */
export function breakdownColumns(measures: readonly TidyMeasure[]): string[] {
  const columns = new Set<string>();
  for (const measure of measures) {
    for (const b of measure.data.breakdowns) columns.add(b.column);
    for (const vintage of measure.vintages) for (const row of vintage.rows) for (const c of Object.keys(row.breakdown)) columns.add(c);
  }
  const clash = [...columns].filter((c) => FIXED_COLUMNS.includes(c));
  if (clash.length > 0) throw new Error(`breakdown column ${clash.join(', ')} clashes with a column of the tidy download`);
  return [...columns];
}

/** Header of the tidy file. */
export function tidyColumns(measures: readonly TidyMeasure[]): string[] {
  return [...LEADING_COLUMNS, ...breakdownColumns(measures), ...TRAILING_COLUMNS];
}

/**
 * Data records as cell text, before CSV quoting: text defused against formulas, numbers as plain
 * decimals. Order: measures as given, releases oldest first, rows in file order. One at a time, so
 * a large plan's file never has to be held as millions of arrays.
 */
function* eachTidyRecord(measures: readonly TidyMeasure[], breakdowns: readonly string[]): Generator<string[]> {
  for (const measure of measures) {
    // The site's label for each period, worked out once per measure (every release and area repeats it).
    const labels = new Map<string, string>();
    const labelFor = (period: string, given: string | undefined): string => {
      if (given !== undefined) return given;
      let label = labels.get(period);
      if (label === undefined) {
        const parsed = parseMeasurePeriod(measure.data, period);
        label = parsed ? periodLabel(parsed) : '';
        labels.set(period, label);
      }
      return label;
    };
    for (const vintage of measure.vintages) {
      for (const row of vintage.rows) {
        const text = [
          measure.id,
          row.period,
          labelFor(row.period, row.periodLabel),
          row.areaCode,
          row.areaName,
          ...breakdowns.map((c) => row.breakdown[c] ?? ''),
        ].map(defuseFormula);
        const value = row.value === null ? '' : plainNumber(row.value);
        const after = [row.status ?? '', row.note, row.source, vintage.date].map(defuseFormula);
        yield [...text, value, ...after];
      }
    }
  }
}

/** Header and records as cell text, before CSV quoting (see eachTidyRecord). */
export function tidyRecords(measures: readonly TidyMeasure[]): string[][] {
  const breakdowns = breakdownColumns(measures);
  return [[...LEADING_COLUMNS, ...breakdowns, ...TRAILING_COLUMNS], ...eachTidyRecord(measures, breakdowns)];
}

/** Records encoded per this many lines: large enough to be quick, small enough never to hold the whole file as text. */
const LINES_PER_CHUNK = 4096;

/**
 * The data lines of the tidy file, CSV-quoted with their CRLF, in eachTidyRecord's order. Each line
 * is put together from cells quoted once per measure: a release repeats every period, area, label
 * and note for each area and group, and quoting each again was most of the time of writing a large
 * plan's file.
 */
function* eachTidyLine(measures: readonly TidyMeasure[], breakdowns: readonly string[]): Generator<string> {
  for (const measure of measures) {
    const quoted = new Map<string, string>();
    const cell = (text: string): string => {
      let known = quoted.get(text);
      if (known === undefined) {
        known = csvField(defuseFormula(text));
        quoted.set(text, known);
      }
      return known;
    };
    const labels = new Map<string, string>();
    const periodCells = (period: string, given: string | undefined): string => {
      const key = given === undefined ? period : `${period}\u0000${given}`;
      let text = labels.get(key);
      if (text === undefined) {
        const parsed = given === undefined ? parseMeasurePeriod(measure.data, period) : undefined;
        const label = given ?? (parsed ? periodLabel(parsed) : '');
        text = `${cell(period)},${cell(label)},`;
        labels.set(key, text);
      }
      return text;
    };
    // Breakdown objects are shared by every row with the same values (see Shared in validate/data.ts).
    const breakdownText = new Map<Readonly<Record<string, string>>, string>();
    const breakdownCells = (breakdown: Readonly<Record<string, string>>): string => {
      let text = breakdownText.get(breakdown);
      if (text === undefined) {
        text = breakdowns.map((c) => `${cell(breakdown[c] ?? '')},`).join('');
        breakdownText.set(breakdown, text);
      }
      return text;
    };
    const lead = `${cell(measure.id)},`;
    for (const vintage of measure.vintages) {
      const vintageCell = cell(vintage.date);
      for (const row of vintage.rows) {
        const value = row.value === null ? '' : plainNumber(row.value);
        yield `${lead}${periodCells(row.period, row.periodLabel)}${cell(row.areaCode)},${cell(row.areaName)},${breakdownCells(row.breakdown)}` +
          `${value},${cell(row.status ?? '')},${cell(row.note)},${cell(row.source)},${vintageCell}\r\n`;
      }
    }
  }
}

/**
 * The tidy CSV for a plan's measures as UTF-8 bytes (no byte-order mark), written in chunks: a
 * large partnership's file is hundreds of megabytes, which as one string would need as much again
 * and come near the longest string JavaScript can hold.
 */
export function tidyCsvBytes(measures: readonly TidyMeasure[]): Uint8Array {
  const breakdowns = breakdownColumns(measures);
  const chunks: Buffer[] = [Buffer.from(csvLine([...LEADING_COLUMNS, ...breakdowns, ...TRAILING_COLUMNS]), 'utf8')];
  let lines: string[] = [];
  for (const line of eachTidyLine(measures, breakdowns)) {
    lines.push(line);
    if (lines.length === LINES_PER_CHUNK) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join(''), 'utf8'));
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The tidy CSV text for a plan's measures (UTF-8 when encoded; no byte-order mark). */
export function tidyCsv(measures: readonly TidyMeasure[]): string {
  return csvText(tidyRecords(measures));
}

/** One row read back from a tidy CSV, with defused text restored. */
export interface TidyRow {
  readonly measure: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** Only the non-blank breakdown cells. */
  readonly breakdown: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly status: ObservationStatus | undefined;
  readonly note: string;
  readonly source: string;
  readonly vintage: string;
}

/** Reads a tidy CSV back into rows: the inverse of tidyCsv, used by tests and by anyone checking a download. */
export function readTidyCsv(text: string): { columns: string[]; rows: TidyRow[] } {
  const [header, ...records] = parse(text) as string[][];
  if (!header) return { columns: [], rows: [] };
  const breakdowns = header.filter((c) => !FIXED_COLUMNS.includes(c));
  const rows = records.map((cells): TidyRow => {
    const cell = (column: string): string => restoreFormula(cells[header.indexOf(column)] ?? '');
    const breakdown: Record<string, string> = {};
    for (const c of breakdowns) if (cell(c) !== '') breakdown[c] = cell(c);
    const value = cells[header.indexOf('value')] ?? '';
    return {
      measure: cell('measure'),
      period: cell('period'),
      periodLabel: cell('period_label'),
      areaCode: cell('area_code'),
      areaName: cell('area_name'),
      breakdown,
      value: value === '' ? null : Number(value),
      status: cell('status') === '' ? undefined : (cell('status') as ObservationStatus),
      note: cell('note'),
      source: cell('source'),
      vintage: cell('vintage'),
    };
  });
  return { columns: header, rows };
}
