/**
 * Read side of the pipeline for Astro pages: loads what `src/cli/build.ts` wrote to .generated/.
 * Plain Node reads: the model, the site views, catalogue and JSON-LD are read once per build; a
 * measure's views are read by the page that renders them and not kept, since keeping them all
 * would hold every chart of the site in memory for the rest of the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureFiles, type CatalogueEntry, type MeasureFiles } from '../downloads/catalogue.ts';
import { pageItems, type ListPage } from './paging.ts';
import type { UpdateEntry } from '../updates/entries.ts';
import type { ActionEntry, MeasureEntry, PageModel, PlanEntry, PriorityEntry } from '../derive/page-model.ts';
import type { EmbedView, FiguresPageView, MeasurePageView, ReleaseView, SiteViews } from './types.ts';
import { embedViewFile, figuresPageViewFile, measureViewsFile, releaseViewFile, siteViewsFile, updatesViewFile } from './files.ts';

/** Folder the build writes the page model to; overridable so tests and the benchmark can build elsewhere. */
export function generatedDir(): string {
  return process.env.SND_GENERATED_DIR ?? join(process.cwd(), '.generated');
}

let model: PageModel | undefined;

/** The page model; fails with a clear message when the data step has not run. */
export function loadModel(): PageModel {
  if (!model) {
    const file = join(generatedDir(), 'model.json');
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run "npm run build" (or "npm run prepare-data" before "astro dev").`);
    }
    model = JSON.parse(readFileSync(file, 'utf8')) as PageModel;
  }
  return model;
}

let views: SiteViews | undefined;

/** The views that span measures: home, plan and priority cards, targets, which embed and release pages exist. */
export function loadSiteViews(): SiteViews {
  views ??= JSON.parse(readFileSync(siteViewsFile(generatedDir()), 'utf8')) as SiteViews;
  return views;
}

/** One measure page's view: its figures, chart, targets and releases (read when a page needs it, not kept). */
export function loadMeasurePageView(slug: string): MeasurePageView {
  return JSON.parse(readFileSync(measureViewsFile(generatedDir(), slug), 'utf8')) as MeasurePageView;
}

/** One figures page of a long series (number counts from 1): its rows only. */
export function loadFiguresPageView(slug: string, number: number): FiguresPageView {
  return JSON.parse(readFileSync(figuresPageViewFile(generatedDir(), slug, number), 'utf8')) as FiguresPageView;
}

/** One release with a page of its own, as the measure page's release history holds it. */
export function loadReleaseView(slug: string, date: string): ReleaseView {
  return JSON.parse(readFileSync(releaseViewFile(generatedDir(), slug, date), 'utf8')) as ReleaseView;
}

/** One measure's embed view: the chart the measure page leads with, alone. */
export function loadEmbedView(slug: string): EmbedView {
  return JSON.parse(readFileSync(embedViewFile(generatedDir(), slug), 'utf8')) as EmbedView;
}

let catalogueEntries: CatalogueEntry[] | undefined;

/** Every downloadable file with size, date, licence and SHA-256 (see src/lib/downloads/catalogue.ts). */
export function loadCatalogue(): CatalogueEntry[] {
  catalogueEntries ??= JSON.parse(readFileSync(join(generatedDir(), 'catalogue.json'), 'utf8')) as CatalogueEntry[];
  return catalogueEntries;
}

/**
 * Measures per page of the data catalogue: with three releases each, ten measures' tables (earlier
 * releases collapsed) come to about 1,100 elements with the page around them, under the 1,400 the
 * phone test allows (Lighthouse warns above 800 and blocks the main thread long above that).
 */
export const MEASURES_PER_CATALOGUE_PAGE = 10;

let catalogue: ListPage<MeasureFiles>[] | undefined;

/** The data catalogue's measure files, paged (page 1 is /data/); grouped once, not once per page. */
export function cataloguePages(): ListPage<MeasureFiles>[] {
  catalogue ??= pageItems(measureFiles(loadCatalogue()), MEASURES_PER_CATALOGUE_PAGE);
  return catalogue;
}

/** Rows of a plan's performance framework per page: the plan page shows the first page (the real plans fit on it). */
export const FRAMEWORK_PER_PAGE = 60;

/** A plan's measures in framework order, paged (page 1 is on the plan page, later ones at /plans/<plan>/page/<n>/). */
export function frameworkPages(plan: PlanEntry): ListPage<MeasureEntry>[] {
  const { measure } = index();
  return pageItems(plan.measures.map(measure), FRAMEWORK_PER_PAGE);
}

/** Entries per page of what's new: about nine elements each, so a full page stays near 700 elements. */
export const UPDATES_PER_PAGE = 50;

let updateEntries: UpdateEntry[] | undefined;

/** What's new, newest first, as the data step listed it (src/lib/updates/entries.ts): the pages' and the Atom feed's entries. */
export function loadUpdates(): UpdateEntry[] {
  updateEntries ??= JSON.parse(readFileSync(updatesViewFile(generatedDir()), 'utf8')) as UpdateEntry[];
  return updateEntries;
}

let updates: ListPage<UpdateEntry>[] | undefined;

/** What's new, newest first, paged (page 1 is /updates/). */
export function updatesPages(): ListPage<UpdateEntry>[] {
  updates ??= pageItems(loadUpdates(), UPDATES_PER_PAGE);
  return updates;
}

let jsonLd: Record<string, string> | undefined;

/** Serialised (already script-safe) schema.org JSON-LD for a page path, if the page has a dataset. */
export function loadJsonLd(pagePath: string): string | undefined {
  jsonLd ??= JSON.parse(readFileSync(join(generatedDir(), 'jsonld.json'), 'utf8')) as Record<string, string>;
  return jsonLd[pagePath];
}

let lookups: ReturnType<typeof buildIndex> | undefined;

/** Lookup helpers over the model, built once per build (not once per page: that is quadratic in pages). */
export function index() {
  lookups ??= buildIndex(loadModel());
  return lookups;
}

function buildIndex(m: PageModel) {
  return {
    plan: byId(m.plans, (p) => p.id),
    priority: byId(m.priorities, (p) => p.id),
    action: byId(m.actions, (a) => a.id),
    measure: byId(m.measures, (x) => x.slug),
  };
}

function byId<T>(items: readonly T[], key: (item: T) => string): (id: string) => T {
  const map = new Map(items.map((item) => [key(item), item]));
  return (id: string) => {
    const found = map.get(id);
    if (!found) throw new Error(`unknown id "${id}"`);
    return found;
  };
}

export type { ActionEntry, MeasureEntry, PlanEntry, PriorityEntry };
