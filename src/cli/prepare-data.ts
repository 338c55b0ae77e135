/**
 * The data step on its own, for `npm run dev`: the build's pooled step (src/lib/build/data-step-child.ts)
 * writing .generated/ for the Astro pages to read, exactly as a build would.
 */
import { join } from 'node:path';
import { dataStep } from '../lib/build/data-step-child.ts';
import { siteRootOf } from '../lib/build/deployment.ts';
import { runCli, today } from './report.ts';

if (import.meta.main) {
  const root = process.cwd();
  await runCli(async () => ((await dataStep({ root, generated: join(root, '.generated'), day: today(), siteRoot: siteRootOf(process.env, root) })).artefacts ? 0 : 1));
}
