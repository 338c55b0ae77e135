/**
 * The plain-English chart summaries, sentence for sentence. Judgements ("an improvement") must follow the
 * measure's polarity and never appear for no_judgement measures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparklineGeometry } from '../../../src/lib/charts/sparkline.ts';
import { describeLineChart, summariseLineChart } from '../../../src/lib/charts/kinds/line/words.ts';
import { describeBarChart, summariseBarChart } from '../../../src/lib/charts/kinds/bar/words.ts';
import { describeSparkline } from '../../../src/lib/charts/sparkline-words.ts';
import { joinList } from '../../../src/lib/charts/words.ts';
import type { ChartInput, ChartPoint } from '../../../src/lib/charts/types.ts';
import type { Polarity } from '../../../src/lib/schemas/measure.ts';
import * as fixtures from '../../charts/fixtures.ts';

const AREA = 'Testshire police force area';

function counts(rows: Parameters<typeof fixtures.points>[1], polarity: Polarity = 'lower_is_better'): ChartInput {
  return {
    title: 'Knife crime',
    unit: 'count',
    unitLabel: 'knife crime offences',
    polarity,
    areaName: AREA,
    series: [{ key: 'testshire', label: 'Testshire', kind: 'main', points: fixtures.points('financial_year', rows) }],
    breaks: [],
  };
}

const FEWER = [['2022-23', 1341], ['2023-24', 1234]] as const;
const MORE = [['2022-23', 1234], ['2023-24', 1341]] as const;

test('fewer, where lower is better: an improvement', () => {
  assert.equal(
    summariseLineChart(counts(FEWER, 'lower_is_better')),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area, 8% fewer than in 2022-23. This is an improvement: lower is better for this measure.',
  );
});

test('more, where lower is better: a worse result', () => {
  assert.equal(
    summariseLineChart(counts(MORE, 'lower_is_better')),
    'In 2023-24 there were 1,341 knife crime offences in Testshire police force area, 9% more than in 2022-23. This is a worse result: lower is better for this measure.',
  );
});

test('fewer, where higher is better: a worse result', () => {
  assert.equal(
    summariseLineChart(counts(FEWER, 'higher_is_better')),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area, 8% fewer than in 2022-23. This is a worse result: higher is better for this measure.',
  );
});

test('more, where higher is better: an improvement', () => {
  assert.equal(
    summariseLineChart(counts(MORE, 'higher_is_better')),
    'In 2023-24 there were 1,341 knife crime offences in Testshire police force area, 9% more than in 2022-23. This is an improvement: higher is better for this measure.',
  );
});

test('no_judgement: the change is described, never judged', () => {
  for (const rows of [FEWER, MORE]) {
    const summary = summariseLineChart(counts(rows, 'no_judgement'));
    assert.doesNotMatch(summary, /improvement|worse|better/);
  }
  assert.equal(
    summariseLineChart(counts(FEWER, 'no_judgement')),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area, 8% fewer than in 2022-23.',
  );
});

test('a single point: says it is the only figure', () => {
  assert.equal(
    summariseLineChart(counts([['2023-24', 1234]])),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area. This is the only figure published so far.',
  );
});

test('latest suppressed: reports the latest published value and says the newer one is suppressed', () => {
  assert.equal(
    summariseLineChart(fixtures.suppressed),
    'In 2022 there were 8 firearms offences in Testshire police force area, 33% fewer than in 2021. This is an improvement: lower is better for this measure. The figure for 2023 is suppressed: Under data quality review.',
  );
  assert.equal(
    summariseLineChart(counts([['2021-22', 10], ['2022-23', null], ['2023-24', null]])),
    'In 2021-22 there were 10 knife crime offences in Testshire police force area. A change is stated only against the same period a year earlier (2020-21), and no figure for it is published here. The figures for 2022-23 and 2023-24 are suppressed.',
  );
});

test('the year before suppressed: no change, naming the suppressed period', () => {
  assert.equal(
    summariseLineChart(counts([['2022-23', null], ['2023-24', 1234]])),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area. The figure for 2022-23, the same period a year earlier, is suppressed, so no change is stated.',
  );
});

test('a suppressed year before the latest: never compared with an older year, and no verdict', () => {
  assert.equal(
    summariseLineChart(counts([['2021-22', 1000], ['2022-23', null], ['2023-24', 1100]])),
    'In 2023-24 there were 1,100 knife crime offences in Testshire police force area. The figure for 2022-23, the same period a year earlier, is suppressed, so no change is stated.',
  );
});

test('a rolling year is compared only with the same months a year earlier, never the nearest earlier year (issue 22)', () => {
  // The real site's pattern: years ending December 2023, December 2024 and June 2025. The year
  // ending June 2024 is not published, so no change is stated, naming the period it would need.
  const input: ChartInput = {
    ...fixtures.interval,
    series: [{ ...fixtures.interval.series[0]!, points: fixtures.points('interval', [['2023-01-01/2023-12-31', 32943], ['2024-01-01/2024-12-31', 31715], ['2024-07-01/2025-06-30', 32599]]) }],
  };
  assert.equal(
    summariseLineChart(input),
    'In year ending June 2025 the figure for Hospital admissions for assault in Testshire was 32,599.0 per 100,000. A change is stated only against the same period a year earlier (year ending June 2024), and no figure for it is published here.',
  );
  // Quarters and months: the same quarter or month a year before, not the one just before.
  const quarters: ChartInput = { ...fixtures.quarterly, series: [{ ...fixtures.quarterly.series[0]!, points: fixtures.points('quarter', [['2023-Q4', 46.1], ['2024-Q1', 45.2]]) }] };
  assert.equal(
    summariseLineChart(quarters),
    'In Q1 2024 the figure for Share of incidents at night in Testshire was 45.2%. A change is stated only against the same period a year earlier (Q1 2023), and no figure for it is published here.',
  );
});

test('zero base: no percentage, the earlier figure instead; judgement still follows direction', () => {
  assert.equal(
    summariseLineChart(counts([['2022-23', 0], ['2023-24', 5]])),
    'In 2023-24 there were 5 knife crime offences in Testshire police force area, compared with 0 in 2022-23. This is a worse result: lower is better for this measure.',
  );
  assert.equal(
    summariseLineChart(counts([['2022-23', 0], ['2023-24', 0]])),
    'In 2023-24 there were 0 knife crime offences in Testshire police force area, the same as in 2022-23.',
  );
});

test('unchanged value: the same, with no judgement', () => {
  assert.equal(
    summariseLineChart(counts([['2022-23', 1234], ['2023-24', 1234]])),
    'In 2023-24 there were 1,234 knife crime offences in Testshire police force area, the same as in 2022-23.',
  );
});

test('a tiny change is not rounded to "0%"', () => {
  assert.equal(
    summariseLineChart(counts([['2022-23', 1000], ['2023-24', 997]])),
    'In 2023-24 there were 997 knife crime offences in Testshire police force area, less than 1% fewer than in 2022-23. This is an improvement: lower is better for this measure.',
  );
});

test('a single item uses the general form rather than "there were 1 offences"', () => {
  assert.equal(
    summariseLineChart(counts([['2023-24', 1]])),
    'In 2023-24 the figure for Knife crime in Testshire police force area was 1. This is the only figure published so far.',
  );
});

test('percent unit: says where the percentage moved from', () => {
  assert.equal(
    summariseLineChart(fixtures.quarterly),
    'In Q1 2024 the figure for Share of incidents at night in Testshire was 45.2%, up from 42.9% in Q1 2023.',
  );
  const up: ChartInput = { ...fixtures.quarterly, polarity: 'higher_is_better', series: [{ ...fixtures.quarterly.series[0]!, points: fixtures.points('quarter', [['2023-Q1', 40], ['2024-Q1', 42.5]]) }] };
  assert.equal(
    summariseLineChart(up),
    'In Q1 2024 the figure for Share of incidents at night in Testshire was 42.5%, up from 40.0% in Q1 2023. This is an improvement: higher is better for this measure.',
  );
  const same: ChartInput = { ...up, series: [{ ...up.series[0]!, points: fixtures.points('quarter', [['2023-Q1', 40.01], ['2024-Q1', 40.02]]) }] };
  assert.equal(summariseLineChart(same), 'In Q1 2024 the figure for Share of incidents at night in Testshire was 40.0%, almost the same as in Q1 2023.');
});

test('rate units: relative change, "lower"/"higher"; a rolling year is compared with the year before, never an overlapping one', () => {
  assert.equal(
    summariseLineChart(fixtures.financialYear),
    'In 2023-24 the figure for Victims satisfied with service in Testshire was 5.3 per 1,000, 10% higher than in 2022-23. This is an improvement: higher is better for this measure.',
  );
  assert.equal(
    summariseLineChart(fixtures.interval),
    'In year ending June 2025 the figure for Hospital admissions for assault in Testshire was 40.7 per 100,000, 10% lower than in year ending June 2024. This is an improvement: lower is better for this measure.',
  );
});

test('comparators at the same period are quoted for context', () => {
  assert.equal(
    summariseLineChart(fixtures.comparators),
    'In 2023-24 the figure for Burglary rate in Testshire was 5.5 per 1,000, 7% lower than in 2022-23. This is an improvement: lower is better for this measure. For comparison, the figure for 2023-24 was 4.1 per 1,000 for England and 6.0 per 1,000 for Core cities average.',
  );
});

test('provisional latest value and a target are mentioned', () => {
  assert.equal(
    summariseLineChart(fixtures.provisionalRevised),
    'In Q2 2024 there were 420 drug offences in Testshire, 8% more than in Q2 2023. The Q2 2024 figure is provisional and may be revised.',
  );
  assert.equal(
    summariseLineChart(fixtures.baselineTarget),
    'In 2023-24 there were 1,010 serious violence offences in Testshire police force area, 6% fewer than in 2022-23. This is an improvement: lower is better for this measure. The target for 2025-26 is 900.',
  );
});

test('a series break between the last two values: no comparison across it', () => {
  const input: ChartInput = { ...fixtures.seriesBreak, breaks: [{ period: '2023-24', note: 'New recording system' }] };
  assert.equal(
    summariseLineChart(input),
    'In 2023-24 there were 11,320 domestic abuse crimes in Testshire police force area. Figures from 2023-24 are not compared with earlier ones because recording changed: New recording system.',
  );
  // A break further back does not stop comparing the last two values.
  assert.equal(
    summariseLineChart(fixtures.seriesBreak),
    'In 2023-24 there were 11,320 domestic abuse crimes in Testshire police force area, 2% fewer than in 2022-23.',
  );
});

test('nothing published, or everything suppressed', () => {
  assert.equal(summariseLineChart({ ...counts([]) }), 'No figures have been published yet for Knife crime in Testshire police force area.');
  assert.equal(
    summariseLineChart(counts([['2022-23', null], ['2023-24', null]])),
    'Every figure for Knife crime in Testshire police force area is suppressed, so none can be shown.',
  );
});

test('the area is always named as the caller gives it', () => {
  const input = { ...counts(FEWER), areaName: 'Nottinghamshire police force area' };
  assert.match(summariseLineChart(input), / in Nottinghamshire police force area, /);
  assert.match(describeLineChart(input), / in Nottinghamshire police force area /);
});

test('SVG description: span, range, latest, comparators with their line styles, gaps, breaks, references', () => {
  assert.equal(
    describeLineChart(fixtures.comparators),
    'Line chart of Burglary rate in Testshire from 2019-20 to 2023-24. Lowest 5.1 per 1,000 in 2020-21; highest 6.8 per 1,000 in 2019-20. Latest 5.5 per 1,000 in 2023-24. Also shown: England (dashed line) and Core cities average (dotted line).',
  );
  assert.equal(
    describeLineChart(fixtures.suppressed),
    'Line chart of Firearms offences in Testshire police force area from 2017 to 2023. Lowest 8 in 2022; highest 14 in 2017. Latest 8 in 2022. 2 values are suppressed and left as gaps.',
  );
  assert.equal(
    describeLineChart(fixtures.seriesBreak),
    'Line chart of Domestic abuse crimes in Testshire police force area from 2017-18 to 2023-24. Lowest 8,120 in 2017-18; highest 11,580 in 2022-23. Latest 11,320 in 2023-24. The line is broken before 2021-22.',
  );
  assert.match(describeLineChart(fixtures.baselineTarget), / Reference lines: Baseline 2019-20 1,200 and Target 2025-26 900\.$/);
});

test('bar chart summary and description', () => {
  assert.equal(
    summariseBarChart(fixtures.ageBands),
    'In 2023-24, the age band with the most knife crime offences in Testshire police force area was 18 to 24 (412); the fewest was Under 18 (187). The figure for 65 and over is suppressed.',
  );
  assert.equal(
    describeBarChart(fixtures.ageBands),
    'Bar chart of Knife crime in Testshire police force area by age band, 2023-24: Under 18 187; 18 to 24 412; 25 to 34 356; 35 to 64 268; 65 and over suppressed.',
  );
  const rates = { ...fixtures.ageBands, unit: 'rate_per_1000' as const, bars: [{ label: 'Female', value: 2.5 }, { label: 'Male', value: 6.1 }] };
  assert.equal(
    summariseBarChart(rates),
    'In 2023-24, the age band with the highest figure for Knife crime in Testshire police force area was Male (6.1 per 1,000); the lowest was Female (2.5 per 1,000).',
  );
  // Areas compared side by side are not "in" the measure's own area.
  const areas = { ...rates, breakdownLabel: 'Area', bars: [{ label: 'Testshire', value: 4.2 }, { label: 'Manchester', value: 7.9 }, { label: 'England', value: 3.1 }] };
  assert.equal(
    summariseBarChart(areas),
    'In 2023-24, the area with the highest figure for Knife crime was Manchester (7.9 per 1,000); the lowest was England (3.1 per 1,000).',
  );
  assert.equal(describeBarChart(areas), 'Bar chart of Knife crime by area, 2023-24: Testshire 4.2 per 1,000; Manchester 7.9 per 1,000; England 3.1 per 1,000.');
});

test('sparkline words: latest, direction and judgement where polarity allows', () => {
  assert.equal(describeSparkline(sparklineGeometry(fixtures.sparkline)), '1,234 in 2023, down from 1,341 in 2022 (an improvement)');
  assert.equal(describeSparkline(sparklineGeometry({ ...fixtures.sparkline, polarity: 'no_judgement' })), '1,234 in 2023, down from 1,341 in 2022');
  const points: ChartPoint[] = fixtures.points('year', [['2022', 5], ['2023', 5, { status: 'provisional' }]]);
  assert.equal(describeSparkline(sparklineGeometry({ unit: 'count', polarity: 'lower_is_better', points })), '5 in 2023, no change from 2022 (provisional)');
  assert.equal(describeSparkline(sparklineGeometry({ unit: 'count', points: [] })), 'No figures published');
});

test('joinList', () => {
  assert.equal(joinList([]), '');
  assert.equal(joinList(['a']), 'a');
  assert.equal(joinList(['a', 'b']), 'a and b');
  assert.equal(joinList(['a', 'b', 'c']), 'a, b and c');
});
