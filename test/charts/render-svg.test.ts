/** The SVG renderer: accessible naming, data attributes for the enhancement script, and escaping of untrusted text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChartGeometry } from '../../src/lib/charts/kinds/bar/geometry.ts';
import { lineChartGeometry } from '../../src/lib/charts/kinds/line/geometry.ts';
import { escapeXml } from '../../src/lib/charts/svg.ts';
import { renderLineChartSvg } from '../../src/lib/charts/kinds/line/svg.ts';
import { markersCrowded, relativePath } from '../../src/lib/charts/kinds/line/series-svg.ts';
import { renderBarChartSvg } from '../../src/lib/charts/kinds/bar/svg.ts';
import { renderSparklineSvg } from '../../src/lib/charts/sparkline-svg.ts';
import { decodeDenseEntry, pathHeights, type DenseEntry } from '../../src/lib/charts/kinds/line/dense-points.ts';
import { sparklineGeometry } from '../../src/lib/charts/sparkline.ts';
import { CHART_COLOURS } from '../../src/lib/charts/style.ts';
import type { ChartInput } from '../../src/lib/charts/types.ts';
import * as fixtures from './fixtures.ts';

const HOSTILE = 'Recount <script>alert("x")</script> & "quoted" \'single\' </svg><svg onload=alert(1)>';

test('escapeXml escapes the five XML specials', () => {
  assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  assert.equal(escapeXml('plain text, 1,234'), 'plain text, 1,234');
});

test('untrusted notes, labels, titles and descriptions are escaped everywhere they appear', () => {
  const base = fixtures.suppressed;
  const input: ChartInput = {
    ...base,
    title: HOSTILE,
    series: [
      {
        ...base.series[0]!,
        label: HOSTILE,
        points: base.series[0]!.points.map((p, i) => (i === 0 ? { ...p, note: HOSTILE } : p.value === null ? { ...p, note: HOSTILE } : p)),
      },
      { key: 'england', label: HOSTILE, kind: 'england', points: fixtures.points('year', [['2022', 5], ['2023', 6]]) },
    ],
    breaks: [{ period: '2021', note: HOSTILE }],
    target: { period: fixtures.period('2025', 'year'), value: 5, label: HOSTILE },
  };
  const svg = renderLineChartSvg(lineChartGeometry(input), { id: 'hostile', title: HOSTILE, desc: HOSTILE });
  assert.ok(!svg.includes('<script'), 'no raw <script>');
  assert.ok(!svg.includes('<svg onload'), 'no injected element');
  assert.equal(svg.match(/<\/svg>/g)?.length, 1, 'exactly one closing </svg>');
  assert.equal(svg.match(/<svg[\s>]/g)?.length, 1, 'exactly one opening <svg>');
  assert.ok(svg.includes('data-note="Recount &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &apos;single&apos; &lt;/svg&gt;&lt;svg onload=alert(1)&gt;"'));
  assert.ok(svg.includes('<title id="hostile-title">Recount &lt;script&gt;'));
  // Every attribute value is a well-formed double-quoted string with no raw quote or angle bracket inside.
  for (const [, value] of svg.matchAll(/ [a-z-]+="([^"]*)"/g)) assert.ok(!/[<>]/.test(value!), value);
  const bar = renderBarChartSvg(barChartGeometry({ ...fixtures.ageBands, bars: [{ label: HOSTILE, value: 3, note: HOSTILE }] }), { id: 'b', title: HOSTILE, desc: HOSTILE });
  assert.ok(!bar.includes('<script'));
  assert.equal(bar.match(/<\/svg>/g)?.length, 1);
});

test('the chart is one image named by its <title> and <desc>, with unique ids', () => {
  const svg = renderLineChartSvg(lineChartGeometry(fixtures.yearly), { id: 'knife-crime-chart', title: 'Knife crime', desc: 'A description' });
  assert.match(svg, /^<svg [^>]*role="img"[^>]*aria-labelledby="knife-crime-chart-title knife-crime-chart-desc"/);
  assert.match(svg, /<title id="knife-crime-chart-title">Knife crime<\/title>/);
  assert.match(svg, /<desc id="knife-crime-chart-desc">A description<\/desc>/);
  assert.match(svg, /viewBox="0 0 440 \d+"/);
  const bar = renderBarChartSvg(barChartGeometry(fixtures.ageBands), { id: 'bars', title: 'T', desc: 'D' });
  assert.match(bar, /role="img"[^>]*aria-labelledby="bars-title bars-desc"/);
});

test('points carry data attributes for the enhancement script, and no tabindex', () => {
  const svg = renderLineChartSvg(lineChartGeometry(fixtures.provisionalRevised), { id: 'c', title: 't', desc: 'd' });
  assert.ok(!svg.includes('tabindex'));
  assert.match(
    svg,
    /<circle class="point point--revised"[^>]*data-period="2023-Q3" data-period-label="Q3 2023" data-value="415" data-label="415" data-status="revised" data-note="Revised after late recording"\/>/,
  );
  assert.equal(svg.match(/<circle class="point/g)?.length, 6);
  assert.match(svg, /<g class="series series--main" data-series="testshire" data-series-label="Testshire" data-kind="main">/);
});

test('only a chart with more values than markers can show is crowded: every other chart case keeps a marker per value', () => {
  const readable = [fixtures.yearly, fixtures.financialYear, fixtures.quarterly, fixtures.monthly, fixtures.interval, fixtures.suppressed, fixtures.seriesBreak, fixtures.comparators, fixtures.baselineTarget, fixtures.provisionalRevised];
  for (const input of readable) assert.equal(markersCrowded(lineChartGeometry(input)), false, input.title);
  assert.equal(markersCrowded(lineChartGeometry(fixtures.denseMonthly)), true);
  // The rule is the geometry's: the same ten years drawn four times as wide have room for their markers.
  assert.equal(markersCrowded(lineChartGeometry(fixtures.denseMonthly, { width: 1760 })), false);
});

// Decodes an attribute value as a browser would.
function decodeAttribute(text: string): string {
  return text.replace(/&(lt|gt|apos|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', apos: "'", quot: '"', amp: '&' })[name]!);
}

test('a crowded chart draws its lines without a marker per value, and carries every value compactly for the script', () => {
  const geometry = lineChartGeometry(fixtures.denseMonthly);
  const svg = renderLineChartSvg(geometry, { id: 'dense', title: 't', desc: 'd' });
  assert.equal(svg.match(/<circle class="point/g), null, 'no per-value point markers');
  // The values the key explains keep their marker, as a picture: 2 provisional and 1 revised.
  assert.equal(svg.match(/<circle class="marker marker--provisional"[^>]*aria-hidden="true"\/>/g)?.length, 2);
  assert.equal(svg.match(/<circle class="marker marker--revised"[^>]*aria-hidden="true"\/>/g)?.length, 1);
  assert.equal(svg.match(/class="revised-flag"/g)?.length, 1);
  assert.equal(svg.match(/class="series-line/g)?.length, 3, 'the comparator, the main line and its provisional stretch');
  // The periods once, on the svg: [x, period label], left to right.
  const periods = JSON.parse(decodeAttribute(svg.match(/<svg [^>]*data-periods='([^']*)'/)![1]!)) as [number, string][];
  assert.equal(periods.length, 120);
  assert.deepEqual(periods[0], [geometry.series[0]!.points[0]!.x, 'January 2015']);
  assert.deepEqual(periods[119]![1], 'December 2024');
  // Each series: one entry per period; read back as the script reads it (heights from the drawn
  // paths where data-points leaves them out), every value has its height, label, status and note.
  const groups = [...svg.matchAll(/<g class="series [^>]*data-series="([^"]+)"[^>]*data-points='([^']*)'>([\s\S]*?)<\/g>/g)];
  const data = new Map(groups.map((m) => [m[1]!, { entries: JSON.parse(decodeAttribute(m[2]!)) as DenseEntry[], paths: [...m[3]!.matchAll(/class="series-line[^"]*"[^>]* d="([^"]+)"/g)].map((d) => d[1]!) }]));
  assert.deepEqual([...data.keys()].sort(), ['england', 'testshire']);
  for (const series of geometry.series) {
    const { entries, paths } = data.get(series.key)!;
    const heights = pathHeights(paths);
    assert.deepEqual(
      entries.map((entry, i) => decodeDenseEntry(entry, periods[i]![0], heights)),
      series.points.map((p) => ({ y: p.y, label: p.label, status: p.status ?? '', note: p.note })),
      series.key,
    );
    series.points.forEach((p, i) => assert.equal(periods[i]![0], p.x, `${series.key} ${p.period}`));
  }
  // Every height here is on a drawn line, so none is written twice; the revised value keeps its words.
  assert.ok(data.get('england')!.entries.every((entry) => typeof entry === 'string'));
  assert.deepEqual(data.get('testshire')!.entries[60], ['1,220', null, 'revised', `Recount: "late" <records> & 'more'`]);
  assert.ok(!svg.includes(`<records>`), 'the note is escaped');
});

/** The absolute points a path of M, L, l and Z commands visits, in order. */
function visitedPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, command, args] of d.matchAll(/([MLlZ])([^MLlZ]*)/g)) {
    if (command === 'Z') {
      [x, y] = [startX, startY];
      continue;
    }
    const [a, b] = args!.match(/-?[\d.]+/g)!.map(Number) as [number, number];
    [x, y] = command === 'l' ? [x + a, y + b] : [a, b];
    if (command === 'M') [startX, startY] = [x, y];
    points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  }
  return points;
}

