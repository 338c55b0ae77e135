/**
 * Reads a plan's tidy CSV download back into rows, as anyone checking a download would: the tests
 * write the file with the site's own writer (tidyCsvBytes: its header and each measure's part, as the
 * build joins them) and read it with this.
 */
import { parse } from 'csv-parse/sync';
import { breakdownColumns, LEADING_COLUMNS, TRAILING_COLUMNS, tidyColumns, tidyHeaderBytes, tidyMeasureBytes, type TidyMeasure } from '../../src/lib/downloads/tidy.ts';
import { ALL_GROUPS } from '../../src/lib/schemas/csv-contract.ts';
import { csvText, defuseFormula, plainNumber, restoreFormula } from '../../src/lib/format/csv.ts';
import { parseMeasurePeriod } from '../../src/lib/derive/series.ts';
import { periodLabel } from '../../src/lib/schemas/period.ts';
import type { ObservationStatus } from '../../src/lib/schemas/csv-contract.ts';

const FIXED_COLUMNS: readonly string[] = [...LEADING_COLUMNS, ...TRAILING_COLUMNS];

/**
 * The tidy CSV written the plain way, a record of cells at a time (as the site wrote it before it
 * quoted each repeated cell once): the site's writer must give exactly these bytes. Each measure's
 * current release, a row not split by a breakdown column holding "all" in it.
 */
export function referenceTidyCsv(measures: readonly TidyMeasure[]): string {
  const columns = tidyColumns(measures);
  const breakdowns = columns.filter((c) => !FIXED_COLUMNS.includes(c));
  const records: string[][] = [columns];
  for (const measure of measures) {
    for (const vintage of measure.vintages.slice(-1)) {
      for (const row of vintage.rows) {
        const parsed = row.periodLabel === undefined ? parseMeasurePeriod(measure.data, row.period) : undefined;
        const label = row.periodLabel ?? (parsed ? periodLabel(parsed) : '');
        const text = [measure.id, row.period, label, row.areaCode, row.areaName, ...breakdowns.map((c) => row.breakdown[c] ?? ALL_GROUPS)].map(defuseFormula);
        const value = row.value === null ? '' : plainNumber(row.value);
        records.push([...text, value, ...[row.status ?? '', row.note, row.source, vintage.date].map(defuseFormula)]);
      }
    }
  }
  return csvText(records);
}

/** The tidy CSV the site publishes for `measures`, as bytes: its header, then each measure's part. */
export function tidyCsvBytes(measures: readonly TidyMeasure[]): Buffer {
  const breakdowns = breakdownColumns(measures);
  return Buffer.concat([tidyHeaderBytes(breakdowns), ...measures.map((m) => tidyMeasureBytes(m, breakdowns))]);
}

/** The tidy CSV the site publishes for `measures`, as text. */
export function tidyCsv(measures: readonly TidyMeasure[]): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(tidyCsvBytes(measures));
}

/** One row read back from a tidy CSV, with defused text restored. */
export interface TidyRow {
  readonly measure: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** Only the breakdown cells that name a group (not "all"). */
  readonly breakdown: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly status: ObservationStatus | undefined;
  readonly note: string;
  readonly source: string;
  readonly vintage: string;
}

/** Reads a tidy CSV back into rows, with defused text restored. */
export function readTidyCsv(text: string): { columns: string[]; rows: TidyRow[] } {
  const [header, ...records] = parse(text) as string[][];
  if (!header) return { columns: [], rows: [] };
  const breakdowns = header.filter((c) => !FIXED_COLUMNS.includes(c));
  const rows = records.map((cells): TidyRow => {
    const cell = (column: string): string => restoreFormula(cells[header.indexOf(column)] ?? '');
    const breakdown: Record<string, string> = {};
    for (const c of breakdowns) if (cell(c) !== ALL_GROUPS) breakdown[c] = cell(c);
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
