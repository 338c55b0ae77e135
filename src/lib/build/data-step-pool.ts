/**
 * The build's data step on every core. This thread reads the content; the measures are split
 * between worker threads (measure-worker.ts), each of which reads and validates its measures' data
 * one at a time and, when the content is valid, writes from those rows the measure's views,
 * downloads and parts of the plans' tidy CSVs before going on to the next. This thread then checks
 * what spans measures from their small summaries (the derivations, the page model, the plans'
 * columns), joins the plans' files as streams and writes the cross-measure views and the catalogue.
 * Everything is written to a folder beside the generated one, which replaces it only when nothing
 * was refused: bad input leaves the generated folder as it was.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildPageModel, measureFacts, type MeasureFacts } from '../derive/build-model.ts';
import { seriesCounts } from '../derive/series.ts';
import { addChartCounts, chartCounts, chartCountsSince, type ChartCounts } from '../charts/kinds/kind.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { buildJsonLd, formerAddresses, measureArtefacts, planArtefacts, planComparisons, planMeasures, planPageUrl, planUpdated, withFormerAddresses } from '../downloads/artefacts.ts';
import type { ComparisonResourceFacts } from '../downloads/readme.ts';
import { compactJsonText } from '../downloads/bytes.ts';
import { CATALOGUE_CSV_PATH, CATALOGUE_JSON_PATH, catalogue, catalogueCsv, storedArtefact, type Artefact, type StoredArtefact } from '../downloads/catalogue.ts';
import { writePlanDownloads, type ReleaseZipPart } from '../downloads/plan-stream.ts';
import { breakdownColumns, tidyMeasureBytes } from '../downloads/tidy.ts';
import type { Measure, Observation, SiteModel, Vintage } from '../schemas/model.ts';
import type { PageModel } from '../derive/page-model.ts';
import { contentModel, finishModel, measureDataFolders, readContent } from './load-site.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { Site } from '../schemas/site.ts';
import type { TargetView } from '../views/types.ts';
import { makeViewsDirs } from '../views/files.ts';
import { writeMeasureViews, writeSiteViews } from './write-views.ts';
import { modelIndex, recordCounts } from '../views/record.ts';
import { writeComparisons } from '../views/comparison.ts';

/** What one worker is given when it starts. */
export interface PoolSlice {
  readonly root: string;
  readonly today: string;
  readonly site: Site;
  /** Its measures' content entries. */
  readonly entries: readonly { readonly id: string; readonly file: string; readonly data: MeasureMeta }[];
  /** Slugs with a data folder. */
  readonly folders: readonly string[];
  /** Slugs a derivation names: sent back whole. */
  readonly derivationInputs: readonly string[];
  /** What to write each valid measure's files with; absent when the content has problems (the data is then only checked). */
  readonly output?: {
    /** The folder being written (it becomes the generated folder), its downloads folder and the public address. */
    readonly generated: string;
    readonly downloads: string;
    readonly siteRoot: string;
    /** The page model of the content: every measure without its facts (contentPage). */
    readonly page: PageModel;
    readonly plans: readonly PlanParts[];
  };
}

/** A plan's tidy CSV as the measures' parts of it are written. */
export interface PlanParts {
  readonly id: string;
  /** Its breakdown columns: validation allows only the columns a measure declares, so the content gives them. */
  readonly breakdowns: readonly string[];
  /** Its measures, in the file's order. */
  readonly slugs: readonly string[];
}

/** A worker's reply: its measures' problems and, per measure, its facts, its light (or whole) form and what was written. */
export interface MeasuresDone {
  readonly diagnostics: Diagnostic[];
  readonly measures: {
    readonly measure: Measure;
    readonly facts: MeasureFacts;
    readonly planTargets?: readonly TargetView[];
    readonly artefacts?: StoredArtefact[];
    /** Its release files deflated for the zips of the plans that hold it, oldest first. */
    readonly releases?: ReleaseZipPart[];
  }[];
  csvParses: number;
  /** Chart layouts and drawings made by the worker (src/lib/charts/kinds/kind.ts). */
  charts: ChartCounts;
}

