/**
 * The whole build (`npm run build` runs it from src/cli/build.ts; the benchmark from bench/child.ts):
 * validate, then build into a staging folder and move it to dist/ only when every step succeeded,
 * so a broken file never leaves a half-built site to deploy. Paths, clock, logger, today's date,
 * the environment the address is read from and the counters are all passed in.
 * Steps: content and data (read once) -> .generated/ page model and downloads -> Astro -> downloads
 * moved into the site -> Pagefind.
 */
import type { ChartCounts } from '../charts/kinds/kind.ts';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { StoredArtefact } from '../downloads/catalogue.ts';
import { runAstroStep } from './astro-step.ts';
import { downloadsDir, runDataStep } from './data-step.ts';
import { publishOgImages, startMeasureOgImages, type OgImageReport } from './preview-images.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { SEARCHED_PAGES } from '../search/searched-pages.ts';
import { isLocalOrigin, readSiteYamlUrl, resolveDeployment, siteRootOf } from './deployment.ts';

/**
 * Parts of a page's <main> that search leaves out, so results match words rather than numbers and
 * excerpts read as sentences: chart graphics, tables of figures (each row's subject has its own
 * page), file hashes and names, "on this page" link lists, and the caption above a title, which
 * repeats the page's type, plan and theme (search shows those from its filters).
 */
const SEARCH_EXCLUDED = ['svg', 'table', 'code', 'main nav', 'main .caption'];

/** Files Pagefind writes that the site never loads (src/scripts/search.ts runs without a worker). */
const PAGEFIND_UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js',
  // Every page is indexed as English (forceLanguage), so the fallback for unknown languages is never loaded.
  'wasm.unknown.pagefind',
];

/** Where each step writes; separate folders let the benchmark build synthetic sites side by side. */
export interface BuildPaths {
  /** Folder holding content/ and data/ (the project itself, or a test fixture). */
  readonly root: string;
  /** Folder holding astro.config.mjs and src/: always this project. */
  readonly project: string;
  readonly generated: string;
  readonly staging: string;
  readonly dist: string;
  /**
   * Astro's cache folder (its content-layer store); default node_modules/.astro. Give each content
   * root its own, or entries cached from one root's build are read back into another's.
   */
  readonly cacheDir?: string;
}

/** Times of each step in milliseconds, for the benchmark's report. */
export type StepTimes = Record<'data' | 'astro' | 'downloads' | 'socialImages' | 'pagefind', number>;

/** What the build counts, for the benchmark: added to, never reset, so a caller can total several builds. */
export interface BuildCounters {
  /** CSV files parsed (each release file once per build). */
  csvParses: number;
}

/** Everything outside the files that the build depends on or reports to, passed in so tests and the benchmark can swap it. */
export interface BuildEffects {
  /** Progress lines. */
  readonly log: (line: string) => void;
  /** Reports problems found in the editors' files (the entry points print them as `file:line:column: message` with a summary). */
  readonly report: (diagnostics: readonly Diagnostic[]) => void;
  /** Milliseconds from any fixed origin, for step times. */
  readonly clock: () => number;
  /** The build's date, YYYY-MM-DD: releases after it are refused and figures are dated against it. */
  readonly today: string;
  /** The variables the public address is read from: SITE_URL, BASE_PATH and SND_LOCAL_BUILD. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly counters: BuildCounters;
  /**
   * Called just before Astro starts, with the content root and generated folder its pages will read
   * (Astro runs in a child process given them as SND_ROOT and SND_GENERATED_DIR, beside `env`); the
   * entry points set them in their own environment too, for anything else in the process that reads them.
   */
  readonly showPagesTheData: (paths: Pick<BuildPaths, 'root' | 'generated'>) => void;
}

/** What buildSite did: its exit code, and each step's time when it published. */
export interface BuildOutcome {
  readonly code: number;
  readonly times?: StepTimes;
  /** CSV files parsed by this build. */
  readonly csvParses: number;
  /** Chart layouts against charts drawn by this build's data step; absent when it did not run to the end. */
  readonly charts?: ChartCounts;
}