test('relativePath draws the same points as the absolute path, in fewer bytes', () => {
  assert.equal(relativePath('M40.2,89.1L42.5,91.6L44.9,77.7L47.2,77.7'), 'M40.2,89.1l2.3,2.5l2.4-13.9l2.3,0');
  assert.equal(relativePath('M1,1ZM5,5L6,4.5L7,4.5'), 'M1,1ZM5,5l1-0.5l1,0');
  // Anything d3's linear line does not write is left alone.
  assert.equal(relativePath('M0,0C1,1,2,2,3,3'), 'M0,0C1,1,2,2,3,3');
  const geometry = lineChartGeometry(fixtures.denseMonthly);
  const paths = [...geometry.series.flatMap((s) => s.segments.map((segment) => segment.d))];
  assert.ok(paths.length >= 3);
  for (const d of paths) {
    const relative = relativePath(d);
    assert.deepEqual(visitedPoints(relative), visitedPoints(d));
    assert.ok(relative.length < d.length, `${relative.length} < ${d.length}`);
  }
  // The crowded chart's lines are written relative; the points drawn are the geometry's.
  const svg = renderLineChartSvg(geometry, { id: 'dense', title: 't', desc: 'd' });
  const main = geometry.series.find((s) => s.kind === 'main')!;
  assert.ok(svg.includes(` d="${relativePath(main.segments[0]!.d)}"`));
  assert.ok(!svg.includes(` d="${main.segments[0]!.d}"`));
});

