/**
 * The comparison kind and its page view: places (ties shared), the partnership's place as a fact
 * with no verdict, labels that never overlap, escaped text, the ranked table's pages, and another
 * partnership's own area highlighted from the same rows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { comparisonGeometry, comparisonWords, ordinal, rankAreas, renderComparisonSvg, type ComparedArea, type ComparisonInput } from '../../../../src/lib/charts/kinds/compare.ts';
import { comparisonViews, RANKING_ROWS_PER_PAGE } from '../../../../src/lib/views/comparison.ts';
import type { Measure, SiteModel } from '../../../../src/lib/schemas/model.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const ROBBERY = join(ROOT, 'data', 'comparisons', 'robbery-rate', '2025-04-24.csv');

const area = (name: string, value: number | null, role: ComparedArea['role'] = 'other'): ComparedArea => ({ code: `E22${String(name.length).padStart(6, '0')}`, name, group: 'Force', value, note: value === null ? '[x]' : '', role });

test('places count from the highest figure; equal figures share a place; areas without a figure come last, unranked', () => {
  const ranked = rankAreas([area('A', 1), area('B', 3), area('C', 3), area('D', null), area('E', 2)]);
  assert.deepEqual(ranked.map((a) => [a.name, a.rank, a.tied]), [['B', 1, true], ['C', 1, true], ['E', 3, false], ['A', 4, false], ['D', undefined, false]]);
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 313].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '313th']);
});

test('the place is said as a fact: which place among how many with a figure, from which table, never better or worse', () => {
  const input: ComparisonInput = { title: 'Robbery', unit: 'rate_per_1000', periodLabel: 'year ending December 2024', areasAre: 'partnerships', table: 'Table C4', areas: [area('Aa', 2), area('Home', 3, 'own'), area('Ccc', 3), area('Dddd', 1), area('Eeeee', null)], reference: { name: 'ENGLAND AND WALES', value: 2.5, table: 'Table P3' } };
  const words = comparisonWords(input);
  assert.equal(words.position, "Home's figure in Table C4, 3.0 per 1,000, is the joint 1st highest of the 4 partnerships with a figure (year ending December 2024).");
  assert.match(words.summary, /The dashed line is the figure for ENGLAND AND WALES \(Table P3\), 2\.5 per 1,000\./);
  assert.doesNotMatch(`${words.summary} ${words.desc}`, /better|worse|good|bad|high crime|concern/i);
  const unranked = comparisonWords({ ...input, areas: [area('Home', null, 'own'), area('Aa', 1)] });
  assert.equal(unranked.position, 'Table C4 gives no figure for Home for the year ending December 2024 ([x]), so it is not ranked.');
});

test('labelled areas next to each other in the ranking get labels that do not overlap, and every label is inside the chart', () => {
  const areas = Array.from({ length: 300 }, (_, i) => area(`Partnership number ${i}`, 300 - i, i >= 100 && i < 110 ? (i === 104 ? 'own' : 'comparator') : 'other'));
  const g = comparisonGeometry({ title: 'T', unit: 'rate_per_1000', periodLabel: 'p', areasAre: 'partnerships', table: 'Table C4', areas });
  assert.equal(g.labels.length, 10);
  const boxes = g.labels.map((l) => ({ top: l.y - (l.lines.length * 14 * 1.25) / 2, bottom: l.y + (l.lines.length * 14 * 1.25) / 2 })).sort((a, b) => a.top - b.top);
  for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]!.top >= boxes[i - 1]!.bottom - 0.1, `label ${i} starts at ${boxes[i]!.top}, above the end of the one before (${boxes[i - 1]!.bottom})`);
  assert.ok(boxes.at(-1)!.bottom < g.axisY - 10);
  assert.ok(boxes[0]!.top >= g.barsTop - 0.1);
});

test('every text in the SVG is escaped', () => {
  const g = comparisonGeometry({ title: 'T', unit: 'rate_per_1000', periodLabel: 'p', areasAre: 'partnerships', table: 'Table C4', areas: [area('<script>alert(1)</script>', 2, 'own'), area('B', 1)], reference: { name: 'A & B "quoted"', value: 1.5, table: 'Table P3' } });
  const svg = renderComparisonSvg(g, { id: 'x', title: '<b>', desc: '"d"' });
  assert.doesNotMatch(svg, /<script>|<b>/);
  assert.match(svg, /&lt;script&gt;/);
  assert.match(svg, /A &amp; B &quot;quoted&quot;/);
});

function realRelease() {
  const text = readFileSync(ROBBERY, 'utf8');
  return {
    release: { vintage: '2025-04-24', publisher: 'Office for National Statistics', dataset: 'd', url: 'https://example.org/', retrieved: '2026-12-07', licence: 'OGL', changes: 'c' },
    bytes: new TextEncoder().encode(text),
    rows: parseCsv(text, { columns: true, bom: true }) as Record<string, string>[],
    notes: [{ source_table: 'Table C4', sheet: 'Notes - CSP', cell: 'B9', note: '6', text: 'Caution needs to be taken ...' }],
  };
}

const measure = (comparators: { area_code: string; label: string; kind: string }[]) =>
  ({ id: 'robbery-rate', data: { title: 'Robbery: rate per 1,000 people', unit: 'rate_per_1000', comparators } }) as unknown as Pick<Measure, 'id' | 'data'>;
const site = (name: string, code: string) => ({ area: { name, code } }) as unknown as SiteModel['site'];
const CSV = { path: '/data/comparisons/robbery-rate.csv', sha256: 'x'.repeat(64), bytes: 1 };

test("the site's own partnership is highlighted, found by its local authority code; another site's by its own", () => {
  const nottingham = comparisonViews(measure([{ area_code: 'E08000025', label: 'Birmingham', kind: 'core_cities' }]), realRelease(), site('Nottingham', 'E06000018'), CSV);
  assert.match(nottingham.page.position!, /^Nottingham's figure in Table C4, 1\.7 per 1,000, is the \d+(st|nd|rd|th) highest of the 313 partnerships with a figure/);
  assert.deepEqual(nottingham.page.labelled.map((r) => r.who), ['Core city', 'This partnership', 'Table P3']);
  assert.equal(nottingham.link?.href, '/measures/robbery-rate/compare/');
  const leeds = comparisonViews(measure([]), realRelease(), site('Leeds', 'E08000035'), CSV);
  assert.match(leeds.page.position!, /^Leeds's figure in Table C4/);
  assert.deepEqual(leeds.page.labelled.map((r) => `${r.name} (${r.who})`), ['Leeds (This partnership)', 'ENGLAND AND WALES (Table P3)']);
  assert.match(leeds.page.chart.svg, /font-weight="700">[^<]*<tspan[^>]*>Leeds /);
});

test('the ranked table holds every partnership once, in pages small enough for a phone', () => {
  const { page, ranking } = comparisonViews(measure([]), realRelease(), site('Nottingham', 'E06000018'), CSV);
  assert.equal(ranking.length, Math.ceil(314 / RANKING_ROWS_PER_PAGE));
  assert.equal(page.rankingPages, ranking.length);
  const rows = ranking.flatMap((p) => p.rows);
  assert.equal(rows.length, 314);
  assert.equal(new Set(rows.map((r) => r.name)).size, rows.length);
  assert.equal(rows.at(-1)!.rank, 'Not ranked');
  assert.equal(rows.filter((r) => r.own).map((r) => r.name).join(), 'Nottingham');
  assert.match(page.significance, /not tested for statistical significance/);
});
