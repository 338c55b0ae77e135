import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVintages, isRevised, revisedInCurrentVintage, revisionHistory } from '../../src/lib/derive/revisions.ts';
import { observationKey } from '../../src/lib/derive/keys.ts';
import { ENGLAND, measure, meta, row, vintage } from '../support/testshire.ts';

const england = { areaCode: ENGLAND.code, areaName: ENGLAND.name };

const first = vintage('2021-07-01', [
  row('2018-19', 100),
  row('2019-20', 110),
  row('2020-21', null),
  row('2020-21', 40, { breakdown: { age_band: '18-24' } }),
  row('2019-20', 500, england),
  row('2017-18', 90),
]);

// Lines reordered, one figure revised, one newly published, one newly suppressed,
// one unchanged suppressed, one period dropped and one added.
const second = vintage('2022-07-01', [
  row('2021-22', 130),
  row('2020-21', 125),
  row('2019-20', 112),
  row('2018-19', 100.0),
  row('2020-21', null, { breakdown: { age_band: '18-24' } }),
  row('2019-20', 500, england),
  row('2020-21', 600, england),
]);

test('revised figures: changed values, newly published and newly suppressed', () => {
  const comparison = compareVintages(first, second);
  assert.equal(comparison.from, '2021-07-01');
  assert.equal(comparison.to, '2022-07-01');
  assert.deepEqual(
    comparison.revised.map((r) => [r.period, r.areaCode, r.breakdown, r.oldValue, r.newValue]),
    [
      ['2020-21', 'E06999999', {}, null, 125],
      ['2019-20', 'E06999999', {}, 110, 112],
      ['2020-21', 'E06999999', { age_band: '18-24' }, 40, null],
    ],
  );
});

test('added and removed rows', () => {
  const comparison = compareVintages(first, second);
  assert.deepEqual(
    comparison.added.map((r) => [r.period, r.areaCode, r.value]),
    [
      ['2021-22', 'E06999999', 130],
      ['2020-21', 'E92000001', 600],
    ],
  );
  assert.deepEqual(comparison.removed.map((r) => [r.period, r.value]), [['2017-18', 90]]);
});

test('identical releases have no differences; suppressed equals suppressed', () => {
  const a = vintage('2021-07-01', [row('2020-21', null), row('2019-20', 7)]);
  const b = vintage('2021-08-01', [row('2019-20', 7), row('2020-21', null)]);
  assert.deepEqual(compareVintages(a, b), { from: '2021-07-01', to: '2021-08-01', revised: [], added: [], removed: [] });
});

test('rows differing only in area or breakdown are different figures', () => {
  assert.notEqual(observationKey(row('2020-21', 1)), observationKey(row('2020-21', 1, england)));
  assert.notEqual(observationKey(row('2020-21', 1)), observationKey(row('2020-21', 1, { breakdown: { sex: 'female' } })));
  assert.equal(
    observationKey(row('2020-21', 1, { breakdown: { sex: 'female', age_band: '18-24' } })),
    observationKey(row('2020-21', 2, { breakdown: { age_band: '18-24', sex: 'female' } })),
  );
  // A separator inside a value must not make two keys collide.
  assert.notEqual(
    observationKey(row('2020-21', 1, { breakdown: { a: 'x;b=y' } })),
    observationKey(row('2020-21', 1, { breakdown: { a: 'x', b: 'y' } })),
  );
});

test('revision history compares each release with the one before', () => {
  const third = vintage('2023-07-01', [row('2021-22', 131), row('2020-21', 125), row('2019-20', 112), row('2018-19', 100)]);
  const m = measure('widgets', meta(), [first, second, third]);
  const history = revisionHistory(m);
  assert.deepEqual(history.map((c) => [c.from, c.to]), [
    ['2021-07-01', '2022-07-01'],
    ['2022-07-01', '2023-07-01'],
  ]);
  assert.deepEqual(history[1]!.revised.map((r) => [r.period, r.oldValue, r.newValue]), [['2021-22', 130, 131]]);
  assert.equal(history[1]!.removed.length, 3);
  assert.deepEqual(revisionHistory(measure('w', meta(), [first])), []);
});

test('revised badge marks the current release figures that changed since the previous release', () => {
  const m = measure('widgets', meta(), [first, second]);
  const revised = revisedInCurrentVintage(m);
  const badged = second.rows.filter((r) => isRevised(r, revised)).map((r) => [r.period, r.value]);
  assert.deepEqual(badged, [
    ['2020-21', 125],
    ['2019-20', 112],
    ['2020-21', null],
  ]);
  assert.equal(revisedInCurrentVintage(measure('w', meta(), [first])).size, 0);
  assert.equal(revisedInCurrentVintage(measure('w', meta())).size, 0);
});
