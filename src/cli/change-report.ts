/**
 * `npm run report -- --base <git ref> [--json]`: what the changes in data/ and content/ since the
 * base will do to the site (src/lib/report). Markdown by default, JSON with --json. Exit code 0
 * when the checks pass, 1 when a published address would disappear or a file has a problem.
 */
import { changeReport } from '../lib/report/change-report.ts';
import { gitBaseTree } from '../lib/report/git.ts';
import { reportMarkdown } from '../lib/report/markdown.ts';
import { runCli, today } from './report.ts';

const USAGE = 'Usage: npm run report -- --base <git ref, e.g. origin/main> [--json]';

await runCli(() => {
  const args = process.argv.slice(2);
  let base: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--base') base = args[++i];
    else if (arg.startsWith('--base=')) base = arg.slice('--base='.length);
    else if (arg === '--json') json = true;
    else {
      console.error(`Refused: unknown argument ${arg}.`, USAGE);
      return 1;
    }
  }
  if (!base) {
    console.error(`Refused: name the commit or branch to compare with.\n${USAGE}`);
    return 1;
  }
  const root = process.env.SND_ROOT ?? process.cwd();
  let tree;
  try {
    tree = gitBaseTree(root, base);
  } catch {
    console.error(`Refused: "${base}" is not a commit or branch git knows here. Fetch it first (git fetch origin main) or name another.`);
    return 1;
  }
  const report = changeReport({ root, base: tree, today: today() });
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportMarkdown(report));
  return report.ok ? 0 : 1;
});
