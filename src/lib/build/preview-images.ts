/**
 * The build step that draws every measure's social preview PNG (/og/measures/<slug>.png). The data
 * step composed each image's SVG with the measure's views (src/lib/views/measure.ts), so each image
 * shows exactly the figures its page shows; this step only rasterises, in resvg's pool. It runs in a
 * child process started with Astro, and draws while Astro renders pages: it needs nothing of Astro's.
 * On two cores it ends after Astro only when the images take more time than Astro leaves them (about
 * 30 ms of CPU an image).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { paths } from '../schemas/paths.ts';
import type { SiteViews } from '../views/types.ts';
import { ogSvgFile, siteViewsFile } from '../views/files.ts';
import { svgToPng } from '../sharing/og-render.ts';
import { runStepInChild } from './child-step.ts';

/** What the step did, for the build log and the benchmark. */
export interface OgImageReport {
  readonly images: number;
  /** Time spent reading the composed SVG (the step's own thread). */
  readonly composeMs: number;
  /** Wall time of the whole step. */
  readonly totalMs: number;
  /** When the step started and ended, ms since the epoch (the step runs in its own thread, with its own performance clock). */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly bytes: number;
}

/** Where the step writes below the generated folder; publishOgImages moves the result into the site. */
export function ogImagesDir(generated: string): string {
  return join(generated, 'social-images');
}

/** Images drawn between two garbage collections (see collectGarbage). */
const IMAGES_PER_COLLECTION = 8;

/**
 * V8's garbage collector, callable. Each image resvg draws holds its pixels (3 MB at 1200 x 630)
 * outside the JavaScript heap, where V8 does not count them: with a heap as small as this step's,
 * collections are rare, and finished images piled up to 0.7 GB at 2,000 measures. Collecting every
 * few images keeps the step near 0.1 GB, and costs no time measurably.
 */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Draws the preview image of every measure with figures from `generated` into `outDir` (site paths below it). */
export async function writeMeasureOgImages(generated: string, outDir: string): Promise<OgImageReport> {
  const started = performance.now();
  const startedAt = Date.now();
  const views = JSON.parse(readFileSync(siteViewsFile(generated), 'utf8')) as SiteViews;
  // resvg's pool (libuv's, four threads by default) does the rasterising; more in flight would only queue and hold memory.
  const limit = Math.max(2, Math.min(availableParallelism(), 8));
  const inFlight = new Set<Promise<void>>();
  let composeMs = 0;
  let bytes = 0;
  let images = 0;
  const collect = collectGarbage();
  // Exactly the measures with an embed have a lead chart, and so a preview image.
  for (const slug of views.embeds) {
    const composing = performance.now();
    const svg = readFileSync(ogSvgFile(generated, slug), 'utf8');
    composeMs += performance.now() - composing;
    const target = join(outDir, paths.measureOgImage(slug));
    const job = svgToPng(svg).then((png) => {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, png);
      bytes += png.byteLength;
      if (++images % IMAGES_PER_COLLECTION === 0) collect();
    });
    const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { images, composeMs, totalMs: performance.now() - started, bytes, startedAt, endedAt: Date.now() };
}

/** The running step: `finish` waits for it (and reports its failure), `stop` if the build gives up. */
export interface RunningOgImages {
  finish(): Promise<OgImageReport>;
  stop(): Promise<void>;
}

/**
 * Starts writeMeasureOgImages to ogImagesDir(generated) in a child process (preview-image-child.ts)
 * given `env`, once the data step has written the SVGs; the build starts Astro straight after, so
 * the two run side by side.
 */
export function startMeasureOgImages(generated: string, env: Readonly<Record<string, string | undefined>>): RunningOgImages {
  const controller = new AbortController();
  const done = runStepInChild<OgImageReport>(new URL('./preview-image-child.ts', import.meta.url), { generated, outDir: ogImagesDir(generated) }, env, controller.signal);
  // A failure is reported by finish(); until then it must not count as an unhandled rejection.
  done.catch(() => undefined);
  return {
    finish: () => done,
    stop: async () => {
      controller.abort();
      await done.catch(() => undefined);
    },
  };
}

/** Moves the images the step wrote into the site folder (`/og/` below it). */
export function publishOgImages(generated: string, site: string): void {
  const from = join(ogImagesDir(generated), 'og');
  if (!existsSync(from)) return; // no measure has figures, so there are no images
  const to = join(site, 'og');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    // Another file system: copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}