/** The file of one measure's part of a plan's tidy CSV. */
export function tidyPartFile(generated: string, plan: string, slug: string): string {
  return join(generated, TIDY_PARTS, plan, `${slug}.csv`);
}

/** The file of one release of a measure, deflated for the plans' zips. */
export function releasePartFile(generated: string, slug: string, date: string): string {
  return join(generated, TIDY_PARTS, 'releases', slug, `${date}.csv.deflated`);
}

/** Folder of the tidy parts and deflated releases below the folder being written; removed once the plans' files are joined. */
const TIDY_PARTS = 'tidy-parts';

/**
 * A measure without the rows that only its own views and files need: its releases keep their facts
 * and, of their rows, only those the cross-measure downloads read (breakdownColumns, the JSON-LD's
 * temporalCoverage): the rows where a breakdown column first appears, and the current release's
 * rows with the earliest start and the latest end, in file order. Its bytes are left out.
 */
export function lightMeasure(measure: Measure): Measure {
  const seen = new Set<string>();
  const lastIndex = measure.vintages.length - 1;
  const vintages = measure.vintages.map((v, i): Vintage => {
    const keep = new Set<Observation>();
    for (const row of v.rows) {
      for (const column of Object.keys(row.breakdown)) {
        if (!seen.has(column)) {
          seen.add(column);
          keep.add(row);
        }
      }
    }
    if (i === lastIndex && v.rows.length > 0) {
      keep.add(v.rows.reduce((a, b) => (b.periodStart < a.periodStart ? b : a)));
      keep.add(v.rows.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a)));
    }
    return { ...v, bytes: new Uint8Array(), rows: v.rows.filter((row) => keep.has(row)) };
  });
  return { ...measure, vintages };
}

