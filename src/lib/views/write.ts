/**
 * Writes the views the pages read to .generated/views/ (compact JSON): one file per measure, the
 * preview images' SVG, and the cross-measure views. Run by the data step after the page model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Measure, SiteModel } from '../model.ts';
import type { PageModel } from '../page-model.ts';
import { measureViews, modelIndex, type ModelIndex } from './measure.ts';
import { readSearchTerms } from '../search/read-terms.ts';
import { siteViews } from './site.ts';
import type { TargetView } from './types.ts';
import { embedViewFile, figuresPageViewFile, makeViewsDirs, measureViewsFile, ogSvgFile, releaseViewFile, siteViewsFile } from './files.ts';

/** Builds and writes one measure's views (and its preview image's SVG); returns its plan targets. */
export function writeMeasureViews(generated: string, index: ModelIndex, measure: Measure, siteRoot: string): readonly TargetView[] {
  // Each page reads only its own part: the measure page its view, the embed page its chart.
  const { page, embed, figuresPages, ogSvg, planTargets } = measureViews(index, measure, siteRoot);
  writeFileSync(measureViewsFile(generated, measure.id), JSON.stringify(page));
  figuresPages?.forEach((figures, i) => writeViewFile(figuresPageViewFile(generated, measure.id, i + 1), figures));
  // A release with a page of its own: the page reads that release alone, not the measure's whole view.
  for (const release of page.releases) if (release.revisionsOnOwnPage) writeViewFile(releaseViewFile(generated, measure.id, release.date), release);
  if (embed) writeFileSync(embedViewFile(generated, measure.id), JSON.stringify(embed));
  if (ogSvg) writeFileSync(ogSvgFile(generated, measure.id), ogSvg);
  return planTargets;
}

function writeViewFile(file: string, view: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(view));
}

/** Writes the cross-measure views, once every measure's plan targets are known; `root` holds content/search-terms.yaml. */
export function writeSiteViews(generated: string, root: string, page: PageModel, planTargets: ReadonlyMap<string, readonly TargetView[]>): void {
  // Validated with the rest of the content before this step runs, so its problems are already reported.
  const { groups, filterNames, questions } = readSearchTerms(root);
  writeFileSync(siteViewsFile(generated), JSON.stringify(siteViews(page, planTargets, { groups, filterNames, questions })));
}

/** Builds and writes every view in this thread; a measure's views are written as soon as they are built. */
export function writeViews(generated: string, root: string, model: SiteModel, page: PageModel, siteRoot: string): void {
  makeViewsDirs(generated);
  const index = modelIndex(page);
  const planTargets = new Map<string, readonly TargetView[]>();
  for (const measure of model.measures) planTargets.set(measure.id, writeMeasureViews(generated, index, measure, siteRoot));
  writeSiteViews(generated, root, page, planTargets);
}
