/**
 * The page model's latest headline point says when its figure was first released, so a figure's
 * age (and the publisher named beside it) runs from its first publication, not from a later release
 * that merely carried it over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import type { SiteModel } from '../../../src/lib/schemas/model.ts';
import { measure, meta, row, SITE, vintage } from '../../support/testshire.ts';

function latestFirstReleased(vintages: Parameters<typeof measure>[2]): string | undefined {
  const site: SiteModel = { site: SITE, plans: [], priorities: [], actions: [], measures: [measure('widget-thefts', meta({ frequency: 'financial_year' }), vintages)] };
  const points = buildPageModel(site, '2026-12-01').page.measures[0]!.headline;
  assert.ok(points.slice(0, -1).every((p) => p.firstReleased === undefined), 'only the latest point carries it');
  return points.at(-1)!.firstReleased;
}

test('a figure carried over unchanged keeps the date of the release that first held it', () => {
  const first = vintage('2024-07-24', [row('2022-23', 10), row('2023-24', 11)]);
  const copy = vintage('2026-12-01', [row('2022-23', 10), row('2023-24', 11)]);
  assert.equal(latestFirstReleased([first, copy]), '2024-07-24');
});

test('a release without the figure neither starts nor breaks the run', () => {
  const first = vintage('2024-07-24', [row('2022-23', 10), row('2023-24', 11)]);
  const older = vintage('2026-11-23', [row('2017-18', 40), row('2018-19', 41)]);
  const copy = vintage('2026-12-01', [row('2022-23', 10), row('2023-24', 11)]);
  assert.equal(latestFirstReleased([first, older, copy]), '2024-07-24');
});

test('a revised figure dates from the release that revised it', () => {
  const first = vintage('2024-07-24', [row('2023-24', 11)]);
  const revised = vintage('2025-07-24', [row('2023-24', 12)]);
  const copy = vintage('2026-12-01', [row('2023-24', 12)]);
  assert.equal(latestFirstReleased([first, revised, copy]), '2025-07-24');
});

test('a figure a later release only rounded keeps the date of the release that first held it at full precision', () => {
  const full = vintage('2025-04-24', [row('2023-24', 117.71528067382417, { decimals: 14 })]);
  const rounded = vintage('2026-11-23', [row('2023-24', 117.715, { decimals: 3 })]);
  assert.equal(latestFirstReleased([full, rounded]), '2025-04-24');
  // A different value at the same precision is a revision, and dates from the release that made it.
  const revised = vintage('2026-11-23', [row('2023-24', 117.716, { decimals: 3 })]);
  assert.equal(latestFirstReleased([full, revised]), '2026-11-23');
});
