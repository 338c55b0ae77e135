/** Facts about line chart geometry that must hold whatever the styling: gaps, breaks, scales, labels. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineChartGeometry, MIN_X_LABELS, normaliseLineChartOptions, valueAxisTitle, type LineChartGeometry, type LineSeriesGeometry } from '../../src/lib/charts/kinds/line/geometry.ts';
import { renderLineChartSvg } from '../../src/lib/charts/kinds/line/svg.ts';
import type { ChartInput } from '../../src/lib/charts/types.ts';
import { textWidth } from '../../src/lib/charts/layout.ts';
import { chartBox } from '../../src/lib/sharing/og-image.ts';
import { fitLineChart, labelsFit } from '../../src/lib/charts/kinds/line/preview.ts';
import * as fixtures from './fixtures.ts';

const ALL: readonly ChartInput[] = [
  fixtures.yearly,
  fixtures.financialYear,
  fixtures.quarterly,
  fixtures.monthly,
  fixtures.interval,
  fixtures.suppressed,
  fixtures.seriesBreak,
  fixtures.comparators,
  fixtures.baselineTarget,
  fixtures.provisionalRevised,
];

function main(input: ChartInput): LineSeriesGeometry {
  const series = lineChartGeometry(input).series.find((s) => s.kind === 'main');
  assert.ok(series);
  return series;
}

test('one point per non-suppressed value, and one gap (with its note) per suppressed value', () => {
  for (const input of ALL) {
    const geometry = lineChartGeometry(input);
    const values = input.series.flatMap((s) => s.points);
    assert.equal(geometry.series.flatMap((s) => s.points).length, values.filter((p) => p.value !== null).length, input.title);
    assert.equal(geometry.gaps.length, values.filter((p) => p.value === null).length, input.title);
  }
  const gaps = lineChartGeometry(fixtures.suppressed).gaps;
  assert.deepEqual(
    gaps.map((gap) => [gap.period, gap.note]),
    [
      ['2019', 'Fewer than 5 offences; suppressed to protect victims'],
      ['2023', 'Under data quality review'],
    ],
  );
});

test('a suppressed value splits the line (d3 line.defined leaves a gap)', () => {
  const [segment] = main(fixtures.suppressed).segments;
  assert.ok(segment);
  // Two moves: one before the 2019 gap, one after it. The 2023 gap is at the end, so no third run.
  assert.equal(segment.d.match(/M/g)?.length, 2);
});

test('a series break gives two separate segments and a break marker between the periods', () => {
  const geometry = lineChartGeometry(fixtures.seriesBreak);
  const series = main(fixtures.seriesBreak);
  assert.equal(series.segments.length, 2);
  assert.ok(series.segments.every((s) => !s.provisional && s.d.match(/M/g)?.length === 1));
  assert.equal(geometry.breaks.length, 1);
  const [marker] = geometry.breaks;
  assert.equal(marker!.note, 'Crime recording rules changed in April 2021');
  const before = series.points.find((p) => p.period === '2020-21')!;
  const after = series.points.find((p) => p.period === '2021-22')!;
  assert.ok(before.x < marker!.x && marker!.x < after.x);
  assert.deepEqual(geometry.key.map((k) => k.symbol), ['break']);
});

test('a break at the first period draws nothing', () => {
  const input: ChartInput = { ...fixtures.seriesBreak, breaks: [{ period: '2017-18', note: 'Start' }] };
  assert.equal(lineChartGeometry(input).breaks.length, 0);
  assert.equal(main(input).segments.length, 1);
});

test('the value axis starts at 0 and covers every value, baseline and target', () => {
  for (const input of ALL) {
    const geometry = lineChartGeometry(input);
    assert.equal(geometry.yAxis.domain[0], 0, input.title);
    const highest = Math.max(...input.series.flatMap((s) => s.points.map((p) => p.value ?? 0)), input.target?.value ?? 0, input.baseline?.value ?? 0);
    assert.ok(geometry.yAxis.domain[1] >= highest, input.title);
    assert.equal(geometry.yAxis.ticks[0]!.value, 0);
    assert.equal(geometry.xAxis.baselineY, geometry.plot.bottom);
  }
});

test('count axes never get fractional ticks', () => {
  const tiny: ChartInput = { ...fixtures.yearly, series: [{ ...fixtures.yearly.series[0]!, points: fixtures.points('year', [['2022', 1], ['2023', 2]]) }] };
  assert.ok(lineChartGeometry(tiny).yAxis.ticks.every((t) => Number.isInteger(t.value)));
});

test('x positions follow time for every kind of period, including overlapping rolling years', () => {
  for (const input of ALL) {
    const xs = main(input).points.map((p) => p.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b), input.title);
    assert.equal(new Set(xs).size, xs.length, input.title);
  }
  // Evenly spaced periods sit evenly: quarters differ by at most a day or two.
  const xs = main(fixtures.quarterly).points.map((p) => p.x);
  const steps = xs.slice(1).map((x, i) => x - xs[i]!);
  assert.ok(Math.max(...steps) - Math.min(...steps) < 2);
});

/**
 * Fails unless the chart's time labels are apart, unclipped, and name its first and latest period and
 * at least MIN_X_LABELS in all (every period of a shorter series), or `fewest` where fewer fit.
 */
