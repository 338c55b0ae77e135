/**
 * `npm run import -- ons-pfa <workbook.xlsx> --released <YYYY-MM-DD> [--dry-run]`: publishes new
 * releases from an official ONS workbook. The work is in src/lib/import; this file only supplies the
 * real folder, clock and console. Exit code 0 done, 1 refused (nothing written), 2 internal error.
 */
import { runImport } from '../lib/import/command.ts';
import { runCli, today } from './report.ts';

await runCli(() =>
  runImport(process.argv.slice(2), {
    root: process.env.SND_ROOT ?? process.cwd(),
    // npm runs scripts from the project folder; INIT_CWD is where the editor typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    today: today(),
    out: console.log,
    err: console.error,
  }),
);
