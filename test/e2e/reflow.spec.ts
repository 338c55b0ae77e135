/**
 * Reflow (WCAG 1.4.10): at 320 CSS pixels wide, the width of a phone or of a 1280 px screen zoomed
 * to 400%, no page (every page in the sitemap, and the embeddable charts) scrolls sideways. Content too wide to reflow (data tables) scrolls
 * inside its own region, which keyboard users can focus and screen readers can name.
 */
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, test } from '../support/crawl.ts';

const WIDTH = 320;

/** Problems with reflow on the loaded page. */
async function reflowProblems(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate((width) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > width) {
      // Name the elements that stick out, so the failure says what to fix.
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest('.table-scroll'))
        .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 0.5))
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${(el.textContent ?? '').trim().slice(0, 40)}`);
      problems.push(`page is ${root.scrollWidth}px wide at ${width}px; widest parts: ${culprits.join('; ')}`);
    }
    // Hiding the overflow would pass the check above while cutting content off.
    for (const el of [root, document.body]) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'hidden' || overflow === 'clip') problems.push(`<${el.tagName.toLowerCase()}> has overflow-x: ${overflow}`);
    }
    // Every table sits in a region of its own that scrolls sideways (the site's .table-scroll, or
    // a chart's data table): focusable so keyboard users can scroll it, and named for screen readers.
    for (const table of document.querySelectorAll('table')) {
      const region = table.closest('[role="region"]');
      const caption = table.caption?.textContent?.trim().slice(0, 50) ?? '(no caption)';
      if (!region) {
        problems.push(`table "${caption}" is not inside a scrolling region (div.table-scroll role="region")`);
        continue;
      }
      const overflow = getComputedStyle(region).overflowX;
      if (overflow !== 'auto' && overflow !== 'scroll') problems.push(`table "${caption}": its region does not scroll (overflow-x: ${overflow})`);
      if (region.getAttribute('tabindex') !== '0') problems.push(`table "${caption}": its scroll region lacks tabindex="0"`);
      if (!region.getAttribute('aria-label')?.trim() && !region.getAttribute('aria-labelledby')) {
        problems.push(`table "${caption}": its scroll region has no accessible name`);
      }
    }
    return problems;
  }, WIDTH);
  return found.map((p) => `${path}: ${p}`);
}

const pages = crawlPaths();

test.beforeEach(async ({ shared }) => {
  await shared.setViewportSize({ width: WIDTH, height: 800 });
});

for (const batch of batches([...pages, '/404.html'], 12)) {
  test(`reflows at ${WIDTH}px: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      await page.goto(path);
      problems.push(...(await reflowProblems(page, path)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('a table wider than the screen scrolls inside its region, which the keyboard can reach and scroll', async ({ shared: page }) => {
  // The plan's performance framework is the widest table the site has.
  await page.goto('/plans/2024-27/');
  const region = page.locator('.table-scroll', { has: page.locator('caption', { hasText: 'performance measures' }) });
  const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll, 'the table is wider than 320px, so this test exercises scrolling').toBeGreaterThan(sizes.client);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
});