/** What the pooled data step did: the downloads written and the CSV files parsed; artefacts undefined when the input was refused. */
export interface PooledResult {
  readonly artefacts?: StoredArtefact[];
  readonly csvParses: number;
  /** Chart layouts and drawings made on every thread: each chart drawn laid out once. */
  readonly charts: ChartCounts;
  /** Every problem found, when the input was refused. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The data step: reads, validates and writes the generated folder on `workers` threads (default one
 * per core): model.json, the views, the downloads, the catalogue and the JSON-LD. The only
 * implementation: what it writes for the fixtures is pinned by the golden folders.
 */
export async function prepareDataInPool(
  root: string,
  generated: string,
  today: string,
  siteRoot: string,
  downloads: string,
  workers = availableParallelism(),
): Promise<PooledResult> {
  const content = readContent(root);
  const site = content.site.data;
  const none: ChartCounts = { geometries: 0, drawn: 0, previewFits: 0, headlineSeries: 0, releases: 0, records: 0 };
  if (!site) return { csvParses: 0, charts: none, diagnostics: finishModel(content, []).diagnostics };
  const entries = content.measures.entries.map(({ id, file, data }) => ({ id, file, data }));
  const folders = measureDataFolders(root, entries, content.measures.refusedIds, content.diagnostics);
  const derivationInputs = [...new Set(entries.flatMap((e) => e.data.derivation?.terms.map((t) => t.measure) ?? []))];
  // Files are written beside the generated folder, which they replace only when everything passed.
  const partial = `${generated}.partial`;
  const partialDownloads = join(partial, relative(generated, downloads));
  const model = content.diagnostics.length === 0 ? contentModel(content) : undefined;
  const empty = (): MeasureFacts => ({ vintages: [], headline: [] });
  const skeleton = model && buildPageModel(model, today, empty).page;
  const plans = model ? model.plans.map((plan) => {
    const measures = planMeasures(model, plan.id);
    return { id: plan.id, breakdowns: breakdownColumns(measures), slugs: measures.map((m) => m.id) };
  }) : [];
  rmSync(partial, { recursive: true, force: true });
  if (skeleton) {
    makeViewsDirs(partial);
    for (const plan of plans) mkdirSync(dirname(tidyPartFile(partial, plan.id, 'measure')), { recursive: true });
  }
  try {
    const slices = splitEvenly(entries, (e) => folders.has(e.id), workers);
    const output = skeleton && { generated: partial, downloads: partialDownloads, siteRoot, page: skeleton, plans };
    const replies = await Promise.all(
      slices.map((slice) =>
        runWorker({ root, today, site, entries: slice, folders: slice.filter((e) => folders.has(e.id)).map((e) => e.id), derivationInputs, ...(output ? { output } : {}) }),
      ),
    );
    const csvParses = replies.reduce((sum, v) => sum + v.csvParses, 0);
    // The workers' charts, and those this thread draws (derived measures, comparisons), counted from here.
    const ownBefore = { ...chartCounts };
    const seriesBefore = seriesCounts.headlines;
    const recordsBefore = recordCounts.built;
    // This thread reads no release files; the releases it computes (derived measures') are counted once computed.
    let ownReleases = 0;
    const own = (): ChartCounts => ({ ...chartCountsSince(ownBefore), headlineSeries: seriesCounts.headlines - seriesBefore, releases: ownReleases, records: recordCounts.built - recordsBefore });
    const charts = () => addChartCounts(replies.reduce((sum, v) => addChartCounts(sum, v.charts), none), own());
    const bySlug = new Map(replies.flatMap((v) => v.measures.map((m) => [m.measure.id, m] as const)));
    for (const v of replies) content.diagnostics.push(...v.diagnostics);
    const loaded = finishModel(content, entries.map((e) => bySlug.get(e.id)!.measure));
    if (!loaded.model || !skeleton) return { csvParses, charts: charts(), diagnostics: loaded.diagnostics };
    const full = loaded.model;
    ownReleases = full.measures.filter((m) => m.data.derivation).reduce((sum, m) => sum + m.vintages.length, 0);
    for (const plan of plans) {
      // The workers wrote the parts with the columns the content declares; the rows must agree.
      const used = breakdownColumns(planMeasures(full, plan.id));
      if (used.join() !== plan.breakdowns.join()) throw new Error(`plan ${plan.id}: its rows use breakdown columns ${used.join(', ')} where the measures declare ${plan.breakdowns.join(', ')}`);
    }

    const area = { name: site.area.name, code: site.area.code };
    const { page } = buildPageModel(full, today, (m) => (m.data.derivation ? measureFacts(m, area) : bySlug.get(m.id)!.facts));
    writeFileSync(join(partial, 'model.json'), JSON.stringify(page));
    // The derived measures are computed here, from their inputs' whole releases: their views and files too.
    const derived = new Map(full.measures.filter((m) => m.data.derivation).map((m) => [m.id, writeDerived(m, full, page, plans, partial, partialDownloads, siteRoot)]));
    const done = (slug: string) => derived.get(slug) ?? (bySlug.get(slug)! as Required<MeasuresDone['measures'][number]>);
    writeSiteViews(partial, root, page, new Map(full.measures.map((m) => [m.id, done(m.id).planTargets])));

    const artefacts = full.measures.flatMap((m) => done(m.id).artefacts);
    const comparisons = writeComparisons(root, full, partial, partialDownloads, siteRoot);
    if (comparisons.diagnostics.length) return { csvParses, charts: charts(), diagnostics: comparisons.diagnostics };
    artefacts.push(...comparisons.artefacts);
    // Each plan's file is deflated on libuv's threads, so the plans are written side by side.
    // A derived measure has no release files: its computed release is in data.csv alone.
    const releases = (slug: string) => (derived.has(slug) ? [] : (bySlug.get(slug)!.releases ?? []));
    for (const written of await Promise.all(plans.map((plan) => writePlan(plan, full, releases, partialDownloads, partial, siteRoot, comparisons.resources)))) artefacts.push(...written);
    rmSync(join(partial, TIDY_PARTS), { recursive: true, force: true });
    writeCatalogue(full, artefacts, partial, partialDownloads, siteRoot);
    rmSync(generated, { recursive: true, force: true });
    renameSync(partial, generated);
    return { artefacts, csvParses, charts: charts(), diagnostics: [] };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Writes the catalogue (catalogue.json for the pages, and its two downloads, which `artefacts`
 * gains) and the JSON-LD (jsonld.json) once every other download is written and listed in `artefacts`.
 */
export function writeCatalogue(model: SiteModel, artefacts: StoredArtefact[], generated: string, downloads: string, siteRoot: string): void {
  const entries = catalogue(artefacts, model.site.licence);
  writeFileSync(join(generated, 'catalogue.json'), JSON.stringify(entries));
  writeFileSync(join(generated, 'jsonld.json'), JSON.stringify(buildJsonLd(model, artefacts, siteRoot)));
  // The catalogue itself, for download: the catalogue page is paged, so these two files are where
  // every file is listed at once. They list the other files, not themselves (a file cannot hold its own hash).
  const listings = [
    { path: CATALOGUE_CSV_PATH, text: catalogueCsv(entries), title: 'Catalogue of every download (CSV)' },
    { path: CATALOGUE_JSON_PATH, text: compactJsonText(entries), title: 'Catalogue of every download (JSON)' },
  ];
  const updated = entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), '');
  for (const listing of listings) {
    const file = join(downloads, listing.path);
    const bytes = new TextEncoder().encode(listing.text);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    artefacts.push(storedArtefact({ path: listing.path, bytes, updated, title: listing.title }));
  }
}

/** A derived measure's views, downloads and tidy parts, written here; its plan targets and downloads. */
function writeDerived(
  measure: Measure,
  model: SiteModel,
  page: PageModel,
  plans: readonly PlanParts[],
  generated: string,
  downloads: string,
  siteRoot: string,
): { planTargets: readonly TargetView[]; artefacts: StoredArtefact[] } {
  const planTargets = writeMeasureViews(generated, modelIndex(page), measure, siteRoot);
  const artefacts = writeArtefacts(measureArtefacts(measure, model, siteRoot), formerAddresses(model), downloads);
  for (const plan of plans) {
    if (plan.slugs.includes(measure.id)) writeFileSync(tidyPartFile(generated, plan.id, measure.id), tidyMeasureBytes(measure, plan.breakdowns));
  }
  return { planTargets, artefacts };
}

/**
 * Joins a plan's tidy parts and its measures' deflated releases (`releases`) into its downloads (and
 * copies them to the plan's former addresses); returns them as the catalogue lists them.
 */
async function writePlan(
  parts: PlanParts,
  model: SiteModel,
  releases: (slug: string) => readonly ReleaseZipPart[],
  downloads: string,
  generated: string,
  siteRoot: string,
  comparisons: readonly ComparisonResourceFacts[],
): Promise<StoredArtefact[]> {
  const plan = model.plans.find((p) => p.id === parts.id)!;
  const measures = planMeasures(model, plan.id);
  const updated = planUpdated(measures);
  // A plan none of whose measures has figures has no downloads.
  if (!updated) return [];
  const files = planArtefacts(plan, updated);
  const [csvFile, datapackageFile, zipFile] = files.map((f) => join(downloads, f.path)) as [string, string, string];
  for (const file of [csvFile, datapackageFile, zipFile]) mkdirSync(dirname(file), { recursive: true });
  const compared = planComparisons(measures, comparisons);
  const written = await writePlanDownloads({
    plan,
    measures,
    ...(compared.length ? { comparisons: compared } : {}),
    site: model.site,
    pageUrl: planPageUrl(plan.id, siteRoot),
    breakdowns: parts.breakdowns,
    parts: parts.slugs.map((slug) => tidyPartFile(generated, plan.id, slug)),
    releases: parts.slugs.flatMap(releases),
    csvFile,
    datapackageFile,
    zipFile,
  });
  const facts = [written.csv, written.datapackage, written.zip];
  const former = formerAddresses(model);
  return files.flatMap((f, i) => {
    const stored: StoredArtefact = { path: f.path, updated: f.updated, title: f.title, size: facts[i]!.size, sha256: facts[i]!.sha256 };
    const all = withFormerAddresses(stored, former);
    for (const copy of all.slice(1)) {
      const target = join(downloads, copy.path);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(downloads, f.path), target);
    }
    return all;
  });
}

