/**
 * The data step of the build, on its own for `npm run dev`: validate content and data once, then
 * write the page model to .generated/ for the Astro pages to read.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPageModel } from '../lib/build-model.ts';
import type { SiteModel } from '../lib/model.ts';
import type { PageModel } from '../lib/page-model.ts';
import { loadSite } from '../lib/pipeline.ts';
import { buildArtefacts, buildJsonLd } from '../lib/downloads/artefacts.ts';
import { catalogue, type Artefact } from '../lib/downloads/catalogue.ts';
import { siteRoot } from '../lib/deployment.ts';
import { reportDiagnostics, runCli, today } from './report.ts';

/** Validates and writes .generated/; returns undefined (after reporting) when anything is invalid. */
export function prepareData(
  root: string,
  generated: string,
  day = today(),
): { model: SiteModel; page: PageModel; artefacts: Artefact[] } | undefined {
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
  const artefacts = buildArtefacts(model, siteRoot());
  writeFileSync(join(generated, 'catalogue.json'), JSON.stringify(catalogue(artefacts, model.site.licence)));
  writeFileSync(join(generated, 'jsonld.json'), JSON.stringify(buildJsonLd(model, artefacts, siteRoot())));
  return { model, page, artefacts };
}

if (import.meta.main) {
  await runCli(() => (prepareData(process.cwd(), join(process.cwd(), '.generated')) ? 0 : 1));
}
