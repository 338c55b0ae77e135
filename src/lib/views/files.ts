/**
 * Where the data step writes the views below the generated folder: paths only, so what reads a
 * view (the Astro pages, the preview-image step) does not load the code that builds them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the views below the generated folder. */
export function viewsDir(generated: string): string {
  return join(generated, 'views');
}

/** The file holding one measure page's view. */
export function measureViewsFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'measures', `${slug}.json`);
}

/** The file holding one measure's embed view, for a measure with a chart to embed. */
export function embedViewFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'embeds', `${slug}.json`);
}

/** The file holding a measure's preview image as SVG, for src/lib/build/preview-images.ts to rasterise. */
export function ogSvgFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'og', `${slug}.svg`);
}

/** The file holding one figures page of a long series (number counts from 1). */
export function figuresPageViewFile(generated: string, slug: string, number: number): string {
  return join(viewsDir(generated), 'figures', slug, `${number}.json`);
}

/** The file holding one release of a measure as its release page shows it. */
export function releaseViewFile(generated: string, slug: string, date: string): string {
  return join(viewsDir(generated), 'releases', slug, `${date}.json`);
}

/** The file holding the cross-measure views. */
export function siteViewsFile(generated: string): string {
  return join(viewsDir(generated), 'site.json');
}

/** The file holding what's new, newest first: the /updates/ pages and the Atom feed's entries. */
export function updatesViewFile(generated: string): string {
  return join(viewsDir(generated), 'updates.json');
}

/** Makes the folders the views are written to. */
export function makeViewsDirs(generated: string): void {
  mkdirSync(join(viewsDir(generated), 'measures'), { recursive: true });
  mkdirSync(join(viewsDir(generated), 'og'), { recursive: true });
  mkdirSync(join(viewsDir(generated), 'embeds'), { recursive: true });
}
