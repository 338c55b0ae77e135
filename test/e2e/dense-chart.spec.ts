/**
 * A crowded line chart (more values than markers can show; see markersCrowded in
 * src/lib/charts/kinds/line/series-svg.ts) is built without a marker per value. The site's own series are
 * short, so this test serves a measure page with its chart swapped for the dense-monthly fixture
 * (ten years of months, a comparator, provisional and revised values) and checks that the built
 * enhancement script makes it as explorable as a short chart: one tab stop, arrow keys, a visible
 * focus marker, tooltips, comparator toggles and a download without the script's markers.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { lineChartGeometry } from '../../src/lib/charts/kinds/line/geometry.ts';
import { renderLineChartSvg } from '../../src/lib/charts/kinds/line/svg.ts';
import { denseMonthly } from '../charts/fixtures.ts';

const PAGE = '/measures/asb-incidents-rate/';
const CHART_SVG = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart-svg chart-svg--line"[\s\S]*?<\/svg>/;

/** Opens the measure page with its chart replaced by the dense fixture, drawn by the site's renderer. */
async function openDenseChart(page: Page): Promise<void> {
  await page.route(`**${PAGE}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const id = html.match(/<title id="([^"]+)-title">/)![1]!;
    const svg = renderLineChartSvg(lineChartGeometry(denseMonthly), { id, title: denseMonthly.title, desc: 'Ten years of monthly values.' });
    expect(html).toMatch(CHART_SVG);
    await route.fulfill({ response, body: html.replace(CHART_SVG, svg) });
  });
  await page.goto(PAGE);
}

const chart = (page: Page) => page.locator('figure[data-chart="line"]').first();
const tooltip = (page: Page) => chart(page).locator('.chart__tooltip');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the crowded chart is a single image with its lines and no per-value markers', async ({ page }) => {
    await openDenseChart(page);
    await expect(chart(page).locator('svg[role="img"]')).toHaveCount(1);
    await expect(chart(page).locator('circle.point')).toHaveCount(0);
    await expect(chart(page).locator('path.series-line')).toHaveCount(3);
    await expect(chart(page).locator('[tabindex]')).toHaveCount(0);
  });
});

test('the crowded chart has one tab stop on the latest value, and arrow keys move value by value and between lines', async ({ page }) => {
  await openDenseChart(page);
  const focusable = chart(page).locator('[tabindex="0"]');
  await expect(focusable).toHaveCount(1);
  await expect(chart(page).locator('circle.point')).toHaveCount(240);
  await focusable.focus();
  await expect(tooltip(page)).toBeVisible();
  await expect(tooltip(page)).toContainText('December 2024:');
  await expect(tooltip(page)).toContainText('Provisional');
  // Only the active value's marker is drawn.
  await expect(chart(page).locator('circle.point[opacity="1"]')).toHaveCount(1);
  await expect(focusable).toHaveAttribute('aria-label', /^Testshire\. December 2024: .+\. Provisional$/);

  await page.keyboard.press('ArrowLeft');
  await expect(tooltip(page)).toContainText('November 2024:');
  await expect(chart(page).locator('circle.point[opacity="1"]')).toHaveCount(1);
  await expect(chart(page).locator('[tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('Home');
  await expect(tooltip(page)).toContainText('January 2015: 1,400');
  // The revised value (January 2020) carries its status and note.
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expect(tooltip(page)).toContainText(`January 2020: 1,220`);
  await expect(tooltip(page)).toContainText(`Recount: "late" <records> & 'more'`);

  await page.keyboard.press('ArrowUp');
  await expect(tooltip(page)).toContainText('England (scaled)');
  await expect(tooltip(page)).toContainText('January 2020:');
  await page.keyboard.press('Escape');
  await expect(tooltip(page)).toBeHidden();
});

test('each value of the crowded chart gets its marker where the build drew it: heights read back from the lines', async ({ page }) => {
  await openDenseChart(page);
  await expect(chart(page).locator('circle.point')).toHaveCount(240);
  const geometry = lineChartGeometry(denseMonthly);
  for (const series of geometry.series) {
    const markers = await chart(page)
      .locator(`g.series[data-series="${series.key}"] circle.point`)
      .evaluateAll((circles) => circles.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy')), (c as SVGElement).dataset.label]));
    expect(markers).toEqual(series.points.map((p) => [p.x, p.y, p.label]));
  }
});

test('hiding the comparator of a crowded chart hides its line and values, and the URL keeps the choice', async ({ page }) => {
  await openDenseChart(page);
  await page.getByRole('checkbox', { name: 'England (scaled)' }).uncheck();
  await expect(page).toHaveURL(/[?&]hide=england(\b|&|$)/);
  await expect(chart(page).locator('g.series[data-series="england"]')).toBeHidden();
  await chart(page).locator('[tabindex="0"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(tooltip(page)).not.toContainText('England');
});

test('the crowded chart downloads as drawn: no markers added by the script', async ({ page }) => {
  await openDenseChart(page);
  await chart(page).locator('[tabindex="0"]').focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart (SVG)' }).first().click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).not.toContain('point--dense');
  expect(text).not.toContain('<circle class="point');
  expect(text).toContain('data-points=');
  const parsed = await page.evaluate((svg) => new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, text);
  expect(parsed).toBeNull();
});
