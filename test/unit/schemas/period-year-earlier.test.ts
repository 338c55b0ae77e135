/** Every change the site states is against the same period a year earlier (issue 22): period.ts names that period. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, periodLabel, periodYearEarlier, yearEarlierPoint, type Period } from '../../../src/lib/schemas/period.ts';
import type { Frequency } from '../../../src/lib/schemas/measure.ts';
import { sparklineGeometry } from '../../../src/lib/charts/sparkline.ts';
import { describeSparkline } from '../../../src/lib/charts/sparkline-words.ts';
import * as fixtures from '../../charts/fixtures.ts';

function period(text: string, frequency: Frequency, months?: number): Period {
  const parsed = parsePeriod(text, frequency, months);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.period;
}

test('the period a year earlier of each form, written as the data contract writes it', () => {
  const cases: [string, Frequency, string, number?][] = [
    ['2024', 'year', '2023'],
    ['2000-01', 'financial_year', '1999-00'],
    ['2024-Q1', 'quarter', '2023-Q1'],
    ['2024-01', 'month', '2023-01'],
    ['2024-07-01/2025-06-30', 'interval', '2023-07-01/2024-06-30'],
    ['2024-03-01/2025-02-28', 'interval', '2023-03-01/2024-02-29'],
    ['2025-01-01/2025-06-30', 'interval', '2024-01-01/2024-06-30', 6],
  ];
  for (const [text, frequency, expected, months] of cases) {
    const earlier = periodYearEarlier(period(text, frequency, months));
    assert.equal(earlier.text, expected, text);
    assert.deepEqual(earlier, period(expected, frequency, months), text);
  }
  assert.equal(periodLabel(periodYearEarlier(period('2024-07-01/2025-06-30', 'interval'))), 'year ending June 2024');
});

test('a rolling year is never compared with an overlapping or an 18-month-earlier year', () => {
  const points = ['2023-01-01/2023-12-31', '2024-01-01/2024-12-31', '2024-07-01/2025-06-30'].map((text) => ({ period: period(text, 'interval') }));
  assert.equal(yearEarlierPoint(points, points[2]!), undefined);
  assert.equal(yearEarlierPoint(points, points[1]!), points[0]);
});

test('a card without the year-earlier figure states no change and names the period it would need', () => {
  const geometry = sparklineGeometry({ unit: 'count', polarity: 'lower_is_better', points: fixtures.points('interval', [['2023-01-01/2023-12-31', 32943], ['2024-01-01/2024-12-31', 31715], ['2024-07-01/2025-06-30', 32599]]) });
  assert.equal(geometry.direction, null);
  assert.equal(geometry.assessment, null);
  assert.equal(describeSparkline(geometry), '32,599 in year ending June 2025 (no change stated: no figure for year ending June 2024, a year earlier)');
  const yearly = sparklineGeometry({ unit: 'count', polarity: 'lower_is_better', points: fixtures.points('year', [['2022', 10], ['2023', 8]]) });
  assert.equal(describeSparkline(yearly), '8 in 2023, down from 10 in 2022 (an improvement)');
});
