/**
 * The enhancement script's URL state (?hide=), which must round-trip so a shared link shows the same
 * view. The DOM behaviour (roving focus, tooltips, toggles, downloads) needs a browser: see the e2e tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHiddenSeries, urlWithHiddenSeries } from '../../src/scripts/chart-enhance.ts';

test('reads ?hide= as a set of series keys', () => {
  assert.deepEqual([...readHiddenSeries('?hide=england,core_cities')], ['england', 'core_cities']);
  assert.deepEqual([...readHiddenSeries('?hide=england%2Ccore_cities')], ['england', 'core_cities']);
  assert.deepEqual([...readHiddenSeries('?hide=')], []);
  assert.deepEqual([...readHiddenSeries('')], []);
  assert.deepEqual([...readHiddenSeries('?hide=,england,,')], ['england']);
});

test('writes ?hide= with readable commas, sorted, keeping other parameters and the fragment', () => {
  assert.equal(
    urlWithHiddenSeries('https://example.org/measures/knife-crime/?view=table#chart', new Set(['england', 'core_cities'])),
    '/measures/knife-crime/?view=table&hide=core_cities,england#chart',
  );
  assert.equal(urlWithHiddenSeries('https://example.org/m/?hide=england', new Set()), '/m/');
  assert.equal(urlWithHiddenSeries('https://example.org/m/?hide=england&x=1', new Set()), '/m/?x=1');
});

test('a written URL reads back to the same set', () => {
  const hidden = new Set(['similar_group', 'england']);
  const url = new URL(urlWithHiddenSeries('https://example.org/m/', hidden), 'https://example.org');
  assert.deepEqual(readHiddenSeries(url.search), hidden);
});
