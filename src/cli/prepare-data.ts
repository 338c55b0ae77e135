/**
 * The data step on its own, for `npm run dev`: the build's pooled step (src/lib/build/data-step-child.ts)
 * writing .generated/ for the Astro pages to read. prepareData is the same step on one thread, kept
 * as the reference the pool is tested against (test/unit/build/data-step-pool.test.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPageModel } from '../lib/derive/build-model.ts';
import { writeCatalogue } from '../lib/build/data-step-pool.ts';
import { downloadsDir } from '../lib/build/data-step.ts';
import { dataStep } from '../lib/build/data-step-child.ts';
import { writeViews } from '../lib/build/write-views.ts';
import { writeComparisons } from '../lib/views/comparison.ts';
import type { SiteModel } from '../lib/schemas/model.ts';
import type { PageModel } from '../lib/derive/page-model.ts';
import { loadSite } from '../lib/build/load-site.ts';
import { eachArtefact } from '../lib/downloads/artefacts.ts';
import { storedArtefact, type StoredArtefact } from '../lib/downloads/catalogue.ts';
import type { ComparisonResourceFacts } from '../lib/downloads/readme.ts';
import { siteRootOf } from '../lib/build/deployment.ts';
import { reportDiagnostics, runCli, today } from './report.ts';

export { downloadsDir };

/**
 * Validates and writes .generated/: the page model, the pages' views (src/lib/views), and every download under downloads/ (see
 * downloadsDir), each written as soon as it is built so their bytes are never all in memory at
 * once. Returns undefined (after reporting) when anything is invalid.
 */
export function prepareData(
  root: string,
  generated: string,
  day: string,
  siteRoot: string,
): { model: SiteModel; page: PageModel; artefacts: StoredArtefact[] } | undefined {
  const prepared = writeModel(root, generated, day);
  if (!prepared) return undefined;
  writeViews(generated, root, prepared.model, prepared.page, siteRoot);
  const comparisons = writeComparisons(root, prepared.model, generated, downloadsDir(generated), siteRoot);
  if (comparisons.diagnostics.length) {
    reportDiagnostics(comparisons.diagnostics, console.error);
    return undefined;
  }
  return { ...prepared, artefacts: writeDownloads(prepared.model, generated, siteRoot, comparisons) };
}

/** Validates, then writes the page model. */
function writeModel(root: string, generated: string, day: string): { model: SiteModel; page: PageModel } | undefined {
  const { model, diagnostics } = loadSite({ root, today: day });
  if (!model) {
    reportDiagnostics(diagnostics, console.error);
    return undefined;
  }
  const { page } = buildPageModel(model, day);
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'model.json'), JSON.stringify(page));
  return { model, page };
}

/** Writes every download, the catalogue and the JSON-LD; returns the downloads written. */
function writeDownloads(model: SiteModel, generated: string, siteRoot: string, comparisons: { readonly artefacts: readonly StoredArtefact[]; readonly resources: readonly ComparisonResourceFacts[] }): StoredArtefact[] {
  const artefacts: StoredArtefact[] = [];
  for (const artefact of eachArtefact(model, siteRoot, comparisons.resources)) {
    const file = join(downloadsDir(generated), artefact.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, artefact.bytes);
    artefacts.push(storedArtefact(artefact));
  }
  // The pooled step lists the comparisons after the measures' and plans' files too.
  artefacts.push(...comparisons.artefacts);
  writeCatalogue(model, artefacts, generated, downloadsDir(generated), siteRoot);
  return artefacts;
}

if (import.meta.main) {
  // The same pooled step the build runs, so `npm run dev` shows what a build would publish;
  // prepareData above stays as the single-thread reference the pool is tested against.
  const root = process.cwd();
  await runCli(async () => ((await dataStep({ root, generated: join(root, '.generated'), day: today(), siteRoot: siteRootOf(process.env, root) })).artefacts ? 0 : 1));
}