function assertTimeLabelsReadable(geometry: LineChartGeometry, periods: readonly string[], name: string, fewest = MIN_X_LABELS): void {
  const ticks = geometry.xAxis.ticks;
  const sorted = [...new Set(periods)];
  assert.equal(ticks[0]!.period, sorted[0], `${name}: the first period is labelled`);
  assert.equal(ticks.at(-1)!.period, sorted.at(-1), `${name}: the latest period is labelled`);
  assert.ok(ticks.length >= Math.min(fewest, sorted.length), `${name}: ${ticks.length} labels for ${sorted.length} periods`);
  for (let i = 1; i < ticks.length; i++) {
    const gap = ticks[i]!.labelX - ticks[i - 1]!.labelX;
    const needed = (textWidth(ticks[i]!.label, geometry.fontSize) + textWidth(ticks[i - 1]!.label, geometry.fontSize)) / 2;
    assert.ok(gap >= needed, `${name}: ticks ${ticks[i - 1]!.label} and ${ticks[i]!.label} overlap`);
  }
  for (const tick of ticks) {
    const half = textWidth(tick.label, geometry.fontSize) / 2;
    assert.ok(tick.labelX - half >= 0 && tick.labelX + half <= geometry.width, `${name}: ${tick.label} is clipped`);
  }
}

/** Period texts of a chart input's series, oldest first. */
function inputPeriods(input: ChartInput): string[] {
  return input.series
    .flatMap((s) => s.points.map((p) => p.period))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime())
    .map((p) => p.text);
}

test('x tick labels are thinned, never overlap, and always include the first and latest period', () => {
  for (const input of ALL) assertTimeLabelsReadable(lineChartGeometry(input), inputPeriods(input), input.title);
  assert.deepEqual(
    lineChartGeometry(fixtures.monthly).xAxis.ticks.map((t) => t.label),
    ['Jan 23', 'Jun 24', 'Jun 25'],
  );
});

/** A series of `count` rolling years ending each quarter, or of months or years, from a start. */
function longSeries(frequency: 'month' | 'year' | 'interval', count: number, comparator = false): ChartInput {
  const texts = Array.from({ length: count }, (_, i) => {
    if (frequency === 'year') return String(1990 + i);
    const start = new Date(Date.UTC(2000, frequency === 'month' ? i : 3 * i, 1));
    if (frequency === 'month') return start.toISOString().slice(0, 7);
    const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), 0));
    return `${start.toISOString().slice(0, 10)}/${end.toISOString().slice(0, 10)}`;
  });
  const main = { key: 'main', label: 'Testshire', kind: 'main' as const, points: fixtures.points(frequency, texts.map((t, i) => [t, 100 + (i % 7)] as const)) };
  const series = comparator ? [main, { key: 'england', label: 'England average', kind: 'england' as const, points: fixtures.points(frequency, texts.map((t) => [t, 120] as const)) }] : [main];
  return { title: 'Long series', unit: 'count', polarity: 'no_judgement', areaName: 'Testshire', series, breaks: [] };
}

