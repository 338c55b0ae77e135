/**
 * Untrusted text renders safely everywhere. test/fixtures/valid/hostile/ is a valid project root
 * whose content and CSV cells carry markup, script, quotes, braces and a stray </svg>; it is built
 * once (the real build, into a temporary folder) and every page is loaded in Chromium with the
 * Content Security Policy bypassed, so an injected script would really run. Each test asserts the
 * text reaches readers as text: escaped in the HTML, parsed as no element, well-formed in SVG and
 * JSON-LD, and byte-exact in the downloads.
 */
import { buildAndServeRoot, type ServedRoot } from '../support/fixture-roots.ts';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT = join(import.meta.dirname, '..', '..');
const HOSTILE_ROOT = join(PROJECT, 'test', 'fixtures', 'valid', 'hostile');

/** The hostile strings as the fixture files hold them (after YAML and CSV unquoting). */
const HOSTILE = {
  note: 'Includes <script>alert(1)</script> and "quoted" </svg> text, with a comma',
  areaName: 'Testshire <b>x</b>',
  measureTitle: "Widget thefts <img src=x onerror=alert('title')>",
  prioritySummary: "Widgets {not an expression} and {alert('braces')} & <em>priority-summary-marker</em>",
  definition: "Counts </script><script>alert('definition')</script> widgets, with a line separator:\u2028here.",
  comparatorLabel: "England </text><script>alert('comparator')</script>",
  periodLabel: '2023 &amp; <u>label-marker</u>',
  unitLabel: 'thefts <u>unit-label-marker</u>',
  caveat: 'Caveat <!-- opens a comment, ]]> closes CDATA and &amp; stays text',
  recommendation: `Click <a href="javascript:alert('action')">action-link-marker</a> to count.`,
  progressNote: 'Progress <iframe src="https://evil.example"></iframe> ]]> progress-note-marker',
  target: "A 10% reduction in widget thefts </li><script>alert('target')</script>",
  siteDescription: 'Synthetic partnership for the safe-rendering test: <marquee>site-description-marker</marquee> & friends.',
  source: 'Table 1 <style>body{display:none}</style>',
} as const;

/** Which page must show which hostile text, as text a reader sees. */
const SHOWN_ON: Record<string, readonly (keyof typeof HOSTILE)[]> = {
  '/': ['siteDescription'],
  '/measures/widget-thefts/': ['measureTitle', 'note', 'areaName', 'definition', 'comparatorLabel', 'caveat'],
  '/plans/2024-27/priorities/safer-widgets/': ['prioritySummary', 'measureTitle'],
  '/plans/2024-27/actions/count-the-widgets/': ['recommendation', 'progressNote'],
  '/plans/2024-27/': ['target'],
};

test.describe.configure({ mode: 'serial' });
// With the policy in force an injected inline script would be blocked anyway; bypass it so the
// dialog check below detects markup that escaped, not just a policy that caught it.
test.use({ bypassCSP: true });

let output = '';
let dist = '';
let served: ServedRoot | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  output = mkdtempSync(join(tmpdir(), 'snd-hostile-'));
  served = await buildAndServeRoot(HOSTILE_ROOT, output);
  ({ dist, origin } = served);
});

test.afterAll(async () => {
  await served?.close();
});

