/**
 * A build is never published with addresses of this computer (issue 14). The public address comes
 * from `url` in content/site.yaml unless SITE_URL overrides it; with neither, `npm run build` refuses
 * with a file:line:column message, and only a copy for this computer (--local) uses localhost.
 * Two real builds: the invented Riverford partnership, whose site.yaml gives an address with a
 * folder, and this project's own content, which publishes none yet.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addressProblem } from '../../../src/lib/build/site.ts';
import { isLocalOrigin, readSiteYamlUrl, resolveDeployment } from '../../../src/lib/build/deployment.ts';
import { siteSchema } from '../../../src/lib/schemas/site.ts';
import { buildRoot, PROJECT } from '../../support/fixture-roots.ts';
import { SITE } from '../../support/testshire.ts';

const RIVERFORD = join(PROJECT, 'test/fixtures/valid/other-partnership');
const RIVERFORD_ROOT = 'https://safer.riverford.example/community-safety/';
/** No deployment setting from the shell running the tests may reach these builds. */
const NO_ADDRESS = { SITE_URL: undefined, BASE_PATH: undefined, SND_LOCAL_BUILD: undefined };
const LOCALHOST = /(https?:)?\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/;

describe('resolveDeployment', () => {
  test('takes the origin and folder from content/site.yaml when SITE_URL is not set', () => {
    assert.deepEqual(resolveDeployment({}, 'https://data.example.org/safer/'), { origin: 'https://data.example.org', base: '/safer/', from: 'content/site.yaml' });
    assert.deepEqual(resolveDeployment({ BASE_PATH: 'other' }, 'https://data.example.org/safer/'), { origin: 'https://data.example.org', base: '/other/', from: 'content/site.yaml' });
  });

  test('SITE_URL and BASE_PATH override it for one build; with neither there is no address', () => {
    assert.deepEqual(resolveDeployment({ SITE_URL: 'https://x.github.io/', BASE_PATH: '/snd' }, 'https://data.example.org/safer/'), { origin: 'https://x.github.io', base: '/snd/', from: 'SITE_URL' });
    assert.deepEqual(resolveDeployment({ SITE_URL: 'https://x.github.io' }, undefined), { origin: 'https://x.github.io', base: '/', from: 'SITE_URL' });
    assert.equal(resolveDeployment({}, undefined), null);
    assert.equal(resolveDeployment({ SITE_URL: '  ' }, 'not an address'), null);
  });

  test('knows an address on this computer', () => {
    for (const local of ['http://localhost:4321', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'http://app.localhost']) assert.equal(isLocalOrigin(local), true, local);
    assert.equal(isLocalOrigin('https://data.example.org'), false);
  });
});

describe('addressProblem', () => {
  test('refuses a build with no address, or with SITE_URL on this computer, naming the fix', () => {
    const none = addressProblem(PROJECT, {});
    assert.ok(none);
    assert.equal(`${none.file}:${none.line}:${none.column}`, 'content/site.yaml:1:1');
    assert.match(none.message, /public address is not set/);
    assert.match(none.message, /add url: "https:\/\/…\/"/);
    assert.match(none.message, /SITE_URL/);
    assert.match(none.message, /--local/);
    assert.match(addressProblem(PROJECT, { SITE_URL: 'http://localhost:4321' })!.message, /an address on this computer/);
  });

  test('accepts an address from site.yaml or SITE_URL, and localhost only for a local copy', () => {
    assert.equal(addressProblem(RIVERFORD, {}), undefined);
    assert.equal(addressProblem(PROJECT, { SITE_URL: 'https://example.github.io' }), undefined);
    assert.equal(addressProblem(PROJECT, { SITE_URL: 'http://localhost:4321', SND_LOCAL_BUILD: '1' }), undefined);
  });

  test("reads the fixture partnership's url, and this project's site.yaml publishes none it cannot cite", () => {
    assert.equal(readSiteYamlUrl(RIVERFORD), RIVERFORD_ROOT);
    assert.equal(readSiteYamlUrl(PROJECT), undefined);
  });
});