test('every length and kind of series labels its first and latest period and at least three in all, with or without comparators, on the page and in preview images', () => {
  for (const frequency of ['month', 'year', 'interval'] as const) {
    for (const count of [1, 2, 3, 4, 5, 7, 12, 23, 24, 25, 36, 60, 119, 120, 240]) {
      for (const comparator of [false, true]) {
        const input = longSeries(frequency, count, comparator);
        const name = `${count} ${frequency} periods${comparator ? ' with a comparator' : ''}`;
        // The one case where three labels cannot fit side by side: four rolling years ("YE Mar 01", the
        // widest labels) across a plot narrowed by the comparator's label column. Its first and latest are labelled.
        const fewest = frequency === 'interval' && comparator && count === 4 ? 2 : MIN_X_LABELS;
        assertTimeLabelsReadable(lineChartGeometry(input), inputPeriods(input), name, fewest);
        // A preview image lays the chart out for its own box, under a title of one or two lines.
        for (const titleLines of [1, 2]) assertTimeLabelsReadable(fitLineChart(input, chartBox(titleLines)), inputPeriods(input), `${name}, preview image`);
      }
    }
  }
});

test('a series whose spacing changes (years ending March, then every quarter) spreads at least three labels across its span, not one at its end', () => {
  // As police-recorded crime: a figure for each year ending March, then one for each year ending a quarter.
  const texts = [
    ...Array.from({ length: 11 }, (_, i) => `${2010 + i}-04-01/${2011 + i}-03-31`),
    '2020-07-01/2021-06-30', '2021-01-01/2021-12-31', '2021-04-01/2022-03-31', '2021-07-01/2022-06-30', '2021-10-01/2022-09-30',
    '2022-01-01/2022-12-31', '2022-04-01/2023-03-31', '2022-07-01/2023-06-30', '2022-10-01/2023-09-30', '2023-01-01/2023-12-31',
    '2023-04-01/2024-03-31', '2024-01-01/2024-12-31',
  ];
  const input: ChartInput = { ...fixtures.interval, series: [{ key: 'main', label: 'Testshire', kind: 'main', points: fixtures.points('interval', texts.map((t, i) => [t, 600 + i * 10] as const)) }] };
  const geometry = lineChartGeometry(input);
  assertTimeLabelsReadable(geometry, texts, 'years ending March, then quarters');
  const ticks = geometry.xAxis.ticks;
  assert.equal(ticks[0]!.label, 'YE Mar 11');
  assert.equal(ticks.at(-1)!.label, 'YE Dec 24');
  // Spread: no two neighbouring labels much closer than the widest gap between neighbours.
  const gaps = ticks.slice(1).map((t, i) => t.x - ticks[i]!.x);
  assert.ok(Math.min(...gaps) > Math.max(...gaps) / 2, `labels bunch: gaps ${gaps.join(', ')}`);
});

test('comparators: dashed England, dotted core cities, each labelled at its line end; main drawn last', () => {
  const geometry = lineChartGeometry(fixtures.comparators);
  assert.deepEqual(geometry.series.map((s) => s.kind), ['england', 'core_cities', 'main']);
  const byKind = Object.fromEntries(geometry.series.map((s) => [s.kind, s]));
  assert.equal(byKind.england!.style.dasharray, '10 6');
  assert.equal(byKind.core_cities!.style.dasharray, '0.5 6');
  assert.equal(byKind.core_cities!.style.linecap, 'round');
  assert.equal(byKind.main!.style.dasharray, '');
  assert.deepEqual(byKind.england!.endLabel!.lines.map((l) => l.text), ['England']);
  assert.deepEqual(byKind.core_cities!.endLabel!.lines.map((l) => l.text), ['Core cities', 'average']);
  assert.deepEqual(byKind.main!.endLabel!.lines.map((l) => l.text), ['Testshire']);
  // Labels sit right of the plot and do not overlap one another.
  const boxes = geometry.series
    .map((s) => s.endLabel!)
    .map((label) => [label.lines[0]!.y - geometry.fontSize, label.lines[label.lines.length - 1]!.y] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]![0] >= boxes[i - 1]![1] - 0.5, 'line labels overlap');
  assert.ok(geometry.series.every((s) => s.endLabel!.x > geometry.plot.right));
});

