/**
 * No third parties, strict policy. Readers of a community safety site should not be tracked or
 * exposed to anyone else's code: every page carries a Content Security Policy that allows only the
 * site itself (plus hashes Astro computes for its own inline code), the built HTML has nothing the
 * policy would have to loosen for (inline handlers, style attributes), and a crawl of every page in
 * a real browser sees no request leave the site and no policy violation.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DESKTOP, batches, crawlPaths, expect, filesUnder, htmlFiles, redirectTarget, test } from '../support/crawl.ts';
import { dist, pageModel } from '../support/site.ts';

/** The policy's directives, by name, from a built page; undefined when the page has no policy. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  if (metas.length !== 1) return undefined;
  const policy = new Map<string, string[]>();
  for (const part of metas[0]![1]!.replaceAll('&#39;', "'").split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

/** Sources a directive may list: our origin, nothing, and hashes of our own inline code. */
function allowedSource(directive: string, source: string): boolean {
  if (source === "'self'" || source === "'none'") return true;
  if (/^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(source)) return directive === 'script-src' || directive === 'style-src';
  // Inline images (the charts' PNG export draws an SVG data: URL onto a canvas).
  if (source === 'data:') return directive === 'img-src';
  // Pagefind compiles its WebAssembly search engine; this allows no JavaScript eval.
  if (source === "'wasm-unsafe-eval'") return directive === 'script-src';
  return false;
}

const REQUIRED: Record<string, string> = {
  'default-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Every built HTML page, read once. Astro's redirect pages are kept apart (see below). */
const built = htmlFiles().map((file) => ({ file, html: readFileSync(join(dist, file), 'utf8') }));
const pagesWithContent = built.filter((p) => !redirectTarget(p.html));

test('every page carries a strict Content Security Policy that allows only this site', () => {
  expect(pagesWithContent.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const { file, html } of pagesWithContent) {
    const policy = policyOf(html);
    if (!policy) {
      problems.push(`${file}: no single <meta http-equiv="content-security-policy">`);
      continue;
    }
    // A policy in a <meta> only governs what comes after it, so it must precede every style and script.
    const at = html.search(/<meta http-equiv="content-security-policy"/i);
    // (JSON-LD is data, which no policy governs, so it may come first.)
    const firstCode = html.search(/<(script(?![^>]*type="application\/ld\+json")|style|link rel="stylesheet")\b/i);
    if (firstCode !== -1 && firstCode < at) problems.push(`${file}: a <script> or <style> comes before the policy`);
    for (const [name, value] of Object.entries(REQUIRED)) {
      if (policy.get(name)?.join(' ') !== value) problems.push(`${file}: ${name} is "${policy.get(name)?.join(' ')}", expected "${value}"`);
    }
    for (const directive of ['script-src', 'style-src']) {
      if (!policy.has(directive)) problems.push(`${file}: no ${directive} (it would fall back to default-src, but say it explicitly)`);
    }
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        if (!allowedSource(directive, source)) problems.push(`${file}: ${directive} allows ${source}`);
      }
    }
  }
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
});

test("every inline script and style is covered by the policy's hashes (or the browser would block it)", () => {
  const problems: string[] = [];
  for (const { file, html } of pagesWithContent) {
    const policy = policyOf(html);
    if (!policy) continue;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)) {
      // JSON-LD is data, not script: the policy does not apply to it.
      if (/type="application\/(ld\+)?json"/i.test(m[1]!)) continue;
      if (!policy.get('script-src')?.includes(hash(m[2]!))) problems.push(`${file}: inline <script> not in script-src: ${m[2]!.slice(0, 60)}`);
    }
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (!policy.get('style-src')?.includes(hash(m[1]!))) problems.push(`${file}: inline <style> not in style-src: ${m[1]!.slice(0, 60)}`);
    }
  }
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
});

