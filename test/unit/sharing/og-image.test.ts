/**
 * The social preview image: the chart from the site's own renderer placed inside a 1200 x 630
 * frame with a title band and a source line, every text escaped, and a PNG whose text is drawn;
 * and the build step that draws one per measure with figures.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { renderLineChartSvg } from '../../../src/lib/charts/kinds/line/svg.ts';
import { renderBarChartSvg } from '../../../src/lib/charts/kinds/bar/svg.ts';
import { asGroup, chartBox, composeOgImageSvg, OG_IMAGE_SIZE, sourceLine, titleLines, type OgImageText } from '../../../src/lib/sharing/og-image.ts';
import { fitBarChart } from '../../../src/lib/charts/kinds/bar/preview.ts';
import { fitLineChart } from '../../../src/lib/charts/kinds/line/preview.ts';
import { pngFontOptions, svgToPng } from '../../../src/lib/sharing/og-render.ts';
import { publishOgImages, startMeasureOgImages } from '../../../src/lib/build/preview-images.ts';
import { hasPublishedFigures } from '../../../src/lib/views/figures-page.ts';
import { downloadsDir } from '../../../src/lib/build/data-step.ts';
import { prepareDataInPool } from '../../../src/lib/build/data-step-pool.ts';
import type { PageModel } from '../../../src/lib/derive/page-model.ts';
import { MINIMAL_ROOT, TODAY } from '../../support/fixture-roots.ts';
import * as fixtures from '../../charts/fixtures.ts';

const TEXT: OgImageText = {
  title: 'Knife crime',
  subtitle: 'Testshire police force area: 1,234 knife crime offences in 2023',
  publisher: 'Home Office',
  licence: 'OGL v3.0',
  siteName: 'Safer Testshire Data',
  brand: '#1d4f76',
};
const HOSTILE = `Widgets "stolen" <script>alert('x')</script> & </svg><svg onload=alert(1)>`;

/** The translate and scale of the <g> that places the chart. */
function placement(svg: string): { x: number; y: number; scale: number } {
  const m = /<g transform="translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)">/.exec(svg);
  assert.ok(m, 'the chart is placed by one transform');
  return { x: Number(m[1]), y: Number(m[2]), scale: Number(m[3]) };
}