test('a crowded series with no value in some periods has null there, so its values stay on their periods', () => {
  const [england, main] = fixtures.denseMonthly.series;
  const input: ChartInput = { ...fixtures.denseMonthly, series: [{ ...england!, points: england!.points.slice(0, 100) }, { ...main!, points: main!.points.slice(20) }] };
  const svg = renderLineChartSvg(lineChartGeometry(input), { id: 'dense', title: 't', desc: 'd' });
  const data = new Map([...svg.matchAll(/data-series="([^"]+)"[^>]*data-points='([^']*)'/g)].map((m) => [m[1]!, JSON.parse(decodeAttribute(m[2]!)) as unknown[]]));
  const england120 = data.get('england')!;
  const main120 = data.get('testshire')!;
  assert.equal(england120.length, 120);
  assert.equal(main120.length, 120);
  assert.ok(england120.slice(100).every((v) => v === null) && england120.slice(0, 100).every((v) => v !== null));
  assert.ok(main120.slice(0, 20).every((v) => v === null) && main120.slice(20).every((v) => v !== null));
});

test('comparator groups carry their kind so the enhancement script can offer toggles', () => {
  const svg = renderLineChartSvg(lineChartGeometry(fixtures.comparators), { id: 'c', title: 't', desc: 'd' });
  assert.match(svg, /data-series="england" data-series-label="England" data-kind="england"/);
  assert.match(svg, /data-series="core_cities" data-series-label="Core cities average" data-kind="core_cities"/);
  assert.match(svg, /stroke="#801650" stroke-width="2.5" stroke-dasharray="10 6"/);
  assert.match(svg, /<text class="series-label" aria-hidden="true" fill="#801650"[^>]*><tspan[^>]*>England<\/tspan><\/text>/);
});

test('a sparkline without a title is hidden from assistive technology; with one it is an image', () => {
  const geometry = sparklineGeometry(fixtures.sparkline);
  assert.match(renderSparklineSvg(geometry), /aria-hidden="true"/);
  const named = renderSparklineSvg(geometry, { id: 's', title: 'Knife crime trend' });
  assert.match(named, /role="img" aria-labelledby="s-title"/);
  assert.ok(!named.includes('aria-hidden'));
});

// WCAG relative luminance and contrast ratio.
function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  return 1.05 / (luminance + 0.05);
}

test('every line, marker and label colour has at least 4.5:1 contrast with white (AA for text, beyond 3:1 for graphics)', () => {
  for (const colour of CHART_COLOURS) assert.ok(contrastWithWhite(colour) >= 4.5, `${colour}: ${contrastWithWhite(colour).toFixed(2)}`);
});
