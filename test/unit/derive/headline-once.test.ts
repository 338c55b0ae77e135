/** A release's headline series is built once and shared by everything that asks for it (issue 21: compute once). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineSeries, seriesCounts } from '../../../src/lib/derive/series.ts';
import type { Observation, Vintage } from '../../../src/lib/schemas/model.ts';
import type { MeasureMeta } from '../../../src/lib/schemas/measure.ts';

// As the validator leaves a row: its period's first day and the day after its last.
const row = (period: string, value: number, areaCode = 'E06000018'): Observation =>
  ({ period, periodStart: `${period}-01-01`, periodEnd: `${Number(period) + 1}-01-01`, value, areaCode, areaName: 'Nottingham', breakdown: {}, note: '', source: '', line: 2 }) as unknown as Observation;
const vintage = (rows: Observation[]): Vintage => ({ date: '2025-01-01', file: 'x.csv', bytes: new Uint8Array(), sha256: '', rows }) as unknown as Vintage;
const yearly = { frequency: 'year', comparators: [], breakdowns: [] } as unknown as MeasureMeta;
const area = { code: 'E06000018', name: 'Nottingham' };

test('asking twice for the same release gives the same series, built once', () => {
  const release = vintage([row('2023', 3), row('2022', 2), row('2023', 9, 'E92000001')]);
  const before = seriesCounts.headlines;
  const first = headlineSeries(yearly, release, area);
  const second = headlineSeries(yearly, release, area);
  assert.equal(second, first);
  assert.equal(seriesCounts.headlines - before, 1);
  assert.deepEqual(first.points.map((p) => p.value), [2, 3], 'the area\'s own rows, in period order');
});

test('another release, another area or other metadata is another series', () => {
  const release = vintage([row('2023', 3), row('2023', 9, 'E92000001')]);
  const before = seriesCounts.headlines;
  headlineSeries(yearly, release, area);
  headlineSeries(yearly, vintage([row('2023', 4)]), area);
  const england = headlineSeries(yearly, release, { code: 'E92000001', name: 'England' });
  headlineSeries({ ...yearly } as MeasureMeta, release, area);
  assert.equal(seriesCounts.headlines - before, 4);
  assert.deepEqual(england.points.map((p) => p.value), [9]);
});
