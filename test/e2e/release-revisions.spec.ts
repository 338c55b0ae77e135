/**
 * Real revisions between real ONS editions, as a reader sees them (issue 13): the measure page lists
 * a release's revised figures value by value, or links to the release's own page when there are too
 * many to list there; either way every revised figure is shown, without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { INLINE_REVISIONS } from '../../src/lib/derive/release-history.ts';
import { pageModel } from '../support/site.ts';

test.use({ javaScriptEnabled: false });
const model = pageModel();

test('the ASB page shows the March 2024 edition revising 2021-22 from 25,811 to 35,991 incidents', async ({ page }) => {
  await page.goto('/measures/asb-reported-to-police/');
  const release = page.locator('li.release[data-release="2024-07-24"]');
  await expect(release.locator('h3')).toContainText('24 July 2024 (year ending March 2024 edition)');
  const row = release.locator('tr', { has: page.locator('th', { hasText: '2021' }) });
  await expect(row.locator('td.num')).toHaveText(['25,811', '35,991']);
});

test('a release that revised more figures than a measure page lists has its own page with every one', async ({ page }) => {
  const many = model.measures.flatMap((m) => m.vintages.filter((v) => v.changeCounts.revised > INLINE_REVISIONS).map((v) => ({ m, v })));
  expect(many.length).toBeGreaterThan(0);
  for (const { m, v } of many.slice(0, 5)) {
    await page.goto(`/measures/${m.slug}/`);
    const link = page.locator(`li.release[data-release="${v.date}"] a[href$="/measures/${m.slug}/releases/${v.date}/"]`);
    // The link sits in the release's closed <details>: its text is in the page, so follow its address.
    await expect(link, `${m.slug} ${v.date}`).toHaveText(new RegExp(`The ${v.changeCounts.revised} figures this release revised`));
    await page.goto((await link.getAttribute('href'))!);
    await expect(page.locator('h1')).toContainText('figures revised in the release of');
    await expect(page.locator('main table tbody tr')).toHaveCount(v.changeCounts.revised);
  }
});

test('the September 2022 edition, added to the site after later releases, is a release of its own, and the next release does not say its figures were removed', async ({ page }) => {
  await page.goto('/measures/knife-crime/');
  const september = page.locator('li.release[data-release="2023-01-26"]');
  await expect(september.locator('h3')).toContainText('26 January 2023 (year ending September 2022 edition)');
  await expect(september).toContainText('Release date: 26 January 2023');
  await expect(september).toContainText('the workbook itself is not held here');
  await expect(september.locator('a[href$="/data/measures/knife-crime/2023-01-26.csv"]')).toHaveCount(1);
  const next = page.locator('li.release[data-release="2023-04-27"]');
  await expect(next.locator('.release__counts')).toContainText('1 figure of an edition added to this site later is not in this release (not withdrawn by the publisher)');
  await expect(next.locator('.release__counts')).not.toContainText('removed');
  await expect(next).toContainText('The publisher did not withdraw them.');
  await expect(next).not.toContainText('Figures no longer in this release');
  const csv = await (await page.request.get('/data/measures/knife-crime/2023-01-26.csv')).text();
  expect(csv).toContain('2021-10-01/2022-09-30,842,E23000019,');
});

test('/updates/ and the feed say the same of the release after it', async ({ page }) => {
  // The entries of April 2023 are on a later page of /updates/: follow the pages until one has them.
  await page.goto('/updates/');
  for (let n = 2; !(await page.locator('main').textContent())!.includes('27 April 2023') && n < 20; n++) await page.goto(`/updates/page/${n}/`);
  await expect(page.locator('main')).toContainText('46 figures of an edition added to this site later are not in this release (not withdrawn by the publisher)');
  const feed = await (await page.request.get('/updates.xml')).text();
  expect(feed).toContain('46 figures of an edition added to this site later are not in this release (not withdrawn by the publisher)');
  expect(feed).not.toMatch(/46 removed/);
});
