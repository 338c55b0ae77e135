import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { directorySize, gzipSize, largestMeasurePage, largestPages, pageAssets, parseAttributes, readableWithoutJs, resolveSameOrigin, staticImports, weighPage } from '../../../src/lib/bench/weight.ts';
import { parseGnuTimeMaxRss, peakPerStep } from '../../../src/lib/bench/memory.ts';

test('gzip size is the length of the gzip stream', () => {
  const text = 'abc'.repeat(1000);
  assert.equal(gzipSize(text), gzipSync(text, { level: 6 }).length);
  assert.equal(gunzipSync(gzipSync(text)).toString(), text);
  assert.ok(gzipSize(text) < 100);
});

test('attributes are read in any order and quoting', () => {
  assert.deepEqual(parseAttributes('<link href="/a.css" rel=stylesheet data-x>'), { href: '/a.css', rel: 'stylesheet', 'data-x': '' });
  assert.deepEqual(parseAttributes("<script type='module' src=\"/x.js?v=1&amp;a=b\"></script>".replace('</script>', '')), { type: 'module', src: '/x.js?v=1&a=b' });
});

test('page assets: linked and inline CSS and JS, JSON-LD is not JS, comments ignored', () => {
  const html = `<html><head>
    <link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg"><link href="a.css" rel="preload stylesheet">
    <style>body{color:red}</style>
    <script type="application/ld+json">{"@type":"Dataset"}</script>
    <!-- <script src="/never.js"></script> -->
    </head><body><script type="module" src="/_astro/chart.js"></script><script>console.log(1)</script><script type="module">import "/_astro/x.js";</script></body></html>`;
  const a = pageAssets(html);
  assert.deepEqual(a.stylesheets, ['/_astro/site.css', 'a.css']);
  assert.deepEqual(a.scripts, ['/_astro/chart.js']);
  assert.deepEqual(a.inlineStyles, ['body{color:red}']);
  assert.equal(a.inlineScripts.length, 2);
  assert.equal(a.dataScripts.length, 1);
});

test('only same-origin URLs resolve into dist, relative ones against the page, base path stripped', () => {
  assert.equal(resolveSameOrigin('/d', '/measures/x/', '/_astro/a.js'), '/d/_astro/a.js');
  assert.equal(resolveSameOrigin('/d', '/measures/x/', '../../_astro/a.js'), '/d/_astro/a.js');
  assert.equal(resolveSameOrigin('/d', '/_astro/a.js', './b.js'), '/d/_astro/b.js');
  assert.equal(resolveSameOrigin('/d', '/snd/measures/x/', '/snd/_astro/a.js?x=1', '/snd/'), '/d/_astro/a.js');
  assert.equal(resolveSameOrigin('/d', '/', 'https://cdn.example/a.js'), undefined);
  assert.equal(resolveSameOrigin('/d', '/', '//cdn.example/a.js'), undefined);
  assert.equal(resolveSameOrigin('/d', '/', 'data:text/css,body{}'), undefined);
});

test('static imports of minified and formatted modules, not dynamic ones', () => {
  assert.deepEqual(staticImports('import{a as b}from"./chunk.js";import"./side.js";export{c}from\'./c.js\';const d=import("./lazy.js")'), ['./chunk.js', './side.js', './c.js']);
  assert.deepEqual(staticImports('import x from "./x.js"\nimport * as y from "/y.js"'), ['./x.js', '/y.js']);
});

