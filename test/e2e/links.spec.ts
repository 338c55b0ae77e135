/** No internal link anywhere in the built site points at nothing. Reads dist/ directly: no browser needed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, dist, resolvesInDist } from '../support/site.ts';

test('every internal link and asset in every page resolves in the build', () => {
  const broken: string[] = [];
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(50);
  for (const page of pages) {
    const html = readFileSync(join(dist, page, page.endsWith('/') ? 'index.html' : ''), 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const target = match[1]!.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|#|data:)/.test(target)) continue;
      const absolute = new URL(target, `http://site${page}`).pathname;
      if (!resolvesInDist(absolute)) broken.push(`${page} -> ${target}`);
    }
  }
  expect(broken, broken.join('\n')).toEqual([]);
});
