/**
 * Sharing, in the built site: every measure with figures has an embed page that shows its chart and
 * summary without JavaScript, carries no site header or footer, and links back to the measure page
 * in the whole window; the measure page's snippet points at that page; its og:image is a real
 * 1200 x 630 PNG in the build; and every page has absolute Open Graph addresses.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { hasPublishedFigures } from '../../src/lib/views/figures-page.ts';
import { dist, pageModel, resolvesInDist } from '../support/site.ts';

const model = pageModel();
const withFigures = model.measures.filter(hasPublishedFigures);
const withoutFigures = model.measures.filter((m) => !hasPublishedFigures(m));

/** Content of a <meta> by property= or name=, or null. */
function meta(page: Page, key: string) {
  return page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');
}

/** The iframe element in the measure page's embed code box, parsed by the browser. */
async function snippetFrame(page: Page): Promise<Record<string, string | null>> {
  const code = await page.getByLabel('Embed code').inputValue();
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const frames = doc.body.querySelectorAll('iframe');
    const frame = frames[0];
    const names = ['src', 'title', 'width', 'height', 'loading'];
    return { count: String(frames.length), others: String(doc.body.children.length - frames.length), ...Object.fromEntries(names.map((n) => [n, frame?.getAttribute(n) ?? null])) };
  }, code);
}

test('the model has measures with and without figures, so both cases below are exercised', () => {
  expect(withFigures.length).toBeGreaterThan(5);
  expect(withoutFigures.length).toBeGreaterThan(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every embed page shows the chart and summary, area, source, licence and date, and no site furniture', async ({ page }) => {
    for (const measure of withFigures) {
      const response = await page.goto(`/embed/measures/${measure.slug}/`);
      expect(response?.status(), measure.slug).toBe(200);
      await expect(page.locator('h1')).toHaveText(measure.data.title);
      const figure = page.locator('figure[data-chart]');
      await expect(figure.locator('svg[role="img"]'), measure.slug).toHaveCount(1);
      await expect(figure.locator('svg[role="img"]')).toBeVisible();
      await expect(figure.locator('figcaption'), measure.slug).toHaveText(/^In .+\.$/);
      await expect(page.locator('main')).toContainText(/Area: \S/);
      await expect(page.locator('main')).toContainText(`Licence: ${model.site.licence.short}.`);
      await expect(page.locator('main')).toContainText(/Source: \S.*Last updated \d{1,2} \w+ \d{4}\./s);
      // The figures as a table, one click away and present in the markup.
      await expect(page.locator('details table')).toHaveCount(1);
      // No header, navigation, footer, skip link or search: it lives inside someone else's page.
      await expect(page.locator('header, nav, footer, .skip-link, form')).toHaveCount(0);
      const back = page.getByRole('link', { name: `Full measure: ${measure.data.title} on ${model.site.site_name}` });
      await expect(back).toHaveAttribute('href', `/measures/${measure.slug}/`);
      await expect(back).toHaveAttribute('target', '_top');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname, 'canonical is the absolute measure page').toBe(`/measures/${measure.slug}/`);
    }
  });

  test('measures without figures have no embed page and no snippet', async ({ page }) => {
    for (const measure of withoutFigures.slice(0, 5)) {
      expect(resolvesInDist(`/embed/measures/${measure.slug}/`), measure.slug).toBe(false);
      await page.goto(`/measures/${measure.slug}/`);
      await expect(page.getByLabel('Embed code')).toHaveCount(0);
      await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
      expect(await meta(page, 'twitter:card')).toBe('summary');
    }
  });

  test('embed pages stay out of the sitemap (they are noindex)', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/measures/knife-crime/');
    expect(sitemap).not.toContain('/embed/');
  });
});

