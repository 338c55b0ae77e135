/**
 * Paper (issue 23): every page printed from Chromium keeps its words, figures and chart and drops what
 * only works on a screen. Pages are laid out as print lays them out (emulated print media, at the
 * width of an A4 page inside the print stylesheet's margins), then measured:
 * - no form control, navigation, search box, skip link or keyboard hint is shown;
 * - every heading and table caption is kept with what follows it, and a table's header row repeats;
 * - the footer names the page's address and the day it was printed;
 * - a measure's chart starts on the page its heading is on: the first page.
 */
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, isEmbed, test } from '../support/crawl.ts';
import { pageModel } from '../support/site.ts';
import { paths } from '../../src/lib/schemas/paths.ts';

/** An A4 page inside the print stylesheet's @page margins (14 mm at the sides, 14 and 16 mm above and below), in CSS px. */
const MM = 96 / 25.4;
const PRINTED = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 30) * MM) } as const;

/** What a printed page shows that it should not, or lacks, one line each. */
async function printProblems(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ embed }) => {
      const problems: string[] = [];
      const shown = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const name = (el: Element): string => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}>`;
      // Controls only work on a screen; navigation and search lead nowhere on paper.
      const screenOnly = 'input, button, select, textarea, fieldset, form, [role="search"], .skip-link, body > header nav, .breadcrumbs, footer nav, .pager, .chart__hint, .chart__controls';
      for (const el of document.querySelectorAll(screenOnly)) if (shown(el)) problems.push(`${name(el)} "${(el.textContent ?? '').trim().slice(0, 40)}" is printed`);
      for (const heading of document.querySelectorAll('main h1, main h2, main h3')) {
        if (shown(heading) && getComputedStyle(heading).breakAfter !== 'avoid') problems.push(`heading "${heading.textContent?.trim()}" may be left alone at the foot of a page`);
      }
      for (const table of document.querySelectorAll('table')) {
        const caption = table.caption?.textContent?.trim().slice(0, 40) ?? '(no caption)';
        const firstRow = table.tBodies[0]?.rows[0];
        if (table.caption && getComputedStyle(table.caption).breakAfter !== 'avoid') problems.push(`table "${caption}": its caption may be parted from the table`);
        if (table.tHead && (getComputedStyle(table.tHead).breakAfter !== 'avoid' || getComputedStyle(table.tHead).display !== 'table-header-group')) problems.push(`table "${caption}": its header row may be parted from the rows or not repeat`);
        if (firstRow && getComputedStyle(firstRow).breakBefore !== 'avoid') problems.push(`table "${caption}": the first row may start a page without its caption`);
      }
      if (!embed) {
        const footer = document.querySelector('.print-address');
        const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
        const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.pathname;
        const text = footer?.textContent?.trim() ?? '';
        if (!footer || !shown(footer)) problems.push('the footer does not name the address it was printed from');
        else if (!text.includes(new URL(canonical, location.href).pathname) || !text.endsWith(`on ${today}.`)) problems.push(`the footer reads "${text}", not the page's address and today's date`);
      }
      return problems;
    },
    { embed: isEmbed(path) },
  );
  return found.map((problem) => `${path}: ${problem}`);
}

test.beforeEach(async ({ shared }) => {
  await shared.setViewportSize(PRINTED);
  await shared.emulateMedia({ media: 'print' });
});

test.afterEach(async ({ shared }) => {
  await shared.emulateMedia({ media: 'screen' });
});

for (const batch of batches(crawlPaths(), 12)) {
  test(`printed, a page shows no controls or navigation, keeps captions and headings with what follows, and names its address: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      await page.goto(path);
      problems.push(...(await printProblems(page, path)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

/** Pages in a PDF Chromium wrote: one page object each. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

test("printed to PDF by Chromium, every measure's chart is on the first page", async ({ shared: page }) => {
  const charted = pageModel().measures.filter((m) => m.headline.length > 0);
  expect(charted.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const measure of charted) {
    await page.goto(paths.measure(measure.slug));
    // Everything after the lead chart is removed: if the chart is on the first page, the PDF has one page.
    const cut = await page.evaluate(() => {
      const figure = document.querySelector('main figure.chart');
      if (!figure) return false;
      for (let node: Element | null = figure; node && node !== document.body; node = node.parentElement) {
        while (node.nextElementSibling) node.nextElementSibling.remove();
      }
      for (const control of figure.querySelectorAll('.chart__vintages, .chart__controls')) control.remove();
      return true;
    });
    if (!cut) continue;
    const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
    if (pages !== 1) problems.push(`${measure.slug}: the page up to its chart prints on ${pages} pages`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('printed to PDF by Chromium, the knife crime page (14 years of figures, 12 releases) fits on fewer pages than the 10 it took', async ({ shared: page }) => {
  await page.goto(paths.measure('knife-crime'));
  const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThan(10);
});
