/**
 * The rate measures' 2025-04-24 releases hold ONS's figures at full precision (Table C4 of the
 * December 2024 workbook); their 2026-11-23 releases wrote the same figures rounded to 3 decimal
 * places. Read through the real pipeline, that rounding is not shown as a revision, and the
 * figures date from ONS's release.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import { compareVintages } from '../../../src/lib/derive/revisions.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RATES = ['total-recorded-crime-rate', 'violence-against-the-person-rate', 'sexual-offences-rate', 'robbery-rate', 'theft-from-the-person-rate', 'shoplifting-rate', 'burglary-dwelling-rate', 'burglary-other-rate', 'possession-of-weapons-rate'];

describe('rate releases at full precision and rounded', () => {
  const site = loadSite({ root: ROOT, today: '2026-12-01' });
  assert.ok(site.model, site.diagnostics.map((d) => d.message).join('\n'));
  const model = site.model;

  test('the files keep how precisely each value is written', () => {
    const rate = model.measures.find((m) => m.id === 'total-recorded-crime-rate')!;
    const cardiff = (date: string) => rate.vintages.find((v) => v.date === date)!.rows.find((r) => r.areaCode === 'W06000015')!;
    assert.equal(cardiff('2026-11-23').decimals, 3, '"102.220" is written with three places');
    assert.equal(cardiff('2025-04-24').decimals, 14);
  });

  test('each 2025-04-24 release agrees with the rounded reference figures, and 2026-11-23 revises none of them', () => {
    const reference = parseCsv(readFileSync(join(ROOT, 'test', 'fixtures', 'reference-data', 'police_recorded_crime_rates.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    for (const slug of RATES) {
      const measure = model.measures.find((m) => m.id === slug)!;
      const [full, rounded] = [measure.vintages.find((v) => v.date === '2025-04-24')!, measure.vintages.find((v) => v.date === '2026-11-23')!];
      assert.equal(full.rows.length, 9, `${slug}: Nottingham and the eight other core cities`);
      for (const row of full.rows) {
        const published = rounded.rows.find((r) => r.areaCode === row.areaCode && r.period === row.period)!;
        assert.equal(row.value!.toFixed(3), published.value!.toFixed(3), `${slug} ${row.areaCode}`);
        assert.ok(reference.some((r) => r.area_code === row.areaCode && r.period === row.period && r.source_table === 'Table C4' && Number(r.value) === Number(row.value!.toFixed(3))), `${slug} ${row.areaCode} is in the reference rates`);
      }
      const comparison = compareVintages(full, rounded);
      assert.deepEqual(comparison.revised, [], `${slug}: rounding is not a revision`);
      assert.deepEqual(comparison.added.map((r) => r.areaCode), ['E92000001'], `${slug}: England's rate (Table P3) was first held on 2026-11-23`);
      assert.deepEqual([...comparison.removed, ...comparison.notCarriedForward], []);
    }
  });

  test("Nottingham's latest rate dates from ONS's release of 24 April 2025, not the rounded copy", () => {
    const { page } = buildPageModel(model, '2026-12-01');
    for (const slug of RATES) {
      const latest = page.measures.find((m) => m.slug === slug)!.headline.at(-1)!;
      assert.equal(latest.firstReleased, '2025-04-24', slug);
    }
  });
});