/** Runs the whole build; code 0 on success, 1 when content or data are invalid. */
export async function buildSite(p: BuildPaths, effects: BuildEffects): Promise<BuildOutcome> {
  const { clock, counters } = effects;
  const parsesBefore = counters.csvParses;
  const parsed = () => counters.csvParses - parsesBefore;
  const { report } = effects;
  const t = clock();
  // The data step runs in a child process (data-step.ts, child-step.ts) and sends back only the list
  // of downloads: the pages read what it wrote, and its memory is the system's again before Astro starts.
  const prepared = await runDataStep({ root: p.root, generated: p.generated, day: effects.today, siteRoot: siteRootOf(effects.env, p.root) }, effects.env);
  counters.csvParses += prepared.csvParses;
  const artefacts = prepared.artefacts;
  if (!artefacts) {
    rmSync(p.dist, { recursive: true, force: true });
    rmSync(p.staging, { recursive: true, force: true });
    return { code: 1, csvParses: parsed() };
  }
  const times: Partial<StepTimes> = { data: clock() - t };
  const unaddressed = addressProblem(p.root, effects.env);
  if (unaddressed) {
    rmSync(p.dist, { recursive: true, force: true });
    rmSync(p.staging, { recursive: true, force: true });
    report([unaddressed]);
    return { code: 1, csvParses: parsed() };
  }

  try {
    const published = await publish(p, artefacts, times, effects, parsed, prepared.charts);
    return { code: 0, times: published, csvParses: parsed(), charts: prepared.charts };
  } catch (error) {
    // Whatever failed, leave nothing that could be deployed by mistake.
    rmSync(p.staging, { recursive: true, force: true });
    rmSync(p.dist, { recursive: true, force: true });
    const located = locatedContentError(error, p.root);
    if (!located) throw error;
    // A problem the validator cannot see (e.g. MDX the compiler rejects) still reaches the editor as file:line:column.
    report([located]);
    return { code: 1, csvParses: parsed() };
  }
}

/**
 * Why this build may not be published: no public address in content/site.yaml or SITE_URL, so
 * canonical links, the sitemap, the feed and preview images would all name this computer. A copy
 * for this computer only is built with `--local` (`npm start`, the tests). Checked after the content
 * checks, so a broken file is reported first and alone.
 */
export function addressProblem(root: string, env: Readonly<Record<string, string | undefined>>): Diagnostic | undefined {
  const deployment = resolveDeployment(env, readSiteYamlUrl(root));
  if (deployment && !(deployment.from === 'SITE_URL' && isLocalOrigin(deployment.origin) && env.SND_LOCAL_BUILD !== '1')) return undefined;
  const found = deployment ? `SITE_URL is ${deployment.origin}, an address on this computer` : 'the site\'s public address is not set';
  return {
    file: 'content/site.yaml',
    line: 1,
    column: 1,
    message: `${found}, so canonical links, the sitemap, the feed and preview images would point where no reader can follow; add url: "https://…/" with the address the site is published at, or build with SITE_URL (and BASE_PATH) set to it; for a copy to view on this computer only, run "npm run build -- --local"`,
  };
}

/**
 * An Astro or bundler error that points into the content folder, as a diagnostic; undefined for
 * anything else. Bundlers wrap the compiler's error ("Build failed with 1 error: <file>:<line>:<col>"),
 * so the location is read from the error's `loc` or, failing that, from its text.
 */
function locatedContentError(error: unknown, root: string): Diagnostic | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const loc = (error as { loc?: { file?: string; line?: number; column?: number } } | null)?.loc;
  const found = loc?.file ? { file: loc.file, line: loc.line ?? 1, column: loc.column ?? 1 } : fileInText(text);
  if (!found) return undefined;
  const path = relative(root, found.file.split('?')[0]!).replaceAll('\\', '/');
  if (!path.startsWith('content/')) return undefined;
  const reason = /Error: (?:\d+:\d+: )?(.+)/.exec(text)?.[1] ?? text.split('\n')[0]!;
  return { file: path, line: found.line, column: found.column, message: `the site cannot be built from this file: ${reason.replace(/ \([\w:-]+\)$/, '')}` };
}

function fileInText(text: string): { file: string; line: number; column: number } | undefined {
  const match = /(\/[^\s:]+\.(?:mdx?|ya?ml)):(\d+):(\d+)/.exec(text);
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : undefined;
}

