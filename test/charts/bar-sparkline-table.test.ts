/** Facts about the bar chart, sparkline and table equivalents. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChartGeometry } from '../../src/lib/charts/kinds/bar/geometry.ts';
import { textWidth } from '../../src/lib/charts/layout.ts';
import { sparklineGeometry } from '../../src/lib/charts/sparkline.ts';
import { chartTable, omittedColumnsNote } from '../../src/lib/charts/kinds/line/table.ts';
import * as fixtures from './fixtures.ts';

test('bars: one per category in input order, lengths proportional from zero, suppressed has no bar', () => {
  const geometry = barChartGeometry(fixtures.ageBands);
  assert.deepEqual(geometry.bars.map((b) => b.label), ['Under 18', '18 to 24', '25 to 34', '35 to 64', '65 and over']);
  assert.deepEqual(geometry.bars.map((b) => b.valueText), ['187', '412', '356', '268', 'Suppressed']);
  const [under18, young] = geometry.bars;
  assert.ok(Math.abs(under18!.width / young!.width - 187 / 412) < 0.01);
  assert.ok(geometry.bars.every((b) => b.x === geometry.zeroX));
  assert.equal(geometry.bars[4]!.width, 0);
  // Rows do not overlap, and value labels fit inside the viewBox.
  for (let i = 1; i < geometry.bars.length; i++) assert.ok(geometry.bars[i]!.y >= geometry.bars[i - 1]!.y + geometry.bars[i - 1]!.height);
  for (const bar of geometry.bars) assert.ok(bar.valueX + textWidth(bar.valueText, geometry.fontSize, true) <= geometry.width, bar.valueText);
  for (const bar of geometry.bars) for (const line of bar.labelLines) assert.ok(geometry.labelX - textWidth(line.text, geometry.fontSize) >= 0, line.text);
  assert.equal(geometry.heading, 'Age band, 2023-24');
});

test('long category labels wrap instead of squeezing the bars', () => {
  const geometry = barChartGeometry({
    ...fixtures.ageBands,
    bars: [{ label: 'Residents of Testshire aged sixty-five years and over', value: 4 }, { label: 'Others', value: 9 }],
  });
  assert.ok(geometry.bars[0]!.labelLines.length > 1);
  assert.ok(geometry.zeroX < geometry.width / 2);
});

test('sparkline: latest value, previous value and direction; judgement only with a polarity', () => {
  const geometry = sparklineGeometry(fixtures.sparkline);
  assert.equal(geometry.width, 120);
  assert.equal(geometry.height, 32);
  assert.equal(geometry.latest!.label, '1,234');
  assert.equal(geometry.previous!.label, '1,341');
  assert.equal(geometry.direction, 'down');
  assert.equal(geometry.assessment, 'better');
  assert.equal(sparklineGeometry({ ...fixtures.sparkline, polarity: 'no_judgement' }).assessment, null);
  assert.equal(geometry.d.match(/[ML]/g)?.length, fixtures.sparkline.points.length);
  assert.deepEqual(geometry.end, { x: 116, y: geometry.end!.y });
});

test('sparkline: unchanged, single and suppressed-latest series', () => {
  const flat = sparklineGeometry({ unit: 'count', points: fixtures.points('year', [['2022', 5], ['2023', 5]]) });
  assert.equal(flat.direction, 'no change');
  const single = sparklineGeometry({ unit: 'count', points: fixtures.points('year', [['2023', 5]]) });
  assert.equal(single.direction, null);
  assert.equal(single.d, '');
  assert.ok(single.end);
  const suppressedLatest = sparklineGeometry({ unit: 'count', points: fixtures.points('year', [['2021', 3], ['2022', 5], ['2023', null]]) });
  assert.equal(suppressedLatest.latest!.period, '2022');
  assert.equal(suppressedLatest.direction, 'up');
});

test('table: one row per period with formatted values, status, notes, break notes and comparator columns', () => {
  const table = chartTable(fixtures.comparators);
  assert.equal(table.valueHeading, 'Testshire');
  assert.deepEqual(table.comparatorHeadings, ['England', 'Core cities average']);
  assert.deepEqual(table.rows[0], {
    period: '2019-20',
    periodLabel: '2019-20',
    shortPeriodLabel: '2019-20',
    value: '6.8 per 1,000',
    status: '',
    note: '',
    comparators: ['4.9 per 1,000', '7.2 per 1,000'],
  });
  const suppressed = chartTable(fixtures.suppressed).rows.find((r) => r.period === '2019')!;
  assert.equal(suppressed.value, 'Suppressed');
  assert.equal(suppressed.status, 'Suppressed');
  assert.equal(suppressed.note, 'Fewer than 5 offences; suppressed to protect victims');
  const broken = chartTable(fixtures.seriesBreak).rows.find((r) => r.period === '2021-22')!;
  assert.equal(broken.note, 'Series break: Crime recording rules changed in April 2021');
  const statuses = chartTable(fixtures.provisionalRevised).rows.map((r) => r.status);
  assert.deepEqual(statuses, ['Final', 'Final', 'Revised', 'Final', 'Provisional', 'Provisional']);
  const quarters = chartTable(fixtures.quarterly).rows.map((r) => r.periodLabel);
  assert.equal(quarters[0], 'Q1 2022');
});

test('table: rolling years keep their full label and carry the compact one the chart axis uses', () => {
  const row = chartTable(fixtures.interval).rows.at(-1)!;
  assert.match(row.periodLabel, /^year ending [A-Z][a-z]+ \d{4}$/);
  assert.match(row.shortPeriodLabel, /^YE [A-Z][a-z]{2} \d{2}$/);
  assert.equal(row.shortPeriodLabel.slice(3, 6), row.periodLabel.slice(12, 15));
});

test('table: says whether any row has a status or a note, so columns empty in every row can be left out', () => {
  const plain = chartTable(fixtures.comparators);
  assert.equal(plain.hasStatus, false);
  assert.equal(plain.hasNote, false);
  assert.equal(chartTable(fixtures.provisionalRevised).hasStatus, true);
  const suppressed = chartTable(fixtures.suppressed);
  assert.equal(suppressed.hasStatus, true);
  assert.equal(suppressed.hasNote, true);
  // A series-break note alone is a note.
  assert.equal(chartTable({ ...fixtures.seriesBreak, series: fixtures.seriesBreak.series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, note: undefined })) })) }).hasNote, true);
});

test('table: the sentence naming the columns left out', () => {
  assert.equal(omittedColumnsNote([{ name: 'status', present: false }, { name: 'note', present: false }]), 'No row has a status or note.');
  assert.equal(omittedColumnsNote([{ name: 'status', present: true }, { name: 'note', present: false }]), 'No row has a note.');
  assert.equal(omittedColumnsNote([{ name: 'status', present: true }, { name: 'note', present: true }]), '');
});

test('table: a period only a comparator covers says "No data" for the main series', () => {
  const input = {
    ...fixtures.comparators,
    series: [fixtures.comparators.series[0]!, { ...fixtures.comparators.series[1]!, points: fixtures.points('financial_year', [['2018-19', 5.0]]) }],
  };
  const row = chartTable(input).rows[0]!;
  assert.equal(row.period, '2018-19');
  assert.equal(row.value, 'No data');
  assert.deepEqual(row.comparators, ['5.0 per 1,000']);
});
