import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Vintage } from '../../../src/lib/schemas/model.ts';
import { releaseHistory, releaseOnOwnPage, roundedText, type CitedRelease, type ReleaseCitationFields } from '../../../src/lib/derive/release-history.ts';
import {
  changeCounts,
  compareVintages,
  describeChangeCounts,
  releaseChangeCounts,
  revisedInCurrentVintage,
  revisionHistory,
  sameFigure,
} from '../../../src/lib/derive/revisions.ts';
import { observationKey } from '../../../src/lib/derive/keys.ts';
import { ENGLAND, measure, meta, row, vintage } from '../../support/testshire.ts';

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
  assert.deepEqual(compareVintages(a, b), { from: '2021-07-01', to: '2021-08-01', revised: [], added: [], rounded: [], removed: [], notCarriedForward: [] });
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
  // As the chart marks them (charts/kinds/line/input.ts): by the row's key.
  const badged = second.rows.filter((r) => revised.has(observationKey(r))).map((r) => [r.period, r.value]);
  assert.deepEqual(badged, [
    ['2020-21', 125],
    ['2019-20', 112],
    ['2020-21', null],
  ]);
  assert.equal(revisedInCurrentVintage(measure('w', meta(), [first])).size, 0);
  assert.equal(revisedInCurrentVintage(measure('w', meta())).size, 0);
});

test('each revised figure names the release that changed it and the release whose value it replaced', () => {
  const third = vintage('2023-07-01', [row('2021-22', 131), row('2020-21', 125), row('2019-20', 112), row('2018-19', 100)]);
  const history = revisionHistory(measure('widgets', meta(), [first, second, third]));
  assert.deepEqual(
    history.flatMap((c) => c.revised.map((r) => [r.period, r.breakdown, r.oldValue, r.newValue, r.previousRelease, r.changedBy])),
    [
      ['2020-21', {}, null, 125, '2021-07-01', '2022-07-01'],
      ['2019-20', {}, 110, 112, '2021-07-01', '2022-07-01'],
      ['2020-21', { age_band: '18-24' }, 40, null, '2021-07-01', '2022-07-01'],
      ['2021-22', {}, 130, 131, '2022-07-01', '2023-07-01'],
    ],
  );
});

test('added, revised and removed counts per release: the first release adds every row', () => {
  const third = vintage('2023-07-01', [row('2021-22', 131), row('2020-21', 125), row('2019-20', 112), row('2018-19', 100)]);
  assert.deepEqual(releaseChangeCounts([first, second, third]), [
    { added: 6, revised: 0, removed: 0 },
    { added: 2, revised: 3, removed: 1 },
    { added: 0, revised: 1, removed: 3 },
  ]);
  assert.deepEqual(releaseChangeCounts([]), []);
  assert.deepEqual(changeCounts(compareVintages(first, first)), { added: 0, revised: 0, removed: 0 });
});

test('counts in words name only what happened, with "figure" agreeing with the first number', () => {
  assert.equal(describeChangeCounts({ added: 12, revised: 3, removed: 0 }), '12 figures added, 3 revised');
  assert.equal(describeChangeCounts({ added: 0, revised: 1, removed: 2 }), '1 figure revised, 2 removed');
  assert.equal(describeChangeCounts({ added: 1, revised: 0, removed: 0 }), '1 figure added');
  assert.equal(describeChangeCounts({ added: 1234, revised: 0, removed: 1 }), '1,234 figures added, 1 removed');
  assert.equal(describeChangeCounts({ added: 0, revised: 0, removed: 0 }), 'No figures changed');
});

/** A release with the importer's citation fields (set here directly: the release schema of this branch does not list them yet). */
function cited(v: Vintage, fields: ReleaseCitationFields): Vintage {
  return { ...v, release: { ...v.release, ...fields } as CitedRelease };
}

