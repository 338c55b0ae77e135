/**
 * The data step of the build, on its own for `npm run dev`: validate content and data once, then
 * write the page model to .generated/ for the Astro pages to read.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildPageModel } from '../lib/build-model.ts';
import { buildViewsInWorkers } from '../lib/views/pool.ts';
import { makeViewsDirs, writeSiteViews, writeViews } from '../lib/views/write.ts';
import type { SiteModel } from '../lib/model.ts';
import type { PageModel } from '../lib/page-model.ts';
import { loadSite } from '../lib/pipeline.ts';
import { buildJsonLd, eachArtefact } from '../lib/downloads/artefacts.ts';
import { CATALOGUE_CSV_PATH, CATALOGUE_JSON_PATH, catalogue, catalogueCsv, storedArtefact, type StoredArtefact } from '../lib/downloads/catalogue.ts';
import { siteRoot } from '../lib/deployment.ts';
import { compactJsonText } from '../lib/downloads/bytes.ts';
import { reportDiagnostics, runCli, today } from './report.ts';

/** Where prepareData writes the downloads, below the generated folder; the build moves them into the site. */
export function downloadsDir(generated: string): string {
  return join(generated, 'downloads');
}

/**
 * Validates and writes .generated/: the page model, the pages' views (src/lib/views), and every download under downloads/ (see
 * downloadsDir), each written as soon as it is built so their bytes are never all in memory at
 * once. Returns undefined (after reporting) when anything is invalid.
 */
export function prepareData(
  root: string,
  generated: string,
  day = today(),
  { views = true }: { views?: boolean } = {},
): { model: SiteModel; page: PageModel; artefacts: StoredArtefact[] } | undefined {
  const prepared = writeModel(root, generated, day);
  if (!prepared) return undefined;
  if (views) writeViews(generated, root, prepared.model, prepared.page, siteRoot());
  return { ...prepared, artefacts: writeDownloads(prepared.model, generated) };
}

/** Validates, then writes the page model and each measure's releases with rows (what the views are built from). */
function writeModel(root: string, generated: string, day: string): { model: SiteModel; page: PageModel } | undefined {
  const { model, diagnostics } = loadSite({ root, today: day });
  if (!model) {
    reportDiagnostics(diagnostics, console.error);
    return undefined;
  }
  const { page, details } = buildPageModel(model, day);
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(join(generated, 'measures'), { recursive: true });
  writeFileSync(join(generated, 'model.json'), JSON.stringify(page));
  for (const detail of details) writeFileSync(join(generated, 'measures', `${detail.slug}.json`), JSON.stringify(detail));
  return { model, page };
}

/** Writes every download, the catalogue and the JSON-LD; returns the downloads written. */
function writeDownloads(model: SiteModel, generated: string): StoredArtefact[] {
  const artefacts: StoredArtefact[] = [];
  for (const artefact of eachArtefact(model, siteRoot())) {
    const file = join(downloadsDir(generated), artefact.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, artefact.bytes);
    artefacts.push(storedArtefact(artefact));
  }
  const entries = catalogue(artefacts, model.site.licence);
  writeFileSync(join(generated, 'catalogue.json'), JSON.stringify(entries));
  writeFileSync(join(generated, 'jsonld.json'), JSON.stringify(buildJsonLd(model, artefacts, siteRoot())));
  // The catalogue itself, for download: the catalogue page is paged, so these two files are where
  // every file is listed at once. They list the other files, not themselves (a file cannot hold its own hash).
  const listings = [
    { path: CATALOGUE_CSV_PATH, text: catalogueCsv(entries), title: 'Catalogue of every download (CSV)' },
    { path: CATALOGUE_JSON_PATH, text: compactJsonText(entries), title: 'Catalogue of every download (JSON)' },
  ];
  const updated = entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), '');
  for (const listing of listings) {
    const file = join(downloadsDir(generated), listing.path);
    const bytes = new TextEncoder().encode(listing.text);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    artefacts.push(storedArtefact({ path: listing.path, bytes, updated, title: listing.title }));
  }
  return artefacts;
}

/**
 * prepareData in a worker thread, for the build: the model holds every row of every release, and a
 * thread's memory goes back to the system when it ends, so Astro and Pagefind start without it.
 * The measures' views are built after it ends, by a pool of threads (one per core) reading what it
 * wrote: built beside the model, they took the 2,000-measure benchmark's data step from 55 s to
 * 384 s (garbage collection over a heap of 2 GB). Resolves to the downloads written and the CSV
 * files parsed, or undefined when the content or data are invalid (the worker has printed why).
 */
export async function prepareDataInWorker(root: string, generated: string, day = today()): Promise<{ artefacts: StoredArtefact[]; csvParses: number } | undefined> {
  const prepared = await modelAndDownloadsInWorker(root, generated, day);
  if (!prepared) return undefined;
  const page = JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as PageModel;
  makeViewsDirs(generated);
  writeSiteViews(generated, root, page, await buildViewsInWorkers(generated, page.measures.map((m) => m.slug), siteRoot()));
  return prepared;
}

function modelAndDownloadsInWorker(root: string, generated: string, day: string): Promise<{ artefacts: StoredArtefact[]; csvParses: number } | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./prepare-data-worker.ts', import.meta.url), { workerData: { root, generated, day } });
    let reply: { artefacts?: StoredArtefact[]; csvParses: number } | undefined;
    worker.once('message', (message: { artefacts?: StoredArtefact[]; csvParses: number }) => (reply = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 || !reply) reject(new Error(`the data step stopped with exit code ${code}`));
      else resolve(reply.artefacts ? { artefacts: reply.artefacts, csvParses: reply.csvParses } : undefined);
    });
  });
}

if (import.meta.main) {
  await runCli(() => (prepareData(process.cwd(), join(process.cwd(), '.generated')) ? 0 : 1));
}
