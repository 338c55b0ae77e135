/**
 * The comparison pages (/measures/<slug>/compare/), read with JavaScript off: the ranked chart with
 * the partnership labelled and the reference line, the place as a sentence (also on the measure
 * page, with a link), the publisher's notes, the ranked table whose pages hold every partnership of
 * the CSV, and the CSV itself byte for byte. The a11y and phone crawls take these pages from the
 * sitemap like every other page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dist } from '../support/site.ts';
import { walkPages } from '../support/pager.ts';

test.use({ javaScriptEnabled: false });

const folder = join(dist, 'data', 'comparisons');
const all = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort() : [];
// Force-level comparisons (every police force area, from a P-table) have rows whose role is police_force_area.
const isForces = (slug: string) => readFileSync(join(folder, `${slug}.csv`), 'utf8').includes(',police_force_area\r\n');
const slugs = all.filter((slug) => !isForces(slug));
const forceSlugs = all.filter(isForces);

test('the site has a comparison page for each partnership rate measure, and for the force-level measures', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(9);
  expect(forceSlugs).toEqual(['asb-incidents-rate', 'knife-crime-percentage', 'knife-crime-rate']);
});

test('every force-level comparison page ranks every police force area, Nottinghamshire labelled, with its place as a fact', async ({ page }) => {
  for (const slug of forceSlugs) {
    await page.goto(`/measures/${slug}/compare/`);
    await expect(page.locator('h1'), slug).toHaveText(/^How does Nottinghamshire \(police force area\) compare\? /);
    const position = page.locator('main [data-comparison-position]');
    await expect(position, slug).toHaveText(/^Nottinghamshire's figure in Table P(6|7|11), [\d.,%]+( per 1,000| per 100,000)?, is the (joint )?\d+(st|nd|rd|th) highest of the 4[23] police force areas with a figure \(year ending (December|March) 202[34]\)\.$/);
    await expect(page.locator('figure.chart--compare svg[role="img"] text.area-label', { hasText: /^Nottinghamshire / })).toHaveAttribute('font-weight', '700');
    await expect(page.locator('main table').first()).toContainText("This partnership's police force area");
    await expect(page.locator('main')).not.toContainText(/\b(better|worse) than\b/);
    await page.goto(`/measures/${slug}/compare/table/`);
    const names = await page.locator('main tbody th').allInnerTexts();
    expect(names, slug).toHaveLength(43);
    expect(await page.locator('main tbody th strong').allInnerTexts()).toEqual(['Nottinghamshire']);
  }
});

test('every comparison page is readable without JavaScript: chart, place, table, notes, CSV', async ({ page, request }) => {
  for (const slug of slugs) {
    await page.goto(`/measures/${slug}/compare/`);
    await expect(page.locator('h1'), slug).toHaveText(/^How does Nottingham compare\? /);
    const position = page.locator('main [data-comparison-position]');
    await expect(position, slug).toHaveText(/^Nottingham's figure in Table C4, [\d.]+ per 1,000, is the (joint )?\d+(st|nd|rd|th) highest of the \d+ partnerships with a figure \(year ending December 2024\)\.$/);
    const chart = page.locator('figure.chart--compare svg[role="img"]');
    await expect(chart).toBeVisible();
    await expect(chart.locator('text.area-label', { hasText: /^Nottingham / })).toHaveAttribute('font-weight', '700');
    await expect(chart.locator('text.reference-label')).toHaveText(/^ENGLAND AND WALES /);
    await expect(page.locator('main table').first()).toContainText('This partnership');
    await expect(page.locator('main blockquote').first()).toBeVisible();
    await expect(page.locator('main')).toContainText('not tested for statistical significance');
    await expect(page.locator('main')).not.toContainText(/\b(better|worse) than\b/);
    const sentence = (await position.innerText()).trim();
    const csvHref = await page.locator(`main a[href$="/data/comparisons/${slug}.csv"]`).getAttribute('href');
    const body = await (await request.get(csvHref!)).body();
    expect(body.equals(readFileSync(join(folder, `${slug}.csv`))), `${slug}: the CSV served is the file published`).toBe(true);

    // The measure page says the same place in one line and links here.
    await page.goto(`/measures/${slug}/`);
    await expect(page.locator('main .comparison-line')).toContainText(sentence);
    await expect(page.locator(`main .comparison-line a[href$="/measures/${slug}/compare/"]`)).toHaveCount(1);
  }
});

test("the ranked table's pages hold every partnership of the CSV once, Nottingham in bold", async ({ page }) => {
  const slug = 'robbery-rate';
  const csv = readFileSync(join(folder, `${slug}.csv`), 'utf8');
  const partnerships = csv.split('\r\n').filter((line) => line.endsWith(',partnership')).length;
  const names: string[] = [];
  const bold: string[] = [];
  for (const path of await walkPages(page, `/measures/${slug}/compare/table/`)) {
    await page.goto(path);
    names.push(...(await page.locator('main tbody th').allInnerTexts()));
    bold.push(...(await page.locator('main tbody th strong').allInnerTexts()));
  }
  expect(names).toHaveLength(partnerships);
  expect(new Set(names).size).toBe(partnerships);
  expect(bold).toEqual(['Nottingham']);
  expect(names.filter((n) => n.startsWith('Nottingham ('))).toEqual(['Nottingham (Nottinghamshire)']);
});
