/**
 * How the command-line tools talk to editors: problems as `path:line:column: message`, a count,
 * and what to do next. Never a stack trace for a problem in a file.
 */
import { reportDiagnostics } from '../lib/format/diagnostics.ts';

/** Something that prints lines; the CLIs pass console.error, tests pass a collector. */
export type Logger = (line: string) => void;

/** The build's report of problems: src/lib/format/diagnostics.ts, where the build's own steps print it too. */
export { reportDiagnostics };

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