test('a chart with only the main series has no line-end label (the title names it)', () => {
  assert.equal(main(fixtures.yearly).endLabel, null);
});

test('baseline and target are labelled horizontal rules at their values', () => {
  const geometry = lineChartGeometry(fixtures.baselineTarget);
  assert.deepEqual(
    geometry.references.map((r) => [r.kind, r.value, r.text]),
    [
      ['baseline', 1200, 'Baseline 2019-20: 1,200'],
      ['target', 900, 'Target 2025-26: 900'],
    ],
  );
  const [baseline, target] = geometry.references;
  assert.ok(baseline!.y < target!.y, 'a higher value is drawn higher');
  assert.ok(baseline!.label.lines.some((l) => l.text === '1,200'));
});

test('provisional values are hollow with a dashed segment into them; revised values are flagged', () => {
  const series = main(fixtures.provisionalRevised);
  assert.deepEqual(series.points.filter((p) => p.provisional).map((p) => p.period), ['2024-Q1', '2024-Q2']);
  assert.deepEqual(series.points.filter((p) => p.revised).map((p) => p.period), ['2023-Q3']);
  const dashed = series.segments.filter((s) => s.provisional);
  assert.equal(dashed.length, 1);
  // The dashed run starts at the last final value and runs through both provisional ones.
  assert.equal(dashed[0]!.d.match(/[ML]/g)?.length, 3);
  const svg = renderLineChartSvg(lineChartGeometry(fixtures.provisionalRevised), { id: 'c', title: 't', desc: 'd' });
  assert.match(svg, /class="point point--provisional"[^>]*fill="#FFFFFF"/);
  assert.equal(svg.match(/class="revised-flag"/g)?.length, 1);
  assert.match(svg, /series-line--provisional[^>]*stroke-dasharray="4 7"/);
});

test('every coordinate in the SVG has at most one decimal place', () => {
  for (const input of ALL) {
    const svg = renderLineChartSvg(lineChartGeometry(input), { id: 'c', title: 't', desc: 'd' });
    const numbers = [...svg.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy|d)="([^"]*)"/g)].flatMap((m) => m[1]!.match(/-?\d+(?:\.\d+)?/g) ?? []);
    const long = numbers.filter((n) => /\.\d\d/.test(n));
    assert.deepEqual(long, [], input.title);
  }
});

test('a single value and an empty chart still lay out', () => {
  const single: ChartInput = { ...fixtures.yearly, series: [{ ...fixtures.yearly.series[0]!, points: fixtures.points('year', [['2023', 10]]) }] };
  const geometry = lineChartGeometry(single);
  assert.equal(main(single).points.length, 1);
  assert.equal(main(single).segments.length, 0);
  assert.ok(Math.abs(main(single).points[0]!.x - (geometry.plot.left + geometry.plot.right) / 2) < 1);
  const empty = lineChartGeometry({ ...fixtures.yearly, series: [] });
  assert.deepEqual(empty.yAxis.domain, [0, 1]);
  assert.deepEqual(empty.xAxis.ticks, []);
});

test('options are normalised to workable values', () => {
  assert.deepEqual(normaliseLineChartOptions(), { width: 440, height: 280, fontSize: 15, smallFontSize: 14, yTickCount: 4, maxLabelWidth: 96, keyInside: false });
  assert.equal(normaliseLineChartOptions({ fontSize: 100, width: 10 }).fontSize, 24);
  assert.equal(normaliseLineChartOptions({ width: 10 }).width, 240);
});

test("a chart whose height includes its key gives the key's rows from the plot, as one laid out again would", () => {
  // Provisional and revised values put two entries in the key.
  const input = fixtures.provisionalRevised;
  const outside = lineChartGeometry(input, { width: 700, height: 300 });
  const keyHeight = outside.height - 300;
  assert.ok(keyHeight > 0, 'the fixture has a key');
  const inside = lineChartGeometry(input, { width: 700, height: 300, keyInside: true });
  assert.equal(inside.height, 300);
  assert.deepEqual(inside, lineChartGeometry(input, { width: 700, height: 300 - keyHeight }));
  // Never squeezed below the shortest plot.
  assert.equal(lineChartGeometry(input, { width: 700, height: 170, keyInside: true }).height, 160 + keyHeight);
});

