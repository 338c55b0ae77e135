/**
 * Read side of the pipeline for Astro pages: loads what `src/cli/build.ts` wrote to .generated/.
 * Plain Node reads, memoised, so each JSON file is read at most once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from './downloads/catalogue.ts';
import type { ActionView, MeasureDetail, MeasureView, PageModel, PlanView, PriorityView } from './page-model.ts';

/** Folder the build writes the page model to; overridable so tests and the benchmark can build elsewhere. */
export function generatedDir(): string {
  return process.env.SND_GENERATED_DIR ?? join(process.cwd(), '.generated');
}

let model: PageModel | undefined;
const details = new Map<string, MeasureDetail>();

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

/** One measure's releases with rows. */
export function loadMeasureDetail(slug: string): MeasureDetail {
  let detail = details.get(slug);
  if (!detail) {
    detail = JSON.parse(readFileSync(join(generatedDir(), 'measures', `${slug}.json`), 'utf8')) as MeasureDetail;
    details.set(slug, detail);
  }
  return detail;
}

let catalogueEntries: CatalogueEntry[] | undefined;

/** Every downloadable file with size, date, licence and SHA-256 (see src/lib/downloads/catalogue.ts). */
export function loadCatalogue(): CatalogueEntry[] {
  catalogueEntries ??= JSON.parse(readFileSync(join(generatedDir(), 'catalogue.json'), 'utf8')) as CatalogueEntry[];
  return catalogueEntries;
}

let jsonLd: Record<string, string> | undefined;

/** Serialised (already script-safe) schema.org JSON-LD for a page path, if the page has a dataset. */
export function loadJsonLd(pagePath: string): string | undefined {
  jsonLd ??= JSON.parse(readFileSync(join(generatedDir(), 'jsonld.json'), 'utf8')) as Record<string, string>;
  return jsonLd[pagePath];
}

/** Lookup helpers over the model, built once. */
export function index() {
  const m = loadModel();
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

export type { ActionView, MeasureView, PlanView, PriorityView };
