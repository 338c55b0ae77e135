/**
 * The chart's data as table rows: the accessible, copyable equivalent of the picture.
 * Built from the same ChartInput so the table and chart always agree.
 */
import { formatValueOrSuppressed } from '../../../format/number.ts';
import type { ObservationStatus } from '../../../schemas/model.ts';
import { periodLabel, shortPeriodLabel } from '../../../schemas/period.ts';
import { allPeriods, breakStart } from '../../layout.ts';
import { mainSeries } from './lines.ts';
import type { ChartInput, ChartPoint } from '../../types.ts';

/** Text written in a cell for a period a series does not cover. */
export const NO_DATA_TEXT = 'No data';

/** One period's row. All text is plain and untrusted (notes); the component escapes it. */
export interface ChartTableRow {
  readonly period: string;
  readonly periodLabel: string;
  /** The compact label the chart's axis uses ("YE Dec 24"), for narrow screens; equals periodLabel when that is already short. */
  readonly shortPeriodLabel: string;
  /** The main series' value, formatted, or "Suppressed" / "No data". */
  readonly value: string;
  /** "Provisional", "Revised", "Final", "Suppressed" or "". */
  readonly status: string;
  /** The row's note, plus the series-break note when recording changed at this period. */
  readonly note: string;
  /** One formatted value per comparator, in `comparatorHeadings` order. */
  readonly comparators: readonly string[];
}

/** A chart's data as a table. */
export interface ChartTable {
  /** Heading of the main value column (the main series' label). */
  readonly valueHeading: string;
  readonly comparatorHeadings: readonly string[];
  /** Oldest first, like the chart. */
  readonly rows: readonly ChartTableRow[];
  /** Whether any row has a status; a column empty in every row is left out, to keep figures on a phone's screen. */
  readonly hasStatus: boolean;
  /** Whether any row has a note (its own or a series break's). */
  readonly hasNote: boolean;
}

/** The sentence that says which always-empty columns a table leaves out, e.g. "No row has a status or note.", or "" when none is. */
export function omittedColumnsNote(columns: readonly { readonly name: string; readonly present: boolean }[]): string {
  const missing = columns.filter((column) => !column.present).map((column) => column.name);
  if (missing.length === 0) return '';
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
  return `No row has a ${list}.`;
}

const STATUS_TEXT: Readonly<Record<ObservationStatus, string>> = {
  provisional: 'Provisional',
  revised: 'Revised',
  final: 'Final',
  suppressed: 'Suppressed',
};

function statusText(point: ChartPoint | undefined): string {
  if (!point) return '';
  if (point.value === null) return STATUS_TEXT.suppressed;
  if (point.revised && point.status !== 'provisional') return STATUS_TEXT.revised;
  return point.status ? STATUS_TEXT[point.status] : '';
}

/** Builds the table equivalent of a line chart. */
export function chartTable(input: ChartInput): ChartTable {
  const main = mainSeries(input);
  const comparators = input.series.filter((series) => series !== main);
  const periods = allPeriods(input.series.map((series) => series.points));
  const lookup = (points: readonly ChartPoint[] | undefined, text: string): ChartPoint | undefined => points?.find((p) => p.period.text === text);

  // A break is noted on the first row after it, where the reader meets the change.
  const breakNotes = new Map<string, string[]>();
  for (const seriesBreak of input.breaks) {
    const start = breakStart(seriesBreak, periods);
    const at = periods.find((period) => start !== undefined && period.start.getTime() >= start.getTime());
    if (at) breakNotes.set(at.text, [...(breakNotes.get(at.text) ?? []), `Series break: ${seriesBreak.note}`]);
  }

  const rows = periods.map((period): ChartTableRow => {
    const point = lookup(main?.points, period.text);
    return {
      period: period.text,
      periodLabel: periodLabel(period),
      shortPeriodLabel: shortPeriodLabel(period),
      value: point ? formatValueOrSuppressed(point.value, input.unit) : NO_DATA_TEXT,
      status: statusText(point),
      note: [point?.note ?? '', ...(breakNotes.get(period.text) ?? [])].filter(Boolean).join(' '),
      comparators: comparators.map((series) => {
        const other = lookup(series.points, period.text);
        return other ? formatValueOrSuppressed(other.value, input.unit) : NO_DATA_TEXT;
      }),
    };
  });
  return {
    valueHeading: main?.label ?? input.areaName,
    comparatorHeadings: comparators.map((series) => series.label),
    rows,
    hasStatus: rows.some((row) => row.status !== ''),
    hasNote: rows.some((row) => row.note !== ''),
  };
}

/**
 * Rows `start` to `end` of a table (as Array.prototype.slice counts them), still oldest first, and
 * how many rows of the whole table lie outside them. Columns empty in every kept row are left out
 * again, so a status or note that only other rows carry does not leave an empty column on a phone.
 */
export function sliceRows(table: ChartTable, start: number, end = table.rows.length): ChartTable & { readonly otherRows: number } {
  const rows = table.rows.slice(start, end);
  return {
    ...table,
    rows,
    hasStatus: rows.some((row) => row.status !== ''),
    hasNote: rows.some((row) => row.note !== ''),
    otherRows: table.rows.length - rows.length,
  };
}

/** The newest `count` rows of a table, still oldest first (see sliceRows); `otherRows` counts the older ones left out. */
export function newestRows(table: ChartTable, count: number): ChartTable & { readonly otherRows: number } {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`the number of rows to keep must be a whole number of at least 1, got ${count}`);
  return sliceRows(table, -count);
}
