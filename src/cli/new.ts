/**
 * `npm run new -- measure|release|action ...`: starts a new measure or action file, or checks and
 * publishes a measure's new release. The work is in src/lib/scaffold; this file only supplies the
 * real folder, clock and console. Exit code 0 done, 1 refused (nothing written), 2 internal error.
 */
import { runNew } from '../lib/scaffold/command.ts';
import { runCli, today } from './report.ts';

await runCli(() =>
  runNew(process.argv.slice(2), {
    root: process.env.SND_ROOT ?? process.cwd(),
    // npm runs scripts from the project folder; INIT_CWD is where the editor typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    today: today(),
    out: console.log,
    err: console.error,
  }),
);
