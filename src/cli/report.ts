/**
 * How the command-line tools talk to editors: problems as `path:line:column: message`, a count,
 * and what to do next. Never a stack trace for a problem in a file.
 */
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostics.ts';

/** Something that prints lines; the CLIs pass console.error, tests pass a collector. */
export type Logger = (line: string) => void;

/** Prints every diagnostic and a closing line saying how many there are. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], log: Logger): void {
  for (const d of diagnostics) log(formatDiagnostic(d));
  const files = new Set(diagnostics.map((d) => d.file)).size;
  log(
    `\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. ` +
      'Nothing was published. Fix each line above (file:line:column), then run "npm run validate" again.',
  );
}

/** Today's date in the UK, YYYY-MM-DD, unless SND_TODAY pins it (tests, reproducible builds). */
export function today(): string {
  if (process.env.SND_TODAY) return process.env.SND_TODAY;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** Runs a CLI body, turning an unexpected crash into a short message and exit code 2. */
export async function runCli(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`Internal error (not a problem in your files): ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.SND_DEBUG) console.error(error);
    process.exitCode = 2;
  }
}
