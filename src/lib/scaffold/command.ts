/**
 * The `npm run new` command line: reads the words and options an editor typed and hands them to
 * the measure, release or action scaffold. Everything the commands touch comes in through the
 * context, so tests run the very same entry point in a temp folder.
 */
import { parseArgs } from 'node:util';
import { newAction } from './action.ts';
import { refuse, type ExitCode, type ScaffoldContext } from './context.ts';
import { newMeasure } from './measure.ts';
import { newRelease } from './release.ts';

export const USAGE = [
  'Usage:',
  '  npm run new -- measure <measure>                       Start content/measures/<measure>.md',
  '  npm run new -- release <measure> <file.csv> --changes "<what changed>"',
  '                                                          Check the CSV and publish it as today\'s release',
  '      [--publisher "..."] [--dataset "..."] [--url https://...] [--licence "..."]   (default: as the previous release)',
  '      [--retrieved YYYY-MM-DD] (default: today)  [--read-from "..."]',
  '  npm run new -- action <plan> <action>                  Start content/actions/<plan>/<action>.md',
];

const RELEASE_OPTIONS = {
  changes: { type: 'string' },
  publisher: { type: 'string' },
  dataset: { type: 'string' },
  url: { type: 'string' },
  licence: { type: 'string' },
  retrieved: { type: 'string' },
  'read-from': { type: 'string' },
} as const;

const COMMANDS: Record<string, { words: string[] }> = {
  measure: { words: ['<measure>'] },
  release: { words: ['<measure>', '<file.csv>'] },
  action: { words: ['<plan>', '<action>'] },
};

/** Runs `npm run new` with the arguments after "--"; returns the exit code. */
export function runNew(args: readonly string[], ctx: ScaffoldContext): ExitCode {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return refuse(ctx, `Refused: ${optionProblem(error, args)}`, ...USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    USAGE.forEach((line) => ctx.out(line));
    return 0;
  }
  const [command, ...words] = positionals;
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (!command || !spec) {
    return refuse(ctx, command ? `Refused: unknown command "${command}"; use measure, release or action.` : 'Refused: say what to create: measure, release or action.', ...USAGE);
  }
  if (words.length !== spec.words.length) {
    return refuse(ctx, `Refused: "new ${command}" takes ${spec.words.join(' ')}${words.length > spec.words.length ? ` only; got ${words.length} words` : ''}.`, ...USAGE);
  }
  const releaseOptions = Object.keys(RELEASE_OPTIONS).filter((name) => values[name as keyof typeof RELEASE_OPTIONS] !== undefined);
  if (command !== 'release' && releaseOptions.length) {
    return refuse(ctx, `Refused: --${releaseOptions[0]} is an option of "new release" only.`, ...USAGE);
  }
  if (command === 'measure') return newMeasure(ctx, words[0]!);
  if (command === 'action') return newAction(ctx, words[0]!, words[1]!);
  return newRelease(ctx, {
    measure: words[0]!,
    csv: words[1]!,
    changes: values.changes,
    publisher: values.publisher,
    dataset: values.dataset,
    url: values.url,
    licence: values.licence,
    retrieved: values.retrieved,
    readFrom: values['read-from'],
  });
}

/** An editor-facing sentence for parseArgs' errors, whose own wording talks about positionals. */
function optionProblem(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = args.find((a) => a.startsWith('-') && !isKnownOption(a)) ?? 'an option';
    return `unknown option ${option}; the options are ${Object.keys(RELEASE_OPTIONS).map((o) => `--${o}`).join(', ')} and --help.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${error instanceof Error ? error.message : String(error)}. Put the text in quotes after the option; text starting with "-" is written --option="-text".`;
  }
  return error instanceof Error ? error.message : String(error);
}

function isKnownOption(arg: string): boolean {
  const name = arg.replace(/^--?/, '').split('=')[0]!;
  return name === 'help' || name === 'h' || name in RELEASE_OPTIONS;
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { ...RELEASE_OPTIONS, help: { type: 'boolean', short: 'h' } },
  });
}
