/**
 * The data contract of a measure's CSV files in one place: its columns and their order, the free-text
 * columns, the statuses, the comparator kinds and how an area is named. The reader, the validator,
 * the downloads, the scaffold and the benchmark all take these lists from here, so a change to the
 * contract is one edit (README.md, "The data contract", says the same in words).
 */

/** Columns every file must have. */
export const REQUIRED_COLUMNS = ['period', 'value'] as const;

/**
 * The contract's own columns in the order messages list them; a measure's breakdown columns go
 * between BEFORE_BREAKDOWN_COLUMNS and AFTER_BREAKDOWN_COLUMNS (see contractColumns).
 */
export const BEFORE_BREAKDOWN_COLUMNS = ['period', 'value', 'area_code', 'area_name', 'period_label'] as const;
/** The contract's columns after a measure's breakdown columns. */
export const AFTER_BREAKDOWN_COLUMNS = ['status', 'note', 'source'] as const;

/** A column the contract itself defines. */
export type ContractColumn = (typeof BEFORE_BREAKDOWN_COLUMNS)[number] | (typeof AFTER_BREAKDOWN_COLUMNS)[number];

/** The contract's columns in the order the downloads write them (no breakdown may take these names). */
export const RESERVED_COLUMNS: readonly ContractColumn[] = ['period', 'period_label', 'area_code', 'area_name', 'value', 'status', 'note', 'source'];

/** Columns the plan-wide downloads add, so no breakdown may take their names either. */
export const DOWNLOAD_COLUMNS = ['measure', 'vintage'] as const;

/** A column the plan-wide downloads add. */
export type DownloadColumn = (typeof DOWNLOAD_COLUMNS)[number];

/** Columns a measure's file may hold, in the order messages list them: the contract's with its breakdowns before status. */
export function contractColumns(breakdownColumns: readonly string[]): string[] {
  return [...BEFORE_BREAKDOWN_COLUMNS, ...breakdownColumns, ...AFTER_BREAKDOWN_COLUMNS];
}

/**
 * What a breakdown cell of a plan's tidy download holds when the row is not split by that column (the
 * figure for all groups): the breakdown columns are part of that file's primary key, which a database
 * refuses with an empty cell. A measure's own file leaves such a cell empty, and may not use this word
 * as a group, or the two rows would share a key.
 */
export const ALL_GROUPS = 'all';

/** Columns of free text, which must not start like a spreadsheet formula (breakdown columns are free text too). */
export const TEXT_COLUMNS: readonly ContractColumn[] = ['area_code', 'area_name', 'period_label', 'note', 'source'];

/** What a free-text cell must not start with: a spreadsheet would run it as a formula. */
export const FORMULA_STARTS = ['=', '+', '-', '@'] as const;

/** Status values the contract allows, in the order messages list them. */
export const STATUSES = ['provisional', 'revised', 'final', 'suppressed'] as const;

/** Status of one value as its publisher marks it; absent when the file does not say. */
export type ObservationStatus = (typeof STATUSES)[number];

/** Kinds of comparator area; the chart draws each kind in its own line style. */
export const COMPARATOR_KINDS = ['england', 'core_cities', 'similar_group', 'other'] as const;

/** A kind of comparator area. */
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

/** An area as the data names it. */
export interface AreaRef {
  /** ONS GSS code, e.g. "E06000018". */
  readonly code: string;
  readonly name: string;
}