describe('the url field of content/site.yaml', () => {
  const parse = (url: string) => siteSchema.safeParse({ ...SITE, url });
  test('takes a web address, and refuses one on this computer', () => {
    assert.equal(parse('https://data.example.org/safer/').success, true);
    assert.equal(parse('http://localhost:4321/').success, false);
    assert.equal(parse('ftp://data.example.org/').success, false);
    assert.equal(parse('https://data.example.org/?page=1').success, false);
    assert.equal(siteSchema.safeParse(SITE).success, true, 'optional');
  });
});

describe('a default build (no SITE_URL, no BASE_PATH, no --local)', () => {
  const work = mkdtempSync(join(tmpdir(), 'snd-address-'));
  const riverford = join(work, 'riverford');
  const own = join(work, 'own');
  let riverfordBuild: ReturnType<typeof buildRoot>;
  let ownBuild: ReturnType<typeof buildRoot>;
  before(() => {
    riverfordBuild = buildRoot(RIVERFORD, riverford, NO_ADDRESS);
    // The project's own releases are dated by the real calendar, not the fixtures' fixed today.
    ownBuild = buildRoot(PROJECT, own, { ...NO_ADDRESS, SND_TODAY: undefined });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const dist = () => join(riverford, 'dist');
  const text = (file: string) => readFileSync(join(dist(), file), 'utf8');

  test("uses the address in the partnership's site.yaml for canonical links, the feed, the sitemap and og:image", () => {
    assert.equal(riverfordBuild.status, 0, riverfordBuild.log);
    const pages = readdirSync(dist(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !text(f).includes('http-equiv="refresh"'));
    const canonical = pages.map((f) => /<link rel="canonical" href="([^"]+)"/.exec(text(f))?.[1]).filter((href) => href !== undefined);
    assert.ok(canonical.length > 5);
    for (const href of canonical) assert.ok(href.startsWith(RIVERFORD_ROOT), href);
    const images = pages.map((f) => /<meta property="og:image" content="([^"]+)"/.exec(text(f))?.[1]).filter((href) => href !== undefined);
    assert.ok(images.length > 0, 'some page has a preview image');
    for (const href of images) assert.ok(href.startsWith(`${RIVERFORD_ROOT}og/`), href);
    const feed = text('updates.xml');
    assert.ok(feed.includes(`<link rel="alternate" href="${RIVERFORD_ROOT}updates/"/>`));
    const feedLinks = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(feedLinks.length > 3);
    for (const href of feedLinks) assert.ok(href.startsWith(RIVERFORD_ROOT), href);
    const sitemaps = readdirSync(dist()).filter((f) => /^sitemap.*\.xml$/.test(f));
    assert.ok(sitemaps.length >= 2);
    const locs = sitemaps.flatMap((f) => [...text(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    assert.ok(locs.length > 5);
    for (const loc of locs) assert.ok(loc.startsWith(RIVERFORD_ROOT), loc);
    // No address anywhere in the feed or sitemaps, nor in any page's links, meta tags or JSON-LD, names this computer
    // (the publishing guide may still tell editors to open http://localhost:4321 for npm start, as text).
    for (const file of ['updates.xml', ...sitemaps]) assert.doesNotMatch(text(file), LOCALHOST, file);
    const addressInMarkup = new RegExp(`(href|content|src)="${LOCALHOST.source}|"(url|@id|contentUrl)":\\s*"${LOCALHOST.source}`);
    for (const file of pages) assert.doesNotMatch(text(file), addressInMarkup, file);
  });

  test('of this project, which publishes no address yet, is refused with the fix and leaves nothing to deploy', () => {
    assert.equal(ownBuild.status, 1, ownBuild.log);
    assert.match(ownBuild.log, /content\/site\.yaml:1:1: the site's public address is not set/);
    assert.doesNotMatch(ownBuild.log, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(join(own, 'dist')), false);
  });
});
