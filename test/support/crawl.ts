/**
 * Shared machinery for the "trust gate" crawls (accessibility, reflow, privacy): the list of pages
 * comes from the sitemap the build published, because that is the list of pages we promise
 * readers and search engines; and one browser page per worker is reused across every URL, because
 * opening a fresh context for each of ~110 pages would spend most of the run on start-up.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { dist } from './site.ts';

/** Every <loc> in an XML sitemap file. */
function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.trim().replaceAll('&amp;', '&'));
}

/**
 * URL paths ("/plans/2024-27/") of every page in the built sitemap: sitemap-index.xml, then each
 * sitemap it names. The absolute URLs use the deployment's SITE_URL, which is not where the tests
 * serve the site, so only the path is kept (it still carries BASE_PATH, as the preview server does).
 */
export function sitemapPaths(site = dist): string[] {
  const index = join(site, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error('dist/sitemap-index.xml is missing: build the site first (node src/cli/build.ts).');
  const pages = locs(readFileSync(index, 'utf8')).flatMap((sitemap) => {
    const file = join(site, new URL(sitemap).pathname.split('/').at(-1)!);
    return locs(readFileSync(file, 'utf8')).map((loc) => new URL(loc).pathname);
  });
  return [...new Set(pages)].sort();
}

/**
 * Every page readers can reach, for the crawls: the sitemap's pages, plus built pages the sitemap
 * leaves out on purpose because they are not for search engines (noindex: the embeddable charts
 * under /embed/), which partners put in front of readers all the same. Astro's redirect pages and
 * 404.html are left out (the 404 page is checked on its own).
 */
export function crawlPaths(site = dist): string[] {
  const others = htmlFiles(site)
    .filter((f) => f !== '404.html' && !redirectTarget(readFileSync(join(site, f), 'utf8')))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  return [...new Set([...sitemapPaths(site), ...others])].sort();
}

/** Pages built without the site's header, navigation and footer, by design: charts for other sites' iframes. */
export function isEmbed(path: string): boolean {
  return /^\/embed\//.test(path);
}

/**
 * Splits a crawl into a few tests of `size` pages each. One test per page would be neater, but
 * Playwright replaces the worker (and its browser) after every failed test, so a fault shared by
 * all pages (a layout change) would cost a browser start per page: minutes instead of seconds.
 * Each batch collects every problem on its pages and reports them together, page by page.
 */
export function batches(paths: readonly string[], size = 8): { label: string; paths: string[] }[] {
  const out: { label: string; paths: string[] }[] = [];
  for (let i = 0; i < paths.length; i += size) {
    const part = paths.slice(i, i + size);
    out.push({ label: part.length === 1 ? part[0]! : `${part[0]} … ${part.at(-1)} (${part.length} pages)`, paths: part });
  }
  return out;
}

/** Paths ("/data/measures/knife-crime.csv") of every file under the given folders of dist/. */
export function filesUnder(folders: readonly string[], site = dist): string[] {
  return folders
    .flatMap((folder) => {
      const dir = join(site, folder);
      if (!existsSync(dir)) return [];
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((f) => join(dir, f))
        .filter((f) => statSync(f).isFile())
        .map((f) => `/${relative(site, f).replaceAll('\\', '/')}`);
    })
    .sort();
}

/** Every HTML file in a built site folder, as paths relative to it ("plans/2024-27/index.html"). */
export function htmlFiles(folder = dist): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

/** The target of a static redirect page Astro generated (meta refresh), or undefined for a real page. */
export function redirectTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="\d+;url=([^"]+)"/i.exec(html)?.[1];
}

/** The window size the crawls use unless they test another (reflow uses 320px). */
export const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * `test` with a `shared` page that lives as long as the worker: every test in the file gets the
 * same tab, already warmed up, so a 130-page crawl costs one page load per URL and nothing more.
 * The page outlives the file: a worker runs tests of several crawls, so each sets its window size.
 */
export const test = base.extend<object, { shared: Page }>({
  shared: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, viewport: DESKTOP });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});
export { expect } from '@playwright/test';
