/** Diagnostics moved to src/lib/diagnostics.ts, below read/ (which reports them too); this keeps the old import path working. */
export * from '../diagnostics.ts';
