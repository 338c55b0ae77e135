/**
 * Permanent URLs. test/urls/published.txt registers every address the site has ever published;
 * each must still resolve in the build. Renaming a measure or a plan is allowed only with
 * `redirect_from`, which the real build turns into redirect pages for the old pages and copies of
 * the data files at their old addresses: exercised here on a copy of the content. The 404 page
 * helps a reader who arrives at an address that never existed.
 */
import { today } from '../../src/cli/report.ts';
import { buildAndServeRoot, type ServedRoot } from '../support/fixture-roots.ts';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REGISTER, publishedBy, readRegister, unresolved } from '../support/published-urls.ts';
import { redirectTarget, sitemapPaths } from '../support/crawl.ts';
import { root } from '../support/site.ts';

test('the register of published addresses explains itself and is sorted, without repeats', () => {
  const text = readFileSync(REGISTER, 'utf8');
  expect(text).toMatch(/^# .*\n(#.*\n)*/);
  expect(text).toMatch(/never removed/);
  const addresses = readRegister();
  expect(addresses.length).toBeGreaterThan(150);
  expect(addresses).toEqual([...new Set(addresses)].sort());
  for (const address of addresses) expect(address, 'a site path').toMatch(/^\/\S*$/);
});

test('every address ever published still resolves in the build', () => {
  const problems = unresolved(readRegister());
  expect(problems, problems.join('\n')).toEqual([]);
});

test('every address the build publishes is in the register', () => {
  // Otherwise a page published today and renamed tomorrow would break links unnoticed.
  const registered = new Set(readRegister());
  const missing = publishedBy().filter((address) => !registered.has(address));
  expect(missing, `Not yet registered (run: node test/support/published-urls.ts):\n${missing.join('\n')}`).toEqual([]);
});

test('a missing address gets a useful 404 page: says so, offers search and the main ways in', async ({ page }) => {
  const response = await page.goto('/measures/no-such-measure/');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Page not found/);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  // It names no canonical address: /404/ itself does not exist.
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  const main = page.locator('main');
  for (const [name, href] of [
    ['the home page', '/'],
    ["the partnership's plans", '/plans/'],
    ['all measures', '/measures/'],
    ['data downloads', '/data/'],
  ] as const) {
    await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  // The page's own search box (not the header's) takes the reader to results for what they typed.
  await main.getByRole('searchbox', { name: 'Search the site' }).fill('knife crime');
  await main.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=knife\+crime$/);
  await expect(page.locator('h1')).toHaveText('Search');
});

/* ---------- A rename, through the real build ---------- */

const MEASURE = { old: 'shoplifting', renamed: 'shoplifting-offences' };
// Plan ids have the form of a period ("2024-27"): as if the plan had first been filed under the wrong years.
const PLAN = { old: '2015-20', renamed: '2016-20' };

/** Replaces a slug wherever it stands alone (not inside a longer slug such as "shoplifting-rate"). */
function renameIn(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![\\w-])${from.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g'), to);
}