test('a page is weighed with its linked CSS and JS and their imports, each file once', () => {
  const dist = mkdtempSync(join(tmpdir(), 'snd-weight-'));
  try {
    mkdirSync(join(dist, 'measures/x'), { recursive: true });
    mkdirSync(join(dist, '_astro'));
    const css = 'body{margin:0}'.repeat(50);
    const chunk = 'export const z=1;'.repeat(40);
    const entry = 'import{z}from"./chunk.js";console.log(z);';
    writeFileSync(join(dist, '_astro/site.css'), css);
    writeFileSync(join(dist, '_astro/chunk.js'), chunk);
    writeFileSync(join(dist, '_astro/entry.js'), entry);
    const html = `<!doctype html><link rel=stylesheet href="/_astro/site.css"><style>p{}</style><script type="module" src="/_astro/entry.js"></script><script type="module" src="/_astro/entry.js"></script><script src="/_astro/gone.js"></script><p>hi</p>`;
    writeFileSync(join(dist, 'measures/x/index.html'), html);
    const w = weighPage(dist, '/measures/x/');
    assert.deepEqual(w.files.sort(), ['_astro/chunk.js', '_astro/entry.js', '_astro/site.css']);
    assert.deepEqual(w.missing, ['/_astro/gone.js']);
    assert.equal(w.html.raw, Buffer.byteLength(html));
    assert.equal(w.css.raw, css.length);
    assert.equal(w.css.gzip, gzipSize(css));
    assert.equal(w.js.raw, chunk.length + entry.length);
    assert.equal(w.js.gzip, gzipSize(chunk) + gzipSize(entry));
    assert.equal(w.inlineCss.raw, 3);
    assert.equal(w.total.gzip, w.html.gzip + w.css.gzip + w.js.gzip);
    assert.equal(directorySize(dist), Buffer.byteLength(html) + css.length + chunk.length + entry.length);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('readable without JS needs a named svg role=img, a table with rows and a worded caption', () => {
  const figure = (caption: string) =>
    `<figure><figcaption class="chart__summary">${caption}</figcaption><svg role="img" aria-labelledby="t"><title id="t">T</title></svg></figure>`;
  const table = '<table><caption>c</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
  assert.deepEqual(readableWithoutJs(figure('Offences fell by 10% to 1,234 in May 2025.') + table), { chart: true, table: true, summary: true, ok: true });
  assert.equal(readableWithoutJs(figure('') + table).summary, false);
  assert.equal(readableWithoutJs(figure('Offences fell by 10% to 1,234.')).table, false);
  assert.equal(readableWithoutJs('<figure><figcaption>one two three four five</figcaption><svg aria-label="x"></svg></figure>' + table).chart, false);
  // Markup that only scripts would insert does not count.
  assert.equal(readableWithoutJs(`<script>document.write('${figure('Offences fell by 10% to 1,234 in May.')}')</script>${table}`).ok, false);
});

test('GNU time max RSS is read in bytes', () => {
  assert.equal(parseGnuTimeMaxRss('\tMaximum resident set size (kbytes): 561432\n'), 561432 * 1024);
  assert.equal(parseGnuTimeMaxRss('nothing'), undefined);
});

test('memory samples are split into the steps they fall in', () => {
  const samples = [0, 100, 200, 300, 400, 500].map((at, i) => ({ at: 1000 + at, bytes: [5, 9, 3, 7, 2, 4][i]! }));
  assert.deepEqual(peakPerStep(samples, 1000, [['data', 150], ['astro', 200], ['pagefind', 400]]), { data: 9, astro: 7, pagefind: 4 });
});

test('a step shorter than the sampling interval takes the next reading', () => {
  const samples = [{ at: 1000, bytes: 5 }, { at: 1200, bytes: 6 }];
  assert.deepEqual(peakPerStep(samples, 1000, [['data', 50], ['downloads', 10]]), { data: 5, downloads: 6 });
});

test('the largest measure page is a /measures/<slug>/ page, never one of its figures pages', () => {
  const dist = mkdtempSync(join(tmpdir(), 'snd-largest-measure-'));
  try {
    assert.equal(largestMeasurePage(dist), undefined);
    mkdirSync(join(dist, 'measures/a/figures/2'), { recursive: true });
    mkdirSync(join(dist, 'measures/b'), { recursive: true });
    writeFileSync(join(dist, 'measures/a/index.html'), 'a'.repeat(30));
    writeFileSync(join(dist, 'measures/a/figures/2/index.html'), 'f'.repeat(500));
    writeFileSync(join(dist, 'measures/b/index.html'), 'b'.repeat(40));
    writeFileSync(join(dist, 'measures/index.html'), 'l'.repeat(900));
    assert.equal(largestMeasurePage(dist), '/measures/b/');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('largest pages are listed by HTML size with their site paths', () => {
  const dist = mkdtempSync(join(tmpdir(), 'snd-largest-'));
  try {
    mkdirSync(join(dist, 'plans/a'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(dist, 'plans/a/index.html'), 'y'.repeat(100));
    writeFileSync(join(dist, '404.html'), 'z'.repeat(50));
    assert.deepEqual(largestPages(dist, 2).map((p) => [p.page, p.raw]), [['/plans/a/', 100], ['/404.html', 50]]);
    assert.equal(largestPages(dist, 3)[2]!.page, '/');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