test('each measure page offers a snippet whose absolute src is the embed page, and a citation', async ({ page }) => {
  for (const measure of withFigures) {
    await page.goto(`/measures/${measure.slug}/`);
    const share = page.locator('section[aria-labelledby="share"]');
    await expect(share.getByRole('heading', { name: 'Share and reuse' })).toBeVisible();
    const frame = await snippetFrame(page);
    expect(frame.count, 'one iframe and nothing else').toBe('1');
    expect(frame.others).toBe('0');
    expect(frame.src, measure.slug).toMatch(/^https?:\/\//);
    const src = new URL(frame.src!);
    expect(src.pathname).toBe(`/embed/measures/${measure.slug}/`);
    expect(resolvesInDist(src.pathname), `${src.pathname} is built`).toBe(true);
    expect(frame.title).toBe(`${measure.data.title}: chart from ${model.site.site_name}`);
    expect(frame.width).toBe('100%');
    expect(Number(frame.height)).toBeGreaterThanOrEqual(500);
    expect(frame.loading).toBe('lazy');
    const current = measure.vintages.at(-1)!;
    await expect(share.locator('.citation')).toHaveText(
      `${model.site.partnership} (${current.date.slice(0, 4)}). ${measure.data.title}, release ${current.date}. ${await meta(page, 'og:url')}. Source: ${current.release.publisher}. Licence: ${model.site.licence.short}.`,
    );
    expect(await meta(page, 'citation_title')).toBe(measure.data.title);
    expect(await meta(page, 'citation_author')).toBe(model.site.partnership);
    expect(await meta(page, 'citation_publication_date')).toBe(current.date.replaceAll('-', '/'));
    expect(await meta(page, 'citation_public_url')).toBe(await meta(page, 'og:url'));
  }
  // The "Cite this data" heading exists once on the page: the citation lives in one place.
  await expect(page.getByRole('heading', { name: 'Cite this data' })).toHaveCount(1);
});

test("a measure page's og:image is a 1200 x 630 PNG in the build, described by og:image:alt", async ({ page }) => {
  for (const measure of withFigures) {
    await page.goto(`/measures/${measure.slug}/`);
    const image = await meta(page, 'og:image');
    expect(image, measure.slug).toMatch(/^https?:\/\/.+\.png$/);
    expect(await meta(page, 'twitter:image')).toBe(image);
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(await meta(page, 'og:image:alt')).toMatch(/^(Line|Bar) chart of /);
    const path = new URL(image!).pathname;
    expect(path).toBe(`/og/measures/${measure.slug}.png`);
    const png = readFileSync(join(dist, path));
    expect([...png.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], measure.slug).toEqual([1200, 630]);
    // And it is served as an image from the same place.
    const response = await page.request.get(path);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

test('every kind of page has absolute Open Graph addresses and a card', async ({ page }) => {
  for (const path of ['/', '/plans/', `/plans/${model.plans[0]!.id}/`, '/measures/', '/measures/knife-crime/', '/data/', '/about/']) {
    await page.goto(path);
    const url = await meta(page, 'og:url');
    expect(url, path).toMatch(/^https?:\/\/[^/]+\//);
    expect(new URL(url!).pathname, path).toBe(path);
    expect(url).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
    expect(await meta(page, 'og:title'), path).toBeTruthy();
    expect(await meta(page, 'og:description'), path).toBeTruthy();
    expect(await meta(page, 'og:type')).toBe('website');
    expect(await meta(page, 'og:site_name')).toBe(model.site.site_name);
    expect(await meta(page, 'twitter:card'), path).toMatch(/^summary(_large_image)?$/);
  }
});

test('pasted into another page, the embed loads under its policy and its link opens in the whole window', async ({ page, baseURL }) => {
  const slug = 'knife-crime';
  await page.goto(`/measures/${slug}/`);
  const snippet = (await page.getByLabel('Embed code').inputValue()).replace(/src="https?:\/\/[^/]+\//, `src="${baseURL}/`);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // A host page on another origin (another port), as a reader's site would be. A real server, not
  // page.route: Chromium blocks pages of unknown address from framing a loopback address.
  const body = `<!doctype html><html lang="en"><title>Host</title><p>Host page</p>${snippet}</html>`;
  const host = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    // (With JavaScript the enhancement makes the chart an explorable group, so its role is not "img".)
    await expect(frame.locator('figure[data-chart] svg.chart-svg')).toBeVisible();
    await expect(frame.locator('figcaption')).toContainText('In ');
    // The enhancement script ran inside the frame (its controls appear), so the policy let it load.
    await expect(frame.locator('.chart__controls')).toHaveCount(1);
    await frame.getByRole('link', { name: /^Full measure:/ }).click();
    await expect(page).toHaveURL(new RegExp(`/measures/${slug}/$`));
    await expect(page.locator('h1')).toHaveText(model.measures.find((m) => m.slug === slug)!.data.title);
    expect(violations).toEqual([]);
  } finally {
    host.close();
  }
});

test('the Copy button copies the embed code where the browser can', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/measures/knife-crime/');
  const button = page.getByRole('button', { name: 'Copy embed code' });
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('Embed code copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByLabel('Embed code').inputValue());
});
