/**
 * What's new, in the built site: the /updates/ page lists every release and progress report, and
 * /updates.xml is well-formed Atom (parsed by the browser's own XML parser) with the required
 * elements and the permanent entry ids src/lib/updates computes. A feed generated from hostile
 * text goes through the same parser to prove readers see the text exactly, never as markup.
 */
import { expect, test } from '@playwright/test';
import { atomFeed, entryId } from '../../src/lib/updates/atom.ts';
import { buildUpdates } from '../../src/lib/updates/entries.ts';
import { SITE } from '../support/testshire.ts';
import { pageModel, resolvesInDist } from '../support/site.ts';
import { UPDATES_PER_PAGE } from '../../src/lib/views/site-data.ts';

const model = pageModel();
const expected = buildUpdates(model);

/** What the browser's XML parser makes of an Atom document. */
interface ParsedFeed {
  error: string | null;
  namespace: string | null;
  feed: Record<'id' | 'title' | 'updated' | 'author' | 'self', string | null>;
  entries: Array<Record<'id' | 'title' | 'updated' | 'link' | 'summary', string | null>>;
  scripts: number;
}

async function parseAtom(page: import('@playwright/test').Page, xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    const child = (parent: Element, name: string) => [...parent.children].find((c) => c.localName === name) ?? null;
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      namespace: root.namespaceURI,
      feed: {
        id: child(root, 'id')?.textContent ?? null,
        title: child(root, 'title')?.textContent ?? null,
        updated: child(root, 'updated')?.textContent ?? null,
        author: child(root, 'author')?.querySelector('name')?.textContent ?? null,
        self: [...root.children].find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
      },
      entries: [...root.children]
        .filter((c) => c.localName === 'entry')
        .map((entry) => ({
          id: child(entry, 'id')?.textContent ?? null,
          title: child(entry, 'title')?.textContent ?? null,
          updated: child(entry, 'updated')?.textContent ?? null,
          link: child(entry, 'link')?.getAttribute('href') ?? null,
          summary: child(entry, 'summary')?.textContent ?? null,
        })),
      scripts: doc.getElementsByTagName('script').length,
    };
  }, xml);
}

test('/updates/ lists every release and progress report, by month, newest first', async ({ page }) => {
  await page.goto('/updates/');
  await expect(page.locator('h1')).toHaveText("What's new");
  // The first page holds the newest entries; test/e2e/paged-lists.spec.ts follows the later pages.
  await expect(page.locator('.updates-list > li')).toHaveCount(Math.min(expected.length, UPDATES_PER_PAGE));
  const months = await page.locator('main h2').allTextContents();
  expect(months.length).toBeGreaterThan(0);
  const dates = await page.locator('.updates-list time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(dates).toEqual([...dates].sort().reverse());
  for (const href of await page.locator('.updates-list a').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))) {
    expect(resolvesInDist(href), href).toBe(true);
  }
});

test('a derived measure has entries on /updates/ and in the feed, linking only files the site serves', async ({ page, request }) => {
  const derived = model.measures.filter((m) => m.derived && m.vintages.length > 0);
  expect(derived.length).toBeGreaterThan(0);
  await page.goto('/updates/');
  const xml = await (await request.get('/updates.xml')).text();
  for (const measure of derived) {
    const items = page.locator('.updates-list > li', { has: page.locator(`a[href$="/measures/${measure.slug}/"]`) });
    expect(await items.count(), measure.slug).toBeGreaterThan(0);
    await expect(items.first()).toContainText(/computed/i);
    for (const href of await items.locator('a[download]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))) {
      expect((await request.get(href)).status(), href).toBe(200);
    }
    expect(xml).toContain(`/measures/${measure.slug}/releases/`);
    expect(xml).not.toMatch(new RegExp(`/data/measures/${measure.slug}/\\d{4}-\\d{2}-\\d{2}\\.csv`));
  }
});

test('every page points feed readers to the Atom feed', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  expect(href).toBe('/updates.xml');
  expect((await request.get(href!)).status()).toBe(200);
  await expect(page.locator('footer a', { hasText: "What's new" })).toHaveAttribute('href', '/updates/');
});

test('/updates.xml is well-formed Atom with the required elements and permanent, unique entry ids', async ({ page, request }) => {
  const xml = await (await request.get('/updates.xml')).text();
  const feed = await parseAtom(page, xml);
  expect(feed.error).toBeNull();
  expect(feed.namespace).toBe('http://www.w3.org/2005/Atom');
  expect(feed.feed.title).toBe(`${model.site.site_name}: what's new`);
  expect(feed.feed.author).toBe(model.site.partnership);
  expect(feed.feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
  expect(feed.feed.self).toMatch(/^https?:\/\/.+\/updates\.xml$/);
  const siteRoot = feed.feed.self!.replace(/updates\.xml$/, '');
  expect(feed.feed.id).toBe(`${siteRoot}updates/`);
  expect(feed.entries).toHaveLength(expected.length);
  expect(feed.entries.map((e) => e.id)).toEqual(expected.map((e) => entryId(siteRoot, e)));
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(expected.length);
  for (const entry of feed.entries) {
    expect(entry.title, entry.id!).toBeTruthy();
    expect(entry.summary, entry.id!).toBeTruthy();
    expect(entry.updated, entry.id!).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry.link!.startsWith(siteRoot), entry.link!).toBe(true);
  }
});

test('hostile text in a changes note reaches feed readers as text, never as markup', async ({ page }) => {
  const hostile = 'Revised <b>down</b> & </summary><script>alert("x")</script> ]]> twice ]]> it\'s "quoted" \u0001end';
  const model = {
    measures: [{ slug: 'widget-thefts', derived: false, data: { title: 'Widget <i>Thefts</i>' }, vintages: [{ date: '2026-01-15', release: { changes: hostile }, changeCounts: { added: 3, revised: 0, removed: 0 } }] }],
    actions: [],
  } as unknown as Parameters<typeof buildUpdates>[0];
  const xml = atomFeed({ site: SITE, entries: buildUpdates(model), siteRoot: 'https://example.github.io/snd/', today: '2026-11-23' });
  const feed = await parseAtom(page, xml);
  expect(feed.error).toBeNull();
  expect(feed.scripts).toBe(0);
  // type="html": the element's text is HTML, which a reader decodes once before showing it.
  const shown = await page.evaluate((entry) => {
    const decode = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return { text: div.textContent, elements: div.querySelectorAll('*').length };
    };
    return { summary: decode(entry.summary!), title: decode(entry.title!) };
  }, feed.entries[0]!);
  expect(shown.summary).toEqual({ text: hostile.replace('\u0001', ''), elements: 0 });
  expect(shown.title).toEqual({ text: 'Widget <i>Thefts</i>: first figures published', elements: 0 });
});