/** Moves every download the data step wrote below the generated folder into the site. */
function moveDownloads(p: BuildPaths, artefacts: readonly StoredArtefact[]): void {
  for (const artefact of artefacts) {
    const source = join(downloadsDir(p.generated), artefact.path);
    const target = join(p.staging, artefact.path);
    mkdirSync(dirname(target), { recursive: true });
    try {
      renameSync(source, target);
    } catch (error) {
      // Another file system: copy instead.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(source, target);
    }
  }
}

/**
 * The chart counts in words: each chart drawn laid out once, or how many layouts were made again
 * (code that laid a chart out instead of reading its view's size), so the log says why they differ.
 */
export function chartsSentence(charts: ChartCounts): string {
  const drawn = `${charts.drawn} charts drawn from ${charts.geometries} layouts`;
  const again = charts.geometries - charts.drawn;
  const layouts = again === 0 ? `${drawn}, each once` : again > 0 ? `${drawn}: ${again} laid out again instead of reusing a drawn chart's layout` : `${drawn}: ${-again} drawn without a counted layout`;
  const series = charts.headlineSeries <= charts.releases ? `${charts.headlineSeries} headline series built from ${charts.releases} releases, each at most once` : `${charts.headlineSeries} headline series built from ${charts.releases} releases: some built again instead of reused`;
  return `${layouts}; ${charts.previewFits} preview images laid out at their own size; ${series}; ${charts.records} measure records built, each viewed from one record`;
}

/** Astro, downloads and search index into the staging folder, then the swap into dist/. */
async function publish(
  p: BuildPaths,
  artefacts: readonly StoredArtefact[],
  times: Partial<StepTimes>,
  effects: BuildEffects,
  csvParses: () => number,
  charts: ChartCounts,
): Promise<StepTimes> {
  const { clock, log } = effects;
  let t = clock();
  rmSync(p.staging, { recursive: true, force: true });
  effects.showPagesTheData(p);
  // Social preview PNGs are drawn in their own process while Astro renders pages: they need the data
  // step's SVGs, nothing of Astro's (src/lib/build/preview-images.ts).
  const socialImages = startMeasureOgImages(p.generated, effects.env);
  const astroStartedAt = Date.now();
  let astroEndedAt = astroStartedAt;
  // Astro in a child process too, so Pagefind does not start beside Astro's heap; its pages find this
  // build's content and generated folder in the environment they are given.
  let og: OgImageReport;
  try {
    await runAstroStep(
      { project: p.project, outDir: p.staging, ...(p.cacheDir ? { cacheDir: p.cacheDir } : {}) },
      { ...effects.env, SND_ROOT: p.root, SND_GENERATED_DIR: p.generated },
    );
    times.astro = clock() - t;
    astroEndedAt = Date.now();

    t = clock();
    moveDownloads(p, artefacts);
    times.downloads = clock() - t;

    t = clock();
    // Only the wait for images still being drawn once Astro has finished, and the move into the site.
    og = await socialImages.finish();
  } catch (error) {
    // Whatever failed, the images are not wanted: stop drawing them.
    await socialImages.stop();
    throw error;
  }
  publishOgImages(p.generated, p.staging);
  times.socialImages = clock() - t;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  log(
    `Drew ${og.images} social preview images in ${seconds(og.totalMs)} beside Astro: from ${seconds(og.startedAt - astroStartedAt)} to ${seconds(og.endedAt - astroStartedAt)} after Astro started, which took ${seconds(astroEndedAt - astroStartedAt)}.`,
  );

  t = clock();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: SEARCH_EXCLUDED });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: p.staging, glob: SEARCHED_PAGES });
  if (indexed.errors.length) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  await index.writeFiles({ outputPath: join(p.staging, 'pagefind') });
  await pagefind.close();
  // Our search page uses Pagefind's API on the main thread; its prebuilt UIs and worker are never loaded.
  for (const unused of PAGEFIND_UNUSED) rmSync(join(p.staging, 'pagefind', unused), { force: true });
  times.pagefind = clock() - t;

  rmSync(p.dist, { recursive: true, force: true });
  renameSync(p.staging, p.dist);
  log(`Built ${indexed.page_count} pages into ${p.dist} (${csvParses()} CSV files parsed, each once; ${chartsSentence(charts)}).`);
  return times as StepTimes;
}
