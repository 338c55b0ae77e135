/**
 * Any partnership can publish with this code: a real build of the invented Riverford partnership
 * (test/fixtures/valid/other-partnership) under a base path must name Riverford, never the
 * partnership the project was written for, and keep every link, the sitemap and the Atom feed
 * under its base path. One build, in a temp folder, shared by every test below.
 */
import { buildRoot } from '../support/fixture-roots.ts';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';

const PROJECT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(PROJECT, 'test/fixtures/valid/other-partnership');
const ORIGIN = 'https://riverford.example';
const BASE = '/riverford/';
/** The project's own partnership and its police force area; their names must come only from content/, never from src/. */
const HOME_PARTNERSHIP = /nottingham|nottinghamshire/i;

const work = mkdtempSync(join(tmpdir(), 'snd-riverford-'));
const dist = join(work, 'dist');
let build: ReturnType<typeof buildRoot>;

before(() => {
  build = buildRoot(FIXTURE, work, { SITE_URL: ORIGIN, BASE_PATH: BASE });
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Every file the build wrote, relative to dist/, with forward slashes. */
function builtFiles(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dist.length + 1).replaceAll('\\', '/'))
    .sort();
}

const text = (file: string) => readFileSync(join(dist, file), 'utf8');
/** Astro's static redirect pages (from redirect_from): tiny pages with a meta refresh. */
const isRedirect = (file: string) => file.endsWith('.html') && text(file).includes('http-equiv="refresh"');
const htmlPages = () => builtFiles().filter((f) => f.endsWith('.html') && !isRedirect(f));

/** Readable text of a built file: plain text as is, zips entry by entry (names too), Pagefind's gzip files unpacked. */
function readable(file: string): string | undefined {
  const bytes = readFileSync(join(dist, file));
  if (/\.(html|xml|json|csv|txt|js|css|svg)$/.test(file)) return bytes.toString('utf8');
  if (file.endsWith('.zip')) {
    const entries = unzipSync(new Uint8Array(bytes));
    return Object.entries(entries).map(([name, content]) => `${name}\n${strFromU8(content)}`).join('\n');
  }
  if (/\.pf_(fragment|meta|index|filter)$/.test(file)) return gunzipSync(bytes).toString('utf8');
  return undefined;
}

