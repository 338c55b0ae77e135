/**
 * A resident on a phone (360 x 800, a common small Android screen) reads every figure without
 * scrolling sideways, and long lists stay light as releases multiply (issue 16):
 * - no table of up to four columns is wider than the screen (wider ones may scroll in their region);
 * - no two text labels of a chart overlap;
 * - no page has more than 1,400 elements (Lighthouse warns above 800 and fails pages far above it).
 *
 * Against the benchmark's synthetic site (thousands of pages) set PHONE_SAMPLE=<n>: the crawl then
 * takes every list page (anything that is not one measure, action, priority or embed) and the n
 * largest HTML files, since those are where elements pile up. See README "Performance".
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, test } from '../support/crawl.ts';
import { dist } from '../support/site.ts';

const PHONE = { width: 360, height: 800 } as const;
/** Tables with this many columns or fewer must fit the phone's screen. */
const FITTING_COLUMNS = 4;
const ELEMENT_LIMIT = 1_400;

/** One detail page among thousands: a measure, action, priority or embed. */
function isDetailPage(path: string): boolean {
  return /^\/(measures\/[^/]+\/|plans\/[^/]+\/(actions|priorities)\/[^/]+\/|embed\/.+)$/.test(path);
}

function pagesToCheck(): string[] {
  const all = crawlPaths();
  const sample = Number(process.env.PHONE_SAMPLE ?? 0);
  if (!sample) return all;
  const bytes = (path: string) => statSync(join(dist, path, 'index.html')).size;
  const largest = [...all].sort((a, b) => bytes(b) - bytes(a)).slice(0, sample);
  return [...new Set([...all.filter((path) => !isDetailPage(path)), ...largest])].sort();
}

/** Everything on the loaded page a phone reader would trip over, one line each. */
async function phoneProblems(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ fitting, limit }) => {
      const problems: string[] = [];
      const screen = document.documentElement.clientWidth;
      const elements = document.getElementsByTagName('*').length;
      if (elements > limit) problems.push(`${elements} elements, more than ${limit}`);

      for (const table of document.querySelectorAll('table')) {
        const columns = table.tHead?.rows[0]?.cells.length ?? table.rows[0]?.cells.length ?? 0;
        if (columns > fitting) continue;
        const box = table.getBoundingClientRect();
        const region = table.closest('[role="region"]');
        const caption = table.caption?.textContent?.trim().slice(0, 60) ?? '(no caption)';
        if (box.right > screen + 0.5 || (region && region.scrollWidth > region.clientWidth + 0.5)) {
          problems.push(`table "${caption}" (${columns} columns) is ${Math.round(box.width)}px wide; the screen is ${screen}px`);
        }
      }

      // Text of one chart: every <text>, measured as drawn (browser font, scaled SVG).
      for (const svg of document.querySelectorAll('figure svg')) {
        const boxes = [...svg.querySelectorAll('text')]
          .map((text) => ({ text: (text.textContent ?? '').trim(), box: text.getBoundingClientRect() }))
          .filter(({ text, box }) => text !== '' && box.width > 0 && box.height > 0);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            // A pixel of tolerance: glyph boxes include line spacing, which may touch without ink overlapping.
            const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (overlapX > 1 && overlapY > 1) {
              problems.push(`chart "${svg.getAttribute('aria-labelledby') ?? svg.id}": labels "${boxes[i]!.text}" and "${boxes[j]!.text}" overlap`);
            }
          }
        }
      }
      return problems;
    },
    { fitting: FITTING_COLUMNS, limit: ELEMENT_LIMIT },
  );
  return found.map((problem) => `${path}: ${problem}`);
}

test.beforeEach(async ({ shared }) => {
  await shared.setViewportSize(PHONE);
});

for (const batch of batches(pagesToCheck(), 12)) {
  test(`at ${PHONE.width} x ${PHONE.height}, tables fit, chart labels stay apart and the page stays light: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      await page.goto(path);
      problems.push(...(await phoneProblems(page, path)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('a measure table on a phone shows compact periods, keeps the full period for screen readers, and says which empty columns it left out', async ({ shared: page }) => {
  // Knife crime is counted in rolling years ("year ending December 2024") and its rows carry no status or note.
  await page.goto('/measures/knife-crime/');
  const region = page.locator('.data-table').first();
  const firstPeriod = region.locator('tbody th[scope="row"]').first();
  const full = firstPeriod.locator('.data-table__period-full');
  const short = firstPeriod.locator('.data-table__period-short');
  await expect(full).toHaveText(/^year ending [A-Z][a-z]+ \d{4}$/);
  await expect(short).toHaveText(/^YE [A-Z][a-z]{2} \d{2}$/);
  await expect(short).toBeVisible();
  await expect(short).toHaveAttribute('aria-hidden', 'true');
  // Visually hidden, not display: none, so screen readers still read it.
  expect(await full.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  expect(await full.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await expect(region.locator('thead th')).not.toContainText(['Status']);
  await expect(region.locator('thead th')).not.toContainText(['Note']);
  await expect(region.locator('.data-table__omitted')).toHaveText('No row has a status or note.');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(full).toBeVisible();
  await expect(short).toBeHidden();
});
