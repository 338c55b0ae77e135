/**
 * Search (issue 5) against the built site: Pagefind's index, the curated word list, filters that can
 * be shared as links, keyboard use, accessibility, and what happens without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, dist } from '../support/site.ts';
import { SEARCHED_PAGES } from '../../src/lib/search/searched-pages.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const status = (page: Page) => page.locator('#search-status');
const resultLinks = (page: Page) => page.locator('#search-results .search-result__title a');

/** Opens the search page for `query` and waits for its results (or its "no results") to be announced. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(status(page)).toContainText(/results? for|No results|No page has/);
}

/** The href of every result shown, in order. */
async function hrefs(page: Page): Promise<string[]> {
  return resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, matches: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

test('a link with ?q=knife shows results on arrival, with the query in the box', async ({ page }) => {
  await searchFor(page, 'knife');
  await expect(page.getByRole('searchbox', { name: 'Search for', exact: true })).toHaveValue('knife');
  await expect(status(page)).toHaveText(/^\d+ results for “knife”\.$/);
  expect(await resultLinks(page).count()).toBeGreaterThan(3);
});

test('"knife" puts the knife crime measure first', async ({ page }) => {
  await searchFor(page, 'knife');
  await expect(resultLinks(page).first()).toHaveAttribute('href', /\/measures\/knife-crime\/$/);
  await expect(resultLinks(page).first()).toHaveText('Knife Crime');
});

test('"compare robbery" finds the robbery comparison page among its first three results', async ({ page }) => {
  await searchFor(page, 'compare robbery');
  expect((await hrefs(page)).slice(0, 3)).toContainEqual(expect.stringMatching(/\/measures\/robbery-rate\/compare\/$/));
});

test('"how does Nottingham compare" finds the comparison pages first', async ({ page }) => {
  await searchFor(page, 'how does Nottingham compare');
  expect((await hrefs(page)).slice(0, 3).every((href) => /\/measures\/[^/]+\/compare\/$/.test(href))).toBe(true);
});

test('each result shows its type, plan period and a snippet with the match marked', async ({ page }) => {
  await searchFor(page, 'knife');
  const first = page.locator('#search-results > li').first();
  await expect(first.locator('.search-result__meta')).toHaveText(/Measure\s+2024-27 strategy/);
  await expect(first.locator('.search-result__excerpt mark').first()).toHaveText(/knife/i);
});

test('"MARAC" finds the MARAC referrals measure and the domestic and sexual violence priority', async ({ page }) => {
  await searchFor(page, 'MARAC');
  const found = await hrefs(page);
  expect(found.some((h) => h.endsWith('/measures/marac-referrals/'))).toBe(true);
  expect(found.some((h) => h.endsWith('/plans/2024-27/priorities/domestic-and-sexual-violence-and-abuse/'))).toBe(true);
});

test('"ASB" finds the anti-social behaviour priority, and says which full term it also searched', async ({ page }) => {
  await searchFor(page, 'ASB');
  expect((await hrefs(page)).some((h) => h.endsWith('/plans/2024-27/priorities/anti-social-behaviour/'))).toBe(true);
  await expect(page.locator('#search-also')).toContainText('anti-social behaviour');
});

test('"ASB" lists both plans\' anti-social behaviour priorities among its first three results', async ({ page }) => {
  await searchFor(page, 'ASB');
  const firstThree = (await hrefs(page)).slice(0, 3);
  for (const plan of ['2024-27', '2015-20']) {
    expect(firstThree.some((h) => h.endsWith(`/plans/${plan}/priorities/anti-social-behaviour/`)), `${plan} priority in ${firstThree.join(', ')}`).toBe(true);
  }
});

test('"DA" finds domestic abuse, not every page that mentions data', async ({ page }) => {
  await searchFor(page, 'DA');
  const found = await hrefs(page);
  expect(found.some((h) => h.endsWith('/measures/domestic-abuse-repeat-victims/'))).toBe(true);
  expect(found.every((h) => !h.endsWith('/data/') && !h.endsWith('/about/publishing/'))).toBe(true);
});

test('a plan period filter narrows the results, and the filtered search can be shared', async ({ page }) => {
  await searchFor(page, 'anti-social behaviour');
  const before = await resultLinks(page).count();
  const older = page.getByRole('checkbox', { name: /^2015-20 plan/ });
  await older.check();
  await expect(status(page)).toContainText('with the filters you chose');
  const after = await resultLinks(page).count();
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  for (const meta of await page.locator('#search-results .search-result__meta').allTextContents()) expect(meta).toContain('2015-20 plan');
  await expect(page).toHaveURL(/[?&]plan=2015-20\+plan(&|$)/);

  await page.goto(page.url());
  await expect(page.getByRole('checkbox', { name: /^2015-20 plan/ })).toBeChecked();
  await expect(resultLinks(page)).toHaveCount(after);
});

test('a search with no match says so and suggests browsing', async ({ page }) => {
  await searchFor(page, 'xylophone');
  await expect(status(page)).toHaveText('No results for “xylophone”.');
  const none = page.locator('#search-none');
  await expect(none).toBeVisible();
  await expect(none.getByRole('link', { name: 'the plans' })).toHaveAttribute('href', /\/plans\/$/);
  await expect(none.getByRole('link', { name: 'all measures' })).toHaveAttribute('href', /\/measures\/$/);
  await expect(resultLinks(page)).toHaveCount(0);
});

test('search works by keyboard alone: header box, Enter, a filter, a result', async ({ page }) => {
  await page.goto('/');
  await tabUntil(page, '#site-search');
  await page.keyboard.type('knife');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=knife$/);
  await expect(status(page)).toContainText('results for “knife”');

  await tabUntil(page, '#search-filter-groups input[type="checkbox"]');
  const box = page.locator(':focus');
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(status(page)).toContainText('with the filters you chose');

  await tabUntil(page, '#search-results a');
  const target = await page.locator(':focus').getAttribute('href');
  expect(target).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${target!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('"Show more results" adds the next results and moves focus to the first of them', async ({ page }) => {
  await searchFor(page, 'crime');
  const shown = await resultLinks(page).count();
  const more = page.getByRole('button', { name: /^Show \d+ more results?$/ });
  test.skip(!(await more.isVisible()), 'fewer results than one page');
  await more.click();
  await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(shown);
  await expect(resultLinks(page).nth(shown)).toBeFocused();
});

test('axe finds no WCAG 2.2 AA violation on the search page with results and filters shown', async ({ page }) => {
  await searchFor(page, 'knife');
  await page.locator('.search-filter-fold > summary').first().click();
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

/** Starts adding up layout shifts (not caused by input) and noting the largest paint, before the page loads. */
async function observeLayout(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = window as unknown as { layoutShift: number; largestPaint: number; largestPaintElement: string };
    seen.layoutShift = 0;
    seen.largestPaint = 0;
    seen.largestPaintElement = '';
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) seen.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null };
      seen.largestPaint = last.startTime;
      seen.largestPaintElement = last.element ? `${last.element.tagName.toLowerCase()}${last.element.className ? `.${String(last.element.className).split(' ')[0]}` : ''}` : '';
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 360, height: 800 }]) {
  test(`a search from a link keeps still as its results arrive, at ${viewport.width} px: layout shift below 0.1 (issue 23)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await observeLayout(page);
    await page.goto('/search/?q=knife');
    await expect(status(page)).toContainText('results for “knife”');
    // Everything the script draws is there: results, the filters' counts and the line under the status.
    await expect(page.locator('.search-filter__count').first()).toHaveText(/^\(\d+\)$/);
    await expect(page.locator('#search-also')).toBeVisible();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { layoutShift, largestPaint, largestPaintElement } = await page.evaluate(() => {
      const seen = window as unknown as { layoutShift: number; largestPaint: number; largestPaintElement: string };
      return { layoutShift: seen.layoutShift, largestPaint: seen.largestPaint, largestPaintElement: seen.largestPaintElement };
    });
    // The largest paint is measured, not judged here (no timed tests): npm run bench weighs the page.
    test.info().annotations.push({ type: 'largest contentful paint', description: `${Math.round(largestPaint)} ms (${largestPaintElement})` });
    test.info().annotations.push({ type: 'layout shift', description: layoutShift.toFixed(3) });
    expect(layoutShift).toBeLessThan(0.1);
  });
}

test('axe finds no violation when nothing matches', async ({ page }) => {
  await searchFor(page, 'xylophone');
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('Pagefind loads only when someone searches, and only from this site', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/measures/knife-crime/');
  await page.goto('/search/');
  expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search for', exact: true }).fill('burglary');
  await expect(status(page)).toContainText('results for “burglary”');
  expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  expect(requests.filter((url) => !url.startsWith(baseURL!))).toEqual([]);
  await expect(page).toHaveURL(/\/search\/\?q=burglary$/);
});

test('if the index cannot load, the page says so and offers browsing', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto('/search/?q=knife');
  await expect(status(page)).toHaveText(/Search could not load/);
  await expect(page.locator('#search-failed').getByRole('link', { name: 'the plans' })).toBeVisible();
});

test("the search page's own form has no empty action attribute, which HTML forbids, and still searches without JavaScript", async ({ page, request }) => {
  const html = await (await request.get('/search/')).text();
  expect(html).not.toMatch(/<form\b[^>]*\saction=(""|''|(?=[\s>]))/);
  await page.goto('/search/');
  await expect(page.locator('#search-form')).not.toHaveAttribute('action', /.*/);
});

test('the theme and agency filters of the built site name each theme or agency one way, and only agencies', () => {
  const values = new Map<string, Set<string>>();
  for (const path of builtPages()) {
    const html = readFileSync(path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path), 'utf8');
    for (const [, name, value] of html.matchAll(/data-pagefind-filter="(\w+)\[data-value\]" data-value="([^"]*)"/g)) {
      const decoded = value!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
      values.set(name!, (values.get(name!) ?? new Set()).add(decoded));
    }
  }
  const themes = [...(values.get('theme') ?? [])];
  const agencies = [...(values.get('agency') ?? [])];
  expect(themes.length).toBeGreaterThan(5);
  expect(agencies.length).toBeGreaterThan(5);
  // Spellings that differ only in case, hyphens, "&"/"and" or punctuation are one name.
  const fold = (v: string) => v.toLowerCase().replace(/&/g, ' and ').replace(/[-‐-―'’.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [name, list] of [['theme', themes], ['agency', agencies]] as const) {
    const byKey = Map.groupBy(list, fold);
    expect([...byKey.values()].filter((group) => group.length > 1), `${name} spellings`).toEqual([]);
  }
  expect(themes).toContain('Anti-Social Behaviour');
  expect(themes).not.toContain('Anti-social behaviour');
  expect(agencies).toContain('Nottinghamshire Police');
  // The agency filter lists who the plans name; a data publisher (ONS) is shown on measure pages instead.
  expect(agencies).not.toContain('Office for National Statistics');
  for (const variant of ['Police', 'Nottinghamshire Police via police.uk', 'Office of the PCC', 'Not stated in the plan']) expect(agencies).not.toContain(variant);
  // No agency carries a dataset's name in brackets.
  expect(agencies.filter((a) => /\(/.test(a))).toEqual([]);
  // Pages keep the plan's own wording: the 2024-27 action led by "Police" still says so.
  const action = readFileSync(join(dist, 'plans/2024-27/actions/review-shoplifting-response/index.html'), 'utf8');
  expect(action).toMatch(/Lead agency<\/dt>\s*<dd[^>]*>Police<\/dd>/);
});

test('Pagefind reads every searchable page of the built site, and skips the pages that are never searched', () => {
  const files = builtPages().map((path) => (path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1)));
  const searchable = files.filter((file) => readFileSync(join(dist, file), 'utf8').includes('data-pagefind-body'));
  expect(searchable.length).toBeGreaterThan(40);
  expect(searchable.filter((file) => !matchesGlob(file, SEARCHED_PAGES))).toEqual([]);
  // What the glob is for: the kinds of page a large site has most of are not read at all.
  const skipped = files.filter((file) => !matchesGlob(file, SEARCHED_PAGES));
  for (const kind of [/^embed\//, /^updates\//, /^measures\/[^/]+\/releases\//]) expect(skipped.some((file) => kind.test(file)), String(kind)).toBe(true);
  expect(skipped.filter((file) => searchable.includes(file))).toEqual([]);
});

test('every page has the header search box, which submits to /search/', async ({ page }) => {
  for (const path of ['/', '/plans/2024-27/', '/measures/knife-crime/']) {
    await page.goto(path);
    const form = page.getByRole('search', { name: 'Site' });
    await expect(form).toHaveAttribute('action', /\/search\/$/);
    await expect(form.locator('input[name="q"]')).toBeVisible();
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box goes to the search page, which says results need JavaScript and offers browsing', async ({ page }) => {
    await page.goto('/');
    await page.locator('#site-search').fill('knife');
    await page.locator('#site-search').press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=knife$/);
    await expect(page.getByText('Search results need JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'the plans' })).toHaveAttribute('href', /\/plans\/$/);
    await expect(page.getByRole('link', { name: 'all measures' })).toHaveAttribute('href', /\/measures\/$/);
  });
});
