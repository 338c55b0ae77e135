/** Paged lists (catalogue, what's new, a plan's framework, measures, a plan's priorities and actions, a long series' figures) and the catalogue's grouping of a measure's files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageItems, pagePath } from '../../../src/lib/views/paging.ts';
import { measureFiles, type CatalogueEntry } from '../../../src/lib/downloads/catalogue.ts';
import { newestRows, sliceRows, type ChartTable, type ChartTableRow } from '../../../src/lib/charts/kinds/line/table.ts';
import { figuresPageCount, figuresPages, FIGURES_PER_PAGE, hasFiguresPages, LONG_SERIES_PERIODS, NEWEST_PERIODS } from '../../../src/lib/views/figures-page.ts';
import { MEASURE_LIST_PER_PAGE, measureListEntries, measureListPages, measureListSections, sectionStartPages } from '../../../src/lib/views/measure-list.ts';
import { PLAN_LIST_PER_PAGE, PLAN_PAGE_LIST_LIMIT, planListPages, planPageList } from '../../../src/lib/views/plan-lists.ts';
import type { MeasureEntry, PlanEntry } from '../../../src/lib/derive/page-model.ts';

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

// Issue 16 at benchmark scale: long tables, the list of every measure and a plan's long lists.
const tableRow = (i: number, fields: Partial<ChartTableRow> = {}): ChartTableRow => ({
  period: `p${i}`,
  periodLabel: `period ${i}`,
  shortPeriodLabel: `p${i}`,
  value: String(i),
  status: '',
  note: '',
  comparators: [],
  ...fields,
});
const table = (rows: ChartTableRow[]): ChartTable => ({
  valueHeading: 'Testshire',
  comparatorHeadings: [],
  rows,
  hasStatus: rows.some((r) => r.status !== ''),
  hasNote: rows.some((r) => r.note !== ''),
});

test("a long table under the chart keeps its newest rows, oldest first, and counts the older ones it leaves out", () => {
  const full = table(Array.from({ length: 120 }, (_, i) => tableRow(i + 1, i === 0 ? { status: 'Provisional', note: 'First month' } : {})));
  const newest = newestRows(full, NEWEST_PERIODS);
  assert.deepEqual(newest.rows.map((r) => r.period), Array.from({ length: 24 }, (_, i) => `p${97 + i}`));
  assert.equal(newest.otherRows, 96);
  // Only the oldest row has a status and a note: the cut table leaves those columns out again.
  assert.equal(full.hasStatus && full.hasNote, true);
  assert.equal(newest.hasStatus || newest.hasNote, false);
  const short = newestRows(table([tableRow(1), tableRow(2)]), NEWEST_PERIODS);
  assert.deepEqual(short.rows.map((r) => r.period), ['p1', 'p2']);
  assert.equal(short.otherRows, 0);
  assert.throws(() => newestRows(full, 0), /whole number/);
  const middle = sliceRows(full, 60, 120);
  assert.deepEqual([middle.rows[0]!.period, middle.rows.at(-1)!.period, middle.otherRows], ['p61', 'p120', 60]);
});

test("a long series' figures pages hold every row once, in order, 60 headline periods a page, counted from the page model alone", () => {
  const long = view('long', { periods: 130 });
  const periods = long.headline.map((p) => p.period);
  // A comparator has a period the headline lacks (after the 60th): it stays with its neighbours in time.
  const rows = periods.flatMap((period, i) => [tableRow(i, { period }), ...(i === 70 ? [tableRow(999, { period: 'comparator-only' })] : [])]);
  const pages = figuresPages(table(rows), long);
  assert.equal(pages.length, figuresPageCount(long));
  assert.deepEqual(pages.map((p) => [p.number, p.count, p.items.length]), [[1, 3, FIGURES_PER_PAGE], [2, 3, FIGURES_PER_PAGE + 1], [3, 3, 10]]);
  assert.deepEqual(pages.flatMap((p) => p.items), rows);
  assert.equal(pages[1]!.items[0]!.period, periods[FIGURES_PER_PAGE]);
  assert.equal(figuresPageCount(view('short', { periods: LONG_SERIES_PERIODS })), 0);
  assert.throws(() => figuresPages(table(rows.slice(0, 100)), view('other', { periods: 200 })), /no row for headline period/);
});

const view = (slug: string, fields: { theme?: string; supports?: string; periods?: number } = {}): MeasureEntry =>
  ({
    slug,
    data: { title: slug, thematic_area: fields.theme ?? 'Crime', frequency: 'month', ...(fields.supports ? { supports: fields.supports } : {}) },
    headline: Array.from({ length: fields.periods ?? 0 }, (_, i) => ({ period: `2020-${i}`, value: i })),
  }) as unknown as MeasureEntry;
const planView = (id: string, startYear: number, measures: string[], lists: { priorities?: number; actions?: number } = {}): PlanEntry =>
  ({
    id,
    data: { title: `Plan ${id}`, period: { start_year: startYear } },
    measures,
    priorities: Array.from({ length: lists.priorities ?? 0 }, (_, i) => `${id}/priority-${i + 1}`),
    actions: Array.from({ length: lists.actions ?? 0 }, (_, i) => `${id}/action-${i + 1}`),
  }) as unknown as PlanEntry;

test('a series is long (its measure page shows only the newest periods and it gets figures pages) above 36 periods, and always leaves rows to them', () => {
  assert.equal(LONG_SERIES_PERIODS, 36);
  assert.equal(hasFiguresPages(view('a', { periods: 36 })), false);
  assert.equal(hasFiguresPages(view('a', { periods: 37 })), true);
  assert.equal(hasFiguresPages(view('a', { periods: 0 })), false);
  assert.ok(NEWEST_PERIODS < LONG_SERIES_PERIODS, 'a long series always leaves rows to its figures pages');
});

test('the list of every measure: newest plan first, grouped by thematic area in order of first appearance, then supporting series', () => {
  const measures = [view('a', { theme: 'Crime' }), view('b', { theme: 'Drugs' }), view('c', { theme: 'Crime' }), view('s', { supports: 'a' })];
  const plans = [planView('old', 2015, ['a']), planView('new', 2024, ['a', 'b', 'c'])];
  const entries = measureListEntries({ plans, measures });
  assert.deepEqual(
    entries.map((e) => `${e.plan?.id ?? '-'}/${e.theme ?? '-'}/${e.measure.slug}`),
    ['new/Crime/a', 'new/Crime/c', 'new/Drugs/b', 'old/Crime/a', '-/-/s'],
  );
  assert.throws(() => measureListEntries({ plans: [planView('x', 2020, ['missing'])], measures }), /unknown measure "missing"/);
});

test('the list of every measure is paged; a plan or area split across pages says it continues, and the contents link where each plan starts', () => {
  const count = MEASURE_LIST_PER_PAGE * 2 + 50;
  const measures = Array.from({ length: count }, (_, i) => view(`m${i}`, { theme: i < 300 ? 'Crime' : 'Drugs' }));
  const plans = [planView('p', 2024, measures.map((m) => m.slug))];
  const all = [...measures, view('s', { supports: 'm0' })];
  const pages = measureListPages({ plans, measures: all });
  assert.deepEqual(pages.map((p) => p.items.length), [MEASURE_LIST_PER_PAGE, MEASURE_LIST_PER_PAGE, 51]);
  // Every entry appears exactly once across the pages.
  assert.deepEqual(pages.flatMap((p) => p.items.map((e) => e.measure.slug)), [...measures.map((m) => m.slug), 's']);
  const second = measureListSections(pages[1]!.items, pages[0]!.items.at(-1));
  assert.equal(second.length, 1);
  assert.equal(second[0]!.continued, true);
  assert.deepEqual(second[0]!.groups.map((g) => [g.theme, g.continued, g.entries.length]), [['Crime', true, 100], ['Drugs', false, 100]]);
  const third = measureListSections(pages[2]!.items, pages[1]!.items.at(-1));
  assert.deepEqual(third.map((s) => [s.plan?.id, s.continued]), [['p', true], [undefined, false]]);
  const first = measureListSections(pages[0]!.items);
  assert.deepEqual(first.map((s) => [s.plan?.id, s.continued, s.groups[0]!.continued]), [['p', false, false]]);
  assert.deepEqual([...sectionStartPages(pages)], [['p', 1], ['supporting', 3]]);
});

test("a plan page lists up to 30 priorities or actions whole; a longer list shows the first 30 and has its own pages of 100", () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  assert.deepEqual(planPageList(items(PLAN_PAGE_LIST_LIMIT)), { shown: items(30), total: 30, paged: false });
  assert.deepEqual(planListPages(items(PLAN_PAGE_LIST_LIMIT)), []);
  const long = planPageList(items(250));
  assert.deepEqual([long.shown, long.total, long.paged], [items(30), 250, true]);
  const pages = planListPages(items(250));
  assert.deepEqual(pages.map((p) => [p.number, p.count, p.items.length]), [[1, 3, PLAN_LIST_PER_PAGE], [2, 3, PLAN_LIST_PER_PAGE], [3, 3, 50]]);
  assert.deepEqual(pages.flatMap((p) => p.items), items(250));
});