describe('release history on the measure page', () => {
  const m = measure('widgets', meta({ breakdowns: [{ column: 'age_band', label: 'Age band' }] }), [
    first,
    second,
    cited(vintage('2023-07-01', [row('2021-22', 131), row('2020-21', 125), row('2019-20', 112), row('2018-19', 100)]), {
      edition: 'year ending March 2023',
      tables: ['Table P1'],
      release_date: { evidence: 'Release date: 20 July 2023', url: 'https://www.ons.gov.uk/example' },
    }),
  ]);
  const history = releaseHistory(m);

  test('lists releases newest first, the newest marked current, each compared with the one before', () => {
    assert.deepEqual(
      history.map((h) => [h.date, h.current, h.previous, h.countsText]),
      [
        ['2023-07-01', true, '2022-07-01', '1 figure revised, 3 removed'],
        ['2022-07-01', false, '2021-07-01', '2 figures added, 3 revised, 1 removed'],
        ['2021-07-01', false, undefined, '6 figures added'],
      ],
    );
  });

  test('revised figures as table rows: period (with breakdown), area, value before and after, and the release that changed them', () => {
    assert.deepEqual(history[1]!.revisions, [
      { period: '2020-21', area: 'Testshire', before: 'Suppressed', after: '125', changedBy: '2022-07-01' },
      { period: '2019-20', area: 'Testshire', before: '110', after: '112', changedBy: '2022-07-01' },
      { period: '2020-21 (Age band: 18-24)', area: 'Testshire', before: '40', after: 'Suppressed', changedBy: '2022-07-01' },
    ]);
    assert.deepEqual(history[0]!.revisions, [{ period: '2021-22', area: 'Testshire', before: '130', after: '131', changedBy: '2023-07-01' }]);
    assert.deepEqual(history[2]!.revisions, []);
  });

  test('added and removed figures are summarised per area and breakdown, earliest to latest period', () => {
    assert.deepEqual(history[1]!.added, [
      { series: 'Testshire', count: 1, first: '2021-22', last: '2021-22' },
      { series: 'England', count: 1, first: '2020-21', last: '2020-21' },
    ]);
    assert.deepEqual(history[1]!.removed, [{ series: 'Testshire', count: 1, first: '2017-18', last: '2017-18' }]);
    assert.deepEqual(history[0]!.removed, [
      { series: 'Testshire, Age band: 18-24', count: 1, first: '2020-21', last: '2020-21' },
      { series: 'England', count: 2, first: '2019-20', last: '2020-21' },
    ]);
    assert.deepEqual(history[2]!.added, [], 'a first release lists no additions, only its count');
  });

  test("a cited release date is the publisher's; without one the date is this site's and the page says so", () => {
    assert.equal(history[0]!.heading, '1 July 2023 (year ending March 2023 edition)');
    assert.deepEqual(history[0]!.dating, {
      text: 'Released by Testshire Statistics Office on 1 July 2023 (year ending March 2023 edition).',
      evidence: { text: 'Release date: 20 July 2023', url: 'https://www.ons.gov.uk/example' },
    });
    assert.equal(history[1]!.heading, '1 July 2022');
    assert.deepEqual(history[1]!.dating, {
      text: "Published on this site on 1 July 2022; the publisher's own release date is not recorded here.",
    });
  });
});

describe('a release added to the history after later releases were published (backfilled)', () => {
  // 2022-01-01 is backfilled: it was added after 2022-07-01 had been published, so 2022-07-01 lacks
  // its 2021-22 figure. That is not a withdrawal by the publisher.
  const before = vintage('2021-07-01', [row('2019-20', 110), row('2020-21', 120)]);
  const backfilled = cited(vintage('2022-01-01', [row('2019-20', 110), row('2020-21', 121), row('2021-22', 130)]), { edition: 'year ending December 2021' });
  const backfilledEntry = { ...backfilled, release: { ...backfilled.release, backfilled: true } };
  const later = vintage('2022-07-01', [row('2019-20', 110), row('2020-21', 122), row('2022-23', 140)]);
  const m = measure('widgets', meta(), [before, backfilledEntry, later]);

  test('figures only in the backfilled release are not carried forward, not removed', () => {
    const comparison = compareVintages(backfilledEntry, later);
    assert.deepEqual(comparison.removed, []);
    assert.deepEqual(comparison.notCarriedForward.map((r) => [r.period, r.value]), [['2021-22', 130]]);
    assert.deepEqual(comparison.revised.map((r) => [r.period, r.oldValue, r.newValue]), [['2020-21', 121, 122]], 'revisions are still revisions');
    // Without the flag the same rows are removed, as before.
    assert.deepEqual(compareVintages(backfilled, later).removed.map((r) => r.period), ['2021-22']);
    assert.deepEqual(compareVintages(backfilled, later).notCarriedForward, []);
  });

  test('counts and words say what happened, never "removed"', () => {
    assert.deepEqual(releaseChangeCounts([before, backfilledEntry, later]), [
      { added: 2, revised: 0, removed: 0 },
      { added: 1, revised: 1, removed: 0 },
      { added: 1, revised: 1, removed: 0, notCarriedForward: 1 },
    ]);
    assert.equal(
      describeChangeCounts({ added: 1, revised: 1, removed: 0, notCarriedForward: 1 }),
      '1 figure added, 1 revised; 1 figure of an edition added to this site later is not in this release (not withdrawn by the publisher)',
    );
    assert.equal(
      describeChangeCounts({ added: 0, revised: 0, removed: 0, notCarriedForward: 46 }),
      'No figures changed; 46 figures of an edition added to this site later are not in this release (not withdrawn by the publisher)',
    );
  });

  test('the release history lists them apart, with the reason in words', () => {
    const history = releaseHistory(m);
    assert.deepEqual(history[0]!.removed, []);
    assert.deepEqual(history[0]!.notCarriedForward, [{ series: 'Testshire', count: 1, first: '2021-22', last: '2021-22' }]);
    assert.equal(
      history[0]!.notCarriedForwardText,
      'These figures are in the release of 1 January 2022, which was added to this site after this release had been published. A published release is never edited, so this release does not hold them. The publisher did not withdraw them.',
    );
    assert.doesNotMatch(history[0]!.countsText, /removed/);
    assert.equal(history[1]!.notCarriedForwardText, undefined);
  });
});