/** Splits `items` in up to `count` contiguous slices with about as many heavy items (those with data) each. */
function splitEvenly<T>(items: readonly T[], heavy: (item: T) => boolean, count: number): T[][] {
  const total = items.filter(heavy).length;
  const slices = Math.max(1, Math.min(count, total));
  const size = Math.ceil(total / slices);
  const out: T[][] = [[]];
  let inSlice = 0;
  for (const item of items) {
    if (heavy(item) && inSlice === size && out.length < slices) {
      out.push([]);
      inSlice = 0;
    }
    out.at(-1)!.push(item);
    if (heavy(item)) inSlice++;
  }
  return out;
}

/**
 * Each worker's old-generation heap, in MB. A worker holds one measure's rows at a time and small
 * summaries of the others (at 2,000 measures of 1,800 rows, well under 100 MB); left to itself V8
 * lets a worker's heap grow far past that before collecting, which took the data step's peak from
 * 0.79 GB to 1.07 GB on the 2,000-measure benchmark. 256 MB leaves room for one measure many
 * times the benchmark's (3 releases of 600 rows).
 */
const WORKER_HEAP_MB = 256;

/**
 * Each worker's young generation, in MB. A measure's rows and views are short-lived but come in
 * bursts of a few megabytes; with V8's default for a worker they were copied into the old
 * generation before they died. Measured on the 500-measure benchmark: data step 18.7 s and 0.50 GB
 * with 64 MB, 28-39 s and 0.68-0.69 GB with the default (two runs each, the machine shared).
 */
