import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assessTarget,
  changeOnPreviousPeriod,
  describeDirection,
  latestValue,
} from '../../../src/lib/derive/figures.ts';
import { measureSeries, breakdownLabel } from '../../../src/lib/derive/series.ts';
import { targetSchema } from '../../../src/lib/schemas/plan.ts';
import { ENGLAND, SITE, TESTSHIRE, measure, meta, row, vintage } from '../../support/testshire.ts';

const widgetMeta = meta({
  comparators: [
    { area_code: ENGLAND.code, label: 'England', kind: 'england' },
    { area_code: 'E92999999', label: 'Similar areas', kind: 'similar_group' },
  ],
  breakdowns: [{ column: 'age_band', label: 'Age band' }],
});

// Deliberately out of period order: series must sort.
const widgets = measure('widget-thefts', widgetMeta, [
  vintage('2021-07-01', [
    row('2020-21', 800),
    row('2016-17', 1250),
    row('2019-20', 1000),
    row('2018-19', null),
    row('2017-18', 1000),
    row('2021-22', null),
    row('2020-21', 1000, { areaCode: ENGLAND.code, areaName: ENGLAND.name }),
    row('2019-20', 900, { areaCode: ENGLAND.code, areaName: ENGLAND.name }),
    row('2020-21', 300, { breakdown: { age_band: '18-24' } }),
    row('2019-20', 320, { breakdown: { age_band: '18-24' } }),
    row('2020-21', 500, { breakdown: { age_band: '25+' } }),
  ]),
]);

const series = measureSeries(widgets, SITE.area);

function target(fields: Record<string, unknown>) {
  return targetSchema.parse({ text: 'A synthetic target', measure: 'widget-thefts', kind: 'change_from_baseline', ...fields });
}

test('headline series holds the own area without breakdowns, sorted by period', () => {
  assert.deepEqual(
    series.headline.points.map((p) => [p.period.text, p.value]),
    [
      ['2016-17', 1250],
      ['2017-18', 1000],
      ['2018-19', null],
      ['2019-20', 1000],
      ['2020-21', 800],
      ['2021-22', null],
    ],
  );
  assert.equal(series.headline.areaCode, TESTSHIRE.code);
});

test('comparator series follow the declared comparators; one with no rows is empty', () => {
  assert.deepEqual(
    series.comparators.map((c) => [c.label, c.kind, c.points.map((p) => [p.period.text, p.value])]),
    [
      ['England', 'england', [['2019-20', 900], ['2020-21', 1000]]],
      ['Similar areas', 'similar_group', []],
    ],
  );
});

test('breakdown series group by breakdown value, each sorted', () => {
  assert.deepEqual(
    series.breakdowns.map((s) => [breakdownLabel(widgetMeta, s.breakdown), s.points.map((p) => [p.period.text, p.value])]),
    [
      ['Age band: 18-24', [['2019-20', 320], ['2020-21', 300]]],
      ['Age band: 25+', [['2020-21', 500]]],
    ],
  );
});

test('a measure measured over another area uses that area as its headline', () => {
  const force = { code: 'E23999999', name: 'Testshire Police force area' };
  const m = measure('force-widgets', meta({ area: force }), [vintage('2021-07-01', [row('2020-21', 5, { areaCode: force.code, areaName: force.name }), row('2020-21', 9)])]);
  assert.deepEqual(measureSeries(m, SITE.area).headline.points.map((p) => p.value), [5]);
});

test('latest value skips suppressed periods', () => {
  const latest = latestValue(series.headline);
  assert.equal(latest?.period.text, '2020-21');
  assert.equal(latest?.value, 800);
});

test('change on the previous period: absolute, percent and polarity word', () => {
  const change = changeOnPreviousPeriod(series.headline, widgetMeta)!;
  assert.equal(change.from?.period.text, '2019-20');
  assert.equal(change.absolute, -200);
  assert.equal(change.percent, -20);
  assert.deepEqual(change.direction, { direction: 'down', judgement: 'better', word: 'better' });
  assert.equal(change.acrossSeriesBreak, false);
});

