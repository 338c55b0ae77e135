/**
 * Facts about the built site for browser tests: every HTML page in dist/, and the page model the
 * build wrote, so tests name real plans and measures instead of repeating them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageModel } from '../../src/lib/derive/page-model.ts';

export const root = new URL('../..', import.meta.url).pathname;
/** The build under test: dist/ unless SND_DIST names another (so parallel builds need not share one). */
export const dist = process.env.SND_DIST ?? join(root, 'dist');
/**
 * The page model of that build: SND_GENERATED_DIR, else the "generated" folder beside SND_DIST (as a
 * kept benchmark lays them out: n2000/dist, n2000/generated), else .generated.
 */
export const generated =
  process.env.SND_GENERATED_DIR ??
  (process.env.SND_DIST && existsSync(join(process.env.SND_DIST, '..', 'generated', 'model.json')) ? join(process.env.SND_DIST, '..', 'generated') : join(root, '.generated'));

/** URL paths of every HTML page in dist/ ("/plans/2024-27/"), 404 page excluded. */
export function builtPages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map((f) => `/${f.replace(/index\.html$/, '').replaceAll('\\', '/')}`)
    .sort();
}

/** The page model the last build used. */
export function pageModel(): PageModel {
  return JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as PageModel;
}

/** Whether a site path resolves to a file in dist/ (a page directory with index.html, or a file). */
export function resolvesInDist(path: string): boolean {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  if (clean.endsWith('/')) return existsSync(join(dist, clean, 'index.html'));
  return existsSync(join(dist, clean)) || existsSync(join(dist, clean, 'index.html'));
}
