/** The Astro step's child process (see astro-step.ts): builds the pages into the folder the build names. */
import { build as astroBuild } from 'astro';
import { serveStep } from './child-step.ts';
import type { AstroStepInput } from './astro-step.ts';

serveStep(async ({ project, outDir, cacheDir }: AstroStepInput) => {
  await astroBuild({ root: project, outDir, logLevel: 'warn', ...(cacheDir ? { cacheDir } : {}) });
});
