/** Diagnostics moved to src/lib/format/diagnostics.ts, below read/ (which reports them too); this keeps the old import path working. */
export * from '../format/diagnostics.ts';
