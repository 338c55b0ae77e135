/**
 * Writes the views the pages read to .generated/views/ (compact JSON): one file per measure, the
 * preview images' SVG, and the cross-measure views. Run by the data step after the page model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteModel } from '../model.ts';
import type { PageModel } from '../page-model.ts';
import { measureViews, modelIndex } from './measure.ts';
import { siteViews } from './site.ts';
import type { TargetView } from './types.ts';

/** Folder of the views below the generated folder. */
export function viewsDir(generated: string): string {
  return join(generated, 'views');
}

/** The file holding one measure's views. */
export function measureViewsFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'measures', `${slug}.json`);
}

/** The file holding a measure's preview image as SVG, for src/lib/sharing/og-images.ts to rasterise. */
export function ogSvgFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'og', `${slug}.svg`);
}

/** The file holding the cross-measure views. */
export function siteViewsFile(generated: string): string {
  return join(viewsDir(generated), 'site.json');
}

/** Builds and writes every view; a measure's views are written as soon as they are built. */
export function writeViews(generated: string, model: SiteModel, page: PageModel, siteRoot: string): void {
  mkdirSync(join(viewsDir(generated), 'measures'), { recursive: true });
  mkdirSync(join(viewsDir(generated), 'og'), { recursive: true });
  const index = modelIndex(page);
  const planTargets = new Map<string, readonly TargetView[]>();
  for (const measure of model.measures) {
    const { ogSvg, ...views } = measureViews(index, measure, siteRoot);
    writeFileSync(measureViewsFile(generated, measure.id), JSON.stringify(views));
    if (ogSvg) writeFileSync(ogSvgFile(generated, measure.id), ogSvg);
    planTargets.set(measure.id, views.planTargets);
  }
  writeFileSync(siteViewsFile(generated), JSON.stringify(siteViews(page, planTargets)));
}
