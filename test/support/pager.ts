/** Following a paged list in the browser tests: the lists grow with releases, so no test may assume one page. */
import { expect, type Page } from '@playwright/test';

/** Every page of a paged list, from its first page along the "Next page" links; fails if the links loop. */
export async function walkPages(page: Page, first: string): Promise<string[]> {
  const visited: string[] = [];
  let next: string | null = first;
  while (next) {
    expect(visited, 'the pager never loops').not.toContain(next);
    visited.push(next);
    await page.goto(next);
    const link = page.locator('nav.pager a[rel="next"]');
    next = (await link.count()) > 0 ? await link.getAttribute('href') : null;
  }
  return visited;
}
