/**
 * What every `npm run new` command is given instead of reaching for the process: the project
 * folder, the caller's folder, today's date and two printers. Tests pass a temp folder, a fixed
 * date and collectors, so each command runs exactly as it would for an editor.
 */

/** Prints one line. */
export type Printer = (line: string) => void;

export interface ScaffoldContext {
  /** Project folder holding content/ and data/. */
  readonly root: string;
  /** Folder the editor ran the command from; relative file arguments are read from here. */
  readonly cwd: string;
  /** Today's date, YYYY-MM-DD: names a new release and is the latest date it may hold. */
  readonly today: string;
  /** Where success and next steps are printed. */
  readonly out: Printer;
  /** Where refusals and problems are printed. */
  readonly err: Printer;
}

/** Exit code of a command: 0 done, 1 refused (nothing was written). */
export type ExitCode = 0 | 1;

/** Prints a refusal (first line says what was refused, the rest how to fix it) and returns 1. */
export function refuse(ctx: ScaffoldContext, ...lines: string[]): 1 {
  for (const line of lines) ctx.err(line);
  ctx.err('Nothing was written.');
  return 1;
}

/** Joins words as "a, b and c" for messages. */
export function listInWords(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}
