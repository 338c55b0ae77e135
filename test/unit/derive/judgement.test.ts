/**
 * What the site may say about a figure (src/lib/derive/judgement.ts): better or worse only with a
 * plan's words, an archived plan's figures split at the end of its own period, and the age of every
 * latest figure against the build's date. Synthetic Testshire figures; the dates are passed in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HeadlinePoint, MeasureEntry, VintageInfo } from '../../../src/lib/derive/page-model.ts';
import { parsePeriod } from '../../../src/lib/schemas/period.ts';
import type { MeasureMeta } from '../../../src/lib/schemas/measure.ts';
import { aimArea, citationsJudging, directionNote, judgedMeasure, frequencyMonths, isOutOfDate, latestFigure, placeInPlan, planPeriod, splitAtPlanEnd } from '../../../src/lib/derive/judgement.ts';
import { meta, plan } from '../../support/testshire.ts';

const names = (id: string) => ({ '2015-20': '2015-20 plan', '2024-27': '2024-27 strategy' })[id] ?? `${id} plan`;

function view(data: MeasureMeta, headline: HeadlinePoint[], released = ['2025-07-24']): MeasureEntry {
  const vintages = released.map((date) => ({ date, file: `${date}.csv`, sha256: '', bytes: 0, rows: headline.length, release: {} }) as unknown as VintageInfo);
  return { slug: 'widgets', data, priorities: [], relatedPriorities: [], actions: [], vintages, headline, derived: false };
}
const p = (period: string, value: number | null): HeadlinePoint => ({ period, value });
const period = (text: string, frequency: MeasureMeta['frequency'] = 'financial_year', months?: number) => {
  const parsed = parsePeriod(text, frequency!, months);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.period;
};

test('a judgement quotes the plan that sets its direction', () => {
  const note = directionNote(
    { polarity: 'lower_is_better', direction: [{ plan: '2024-27', words: 'Reduce Crime', where: 'Partnership Approach 2024-27, Overall Aims' }] },
    names,
  );
  assert.equal(note.judges, true);
  assert.equal(note.text, 'Lower is better, as the plan sets the direction. The 2024-27 strategy says “Reduce Crime” (Partnership Approach 2024-27, Overall Aims).');
});

test('a direction set by a plan judges only the figures it applies to', () => {
  const both = {
    polarity: 'lower_is_better' as const,
    direction: [
      { plan: '2015-20', words: 'A 20% reduction in victim based crime by 2020.', where: 'Performance Measures' },
      { plan: '2024-27', words: 'Reduce Crime', where: 'Overall Aims' },
    ],
  };
  const current = directionNote(both, names, (c) => c.plan === '2024-27');
  assert.equal(current.judges, true);
  assert.deepEqual(current.citations.map((c) => c.plan), ['2024-27'], 'only the words that judge this figure are quoted beside it');
  const none = directionNote({ ...both, direction: both.direction.slice(0, 1) }, names, () => false);
  assert.equal(none.judges, false);
  assert.equal(
    none.text,
    'The site does not call this figure better or worse: it is for a period after the plan that sets the direction ended. The 2015-20 plan says “A 20% reduction in victim based crime by 2020” (Performance Measures).',
  );
});

test('a verdict needs the figure to be for the area the plan\'s aim is about (issue 22)', () => {
  const reduce = { polarity: 'lower_is_better' as const, direction: [{ plan: '2024-27', words: 'Reduce Crime', where: 'Overall Aims' }] };
  const city = { name: 'Testshire', code: 'E06000099', police_force_area: { name: 'Testshire (police force area)', code: 'E23000099' } };
  const force = directionNote(reduce, names, () => true, { figure: { name: 'Testshire police force area', code: 'E23000099' }, aim: city });
  assert.equal(force.judges, false);
  assert.equal(force.otherArea, true);
  assert.equal(
    force.text,
    'The site does not call this figure better or worse: it is for Testshire police force area, a wider area than Testshire, the area the plan\'s aim is about. The 2024-27 strategy says “Reduce Crime” (Overall Aims).',
  );
  const elsewhere = directionNote(reduce, names, () => true, { figure: { name: 'Otherton', code: 'E06000098' }, aim: city });
  assert.match(elsewhere.text, /it is for Otherton, not Testshire, the area the plan's aim is about/);
  assert.equal(directionNote(reduce, names, () => true, { figure: { name: 'Testshire', code: 'E06000099' }, aim: city }).judges, true);

  // judgedMeasure takes the area from the measure (else the partnership's) and drops the polarity.
  const data = meta({ ...reduce, frequency: 'financial_year', area: { name: 'Testshire police force area', code: 'E23000099' } } as Partial<MeasureMeta>);
  const judged = judgedMeasure(view(data, [p('2023-24', 5)]), [], '2025-01-01', { area: city });
  assert.equal(judged.view.data.polarity, 'no_judgement');
  assert.equal(judged.direction.otherArea, true);
  assert.deepEqual(aimArea(view(meta({ frequency: 'financial_year' }), []), { area: city }).figure, { name: 'Testshire', code: 'E06000099' });
});

test('no judgement: the plans\' words say why, or the page says no plan sets a direction', () => {
  const tracked = directionNote(
    {
      polarity: 'no_judgement',
      direction: [
        { plan: '2015-20', words: 'track volume ... in order to understand the direction of travel', where: 'Performance Measures' },
        { plan: '2024-27', words: 'work to drive up the reporting of Sexual Violence.', where: 'Action Plan' },
      ],
    },
    names,
  );
  assert.equal(tracked.judges, false);
  assert.equal(
    tracked.text,
    'The site does not call a change better or worse: the plans set no direction for this measure. The 2015-20 plan says “track volume ... in order to understand the direction of travel” (Performance Measures). The 2024-27 strategy says “work to drive up the reporting of Sexual Violence” (Action Plan).',
  );
  const silent = directionNote({ polarity: 'no_judgement', direction: [] }, names);
  assert.equal(silent.judges, false);
  assert.equal(silent.text, 'The site does not call a change better or worse: no plan says which way this measure should go.');
});

test('a plan period comes from its dates where given, else its whole first and last years', () => {
  const archived = planPeriod(plan('2015-20', { period: { start_year: 2015, end_year: 2020, label: '2015 to 2020', start: '2015-04-01', end: '2020-03-31' } }).data);
  assert.equal(archived.start.toISOString(), '2015-04-01T00:00:00.000Z');
  assert.equal(archived.end.toISOString(), '2020-04-01T00:00:00.000Z', 'end is exclusive, like a data period');
  assert.equal(archived.label, '2015 to 2020 (taken on this site as April 2015 to March 2020)', 'the plan\'s own words, the months said to be the site\'s reading');
  assert.equal(archived.lastMonth, 'March 2020');
  const years = planPeriod(plan('2020-23').data);
  assert.equal(years.label, '2020 to 2023', 'without dates, the plan\'s own label; no months the plan does not state');
  assert.equal(years.end.toISOString(), '2024-01-01T00:00:00.000Z');
});

test('a figure is within a plan, before it, or after it ended', () => {
  const plan2015 = planPeriod(plan('2015-20', { period: { start_year: 2015, end_year: 2020, label: '2015 to 2020', start: '2015-04-01', end: '2020-03-31' } }).data);
  assert.equal(placeInPlan(period('2014-15'), plan2015), 'before');
  assert.equal(placeInPlan(period('2015-16'), plan2015), 'within');
  assert.equal(placeInPlan(period('2019-20'), plan2015), 'within');
  assert.equal(placeInPlan(period('2020-21'), plan2015), 'after');
  // A rolling year ending June 2020 runs past the plan's end: not the plan's result.
  assert.equal(placeInPlan(period('2019-07-01/2020-06-30', 'interval', 12), plan2015), 'after');
  assert.equal(placeInPlan(period('2024-07-01/2025-06-30', 'interval', 12), plan2015), 'after');
});

test('an archived plan\'s figures are split at its end; later figures are never its results', () => {
  const plan2015 = planPeriod(plan('2015-20', { period: { start_year: 2015, end_year: 2020, label: '2015 to 2020', start: '2015-04-01', end: '2020-03-31' } }).data);
  const mixed = view(meta(), [p('2018-19', 10), p('2019-20', 9), p('2020-21', 12), p('2021-22', 14)]);
  const split = splitAtPlanEnd(mixed, plan2015);
  assert.deepEqual(split.withinPlan?.headline.map((x) => x.period), ['2018-19', '2019-20']);
  assert.deepEqual(split.afterPlan?.headline.map((x) => x.period), ['2020-21', '2021-22']);

  const onlyLater = splitAtPlanEnd(view(meta(), [p('2023-24', 5), p('2024-25', 6)]), plan2015);
  assert.equal(onlyLater.withinPlan, undefined);
  assert.deepEqual(onlyLater.afterPlan?.headline.map((x) => x.period), ['2023-24', '2024-25']);

  // Figures only from before the plan began are not its results either.
  const onlyBefore = splitAtPlanEnd(view(meta(), [p('2013-14', 5), p('2014-15', 6)]), plan2015);
  assert.deepEqual(onlyBefore, {});
});

test('out of date once more than twice the frequency has passed since the period ended', () => {
  assert.equal(frequencyMonths({ frequency: 'month' }), 1);
  assert.equal(frequencyMonths({ frequency: 'quarter' }), 3);
  assert.equal(frequencyMonths({ frequency: 'financial_year' }), 12);
  assert.equal(frequencyMonths({ frequency: 'interval', interval_months: 12 }), 12);
  assert.equal(frequencyMonths({}), undefined);
  const fy = period('2018-19'); // ends 31 March 2019
  assert.equal(isOutOfDate(fy, 12, new Date('2021-03-31T00:00:00Z')), false);
  assert.equal(isOutOfDate(fy, 12, new Date('2021-04-01T00:00:00Z')), true);
  const month = period('2025-05', 'month'); // ends 31 May 2025
  assert.equal(isOutOfDate(month, 1, new Date('2025-07-31T00:00:00Z')), false);
  assert.equal(isOutOfDate(month, 1, new Date('2025-08-01T00:00:00Z')), true);
});

test('every latest figure says its period and release date, and whether it is out of date', () => {
  const asb = view(meta({ frequency: 'financial_year' }), [p('2017-18', 100), p('2018-19', 90), p('2019-20', null)], ['2019-07-18', '2019-10-17']);
  const old = latestFigure(asb, '2026-12-01')!;
  assert.equal(old.periodLabel, '2018-19', 'the suppressed 2019-20 row is not the latest figure');
  assert.equal(old.released, '2019-10-17', 'the current release');
  assert.equal(old.outOfDate, true);
  assert.equal(old.sentence, 'Out of date: the latest figure is for 2018-19, published on this site 17 October 2019; by 1 December 2026 more than two years had passed since that period ended.');

  const knife = view(meta({ frequency: 'interval', interval_months: 12 }), [p('2023-07-01/2024-06-30', 50), p('2024-07-01/2025-06-30', 40)], ['2025-10-23']);
  const fresh = latestFigure(knife, '2026-12-01')!;
  assert.equal(fresh.outOfDate, false);
  assert.equal(fresh.sentence, 'Figure for year ending June 2025, published on this site 23 October 2025.');

  // A figure carried over unchanged into a later release keeps the date it was first released, and
  // the publisher's cited date is named as the publisher's.
  const cited = view(meta({ frequency: 'interval', interval_months: 12 }), [p('2023-07-01/2024-06-30', 50), { period: '2024-07-01/2025-06-30', value: 40, firstReleased: '2025-10-23' }], ['2025-10-23', '2026-11-23']);
  const withPublisher = { ...cited, vintages: cited.vintages.map((v, i) => ({ ...v, release: i === 0 ? { publisher: 'Office for National Statistics', release_date: { evidence: 'Release date: 23 October 2025', url: 'https://example.org/' } } : {} })) } as unknown as MeasureEntry;
  const firstOut = latestFigure(withPublisher, '2026-12-01')!;
  assert.equal(firstOut.released, '2025-10-23', 'the release that first held the figure, not the later copy');
  assert.equal(firstOut.sentence, 'Figure for year ending June 2025, first released by Office for National Statistics on 23 October 2025.');
  // The same figure goes out of date two 12-month periods after it ended, whatever the machine clock says.
  assert.equal(latestFigure(knife, '2027-07-01')!.outOfDate, true);

  assert.equal(latestFigure(view(meta(), []), '2026-12-01'), undefined);
  assert.equal(latestFigure(view(meta({ frequency: undefined }), [p('2018-19', 1)]), '2026-12-01'), undefined);
});

test('a plan\'s words judge only figures within or before its period, and a plan\'s card cites only that plan', () => {
  const periods = (id: string) =>
    id === '2015-20'
      ? planPeriod(plan('2015-20', { period: { start_year: 2015, end_year: 2020, label: '2015 to 2020', start: '2015-04-01', end: '2020-03-31' } }).data)
      : id === '2024-27'
        ? planPeriod(plan('2024-27', { period: { start_year: 2024, end_year: 2027, label: '2024/27' } }).data)
        : undefined;
  const old = { plan: '2015-20', words: 'A 20% reduction', where: 'x' };
  const now = { plan: '2024-27', words: 'Reduce Crime', where: 'y' };
  const ye2025 = period('2024-07-01/2025-06-30', 'interval', 12);
  assert.equal(citationsJudging(ye2025, periods)(old), false, 'a 2025 figure is after the 2015-20 plan ended');
  assert.equal(citationsJudging(ye2025, periods)(now), true);
  assert.equal(citationsJudging(period('2019-20'), periods)(old), true);
  assert.equal(citationsJudging(ye2025, periods, '2015-20')(now), false, 'a card for one plan quotes only that plan');
  assert.equal(citationsJudging(undefined, periods)(old), true, 'no figure: the words are shown as they are');
});
