/**
 * Writes the views the pages read to .generated/views/ (compact JSON): one file per measure, the
 * preview images' SVG, and the cross-measure views. Run by the data step after the page model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Measure } from '../schemas/model.ts';
import type { PageModel } from '../derive/page-model.ts';
import { measureViews } from '../views/measure.ts';
import { measureRecord, type ModelIndex } from '../views/record.ts';
import { readSearchTerms } from '../search/read-terms.ts';
import { siteViews } from '../views/site.ts';
import type { TargetView } from '../views/types.ts';
import { buildUpdates } from '../updates/entries.ts';
import { embedViewFile, figuresPageViewFile, measureViewsFile, updatesViewFile, ogSvgFile, releaseViewFile, siteViewsFile } from '../views/files.ts';

/** Builds one measure's record and writes the views projected from it (and its preview image's SVG); returns its plan targets. */
export function writeMeasureViews(generated: string, index: ModelIndex, measure: Measure, siteRoot: string): readonly TargetView[] {
  // Each page reads only its own part: the measure page its view, the embed page its chart.
  const { page, embed, figuresPages, ogSvg, planTargets } = measureViews(measureRecord(index, measure, siteRoot));
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
  // What's new is computed here once, not by each page that lists it (the /updates/ pages and the feed).
  writeFileSync(updatesViewFile(generated), JSON.stringify(buildUpdates(page)));
}