test('change skips a suppressed previous period and never compares overlapping periods', () => {
  // Only a suppressed figure before the latest: nothing to compare with.
  const m = measure('w', widgetMeta, [vintage('2021-07-01', [row('2018-19', null), row('2019-20', 70)])]);
  const change = changeOnPreviousPeriod(measureSeries(m, SITE.area).headline, widgetMeta)!;
  assert.equal(change.from, undefined);
  assert.equal(change.absolute, null);
  assert.equal(change.percent, null);
  assert.equal(change.direction, null);

  // A missing year: no change at all; never a comparison with an older year (issue 22).
  const gap = measure('w', widgetMeta, [vintage('2021-07-01', [row('2017-18', 60), row('2019-20', 70)])]);
  const gapChange = changeOnPreviousPeriod(measureSeries(gap, SITE.area).headline, widgetMeta)!;
  assert.equal(gapChange.from, undefined);
  assert.equal(gapChange.absolute, null);
  assert.equal(gapChange.direction, null);

  // The year before is the comparison.
  const full = measure('w', widgetMeta, [vintage('2021-07-01', [row('2017-18', 60), row('2018-19', 65), row('2019-20', 70)])]);
  assert.equal(changeOnPreviousPeriod(measureSeries(full, SITE.area).headline, widgetMeta)!.from?.period.text, '2018-19');
});

test('percent change is null when the base is 0, absolute is still given', () => {
  const m = measure('w', widgetMeta, [vintage('2021-07-01', [row('2019-20', 0), row('2020-21', 5)])]);
  const change = changeOnPreviousPeriod(measureSeries(m, SITE.area).headline, widgetMeta)!;
  assert.equal(change.absolute, 5);
  assert.equal(change.percent, null);
  assert.equal(change.direction?.word, 'worse');
});

test('no change without a latest value', () => {
  const m = measure('w', widgetMeta, [vintage('2021-07-01', [row('2020-21', null)])]);
  assert.equal(changeOnPreviousPeriod(measureSeries(m, SITE.area).headline, widgetMeta), undefined);
  assert.equal(latestValue(measureSeries(measure('w', widgetMeta), SITE.area).headline), undefined);
});

test('differences carry no float noise', () => {
  const pct = meta({ unit: 'percent', polarity: 'higher_is_better' });
  const m = measure('p', pct, [vintage('2021-07-01', [row('2019-20', 0.3), row('2020-21', 0.1)])]);
  const change = changeOnPreviousPeriod(measureSeries(m, SITE.area).headline, pct)!;
  assert.equal(change.absolute, -0.2);
  assert.equal(change.direction?.word, 'worse');
});

test('for a rolling year the previous period is the year before, not the overlapping quarter', () => {
  const rolling = meta({ frequency: 'interval', interval_months: 12 });
  const m = measure('r', rolling, [
    vintage('2025-10-01', [row('2023-07-01/2024-06-30', 100), row('2024-04-01/2025-03-31', 130), row('2024-07-01/2025-06-30', 120)]),
  ]);
  const change = changeOnPreviousPeriod(measureSeries(m, SITE.area).headline, rolling)!;
  assert.equal(change.from?.period.text, '2023-07-01/2024-06-30');
  assert.equal(change.absolute, 20);
  assert.equal(change.percent, 20);
  assert.equal(change.direction?.word, 'worse');
});

test('direction words respect polarity', () => {
  assert.deepEqual(describeDirection(-3, 'lower_is_better'), { direction: 'down', judgement: 'better', word: 'better' });
  assert.deepEqual(describeDirection(3, 'lower_is_better'), { direction: 'up', judgement: 'worse', word: 'worse' });
  assert.deepEqual(describeDirection(3, 'higher_is_better'), { direction: 'up', judgement: 'better', word: 'better' });
  assert.deepEqual(describeDirection(-3, 'higher_is_better'), { direction: 'down', judgement: 'worse', word: 'worse' });
  assert.deepEqual(describeDirection(3, 'no_judgement'), { direction: 'up', judgement: null, word: 'up' });
  assert.deepEqual(describeDirection(-3, 'no_judgement'), { direction: 'down', judgement: null, word: 'down' });
  for (const polarity of ['lower_is_better', 'higher_is_better', 'no_judgement'] as const) {
    assert.deepEqual(describeDirection(0, polarity), { direction: 'no change', judgement: null, word: 'no change' });
  }
});

