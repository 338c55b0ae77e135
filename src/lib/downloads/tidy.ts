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
import type { Measure, ObservationStatus } from '../model.ts';
import { periodLabel } from '../period.ts';
import { parseMeasurePeriod } from '../derive/series.ts';
import { csvText, defuseFormula, plainNumber, restoreFormula } from './csv.ts';

/** Columns before the breakdown columns. */
export const LEADING_COLUMNS = ['measure', 'period', 'period_label', 'area_code', 'area_name'] as const;
/** Columns after the breakdown columns. */
export const TRAILING_COLUMNS = ['value', 'status', 'note', 'source', 'vintage'] as const;

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

/** The label written for a row's period: the file's own, else the site's. */
function labelFor(measure: TidyMeasure, period: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const parsed = parseMeasurePeriod(measure.data, period);
  return parsed ? periodLabel(parsed) : '';
}

/**
 * Header and records as cell text, before CSV quoting: text defused against formulas, numbers
 * as plain decimals. Order: measures as given, releases oldest first, rows in file order.
 */
export function tidyRecords(measures: readonly TidyMeasure[]): string[][] {
  const breakdowns = breakdownColumns(measures);
  const records: string[][] = [[...LEADING_COLUMNS, ...breakdowns, ...TRAILING_COLUMNS]];
  for (const measure of measures) {
    for (const vintage of measure.vintages) {
      for (const row of vintage.rows) {
        const text = [
          measure.id,
          row.period,
          labelFor(measure, row.period, row.periodLabel),
          row.areaCode,
          row.areaName,
          ...breakdowns.map((c) => row.breakdown[c] ?? ''),
        ].map(defuseFormula);
        const value = row.value === null ? '' : plainNumber(row.value);
        const after = [row.status ?? '', row.note, row.source, vintage.date].map(defuseFormula);
        records.push([...text, value, ...after]);
      }
    }
  }
  return records;
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
