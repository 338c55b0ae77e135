/** The CSV writer moved to src/lib/format/csv.ts, below derive/ (derived measures write CSV too); this keeps the old import path working. */
export * from '../format/csv.ts';
