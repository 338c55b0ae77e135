/** Observations carry their periods as ISO days (validate/data.ts); read back, they are the periods the text parses to. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDay, parsePeriod, periodFromDays, type Period } from '../../../src/lib/schemas/period.ts';
import type { Frequency } from '../../../src/lib/schemas/measure.ts';

test('a period read back from its first day and the day after equals the one parsed from its text', () => {
  const cases: [string, Frequency, number?][] = [
    ['2023', 'year'],
    ['2023-24', 'financial_year'],
    ['1999-00', 'financial_year'],
    ['2023-Q4', 'quarter'],
    ['2024-02', 'month'],
    ['2023-12', 'month'],
    ['2024-03-01/2025-02-28', 'interval'],
    ['2023-07-01/2023-12-31', 'interval', 6],
  ];
  for (const [text, frequency, months] of cases) {
    const parsed = parsePeriod(text, frequency, months);
    assert.ok(parsed.ok, text);
    const { start, end } = parsed.period;
    const back: Period = periodFromDays(text, frequency, isoDay(start), isoDay(end));
    assert.deepEqual(back, parsed.period, text);
  }
  assert.equal(isoDay(new Date(Date.UTC(2024, 1, 29))), '2024-02-29');
});