const WORKER_YOUNG_MB = 64;

/** Runs one worker over its slice; resolves with its reply once it has ended. */
function runWorker(slice: PoolSlice): Promise<MeasuresDone> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./measure-worker.ts', import.meta.url), { workerData: slice, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    let reply: MeasuresDone | undefined;
    worker.once('message', (message: MeasuresDone) => (reply = message));
    worker.once('error', (error: Error & { code?: string }) =>
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`a data step worker needed more than ${WORKER_HEAP_MB} MB for one measure's releases; raise WORKER_HEAP_MB in src/lib/build/data-step-pool.ts`, { cause: error })
          : error,
      ),
    );
    worker.once('exit', (code) => {
      if (code !== 0 || !reply) reject(new Error(`a data step worker stopped with exit code ${code}`));
      else resolve(reply);
    });
  });
}

/**
 * Writes downloads below `downloads`, each also at its former addresses (see formerAddresses), in
 * the order the catalogue lists them; returns what the catalogue needs of each, their bytes let go.
 */
export function writeArtefacts(artefacts: Iterable<Artefact>, former: (path: string) => string[], downloads: string): StoredArtefact[] {
  const stored: StoredArtefact[] = [];
  for (const artefact of artefacts) {
    for (const copy of withFormerAddresses(artefact, former)) {
      const file = join(downloads, copy.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, copy.bytes);
      stored.push(storedArtefact(copy));
    }
  }
  return stored;
}
