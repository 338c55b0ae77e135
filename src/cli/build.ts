/**
 * `npm run build`: the build of src/lib/build/site.ts for this project (or SND_ROOT's content),
 * into dist/ (or SND_DIST), with this process's clock, console and environment.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../lib/build/site.ts';
import { LOCAL_ORIGIN, readSiteYamlUrl, resolveDeployment } from '../lib/build/deployment.ts';
import { reportDiagnostics, runCli, today } from './report.ts';

await runCli(async () => {
  // The project is where this file lives, not the working folder: a build run from elsewhere (the
  // tests build fixture roots from their own temporary folders) still compiles this project's pages.
  const project = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  if (process.argv.includes('--local')) {
    // A copy to view on this computer: with no address set, links name this computer, as they should there.
    process.env.SND_LOCAL_BUILD = '1';
    if (!resolveDeployment(process.env, readSiteYamlUrl(process.env.SND_ROOT ?? project))) process.env.SITE_URL = LOCAL_ORIGIN;
  }
  const dist = process.env.SND_DIST ?? join(project, 'dist');
  const result = await buildSite(
    {
      root: process.env.SND_ROOT ?? project,
      project,
      generated: process.env.SND_GENERATED_DIR ?? join(project, '.generated'),
      staging: `${dist}.partial`,
      dist,
      ...(process.env.SND_CACHE_DIR ? { cacheDir: process.env.SND_CACHE_DIR } : {}),
    },
    {
      log: console.log,
      report: (diagnostics) => reportDiagnostics(diagnostics, console.error),
      clock: () => performance.now(),
      today: today(),
      env: process.env,
      counters: { csvParses: 0 },
      showPagesTheData: ({ root, generated }) => {
        process.env.SND_ROOT = root;
        process.env.SND_GENERATED_DIR = generated;
      },
    },
  );
  return result.code;
});