describe('a second partnership (Riverford) built under a base path', () => {
  test('builds', () => {
    assert.equal(build.status, 0, `build failed:\n${build.log}`);
    assert.ok(existsSync(join(dist, 'index.html')));
  });

  test('every page names the partnership from content/site.yaml', () => {
    const pages = htmlPages();
    assert.ok(pages.length >= 15, `expected the whole site, got ${pages.length} pages`);
    for (const page of pages) assert.match(text(page), /Safer Riverford Data/, page);
    assert.match(text('index.html'), /Riverford Community Safety Partnership/);
  });

  test('no built file mentions Nottingham or Nottinghamshire: HTML, XML, JSON, CSV, scripts, zips and the search index', () => {
    const files = builtFiles();
    const checked = files.filter((f) => readable(f) !== undefined);
    // The force-level comparison's page, table and CSV are among the files read: the words for a police force area come from site.yaml too.
    for (const file of ['measures/knife-offences-rate/compare/index.html', 'measures/knife-offences-rate/compare/table/index.html', 'data/comparisons/knife-offences-rate.csv']) assert.ok(checked.includes(file), file);
    // The scan must see inside zips and the search index: there, too, it finds the fixture's own name.
    for (const kind of ['.zip', '.pf_fragment']) {
      assert.ok(checked.some((f) => f.endsWith(kind) && /Riverford/.test(readable(f)!)), `${kind} contents were read`);
    }
    const offenders = checked.filter((f) => HOME_PARTNERSHIP.test(readable(f)!) || HOME_PARTNERSHIP.test(f));
    assert.deepEqual(offenders, [], `files naming the home partnership: ${offenders.join(', ')}`);
    const unread = files.filter((f) => readable(f) === undefined && !f.endsWith('.pagefind') && !f.endsWith('.pf_index'));
    assert.deepEqual(unread.filter((f) => !/\.(png|ico|woff2?)$/.test(f)), [], 'every text-like file was checked');
  });

  test('every link, script and stylesheet on every page is under the base path and exists', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      for (const [, attribute, url] of text(page).matchAll(/\s(href|src|action)="(\/[^"]*)"/g)) {
        if (!url!.startsWith(BASE)) problems.push(`${page}: ${attribute}="${url}" ignores the base path`);
        else if (!resolves(url!.slice(BASE.length - 1))) problems.push(`${page}: ${attribute}="${url}" does not exist in the build`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('the sitemap and the feed give absolute addresses under the base path', () => {
    const locs = [...text('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.length >= 15);
    assert.deepEqual(locs.filter((l) => !l.startsWith(`${ORIGIN}${BASE}`)), []);
    const feed = text('updates.xml');
    const links = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    assert.deepEqual(links.filter((l) => !l.startsWith(`${ORIGIN}${BASE}`)), []);
    assert.match(text('index.html'), /<link rel="alternate" type="application\/atom\+xml" title="Safer Riverford Data: what's new" href="\/riverford\/updates\.xml"/);
  });

  test("the feed's entry ids are exactly the permanent ids of the fixture's releases and report", () => {
    const ids = [...text('updates.xml').matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
    assert.deepEqual(ids, [
      'https://riverford.example/riverford/updates/',
      'tag:riverford.example,2025-10-01:/riverford/measures/reported-bicycle-thefts/releases/2025-10-01',
      'tag:riverford.example,2025-09-15:/riverford/plans/2025-28/actions/light-the-riverside-path/progress/2025-09-15',
      'tag:riverford.example,2025-07-01:/riverford/measures/reported-bicycle-thefts/releases/2025-07-01',
    ]);
  });

  test("hostile text in a release's changes and a progress note is escaped on the page and in the feed", () => {
    for (const file of ['updates/index.html', 'updates.xml', 'plans/2025-28/actions/light-the-riverside-path/index.html']) {
      assert.doesNotMatch(text(file), /<script>alert|<b>down<\/b>/, file);
    }
    assert.match(text('updates/index.html'), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('the measure page says when it was last updated and when the next update is expected', () => {
    const page = text('measures/reported-bicycle-thefts/index.html');
    assert.match(page, /Last updated<\/dt>\s*<dd[^>]*><time datetime="2025-10-01"/);
    assert.match(page, /Next update expected<\/dt>\s*<dd[^>]*><time datetime="2026-12-01"/);
  });

  test('redirect pages for old slugs point under the base path', () => {
    const redirect = text('measures/bike-thefts/index.html');
    assert.match(redirect, /url=\/riverford\/measures\/reported-bicycle-thefts\//);
  });

  test("its comparison highlights Riverford, its own area from content/site.yaml, and states its place", () => {
    const page = text('measures/reported-bicycle-thefts/compare/index.html');
    assert.match(page, /<h1[^>]*>How does Riverford compare\? Reported Bicycle Thefts<\/h1>/);
    // 412 thefts: below Northholm (612) and Eastbrook (530), level with Kingsford; Southby has no figure.
    assert.match(page, /Riverford&#39;s figure in Table R1, 412, is the joint 3rd highest of the 5 partnerships with a figure/);
    assert.match(page, /font-weight="700"><tspan[^>]*>Riverford 412<\/tspan>/);
    assert.match(page, /This partnership/);
    assert.match(page, /href="\/riverford\/data\/comparisons\/reported-bicycle-thefts\.csv"/);
    assert.match(text('measures/reported-bicycle-thefts/index.html'), /Riverford&#39;s figure in Table R1, 412, is the joint 3rd highest[^<]*<a href="\/riverford\/measures\/reported-bicycle-thefts\/compare\/">/);
    const table = text('measures/reported-bicycle-thefts/compare/table/index.html');
    assert.match(table, /<strong[^>]*>Riverford<\/strong>/);
    assert.equal(text('data/comparisons/reported-bicycle-thefts.csv'), readFileSync(join(FIXTURE, 'data/comparisons/reported-bicycle-thefts/2025-10-01.csv'), 'utf8'));
    const datapackage = JSON.parse(text('downloads/2025-28/datapackage.json')) as { resources: { name: string; path: string }[] };
    assert.deepEqual(datapackage.resources.map((r) => r.name), ['data', 'compare-reported-bicycle-thefts', 'compare-knife-offences-rate']);
    assert.equal(datapackage.resources.find((r) => r.name === 'compare-reported-bicycle-thefts')!.path, 'https://riverford.example/riverford/data/comparisons/reported-bicycle-thefts.csv');
  });

  test("its force-level comparison highlights its own police force area from content/site.yaml (area.police_force_area), not a partnership", () => {
    const page = text('measures/knife-offences-rate/compare/index.html');
    assert.match(page, /<h1[^>]*>How does Riverford Constabulary \(police force area\) compare\? Knife Offences per 100,000 People<\/h1>/);
    // 61.2 per 100,000: below Northholm and Kingsford (88.5) and Dyffryn (73.4), above Eastmarsh (47.9); Highmoor is suppressed ([u1]).
    assert.match(page, /Riverford Constabulary&#39;s figure in Table R7, 61\.2 per 100,000, is the 3rd highest of the 4 police force areas with a figure \(year ending December 2024\)\./);
    assert.match(page, /class="bar bar--own"[^>]*data-label="Riverford Constabulary"/);
    assert.match(page, /This partnership&#39;s police force area/);
    assert.doesNotMatch(page, /bar--own"[^>]*data-label="(Northholm|Eastmarsh|Highmoor|Dyffryn)/);
    assert.match(page, /href="\/riverford\/data\/comparisons\/knife-offences-rate\.csv"/);
    const table = text('measures/knife-offences-rate/compare/table/index.html');
    assert.match(table, /<strong[^>]*>Riverford Constabulary<\/strong>/);
    assert.doesNotMatch(table, /<strong[^>]*>(Northholm|Eastmarsh|Highmoor|Dyffryn)/);
    assert.equal(text('data/comparisons/knife-offences-rate.csv'), readFileSync(join(FIXTURE, 'data/comparisons/knife-offences-rate/2025-10-01.csv'), 'utf8'));
  });
});

/** Whether a site path (without the base) is a file or page in the build. */
function resolves(path: string): boolean {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  return clean.endsWith('/') ? existsSync(join(dist, clean, 'index.html')) : existsSync(join(dist, clean));
}
