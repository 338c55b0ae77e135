/**
 * One problem found in an editor's file. Everything the validator finds becomes a Diagnostic,
 * printed as `path:line:column: message` so editors (and their editors' "go to line") land on it.
 */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes, e.g. "data/measures/knife-crime/2025-07-24.csv". */
  readonly file: string;
  /** 1-based line; 1 when the problem is the file as a whole. */
  readonly line: number;
  /** 1-based column (characters, not bytes); 1 when the problem is the whole line or file. */
  readonly column: number;
  /** What is wrong and what is expected, in plain English. */
  readonly message: string;
}

/** Formats a diagnostic as the single line editors see. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** Prints each diagnostic as file:line:column: message, then how many problems in how many files and that nothing was published. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], log: (line: string) => void): void {
  for (const d of diagnostics) log(formatDiagnostic(d));
  const files = new Set(diagnostics.map((d) => d.file)).size;
  log(
    `\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. ` +
      'Nothing was published. Fix each line above (file:line:column), then run "npm run validate" again.',
  );
}

/** Orders diagnostics by file, then position, so output is stable across runs. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
}