describe('a figure another release only rounded is the same figure, not a revision', () => {
  const fine = (value: number, decimals: number) => ({ value, decimals });
  test('a value with fewer decimal places that the other rounds to is the same figure, either way round', () => {
    assert.equal(sameFigure(fine(132.15830522061526, 14), fine(132.158, 3)), true);
    assert.equal(sameFigure(fine(132.158, 3), fine(132.15830522061526, 14)), true);
    // "102.220" as written keeps three places; the full value rounds to it.
    assert.equal(sameFigure(fine(102.22016775556386, 14), fine(102.22, 3)), true);
    assert.equal(sameFigure(fine(2.8906, 4), fine(2.891, 3)), true);
  });

  test('a value that does not round to the other is a revision, however few its places', () => {
    assert.equal(sameFigure(fine(132.15830522061526, 14), fine(132.159, 3)), false);
    assert.equal(sameFigure(fine(117.7, 1), fine(117.76, 2)), false);
    assert.equal(sameFigure(fine(5.1, 1), fine(5.2, 1)), false, 'equal precision: any difference is a revision');
    assert.equal(sameFigure({ value: 12 }, fine(12.4, 1)), false, 'a whole number is never taken as a rounding');
    assert.equal(sameFigure({ value: null }, fine(12.4, 1)), false);
    assert.equal(sameFigure({ value: null }, { value: null }), true);
  });

  test('compareVintages and the counts follow the rule', () => {
    const full = vintage('2025-04-24', [row('2024', 132.15830522061526, { decimals: 14 }), row('2023', 80.5004, { decimals: 4 })]);
    const rounded = vintage('2026-11-23', [row('2024', 132.158, { decimals: 3 }), row('2023', 80.6, { decimals: 1 })]);
    const comparison = compareVintages(full, rounded);
    assert.deepEqual(comparison.revised.map((r) => [r.period, r.oldValue, r.newValue]), [['2023', 80.5004, 80.6]], 'only the real revision');
    assert.deepEqual(comparison.rounded.map((r) => [r.period, r.oldValue, r.newValue]), [['2024', 132.15830522061526, 132.158]], 'the rounding, apart');
    assert.deepEqual(releaseChangeCounts([full, rounded])[1], { added: 0, revised: 1, removed: 0, rounded: 1 });
    assert.equal(describeChangeCounts({ added: 0, revised: 1, removed: 0, rounded: 1 }), '1 figure revised; 1 figure only rounded differently (not revised)');
    assert.equal(describeChangeCounts({ added: 0, revised: 0, removed: 0, rounded: 47 }), 'No figures changed; 47 figures only rounded differently (not revised)');
  });

  test('a release page stays for a release whose many changes were only rounding (its address was published), and says so', () => {
    assert.equal(releaseOnOwnPage({ revised: 0, rounded: 47 }), true);
    assert.equal(releaseOnOwnPage({ revised: 10, rounded: 14 }), true);
    assert.equal(releaseOnOwnPage({ revised: 12 }), false);
    assert.equal(roundedText(47), '47 figures are written with different rounding than in the release before (one release gave fewer decimal places); they are the same figures, not revisions.');
    assert.equal(roundedText(0), undefined);
  });
});
