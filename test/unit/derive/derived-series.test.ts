import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveSeries } from '../../../src/lib/derive/derived-series.ts';
import { signedSum, decimalPlaces } from '../../../src/lib/derive/decimal.ts';
import type { Measure } from '../../../src/lib/schemas/model.ts';
import { ENGLAND, measure, meta, row, vintage } from '../../support/testshire.ts';

const england = { areaCode: ENGLAND.code, areaName: ENGLAND.name };

const allCrime = measure('all-widget-crime', meta({ title: 'All widget crime' }), [
  vintage('2021-07-01', [row('2018-19', 999)]),
  vintage('2022-07-01', [
    row('2019-20', 1100.2, { status: 'provisional' }),
    row('2018-19', 1000.5, { status: 'final', periodLabel: 'April 2018 to March 2019' }),
    row('2020-21', 1200, { status: 'final' }),
    row('2021-22', null),
    row('2019-20', 50000, england),
    row('2019-20', 7, { breakdown: { age_band: '18-24' } }),
  ]),
]);
const fraud = measure('widget-fraud', meta({ title: 'Widget fraud' }), [
  vintage('2022-06-15', [
    row('2018-19', 200.25, { status: 'final' }),
    row('2019-20', 100.1, { status: 'final' }),
    row('2021-22', 50, { status: 'final' }),
    row('2019-20', 8000, england),
    row('2019-20', 3, { breakdown: { age_band: '18-24' } }),
  ]),
]);
const returns = measure('widget-returns', meta({ title: 'Widget returns' }), [
  vintage('2022-05-01', [
    row('2018-19', 0.1, { status: 'final' }),
    row('2019-20', 0.2, { status: 'final' }),
    row('2020-21', 3, { status: 'final' }),
    row('2021-22', 4, { status: 'final' }),
  ]),
]);

const derived = measure(
  'net-widget-crime',
  meta({
    title: 'Net widget crime',
    derivation: {
      formula: 'All widget crime minus widget fraud plus widget returns',
      terms: [
        { measure: 'all-widget-crime', sign: '+' },
        { measure: 'widget-fraud', sign: '-' },
        { measure: 'widget-returns', sign: '+' },
      ],
    },
  }),
);

const inputs = new Map<string, Measure>([allCrime, fraud, returns].map((m) => [m.id, m]));
const NOTE =
  'Derived: all-widget-crime (release 2022-07-01) minus widget-fraud (release 2022-06-15) plus widget-returns (release 2022-05-01).';

test('signed sums are exact to the precision of the inputs', () => {
  // Hand-checked: 1000.5 - 200.25 + 0.1 = 800.35; 1100.2 - 100.1 + 0.2 = 1000.3.
  assert.equal(signedSum([{ value: 1000.5, sign: '+' }, { value: 200.25, sign: '-' }, { value: 0.1, sign: '+' }]), 800.35);
  assert.equal(signedSum([{ value: 1100.2, sign: '+' }, { value: 100.1, sign: '-' }, { value: 0.2, sign: '+' }]), 1000.3);
  assert.equal(signedSum([{ value: 0.1, sign: '+' }, { value: 0.2, sign: '+' }]), 0.3);
  assert.equal(signedSum([{ value: 5, sign: '-' }, { value: 5, sign: '+' }]), 0);
  assert.deepEqual([decimalPlaces(3), decimalPlaces(12.5), decimalPlaces(0.125), decimalPlaces(1e-7), decimalPlaces(1.5e-7)], [0, 1, 3, 7, 8]);
});

test('derived rows: periods and areas every input publishes, summed with signs, from current releases', () => {
  const result = deriveSeries(derived, inputs);
  assert.deepEqual(
    result.rows.map((r) => [r.period, r.areaCode, r.value, r.status]),
    [
      ['2018-19', 'E06999999', 800.35, 'final'],
      ['2019-20', 'E06999999', 1000.3, 'provisional'],
    ],
  );
  const [first] = result.rows;
  assert.equal(first!.periodLabel, 'April 2018 to March 2019');
  assert.equal(first!.areaName, 'Testshire');
  assert.deepEqual(first!.breakdown, {});
  assert.equal(first!.line, 0);
  assert.equal(first!.source, '');
});

test('every derived row carries a note naming its inputs and their releases', () => {
  const result = deriveSeries(derived, inputs);
  assert.equal(result.note, NOTE);
  assert.ok(result.rows.every((r) => r.note === NOTE));
  assert.deepEqual(result.inputs, [
    { measure: 'all-widget-crime', sign: '+', vintage: '2022-07-01' },
    { measure: 'widget-fraud', sign: '-', vintage: '2022-06-15' },
    { measure: 'widget-returns', sign: '+', vintage: '2022-05-01' },
  ]);
  assert.equal(result.vintage, '2022-07-01');
});

test('periods with a missing or suppressed input are left out, with the reason', () => {
  const result = deriveSeries(derived, inputs);
  assert.deepEqual(result.omitted, [
    { period: '2020-21', areaCode: 'E06999999', reason: 'Left out: no figure from widget-fraud.' },
    { period: '2021-22', areaCode: 'E06999999', reason: 'Left out: suppressed in all-widget-crime.' },
    { period: '', areaCode: 'E92000001', reason: 'widget-returns publishes no figures for area E92000001.' },
  ]);
});

test('an area every input publishes is derived too', () => {
  const twoTerm = measure('w', meta({ derivation: { formula: 'a - b', terms: [{ measure: 'all-widget-crime', sign: '+' }, { measure: 'widget-fraud', sign: '-' }] } }));
  const result = deriveSeries(twoTerm, inputs);
  assert.deepEqual(
    result.rows.map((r) => [r.period, r.areaCode, r.value]),
    [
      ['2018-19', 'E06999999', 800.25],
      ['2019-20', 'E06999999', 1000.1],
      ['2019-20', 'E92000001', 42000],
    ],
  );
});

test('an input with no published release yields no rows and says why', () => {
  const empty = new Map(inputs);
  empty.set('widget-returns', measure('widget-returns', meta()));
  const result = deriveSeries(derived, empty);
  assert.deepEqual(result.rows, []);
  assert.deepEqual(result.omitted, [{ period: '', areaCode: '', reason: 'No figures are published yet for widget-returns.' }]);
});

test('refuses an unknown input, a frequency mismatch, or a measure without a derivation', () => {
  const missing = new Map(inputs);
  missing.delete('widget-fraud');
  assert.throws(() => deriveSeries(derived, missing), /widget-fraud, which does not exist/);
  const quarterly = new Map(inputs);
  quarterly.set('widget-fraud', measure('widget-fraud', meta({ frequency: 'quarter' }), []));
  assert.throws(() => deriveSeries(derived, quarterly), /different frequency/);
  assert.throws(() => deriveSeries(measure('plain', meta()), inputs), /no derivation/);
});
