/**
 * Structure an outside checker reads (issue 23; pa11y/HTML_CodeSniffer's H42 and H48, Lighthouse):
 * - no paragraph made only of bold or italic text standing in for a heading (H42): headings are headings;
 * - no paragraph or block holding two or more links side by side outside a list (H48): link groups are lists;
 * - every <section> has a heading of its own;
 * - robots.txt names the sitemap's address, and an embed page makes no request that fails (its icon is named).
 */
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, isEmbed, test } from '../support/crawl.ts';

/** Structural problems on the loaded page, one line each. */
async function structureProblems(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const snippet = (el: Element): string => el.outerHTML.replace(/\s+/g, ' ').slice(0, 100);
    for (const block of document.querySelectorAll('body p, body div')) {
      // H42: the block's whole content is one bold, italic or underlined element.
      const nodes = [...block.childNodes].filter((node) => node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() !== '');
      if (nodes.length === 1 && nodes[0]!.nodeType === Node.ELEMENT_NODE && /^(strong|em|b|i|u)$/i.test((nodes[0] as Element).tagName)) {
        problems.push(`text styled as a heading but not marked as one: ${snippet(block)}`);
      }
      // H48: two or more links directly in a paragraph or block, not in a list.
      const links = [...block.children].filter((child) => child.tagName === 'A');
      if (links.length > 1 && !block.closest('ul, ol')) problems.push(`a group of ${links.length} links not written as a list: ${snippet(block)}`);
    }
    for (const section of document.querySelectorAll('section')) {
      const own = [...section.querySelectorAll('h1, h2, h3, h4, h5, h6')].some((heading) => heading.closest('section') === section);
      if (!own) problems.push(`a <section> without a heading: ${snippet(section)}`);
    }
    return problems;
  });
  return found.map((problem) => `${path}: ${problem}`);
}

for (const batch of batches([...crawlPaths(), '/404.html'], 18)) {
  test(`headings are marked as headings, link groups are lists and every section has a heading: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      await page.goto(path);
      problems.push(...(await structureProblems(page, path)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('robots.txt allows crawling and names the address of the sitemap, which exists', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(sitemap, text).toBeDefined();
  const address = new URL(sitemap!);
  expect(address.pathname).toMatch(/\/sitemap-index\.xml$/);
  // The build's address is the public one, not the test server's: the path is what must resolve here.
  expect((await request.get(address.pathname)).status()).toBe(200);
});

test('an embed page names its icon and makes no request that fails', async ({ page }) => {
  const embeds = crawlPaths().filter(isEmbed);
  expect(embeds.length).toBeGreaterThan(0);
  for (const path of embeds.slice(0, 5)) {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path, { waitUntil: 'load' });
    // The browser asks for an icon after load; give it the chance to.
    await page.waitForLoadState('networkidle');
    await expect(page.locator('link[rel="icon"]'), path).toHaveAttribute('href', /favicon\.svg$/);
    expect(failed, `${path}: ${failed.join(', ')}`).toEqual([]);
    page.removeAllListeners('response');
  }
});