test('a change is flagged when a series break falls between its two figures', () => {
  // The break starts the 2020-21 figure, so 2019-20 to 2020-21 crosses it.
  const brokenLatest = { ...widgetMeta, series_breaks: [{ period: '2020-21', note: 'New recording rules.' }] };
  const change = changeOnPreviousPeriod(series.headline, brokenLatest)!;
  assert.equal(change.from?.value, 1000);
  assert.equal(change.absolute, -200);
  assert.equal(change.percent, -20);
  assert.equal(change.acrossSeriesBreak, true);
  // The break starts the 2019-20 figure, so 2019-20 to 2020-21 is on the same basis.
  const broken = { ...widgetMeta, series_breaks: [{ period: '2019-20', note: 'New recording rules.' }] };
  assert.equal(changeOnPreviousPeriod(series.headline, broken)!.acrossSeriesBreak, false);
});

test('target: baseline not published (20% fewer than 2014-15 by 2019-20, with no 2014-15 figure)', () => {
  const victimBased = measure('victim-crime', widgetMeta, [vintage('2020-07-01', [row('2015-16', 30000), row('2019-20', 25000)])]);
  const result = assessTarget(
    target({ baseline_period: '2014-15', target_period: '2019-20', change_percent: -20 }),
    measureSeries(victimBased, SITE.area),
    widgetMeta,
    new Date('2021-01-01'),
  );
  assert.equal(result.status, 'baseline not published');
  assert.equal(result.targetPeriodPassed, true);
  assert.equal(result.threshold, undefined);
});

test('target: a baseline "to be confirmed" is not published', () => {
  const result = assessTarget(target({ baseline_note: 'To be confirmed when data is available', change_percent: -10 }), series, widgetMeta, new Date('2021-01-01'));
  assert.equal(result.status, 'baseline not published');
  assert.equal(result.reason, 'To be confirmed when data is available');
});

test('target: on track and not on track before the target period ends', () => {
  const t = target({ baseline_period: '2016-17', target_period: '2021-22', change_percent: -20 });
  const onTrack = assessTarget(t, series, widgetMeta, new Date('2021-06-01'));
  assert.equal(onTrack.status, 'on track');
  assert.equal(onTrack.threshold, 1000);
  assert.equal(onTrack.judged?.value, 800);
  assert.equal(onTrack.reference?.value, 1250);
  assert.equal(onTrack.aim, 'down');
  assert.equal(onTrack.targetPeriodPassed, false);

  const behind = measure('w', widgetMeta, [vintage('2021-07-01', [row('2016-17', 1250), row('2020-21', 1100)])]);
  assert.equal(assessTarget(t, measureSeries(behind, SITE.area), widgetMeta, new Date('2021-06-01')).status, 'not on track');
});

test('target: met or missed once the target period has passed and its figure is published', () => {
  const t = target({ baseline_period: '2016-17', target_period: '2020-21', change_percent: -20 });
  const met = assessTarget(t, series, widgetMeta, new Date('2022-01-01'));
  assert.equal(met.status, 'met');
  assert.equal(met.judged?.period.text, '2020-21');

  const exactly = measure('w', widgetMeta, [vintage('2021-07-01', [row('2016-17', 1250), row('2020-21', 1000)])]);
  assert.equal(assessTarget(t, measureSeries(exactly, SITE.area), widgetMeta, new Date('2022-01-01')).status, 'met');

  const missed = measure('w', widgetMeta, [vintage('2021-07-01', [row('2016-17', 1250), row('2020-21', 1001), row('2021-22', 900)])]);
  const result = assessTarget(t, measureSeries(missed, SITE.area), widgetMeta, new Date('2022-06-01'));
  assert.equal(result.status, 'missed');
  assert.equal(result.judged?.value, 1001, 'judged on the target period, not the later figure');

  // The day the target period ends is the first day it has passed.
  assert.equal(assessTarget(t, series, widgetMeta, new Date('2021-03-31T23:59:59Z')).status, 'on track');
  assert.equal(assessTarget(t, series, widgetMeta, new Date('2021-04-01T00:00:00Z')).status, 'met');
});

