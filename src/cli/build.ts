/**
 * `npm run build`: validate, then build into a staging folder and move it to dist/ only when every
 * step succeeded, so a broken file never leaves a half-built site to deploy.
 * Steps: content and data (read once) -> .generated/ page model -> Astro -> downloads -> Pagefind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build as astroBuild } from 'astro';
import * as pagefind from 'pagefind';
import { csvParseCount } from '../lib/read/csv.ts';
import type { Artefact } from '../lib/downloads/catalogue.ts';
import { prepareData } from './prepare-data.ts';
import { runCli } from './report.ts';

/** Where each step writes; separate folders let the benchmark build synthetic sites side by side. */
export interface BuildPaths {
  /** Folder holding content/ and data/ (the project itself, or a test fixture). */
  readonly root: string;
  /** Folder holding astro.config.mjs and src/: always this project. */
  readonly project: string;
  readonly generated: string;
  readonly staging: string;
  readonly dist: string;
}

/** Times of each step in milliseconds, for the benchmark's report. */
export type StepTimes = Record<'data' | 'astro' | 'downloads' | 'pagefind', number>;

/** Runs the whole build; returns 0 on success, 1 when content or data are invalid. */
export async function buildSite(p: BuildPaths, log: (line: string) => void = console.log): Promise<{ code: number; times?: StepTimes; csvParses: number }> {
  const clock = performance;
  let t = clock.now();
  const prepared = prepareData(p.root, p.generated);
  if (!prepared) {
    rmSync(p.dist, { recursive: true, force: true });
    rmSync(p.staging, { recursive: true, force: true });
    return { code: 1, csvParses: csvParseCount.value };
  }
  const { artefacts } = prepared;
  const times: Partial<StepTimes> = { data: clock.now() - t };

  try {
    return await publish(p, artefacts, times, log);
  } catch (error) {
    // Whatever failed, leave nothing that could be deployed by mistake.
    rmSync(p.staging, { recursive: true, force: true });
    rmSync(p.dist, { recursive: true, force: true });
    throw error;
  }
}

/** Astro, downloads and search index into the staging folder, then the swap into dist/. */
async function publish(
  p: BuildPaths,
  artefacts: readonly Artefact[],
  times: Partial<StepTimes>,
  log: (line: string) => void,
): Promise<{ code: number; times: StepTimes; csvParses: number }> {
  const clock = performance;
  let t = clock.now();
  rmSync(p.staging, { recursive: true, force: true });
  process.env.SND_GENERATED_DIR = p.generated;
  process.env.SND_ROOT = p.root;
  await astroBuild({ root: p.project, outDir: p.staging, logLevel: 'warn' });
  times.astro = clock.now() - t;

  t = clock.now();
  for (const artefact of artefacts) {
    const target = join(p.staging, artefact.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, artefact.bytes);
  }
  times.downloads = clock.now() - t;

  t = clock.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: p.staging });
  if (indexed.errors.length) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  await index.writeFiles({ outputPath: join(p.staging, 'pagefind') });
  await pagefind.close();
  times.pagefind = clock.now() - t;

  rmSync(p.dist, { recursive: true, force: true });
  renameSync(p.staging, p.dist);
  log(`Built ${indexed.page_count} pages into ${p.dist} (${csvParseCount.value} CSV files parsed, each once).`);
  return { code: 0, times: times as StepTimes, csvParses: csvParseCount.value };
}

if (import.meta.main) {
  await runCli(async () => {
    const project = process.cwd();
    const dist = process.env.SND_DIST ?? join(project, 'dist');
    const result = await buildSite({
      root: process.env.SND_ROOT ?? project,
      project,
      generated: process.env.SND_GENERATED_DIR ?? join(project, '.generated'),
      staging: `${dist}.partial`,
      dist,
    });
    return result.code;
  });
}
