/**
 * Lists that grow with releases (issue 16) are paged, yet nothing drops out of reach: following the
 * "Next page" links from /data/ reaches a link to every file under /data/measures/ and /downloads/,
 * the catalogue's own CSV and JSON list every one of them with its checksum, and the pages of
 * /updates/ together hold every update, newest first.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { filesUnder } from '../support/crawl.ts';
import { dist, pageModel } from '../support/site.ts';
import { walkPages } from '../support/pager.ts';
import { buildUpdates } from '../../src/lib/updates/entries.ts';

/** Downloadable files (the plan download pages' own index.html are pages, not downloads). */
const published = () => filesUnder(['data/measures', 'downloads']).filter((file) => !file.endsWith('/index.html'));
/** Every download, comparisons included: the catalogue's CSV and JSON list them all (the /data/ pages list measures' and plans' files). */
const everyDownload = () => filesUnder(['data/measures', 'data/comparisons', 'downloads']).filter((file) => !file.endsWith('/index.html'));

test('the catalogue pages link every published file, and each page says where it is in the list', async ({ page }) => {
  const linked = new Set<string>();
  const pages = await walkPages(page, '/data/');
  for (const [i, path] of pages.entries()) {
    await page.goto(path);
    if (pages.length > 1) await expect(page.locator('nav.pager p')).toHaveText(`Page ${i + 1} of ${pages.length}`);
    for (const href of await page.locator('main a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) linked.add(href);
  }
  const missing = published().filter((file) => !linked.has(file));
  expect(missing, 'files no catalogue page links').toEqual([]);
});

test("each measure shows its newest release; earlier ones are collapsed beneath it, newest first", async ({ page }) => {
  let measures = 0;
  let withRelease = 0;
  for (const path of await walkPages(page, '/data/')) {
    await page.goto(path);
    for (const section of await page.locator('.catalogue-measure').all()) {
      measures++;
      const releaseDates = async (selector: string): Promise<string[]> => {
        const hrefs = await section.evaluate((el, css) => Array.from(el.querySelectorAll(css), (a) => a.getAttribute('href') ?? ''), selector);
        return hrefs.map((href) => /\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(href)?.[1] ?? '').filter((date) => date !== '');
      };
      const shown = await releaseDates(':scope > .table-scroll a[download]');
      const collapsed = await releaseDates('details a[download]');
      // A derived measure (computed from other series) has files but no releases of its own.
      expect(shown.length, 'at most one release shown: the newest').toBeLessThanOrEqual(1);
      if (shown.length === 1) withRelease++;
      if (collapsed.length > 0) expect(shown).toHaveLength(1);
      expect(collapsed).toEqual([...collapsed].sort().reverse());
      for (const date of collapsed) expect(date < shown[0]!).toBe(true);
      if (collapsed.length > 0) await expect(section.locator('details')).not.toHaveAttribute('open');
    }
  }
  expect(measures).toBeGreaterThan(0);
  expect(withRelease).toBeGreaterThan(0);
});

test("the catalogue's CSV and JSON list every published file with its size and checksum", async ({ request }) => {
  const csv = await (await request.get('/data/catalogue.csv')).text();
  const json = (await (await request.get('/data/catalogue.json')).json()) as { path: string; bytes: number; sha256: string }[];
  const files = everyDownload();
  expect(json.map((e) => e.path).sort()).toEqual(files);
  const csvPaths = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]);
  expect(csvPaths.sort()).toEqual(files);
  for (const entry of json) {
    const bytes = readFileSync(join(dist, entry.path));
    expect(bytes.byteLength, entry.path).toBe(entry.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), entry.path).toBe(entry.sha256);
  }
});

test("the pages of what's new together hold every update, newest first, each page at most 50", async ({ page }) => {
  const expected = buildUpdates(pageModel());
  const keys: string[] = [];
  const dates: string[] = [];
  for (const path of await walkPages(page, '/updates/')) {
    await page.goto(path);
    const items = page.locator('.updates-list > li');
    expect(await items.count()).toBeLessThanOrEqual(50);
    dates.push(...(await page.locator('.updates-list time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!))));
    keys.push(...(await page.locator('.updates-subject a').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))));
  }
  expect(keys).toEqual(expected.map((e) => e.path));
  expect(dates).toEqual([...dates].sort().reverse());
});