test('the image is 1200 x 630 and holds the line chart exactly as the site renders it', () => {
  const svg = composeOgImageSvg({ kind: 'line', input: fixtures.comparators }, TEXT);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630" viewBox="0 0 1200 630"/);
  const geometry = fitLineChart(fixtures.comparators, chartBox(1));
  assert.ok(svg.includes(asGroup(renderLineChartSvg(geometry, { id: 'og-chart', title: fixtures.comparators.title, desc: '' }))), 'the same renderer and geometry');
  // One marker per published value, as on the page.
  const published = fixtures.comparators.series.flatMap((s) => s.points).filter((p) => p.value !== null).length;
  assert.equal(svg.match(/<circle class="point/g)?.length, published);
  assert.ok(svg.includes('>Knife crime</text>'));
  assert.ok(svg.includes('>Source: Home Office. Licence: OGL v3.0.</text>'));
  assert.ok(svg.includes('>Safer Testshire Data</text>'));
});

test('the chart is drawn larger than on the page and stays inside its box, for lines and bars', () => {
  for (const lines of [1, 2]) {
    const box = chartBox(lines);
    const line = composeOgImageSvg({ kind: 'line', input: fixtures.baselineTarget }, { ...TEXT, title: lines === 1 ? 'Short' : 'A title long enough to need a second line in the band of the image' });
    const geometry = fitLineChart(fixtures.baselineTarget, box);
    const at = placement(line);
    assert.ok(at.scale >= 1.5, `scale ${at.scale}`);
    assert.ok(at.x >= box.x - 0.01 && at.x + geometry.width * at.scale <= box.x + box.width + 0.5, 'fits across');
    assert.ok(at.y >= box.y - 0.01 && at.y + geometry.height * at.scale <= box.y + box.height + 0.5, 'fits down');
  }
  const box = chartBox(1);
  const bars = composeOgImageSvg({ kind: 'bar', input: fixtures.ageBands }, TEXT);
  const geometry = fitBarChart(fixtures.ageBands, box);
  assert.ok(bars.includes(asGroup(renderBarChartSvg(geometry, { id: 'og-chart', title: fixtures.ageBands.title, desc: '' }))));
  const at = placement(bars);
  assert.ok(at.x + geometry.width * at.scale <= box.x + box.width + 0.5 && at.y + geometry.height * at.scale <= box.y + box.height + 0.5);
});

test('hostile titles, labels and publishers are escaped and the SVG stays well-formed', () => {
  const input = { ...fixtures.comparators, title: HOSTILE, series: fixtures.comparators.series.map((s, i) => (i === 1 ? { ...s, label: HOSTILE } : s)) };
  const svg = composeOgImageSvg({ kind: 'line', input }, { ...TEXT, title: HOSTILE, subtitle: HOSTILE, publisher: HOSTILE, siteName: HOSTILE, brand: '"><script>' });
  assert.ok(!svg.includes('<script'));
  assert.ok(!svg.includes('<svg onload'));
  assert.equal(svg.match(/<svg[\s>]/g)?.length, 1, 'the frame alone: the chart is a group in it');
  assert.equal(svg.match(/<\/svg>/g)?.length, 1);
  for (const [, value] of svg.matchAll(/ [a-z-]+="([^"]*)"/g)) assert.ok(!/[<>]/.test(value!), value);
  assert.ok(svg.includes('fill="#1d4f76"'), 'a malformed brand colour falls back to the default');
  assert.doesNotThrow(() => new Resvg(svg, { font: pngFontOptions() }), 'resvg parses it as XML');
});

test('the chart goes in as a group with its drawing attributes, without what only the page uses', () => {
  const chart = renderLineChartSvg(fitLineChart(fixtures.comparators, chartBox(1)), { id: 'og-chart', title: 'Robbery', desc: 'A line' });
  const group = asGroup(chart);
  assert.match(group, /^<g font-family="[^"]+" font-size="\d+" fill="#[0-9A-Fa-f]{6}">/);
  assert.ok(group.endsWith('</g>'));
  assert.ok(!/<svg|<title|<desc|\sdata-|\srole=|aria-labelledby/.test(group), group.slice(0, 300));
  // Everything drawn is still there: the same paths and markers.
  for (const tag of ['<path', '<circle', '<line', '<text']) assert.equal(group.split(tag).length, chart.split(tag).length, tag);
  assert.throws(() => asGroup('<g></g>'), /one <svg> element/);
});

test('a long title takes two lines, the second cut with an ellipsis; the licence is never cut', () => {
  const lines = titleLines('Burglary of homes and other buildings recorded by the police in the force area, with attempts, by month and by year', 1104);
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /…$/);
  const source = sourceLine('Home Office (police.uk open data, Testshire Police, street-level crime files for every month since 2010)', 'OGL v3.0', 700);
  assert.match(source, /^Source: Home Office \(police\.uk.*… Licence: OGL v3\.0\.$/);
  assert.equal(sourceLine('ONS.', 'OGL v3.0', 700), 'Source: ONS. Licence: OGL v3.0.');
});

test('the PNG is 1200 x 630 and its text is really drawn (fonts were found)', async () => {
  const svg = composeOgImageSvg({ kind: 'line', input: fixtures.yearly }, TEXT);
  const png = await svgToPng(svg);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const header = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  assert.equal(header.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([header.readUInt32BE(16), header.readUInt32BE(20)], [OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height]);
  // Without fonts resvg silently leaves text out: the band would be a flat colour.
  const pixels = new Resvg(svg, { font: pngFontOptions() }).render().pixels;
  let white = 0;
  for (let y = 40; y < 100; y++) {
    for (let x = 48; x < 400; x++) {
      const i = (y * OG_IMAGE_SIZE.width + x) * 4;
      if (pixels[i]! > 240 && pixels[i + 1]! > 240 && pixels[i + 2]! > 240) white++;
    }
  }
  assert.ok(white > 500, `white title pixels in the band: ${white}`);
});

test('the build step draws one PNG per measure with figures, in a child process, and moves them into the site', async () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-og-'));
  try {
    const generated = join(work, 'generated');
    const prepared = await prepareDataInPool(MINIMAL_ROOT, generated, TODAY, 'https://fixture.example/', downloadsDir(generated), 1);
    assert.ok(prepared.artefacts, 'the minimal root is valid');
    const page = JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as PageModel;
    const expected = page.measures.filter(hasPublishedFigures).map((m) => `${m.slug}.png`).sort();
    assert.ok(expected.length > 0);
    // Stopped as soon as it starts (a build whose Astro step failed), the child is gone and reports no images.
    const stopped = startMeasureOgImages(generated, process.env);
    await stopped.stop();
    await assert.rejects(stopped.finish(), /abort/i);
    assert.ok(!existsSync(join(generated, 'social-images')), 'nothing drawn once stopped');
    const running = startMeasureOgImages(generated, process.env);
    const report = await running.finish();
    assert.equal(report.images, expected.length);
    const site = join(work, 'site');
    publishOgImages(generated, site);
    assert.deepEqual(readdirSync(join(site, 'og', 'measures')).sort(), expected);
    const png = readFileSync(join(site, 'og', 'measures', expected[0]!));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