/** URL paths of every built HTML page, e.g. "/measures/widget-thefts/". */
function builtPages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replaceAll('\\', '/').replace(/index\.html$/, '')}`)
    .sort();
}

function builtFile(path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

/** What the DOM of a loaded page holds that only injected markup could have created. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute)) found.push(`<${element.localName} ${attribute}>`);
      }
      if (element.localName === 'script' && element.getAttribute('type') !== 'application/ld+json' && /alert\(/.test(element.textContent ?? '')) {
        found.push(`<script>${element.textContent}</script>`);
      }
      if (element.localName === 'a' && /^\s*javascript:/i.test(element.getAttribute('href') ?? '')) found.push(`<a href="${element.getAttribute('href')}">`);
      if (['iframe', 'marquee'].includes(element.localName)) found.push(`<${element.localName}>`);
      if (element.localName === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
      if (element.localName === 'style' && /display:\s*none/.test(element.textContent ?? '') && element.closest('body')) found.push('<style> in body');
      // Markers wrapped in tags by the fixture: as text they sit inside a longer text node.
      if (['b', 'em', 'u'].includes(element.localName) && /marker$|^x$/.test(element.textContent ?? '')) found.push(`<${element.localName}>${element.textContent}`);
    }
    return found;
  });
}

test('the hostile root builds', () => {
  expect(builtPages()).toEqual(expect.arrayContaining(Object.keys(SHOWN_ON)));
});

test('no page creates an element or runs a script from the hostile text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  for (const path of builtPages()) {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    expect(await injectedElements(page), path).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});

test('the hostile text reaches readers as the exact text written', async ({ page }) => {
  for (const [path, keys] of Object.entries(SHOWN_ON)) {
    await page.goto(`${origin}${path}`);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const key of keys) expect(text, `${key} on ${path}`).toContain(HOSTILE[key]);
  }
});

test('the HTML source holds the text escaped', () => {
  const measure = builtFile('measures/widget-thefts/index.html');
  expect(measure).toContain('Includes &lt;script&gt;alert(1)&lt;/script&gt; and &quot;quoted&quot; &lt;/svg&gt; text, with a comma');
  expect(measure).toContain('<h1>Widget thefts &lt;img src=x onerror=alert(&#39;title&#39;)&gt;</h1>');
  expect(builtFile('plans/2024-27/priorities/safer-widgets/index.html')).toContain('{not an expression} and {alert(&#39;braces&#39;)} &amp; &lt;em&gt;priority-summary-marker&lt;/em&gt;');
  // Text that looks like an entity stays text: "&amp;" is shown, so it is written "&amp;amp;".
  expect(measure).toContain('Caveat &lt;!-- opens a comment, ]]&gt; closes CDATA and &amp;amp; stays text');
});

test('chart SVG stays well-formed: the note\'s </svg> does not close it', async ({ page }) => {
  const html = builtFile('measures/widget-thefts/index.html');
  const svgs = html.match(/<svg[\s>][\s\S]*?<\/svg>/g) ?? [];
  expect(svgs.length).toBeGreaterThan(0);
  expect(html.match(/<svg[\s>]/g)?.length).toBe((html.match(/<\/svg>/g) ?? []).length);
  const parsed = await page.evaluate((sources) => {
    return sources.map((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      return error ? `parse error: ${error.textContent}` : doc.documentElement.localName;
    });
  }, svgs);
  expect(parsed).toEqual(svgs.map(() => 'svg'));
  // The chart itself carries the note as an attribute value, escaped, inside the one <svg>.
  const chart = svgs.find((svg) => svg.includes('data-note='))!;
  expect(chart).toContain('data-note="Includes &lt;script&gt;alert(1)&lt;/script&gt; and &quot;quoted&quot; &lt;/svg&gt; text, with a comma"');
});

test('JSON-LD parses and holds the text with <, > and & escaped', () => {
  const html = builtFile('measures/widget-thefts/index.html');
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  expect(block).not.toMatch(/[<>\u2028\u2029]/);
  expect(block).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(');
  const dataset = JSON.parse(block!) as { name: string; description: string };
  expect(dataset.name).toContain(HOSTILE.measureTitle);
  expect(dataset.description).toContain(HOSTILE.definition);
});

test('downloads hold the text exactly, as data', () => {
  // The measure's CSV is the committed release, byte for byte.
  const committed = readFileSync(join(HOSTILE_ROOT, 'data', 'measures', 'widget-thefts', '2025-07-24.csv'), 'utf8');
  expect(builtFile('data/measures/widget-thefts.csv')).toBe(committed);
  const rows = parseCsv(builtFile('data/measures/widget-thefts.csv'), { columns: true }) as Record<string, string>[];
  expect(rows[0]).toMatchObject({ note: HOSTILE.note, area_name: HOSTILE.areaName, period_label: HOSTILE.periodLabel, source: HOSTILE.source });

  const json = JSON.parse(builtFile('data/measures/widget-thefts.json')) as unknown;
  const jsonText = JSON.stringify(json);
  for (const key of ['note', 'areaName', 'measureTitle', 'definition', 'comparatorLabel'] as const) {
    expect(jsonText, key).toContain(JSON.stringify(HOSTILE[key]).slice(1, -1));
  }

  const tidy = parseCsv(builtFile('downloads/2024-27/data.csv'), { columns: true }) as Record<string, string>[];
  const first = tidy.find((row) => row.period === '2023' && row.area_code === 'E06999999')!;
  expect(first).toMatchObject({ measure: 'widget-thefts', note: HOSTILE.note, area_name: HOSTILE.areaName, period_label: HOSTILE.periodLabel });
  for (const row of tidy) {
    for (const [column, cell] of Object.entries(row)) {
      if (column !== 'value') expect(cell, `${column} "${cell}"`).not.toMatch(/^[=+\-@\t\r]/);
    }
  }
});

test('the updates feed is well-formed XML whose HTML text shows the hostile text as text', async ({ page }) => {
  const xml = builtFile('updates.xml');
  const result = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    // Atom type="html" text is escaped HTML: a feed reader parses it as HTML, so do the same.
    const asHtml = [...doc.querySelectorAll('entry > title, entry > summary')].map((element) => {
      const html = new DOMParser().parseFromString(element.textContent ?? '', 'text/html');
      return { type: element.getAttribute('type'), text: html.body.textContent ?? '', elements: [...html.body.querySelectorAll('*')].map((e) => e.localName) };
    });
    return { error: doc.querySelector('parsererror')?.textContent ?? null, asHtml };
  }, xml);
  expect(result.error).toBeNull();
  const title = result.asHtml.find((entry) => entry.text.startsWith(HOSTILE.measureTitle))!;
  expect(title).toEqual({ type: 'html', text: `${HOSTILE.measureTitle}: first figures published`, elements: [] });
  const progress = result.asHtml.find((entry) => entry.text === HOSTILE.progressNote)!;
  expect(progress).toEqual({ type: 'html', text: HOSTILE.progressNote, elements: [] });
});