test('target: after the target period, without its figure, not judged on any other period', () => {
  // Issue 14: a target is assessed only with figures of the periods it names; a later or earlier
  // figure is not the plan's result.
  const t = target({ baseline_period: '2016-17', target_period: '2021-22', change_percent: -20 });
  const result = assessTarget(t, series, widgetMeta, new Date('2022-05-01'));
  assert.equal(result.status, 'target figure not published');
  assert.equal(result.targetPeriodPassed, true);
  assert.equal(result.judged, undefined);
  assert.equal(result.threshold, undefined);
  assert.match(result.reason, /^The target period \(2021-22\) has ended and its figure is not published; figures for later periods are not used/);

  const later = measure('w', widgetMeta, [vintage('2023-07-01', [row('2016-17', 1250), row('2022-23', 700)])]);
  assert.equal(assessTarget(t, measureSeries(later, SITE.area), widgetMeta, new Date('2023-08-01')).status, 'target figure not published');
});

test('target: an increase target on a higher-is-better measure', () => {
  const up = meta({ polarity: 'higher_is_better' });
  const m = measure('u', up, [vintage('2021-07-01', [row('2018-19', 200), row('2020-21', 210)])]);
  const t = target({ baseline_period: '2018-19', change_percent: 5 });
  const result = assessTarget(t, measureSeries(m, SITE.area), up, new Date('2021-08-01'));
  assert.equal(result.status, 'on track');
  assert.equal(result.threshold, 210);
  assert.equal(result.aim, 'up');
});

test('target: no figure since the baseline', () => {
  const m = measure('w', widgetMeta, [vintage('2021-07-01', [row('2016-17', 1250)])]);
  const result = assessTarget(target({ baseline_period: '2016-17', change_percent: -20 }), measureSeries(m, SITE.area), widgetMeta, new Date('2021-08-01'));
  assert.equal(result.status, 'no data');
});

test('target: a target period not in the measure form is not judged', () => {
  const result = assessTarget(target({ baseline_period: '2016-17', target_period: '2020', change_percent: -20 }), series, widgetMeta, new Date('2021-08-01'));
  assert.equal(result.status, 'not judged');
});

test('above_comparator: comparator not published', () => {
  const t = target({ kind: 'above_comparator', comparator_area_code: 'E92999999', change_percent: 0 });
  assert.equal(assessTarget(t, series, widgetMeta, new Date('2021-08-01')).status, 'comparator not published');
  const undeclared = target({ kind: 'above_comparator', comparator_area_code: 'E92888888', change_percent: 0 });
  assert.equal(assessTarget(undeclared, series, widgetMeta, new Date('2021-08-01')).status, 'comparator not published');
});

test('above_comparator: judged on the newest period both areas publish', () => {
  const safe = meta({ unit: 'percent', polarity: 'higher_is_better', comparators: [{ area_code: ENGLAND.code, label: 'England', kind: 'england' }] });
  const m = measure('feeling-safe', safe, [
    vintage('2021-07-01', [
      row('2019-20', 78),
      row('2020-21', 82),
      row('2021-22', 85),
      row('2019-20', 80, { areaCode: ENGLAND.code, areaName: ENGLAND.name }),
      row('2020-21', 80, { areaCode: ENGLAND.code, areaName: ENGLAND.name }),
    ]),
  ]);
  const s = measureSeries(m, SITE.area);
  const level = assessTarget(target({ kind: 'above_comparator', comparator_area_code: ENGLAND.code, change_percent: 0 }), s, safe, new Date('2021-08-01'));
  assert.equal(level.status, 'on track');
  assert.equal(level.judged?.period.text, '2020-21');
  assert.equal(level.reference?.value, 80);
  assert.equal(level.threshold, 80);

  const margin = assessTarget(target({ kind: 'above_comparator', comparator_area_code: ENGLAND.code, change_percent: 5 }), s, safe, new Date('2021-08-01'));
  assert.equal(margin.status, 'not on track');
  assert.equal(margin.threshold, 84);

  const final = assessTarget(
    target({ kind: 'above_comparator', comparator_area_code: ENGLAND.code, change_percent: 0, target_period: '2019-20' }),
    s,
    safe,
    new Date('2021-08-01'),
  );
  assert.equal(final.status, 'missed');
  assert.equal(final.judged?.value, 78);
});
