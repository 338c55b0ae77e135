/**
 * `npm run inbox`: publishes each ONS workbook in inbox/ with the importer (src/lib/import/inbox.ts).
 * Everything it prints also goes to the GitHub job summary when $GITHUB_STEP_SUMMARY names one, so
 * a refusal shows where the editor looks. Exit code 0 done (or nothing to do), 1 refused, 2 internal error.
 */
import { appendFileSync } from 'node:fs';
import { runInbox } from '../lib/import/inbox.ts';
import { runCli, today } from './report.ts';

await runCli(() => {
  const lines: string[] = [];
  const status = runInbox({
    root: process.env.SND_ROOT ?? process.cwd(),
    cwd: process.env.SND_ROOT ?? process.cwd(),
    today: today(),
    out: (line) => (lines.push(line), console.log(line)),
    err: (line) => (lines.push(line), console.error(line)),
  });
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    const verdict = status === 0 ? 'Workbook inbox: done' : 'Workbook inbox: refused, nothing was published';
    appendFileSync(summary, `## ${verdict}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n\n`);
  }
  return status;
});
