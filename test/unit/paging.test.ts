/** Paged lists (catalogue, what's new, a plan's framework) and the catalogue's grouping of a measure's files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageItems, pagePath } from '../../src/lib/paging.ts';
import { measureFiles, type CatalogueEntry } from '../../src/lib/downloads/catalogue.ts';

test('pages hold at most the page size, in order, and count themselves', () => {
  const pages = pageItems([1, 2, 3, 4, 5], 2);
  assert.deepEqual(pages.map((p) => p.items), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(pages.map((p) => [p.number, p.count]), [[1, 3], [2, 3], [3, 3]]);
  assert.deepEqual(pageItems([], 10), [{ number: 1, count: 1, items: [] }]);
  assert.throws(() => pageItems([1], 0), /page size/);
});

test('page 1 is the list itself; later pages sit below it', () => {
  assert.equal(pagePath('/data/', 1), '/data/');
  assert.equal(pagePath('/data/', 2), '/data/page/2/');
  assert.equal(pagePath('/plans/2024-27/', 3), '/plans/2024-27/page/3/');
});

const entry = (path: string): CatalogueEntry => ({
  path,
  title: path,
  mediaType: path.endsWith('.json') ? 'application/json' : 'text/csv',
  bytes: 1,
  updated: '2026-01-01',
  licence: { name: 'OGL', url: 'https://example.org/ogl' },
  sha256: '0'.repeat(64),
});

test("a measure's files: current CSV, JSON and newest release first, earlier releases newest first; other files left out", () => {
  const entries = [
    '/data/measures/knife-crime.csv',
    '/data/measures/knife-crime.json',
    '/data/measures/knife-crime/2024-05-01.csv',
    '/data/measures/knife-crime/2025-11-23.csv',
    '/data/measures/knife-crime/2025-02-10.csv',
    '/data/measures/asb/2026-01-01.csv',
    '/data/measures/asb.json',
    '/data/measures/asb.csv',
    '/downloads/2024-27/data.csv',
  ].map(entry);
  const groups = measureFiles(entries);
  assert.deepEqual(groups.map((g) => g.slug), ['asb', 'knife-crime']);
  assert.deepEqual(groups[0]!.current.map((e) => e.path), ['/data/measures/asb.csv', '/data/measures/asb.json', '/data/measures/asb/2026-01-01.csv']);
  assert.deepEqual(groups[0]!.earlier, []);
  assert.deepEqual(groups[1]!.current.map((e) => e.path), ['/data/measures/knife-crime.csv', '/data/measures/knife-crime.json', '/data/measures/knife-crime/2025-11-23.csv']);
  assert.deepEqual(groups[1]!.earlier.map((e) => e.path), ['/data/measures/knife-crime/2025-02-10.csv', '/data/measures/knife-crime/2024-05-01.csv']);
  // Every measure file is in exactly one place.
  const listed = groups.flatMap((g) => [...g.current, ...g.earlier]).map((e) => e.path).sort();
  assert.deepEqual(listed, entries.filter((e) => e.path.startsWith('/data/measures/')).map((e) => e.path).sort());
});