/** Adds `redirect_from` as the first field of a content file's frontmatter. */
function addRedirectFrom(file: string, old: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\nredirect_from: ["${old}"]\n`));
}

/** Every file below `folder`, for rewriting references. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((f) => join(folder, f))
    .filter((f) => /\.(md|mdx|ya?ml)$/.test(f));
}

test.describe('after renaming a measure and a plan with redirect_from', () => {
  test.describe.configure({ mode: 'serial' });
  let output = '';
  let dist = '';
  let served: ServedRoot | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    output = mkdtempSync(join(tmpdir(), 'snd-rename-'));
    const copy = join(output, 'root');
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
    cpSync(join(root, 'data'), join(copy, 'data'), { recursive: true });
    // Rename the files and folders named by the slugs, then every reference to them.
    renameSync(join(copy, 'content/measures', `${MEASURE.old}.md`), join(copy, 'content/measures', `${MEASURE.renamed}.md`));
    renameSync(join(copy, 'data/measures', MEASURE.old), join(copy, 'data/measures', MEASURE.renamed));
    renameSync(join(copy, 'content/plans', `${PLAN.old}.mdx`), join(copy, 'content/plans', `${PLAN.renamed}.mdx`));
    renameSync(join(copy, 'content/priorities', PLAN.old), join(copy, 'content/priorities', PLAN.renamed));
    for (const file of filesBelow(join(copy, 'content'))) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, renameIn(renameIn(text, MEASURE.old, MEASURE.renamed), PLAN.old, PLAN.renamed));
    }
    addRedirectFrom(join(copy, 'content/measures', `${MEASURE.renamed}.md`), MEASURE.old);
    addRedirectFrom(join(copy, 'content/plans', `${PLAN.renamed}.mdx`), PLAN.old);

    // A copy of the real content is judged by the real clock, as `npm run build` judges it: the
    // fixtures' fixed day would call a release published since then "in the future".
    served = await buildAndServeRoot(copy, output, { SND_TODAY: today() });
    ({ dist, origin } = served);
  });

  test.afterAll(async () => {
    await served?.close();
  });

  test('every address in the register still resolves', () => {
    // The real gate: the register checked against the renamed build, exactly as CI checks dist/.
    const problems = unresolved(readRegister(), dist);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test("the measure's old page is a redirect to the new one: meta refresh and canonical link", () => {
    const html = readFileSync(join(dist, 'measures', MEASURE.old, 'index.html'), 'utf8');
    expect(redirectTarget(html)).toBe(`/measures/${MEASURE.renamed}/`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/measures/${MEASURE.renamed}/">`));
    expect(html).toMatch(/<meta name="robots" content="noindex">/);
    // Partners' iframes move with it: the embeddable chart redirects too.
    const embed = readFileSync(join(dist, 'embed/measures', MEASURE.old, 'index.html'), 'utf8');
    expect(redirectTarget(embed)).toBe(`/embed/measures/${MEASURE.renamed}/`);
    // Only the new address is offered to search engines.
    const listed = sitemapPaths(dist);
    expect(listed).toContain(`/measures/${MEASURE.renamed}/`);
    expect(listed).not.toContain(`/measures/${MEASURE.old}/`);
  });

  test("the measure's old data addresses serve the same bytes as the new ones", () => {
    const data = join(dist, 'data/measures');
    const vintages = readdirSync(join(data, MEASURE.renamed));
    expect(vintages.length).toBeGreaterThan(0);
    for (const name of [`.csv`, `.json`, ...vintages.map((v) => `/${v}`)]) {
      const renamed = readFileSync(join(data, `${MEASURE.renamed}${name}`));
      const old = readFileSync(join(data, `${MEASURE.old}${name}`));
      expect(old.equals(renamed), `${MEASURE.old}${name}`).toBe(true);
    }
  });

  test("the plan's old pages, priorities and downloads redirect, and its files stay at their old addresses", () => {
    const old = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    expect(redirectTarget(old(`plans/${PLAN.old}`))).toBe(`/plans/${PLAN.renamed}/`);
    expect(redirectTarget(old(`plans/${PLAN.old}/priorities/burglary`))).toBe(`/plans/${PLAN.renamed}/priorities/burglary/`);
    expect(redirectTarget(old(`downloads/${PLAN.old}`))).toBe(`/downloads/${PLAN.renamed}/`);
    for (const file of [`${PLAN.old}.zip`, `${PLAN.old}/data.csv`, `${PLAN.old}/datapackage.json`]) {
      const renamed = readFileSync(join(dist, 'downloads', file.replace(PLAN.old, PLAN.renamed)));
      expect(readFileSync(join(dist, 'downloads', file)).equals(renamed), file).toBe(true);
    }
  });

  test('a reader following an old link in a browser lands on the renamed page', async ({ page }) => {
    await page.goto(`${origin}/measures/${MEASURE.old}/`);
    await expect(page).toHaveURL(`${origin}/measures/${MEASURE.renamed}/`);
    await expect(page.locator('h1')).toHaveText('Shoplifting');
    await page.goto(`${origin}/plans/${PLAN.old}/priorities/burglary/`);
    await expect(page).toHaveURL(`${origin}/plans/${PLAN.renamed}/priorities/burglary/`);
    await expect(page.locator('h1')).toHaveText('Burglary');
    const csv = await page.request.get(`${origin}/data/measures/${MEASURE.old}.csv`);
    expect(csv.status()).toBe(200);
  });
});
