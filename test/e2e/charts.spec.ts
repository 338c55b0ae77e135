/**
 * Charts work for everyone: readable with JavaScript off, explorable by keyboard with it on,
 * comparator choices kept in a shareable URL, and downloads that are valid SVG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { MeasureJson } from '../../src/lib/downloads/measure-json.ts';
import { dist, pageModel } from '../support/site.ts';

const WITH_COMPARATORS = 'asb-incidents-rate';
const model = pageModel();

/**
 * Published (non-suppressed) values of the current release, by area: what the chart must plot. Read
 * from the measure's JSON download, which holds the current release's rows (the data step no longer
 * writes every release's rows to the generated folder).
 */
function publishedPoints(slug: string): number {
  const published = JSON.parse(readFileSync(join(dist, 'data', 'measures', `${slug}.json`), 'utf8')) as MeasureJson;
  return published.rows.filter((o) => o.value !== null && Object.keys(o.breakdown).length === 0).length;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every measure with a trend shows its chart, summary and table, with one point per published value', async ({ page }) => {
    const measures = model.measures.filter((m) => new Set(m.headline.map((p) => p.period)).size > 1);
    expect(measures.length).toBeGreaterThan(5);
    for (const measure of measures) {
      await page.goto(`/measures/${measure.slug}/`);
      const chart = page.locator('figure[data-chart="line"] svg[role="img"]');
      await expect(chart, measure.slug).toHaveCount(1);
      await expect(chart.locator(':scope > title')).toHaveText(measure.data.title);
      await expect(page.locator('figure[data-chart="line"] figcaption')).toContainText(/In .+/);
      await expect(page.locator('figure[data-chart="line"] circle.point'), measure.slug).toHaveCount(publishedPoints(measure.slug));
      await expect(page.locator('table').first()).toBeVisible();
    }
  });

  test('a force-area measure names its area in the chart, the table and the summary', async ({ page }) => {
    await page.goto('/measures/knife-crime/');
    await expect(page.locator('figure[data-chart="line"] figcaption')).toContainText('Nottinghamshire police force area');
    await expect(page.locator('figure[data-chart="line"] desc')).toContainText('Nottinghamshire police force area');
    await expect(page.locator('table caption').first()).toContainText('Nottinghamshire police force area');
  });
});

test('keyboard focus on the chart shows a value, and arrow keys move between values', async ({ page }) => {
  await page.goto(`/measures/${WITH_COMPARATORS}/`);
  const focusable = page.locator('figure[data-chart="line"] [tabindex="0"]');
  await expect(focusable).toHaveCount(1);
  await focusable.focus();
  const tooltip = page.locator('figure[data-chart="line"] [role="tooltip"], figure[data-chart="line"] .chart__tooltip');
  await expect(tooltip.first()).toBeVisible();
  const first = await tooltip.first().innerText();
  expect(first).toMatch(/per 1,000/);
  await page.keyboard.press('ArrowRight');
  await expect(tooltip.first()).not.toHaveText(first);
});

test('hiding a comparator changes the URL, and a reload keeps the choice', async ({ page }) => {
  await page.goto(`/measures/${WITH_COMPARATORS}/`);
  const toggle = page.getByRole('checkbox', { name: /^England$/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page).toHaveURL(/[?&]hide=england(\b|&|$)/);
  const line = page.locator('figure[data-chart="line"] g.series[data-series="england"]');
  await expect(line).toBeHidden();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^England$/ })).not.toBeChecked();
  await expect(page.locator('figure[data-chart="line"] g.series[data-series="england"]')).toBeHidden();
});

test('"Download chart (SVG)" gives a valid standalone SVG with its title', async ({ page }) => {
  await page.goto(`/measures/${WITH_COMPARATORS}/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart (SVG)' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, title: doc.querySelector('title')?.textContent ?? '' };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.title).toContain('rate');
});