test('value axis titles name the unit', () => {
  assert.equal(valueAxisTitle('count', 'knife crime offences'), 'Knife crime offences');
  assert.equal(valueAxisTitle('count'), 'Number');
  assert.equal(valueAxisTitle('percent'), 'Percentage');
  assert.equal(valueAxisTitle('rate_per_1000'), 'Rate per 1,000');
  assert.equal(valueAxisTitle('rate_per_100000', 'offences'), 'Rate per 100,000');
});

test('a long comparator name whose line ends lowest stays clear of the newest period\'s axis label', () => {
  // As on the real ASB chart: "England and Wales (excluding British Transport Police)" wraps to four
  // lines and ends at the bottom of the plot, right beside the last axis label.
  const longName = 'England and Wales (excluding British Transport Police)';
  // Fourteen financial years, so the last point (and its axis label) sits close to the plot's right edge.
  const years = Array.from({ length: 14 }, (_, i) => `${2005 + i}-${String(6 + i).padStart(2, '0')}`);
  const input: ChartInput = {
    ...fixtures.comparators,
    series: fixtures.comparators.series.map((series) => ({
      ...series,
      ...(series.key === 'england' ? { label: longName } : {}),
      points: fixtures.points('financial_year', years.map((year, i): [string, number] => [year, series.key === 'england' ? 0.2 : 5 + (i % 3)])),
    })),
  };
  const geometry = lineChartGeometry(input);
  const label = geometry.series.find((s) => s.label === longName)!.endLabel!;
  assert.ok(label.lines.length >= 3, 'the name wraps onto several lines');
  const lastTick = geometry.xAxis.ticks.at(-1)!;
  const tickRight = lastTick.labelX + textWidth(lastTick.label, geometry.fontSize) / 2;
  assert.ok(tickRight > label.x, 'this test needs the axis label to reach into the label column');
  // Glyphs reach about a quarter of the font size below the baseline and nearly a full size above it.
  const labelBottom = label.lines.at(-1)!.y + geometry.fontSize * 0.25;
  const tickTop = geometry.xAxis.labelY - geometry.fontSize;
  assert.ok(labelBottom < tickTop, `label ends at ${labelBottom}, the axis label starts at ${tickTop}`);
});

test("a preview image's right-hand labels stay inside the chart, under the image's title band, however many there are", () => {
  // Three lines, one with a long name, and a baseline and a target near the top: seven label lines
  // stacked in the column, more than a short preview plot holds at the preferred size.
  const crowded: ChartInput = {
    ...fixtures.comparators,
    series: [...fixtures.comparators.series.map((s) => (s.kind === 'core_cities' ? { ...s, label: 'Testshire similar areas (synthetic comparison group)' } : s)), { ...fixtures.comparators.series[1]!, key: 'region', label: 'Testshire region (synthetic comparison area)', kind: 'similar_group' as const }],
    baseline: { period: fixtures.period('2019-20', 'financial_year'), value: 7.2, label: 'Baseline 2019-20, the year before the plan began' },
    target: { period: fixtures.period('2023-24', 'financial_year'), value: 7.0, label: 'Target 2023-24, the plan\'s last year' },
  };
  for (const titleLines of [1, 2]) {
    const geometry = fitLineChart(crowded, chartBox(titleLines));
    assert.ok(labelsFit(geometry), `title of ${titleLines} line(s): ${JSON.stringify([...geometry.series.map((s) => s.endLabel), ...geometry.references.map((r) => r.label)])}`);
  }
  // At the preferred size the stack does rise above the chart: the refit is what keeps it in.
  const box = chartBox(1);
  assert.ok(!labelsFit(lineChartGeometry(crowded, { width: box.width / 1.9, height: box.height / 1.9, maxLabelWidth: 170 })));
});
