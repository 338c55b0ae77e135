/**
 * The build step that draws every measure's social preview PNG (/og/measures/<slug>.png). It reads
 * the page model the data step wrote, as the Astro pages do, so each image shows exactly the
 * figures its page shows. Composing SVG is main-thread work and rasterising runs in resvg's pool;
 * the build runs the whole step in a worker thread while Astro renders pages, so on a machine with
 * two or more cores it adds little to the build's wall time.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { measurePageData } from '../derive/measure-page.ts';
import { judgedMeasure } from '../derive/judgement.ts';
import type { MeasureDetail, PageModel } from '../page-model.ts';
import { paths } from '../paths.ts';
import { hasPublishedFigures } from './lead-chart.ts';
import { measureOgImage } from './measure-og.ts';
import { svgToPng } from './og-render.ts';

/** What the step did, for the build log and the benchmark. */
export interface OgImageReport {
  readonly images: number;
  /** Time spent reading the model, deriving figures and composing SVG (the step's own thread). */
  readonly composeMs: number;
  /** Wall time of the whole step. */
  readonly totalMs: number;
  readonly bytes: number;
}

/** Where the step writes below the generated folder; publishOgImages moves the result into the site. */
export function ogImagesDir(generated: string): string {
  return join(generated, 'social-images');
}

/** Draws the preview image of every measure with figures from `generated` into `outDir` (site paths below it). */
export async function writeMeasureOgImages(generated: string, outDir: string): Promise<OgImageReport> {
  const started = performance.now();
  const model = JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as PageModel;
  // resvg's pool (libuv's, four threads by default) does the rasterising; more in flight would only queue and hold memory.
  const limit = Math.max(2, Math.min(availableParallelism(), 8));
  const inFlight = new Set<Promise<void>>();
  let composeMs = 0;
  let bytes = 0;
  let images = 0;
  for (const view of model.measures) {
    if (!hasPublishedFigures(view)) continue;
    const composing = performance.now();
    const detail = JSON.parse(readFileSync(join(generated, 'measures', `${view.slug}.json`), 'utf8')) as MeasureDetail;
    const image = measureOgImage(measurePageData(judgedMeasure(view, model.plans, model.today).view, detail, model.site, model.plans, model.today), model.site);
    composeMs += performance.now() - composing;
    if (!image) continue;
    const target = join(outDir, paths.measureOgImage(view.slug));
    const job = svgToPng(image.svg).then((png) => {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, png);
      bytes += png.byteLength;
      images++;
    });
    const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { images, composeMs, totalMs: performance.now() - started, bytes };
}

/** The step running in a worker thread; `finish` waits for it (and reports its failure). */
export interface RunningOgImages {
  finish(): Promise<OgImageReport>;
}

/**
 * Starts writeMeasureOgImages in a worker thread (og-worker.ts) writing to ogImagesDir(generated).
 * The worker does not keep the process alive until `finish` is called, so a build that fails
 * before then exits without waiting for images nobody will publish.
 */
export function startMeasureOgImages(generated: string): RunningOgImages {
  const worker = new Worker(new URL('./og-worker.ts', import.meta.url), { workerData: { generated, outDir: ogImagesDir(generated) } });
  worker.unref();
  const done = new Promise<OgImageReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the social image worker stopped (exit code ${code}) before it finished`)));
  });
  // A failure is reported by finish(); until then it must not count as an unhandled rejection.
  done.catch(() => undefined);
  return {
    finish: () => {
      worker.ref();
      return done;
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
