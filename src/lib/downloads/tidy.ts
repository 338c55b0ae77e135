/**
 * One tidy ("long") CSV of the current figures of a plan's measures: one row per measure, period,
 * area and breakdown, from each measure's current release, which the `vintage` column names. Earlier
 * releases are not repeated here (at 2,000 measures of three releases that tripled the file and took
 * the site past 1 GB): each is published byte for byte at /data/measures/<slug>/<date>.csv and in
 * the plan's zip (plan-stream.ts).
 *
 * Columns: measure, period, period_label, area_code, area_name, then one column per breakdown
 * column used by any of the measures (the union, in the order the measures declare them), then
 * value, status, note, source, vintage.
 *
 * Breakdowns get a column each rather than one "age_band=18-24" text column so the file filters and
 * pivots in a spreadsheet without parsing. A row not split by a breakdown column holds `all` in it
 * (every headline row does in all of them), never a blank: the columns are part of the file's primary
 * key, and a database refuses a key with an empty cell. A blank value means the figure is suppressed.
 * period_label is the publisher's label when the file gives one, else the site's own label.
 */
import type { Measure, Observation } from '../schemas/model.ts';
import { ALL_GROUPS, type ContractColumn, type DownloadColumn } from '../schemas/csv-contract.ts';
import { periodLabel } from '../schemas/period.ts';
import { observationPeriod } from '../derive/series.ts';
import { csvField, csvLine, defuseFormula, plainNumber } from '../format/csv.ts';

/** Columns before the breakdown columns. */
export const LEADING_COLUMNS = ['measure', 'period', 'period_label', 'area_code', 'area_name'] as const satisfies readonly (ContractColumn | DownloadColumn)[];
/** Columns after the breakdown columns. */
export const TRAILING_COLUMNS = ['value', 'status', 'note', 'source', 'vintage'] as const satisfies readonly (ContractColumn | DownloadColumn)[];

const FIXED_COLUMNS: readonly string[] = [...LEADING_COLUMNS, ...TRAILING_COLUMNS];

/** The columns of a plan's tidy file that identify a row: its primary key, none of them ever empty. */
export function tidyPrimaryKey(breakdowns: readonly string[]): string[] {
  return ['measure', 'period', 'area_code', ...breakdowns];
}

/** The measures a tidy file holds: slug, metadata for columns and labels, and their releases (the file holds the current one). */
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

/** Records encoded per this many lines: large enough to be quick, small enough never to hold the whole file as text. */
const LINES_PER_CHUNK = 4096;

/**
 * The data lines of the tidy file, CSV-quoted with their CRLF: measures as given, each one's current
 * release, rows in file order; text defused against formulas, numbers as plain decimals. Each line
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
    const periodCells = (row: Observation): string => {
      const { period, periodLabel: given } = row;
      const key = given === undefined ? period : `${period}\u0000${given}`;
      let text = labels.get(key);
      if (text === undefined) {
        const parsed = given === undefined ? observationPeriod(measure.data, row) : undefined;
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
        text = breakdowns.map((c) => `${cell(breakdown[c] ?? ALL_GROUPS)},`).join('');
        breakdownText.set(breakdown, text);
      }
      return text;
    };
    const lead = `${cell(measure.id)},`;
    const current = measure.vintages.at(-1);
    if (!current) continue;
    const vintageCell = cell(current.date);
    for (const row of current.rows) {
      const value = row.value === null ? '' : plainNumber(row.value);
      yield `${lead}${periodCells(row)}${cell(row.areaCode)},${cell(row.areaName)},${breakdownCells(row.breakdown)}` +
        `${value},${cell(row.status ?? '')},${cell(row.note)},${cell(row.source)},${vintageCell}\r\n`;
    }
  }
}

/** The tidy file's header line as UTF-8, for the plan's breakdown columns (breakdownColumns). */
export function tidyHeaderBytes(breakdowns: readonly string[]): Buffer {
  return Buffer.from(csvLine([...LEADING_COLUMNS, ...breakdowns, ...TRAILING_COLUMNS]), 'utf8');
}

/**
 * One measure's data lines of a tidy file whose breakdown columns are `breakdowns`, as UTF-8 in
 * chunks of lines (a large measure's part as one string would need as much again): the file is its
 * header then each measure's lines in turn, so the build writes each measure's part where its rows
 * are (src/lib/build/data-step-pool.ts) and joins the parts into the plan's file.
 */
export function tidyMeasureBytes(measure: TidyMeasure, breakdowns: readonly string[]): Buffer {
  return Buffer.concat(tidyChunks([measure], breakdowns));
}

function tidyChunks(measures: readonly TidyMeasure[], breakdowns: readonly string[]): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  for (const line of eachTidyLine(measures, breakdowns)) {
    lines.push(line);
    if (lines.length === LINES_PER_CHUNK) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join(''), 'utf8'));
  return chunks;
}