test('no page has inline event handlers, style attributes or javascript: URLs', () => {
  // The policy blocks all three (no 'unsafe-inline', no 'unsafe-hashes'), so any of them is a
  // feature that silently does not work in readers' browsers.
  const problems: string[] = [];
  for (const { file, html } of built) {
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
    for (const m of markup.matchAll(/<[a-zA-Z][^>]*?\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      problems.push(`${file}: ${m[1]}=${m[2]!.slice(0, 60)}`);
    }
    for (const m of markup.matchAll(/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) problems.push(`${file}: ${m[0]}`);
  }
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
});

test('no page or stylesheet loads anything from another site (fonts, scripts, styles, images, frames)', () => {
  const problems: string[] = [];
  for (const { file, html } of built) {
    // Links readers follow (<a href>) and the canonical/alternate addresses may point anywhere;
    // what the browser fetches by itself may not.
    for (const m of html.matchAll(/<(script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*\s(?:src|srcset|data|poster)\s*=\s*"([^"]*)"/gi)) {
      if (/(^|,\s*)(https?:)?\/\//i.test(m[2]!)) problems.push(`${file}: <${m[1]}> loads ${m[2]}`);
    }
    for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
      const rel = /rel="([^"]*)"/i.exec(m[0])?.[1] ?? '';
      const href = /href="([^"]*)"/i.exec(m[0])?.[1] ?? '';
      if (!/\b(canonical|alternate|license)\b/i.test(rel) && /^(https?:)?\/\//i.test(href)) problems.push(`${file}: <link rel="${rel}"> loads ${href}`);
    }
    for (const m of html.matchAll(/<form\b[^>]*action="([^"]*)"/gi)) {
      if (/^(https?:)?\/\//i.test(m[1]!)) problems.push(`${file}: a form posts to ${m[1]}`);
    }
  }
  const styles = [
    ...built.flatMap(({ file, html }) => [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => ({ file, css: m[1]! }))),
    ...filesUnder(['_astro']).filter((f) => f.endsWith('.css')).map((f) => ({ file: f, css: readFileSync(join(dist, f), 'utf8') })),
  ];
  for (const { file, css } of styles) {
    for (const m of css.matchAll(/url\(\s*["']?((https?:)?\/\/[^)"']+)/gi)) problems.push(`${file}: CSS loads ${m[1]}`);
    for (const m of css.matchAll(/@import\s+[^;]+/gi)) problems.push(`${file}: CSS ${m[0]}`);
    // Fonts are the system's own: a web font would be one more thing to host and fetch.
    if (/@font-face/i.test(css)) problems.push(`${file}: declares a web font (@font-face)`);
  }
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
});

test("Astro's redirect pages hold no code, so they need no policy", () => {
  // Astro writes these itself, outside our layout, so they carry no CSP <meta>. That is safe only
  // while they contain nothing the policy would govern: a refresh, a canonical link and a link.
  for (const { file, html } of built.filter((p) => redirectTarget(p.html))) {
    expect(html, file).not.toMatch(/<(script|style|img|iframe|link rel="stylesheet")\b/i);
    expect(html, file).not.toMatch(/(src|href)="(https?:)?\/\//i);
  }
});

/* ---------- In the browser: every page, as readers get it ---------- */

interface Findings {
  offsite: string[];
  violations: string[];
  errors: string[];
}
const findings = new WeakMap<Page, Findings>();

/**
 * Installs the listeners on the worker's page once: requests to any other origin, policy
 * violations (the page's own securitypolicyviolation events, and the console messages Chromium
 * writes for them) and uncaught script errors.
 */
async function watch(page: Page, origin: string): Promise<Findings> {
  const existing = findings.get(page);
  if (existing) return existing;
  const found: Findings = { offsite: [], violations: [], errors: [] };
  findings.set(page, found);
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url)) found.offsite.push(`${page.url()} requested ${url}`);
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) found.violations.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => found.errors.push(`${page.url()}: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => found.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  return found;
}

function drain(found: Findings): string[] {
  const all = [...found.offsite, ...found.violations, ...found.errors];
  found.offsite.length = 0;
  found.violations.length = 0;
  found.errors.length = 0;
  return all;
}

const pages = [...crawlPaths(), '/404.html', '/no-such-page/'];

for (const batch of batches(pages, 12)) {
  test(`no request leaves the site and the policy blocks nothing: ${batch.label}`, async ({ shared: page, baseURL }) => {
    await page.setViewportSize(DESKTOP);
    const found = await watch(page, new URL(baseURL!).origin);
    drain(found);
    for (const path of batch.paths) {
      await page.goto(path, { waitUntil: 'load' });
    }
    // Let late work (deferred modules, lazy images) finish on the last page before judging.
    await page.waitForLoadState('networkidle');
    const problems = drain(found);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('interactive features keep to the policy: search, chart tooltips and chart downloads', async ({ shared: page, baseURL }) => {
  await page.setViewportSize(DESKTOP);
  const found = await watch(page, new URL(baseURL!).origin);
  drain(found);

  // Search loads Pagefind (JavaScript and WebAssembly) and its index from our own origin.
  await page.goto('/search/?q=knife');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main')).toContainText(/knife/i);

  // A measure with a chart: move through its values with the keyboard and export it in each
  // format offered (the script serialises the SVG and draws it on a canvas, both policy-sensitive).
  const measure = pageModel().measures.find((m) => m.slug === 'knife-crime') ?? pageModel().measures.find((m) => m.vintages.length > 0)!;
  await page.goto(`/measures/${measure.slug}/`);
  // The chart's data points are its keyboard stops; the tooltip follows the focused one.
  await page.locator('main svg [tabindex]').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const exports = page.getByRole('button', { name: /^Download chart/ });
  await expect(exports.first(), 'the chart script adds its download buttons').toBeVisible();
  for (let i = 0; i < (await exports.count()); i++) {
    const download = page.waitForEvent('download');
    await exports.nth(i).click();
    await download;
  }
  await page.waitForLoadState('networkidle');
  const problems = drain(found);
  expect(problems, problems.join('\n')).toEqual([]);
});
