/**
 * Page weight as a reader's browser receives it: a built page's HTML plus every same-origin
 * stylesheet and script it loads (following a module's static imports), each measured raw and
 * gzipped. CSS and JS inlined in the HTML are counted inside the HTML's bytes and also reported on
 * their own, so a budget on "JS" sees inline scripts too. Also checks, from the HTML alone, that a
 * measure page can be read without running any JavaScript.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzipped size of some bytes. */
export interface Size {
  readonly raw: number;
  readonly gzip: number;
}

/** gzip at level 6, the level most web servers and CDNs use. */
export function gzipSize(bytes: string | Uint8Array): number {
  return gzipSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { level: 6 }).length;
}

export function sizeOf(bytes: string | Uint8Array): Size {
  const raw = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  return { raw, gzip: gzipSize(bytes) };
}

const ZERO: Size = { raw: 0, gzip: 0 };
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** An HTML tag's attributes, lower-cased names; valueless attributes map to "". */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<\s*[\w-]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s"'=<>`\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e]!);
}

/** Script types that browsers execute; anything else (JSON-LD, templates) is data, not JS. */
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** What a page loads, as its HTML says. */
export interface PageAssets {
  /** href of each <link rel="stylesheet">, in document order. */
  readonly stylesheets: string[];
  /** src of each executable <script src>. */
  readonly scripts: string[];
  /** Text of each <style> element. */
  readonly inlineStyles: string[];
  /** Text of each executable inline <script>. */
  readonly inlineScripts: string[];
  /** Text of each inline <script> that is data (e.g. application/ld+json). */
  readonly dataScripts: string[];
}

/** Finds the stylesheets and scripts in an HTML document. */
export function pageAssets(html: string): PageAssets {
  const assets: PageAssets = { stylesheets: [], scripts: [], inlineStyles: [], inlineScripts: [], dataScripts: [] };
  // Comments may hold markup that is never loaded.
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const a = parseAttributes(m[0]);
    if (a.href && (a.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) assets.stylesheets.push(a.href);
  }
  for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) assets.inlineStyles.push(m[1]!);
  for (const m of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const a = parseAttributes(m[1]!);
    const type = (a.type ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) {
      assets.dataScripts.push(m[2]!);
      continue;
    }
    if (a.src !== undefined) assets.scripts.push(a.src);
    else if (m[2]!.trim()) assets.inlineScripts.push(m[2]!);
  }
  return assets;
}

/**
 * The file in dist/ that a same-origin URL on page `pagePath` (e.g. "/measures/x/") names, or
 * undefined for another origin or a data: URL. `base` is the site's base path ("/" or "/snd/").
 */
export function resolveSameOrigin(dist: string, pagePath: string, url: string, base = '/'): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  let path = clean.startsWith('/') ? clean : posix.join(pagePath.endsWith('/') ? pagePath : posix.dirname(pagePath), clean);
  path = posix.normalize(path);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (prefix !== '/' && path.startsWith(prefix)) path = `/${path.slice(prefix.length)}`;
  return join(dist, path);
}

/** Specifiers a JS module imports statically (import/export ... from "x", import "x"); dynamic import() is left out. */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g)) out.push(m[2]!);
  return out;
}

/** Weight of one page and what it loads. */
export interface PageWeight {
  readonly page: string;
  /** The HTML document (inline CSS and JS included). */
  readonly html: Size;
  /** Inline <style> text, also counted in `html`. */
  readonly inlineCss: Size;
  /** Linked stylesheets. */
  readonly css: Size;
  /** Executable inline <script> text, also counted in `html`. */
  readonly inlineJs: Size;
  /** Linked scripts and the modules they import. */
  readonly js: Size;
  /** Every executable script on the page, inline and linked: all of it enhancement when the page reads without JS. */
  readonly allJs: Size;
  /** What a first visit transfers: html + css + js. */
  readonly total: Size;
  /** Files counted besides the HTML, relative to dist. */
  readonly files: string[];
  /** Same-origin URLs the page names that are not in dist/. */
  readonly missing: string[];
}

/** Weighs the built page at `pagePath` ("/measures/x/") in `dist`. */
export function weighPage(dist: string, pagePath: string, base = '/'): PageWeight {
  const htmlFile = join(dist, pagePath, pagePath.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(htmlFile, 'utf8');
  const assets = pageAssets(html);
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const load = (url: string, from: string): { file: string; bytes: Buffer } | undefined => {
    const file = resolveSameOrigin(dist, from, url, base);
    if (!file || seen.has(file)) return undefined;
    seen.add(file);
    if (!existsSync(file)) {
      missing.push(url);
      return undefined;
    }
    files.push(file.slice(dist.length).replace(/^[\\/]+/, ''));
    return { file, bytes: readFileSync(file) };
  };
  let css = ZERO;
  for (const href of assets.stylesheets) {
    const got = load(href, pagePath);
    if (got) css = add(css, sizeOf(got.bytes));
  }
  let js = ZERO;
  const queue = assets.scripts.map((src) => ({ url: src, from: pagePath }));
  while (queue.length) {
    const { url, from } = queue.shift()!;
    const got = load(url, from);
    if (!got) continue;
    js = add(js, sizeOf(got.bytes));
    const urlPath = got.file.slice(dist.length).replaceAll('\\', '/');
    for (const spec of staticImports(got.bytes.toString('utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push({ url: spec, from: urlPath });
    }
  }
  // Inline scripts may import modules too.
  for (const inline of assets.inlineScripts) {
    for (const spec of staticImports(inline)) {
      const got = spec.startsWith('.') || spec.startsWith('/') ? load(spec, pagePath) : undefined;
      if (got) js = add(js, sizeOf(got.bytes));
    }
  }
  const htmlSize = sizeOf(html);
  const inlineCss = assets.inlineStyles.length ? sizeOf(assets.inlineStyles.join('\n')) : ZERO;
  const inlineJs = assets.inlineScripts.length ? sizeOf(assets.inlineScripts.join('\n')) : ZERO;
  return {
    page: pagePath,
    html: htmlSize,
    inlineCss,
    css,
    inlineJs,
    js,
    allJs: add(inlineJs, js),
    total: add(add(htmlSize, css), js),
    files,
    missing,
  };
}

/** What a reader without JavaScript gets on a measure page: chart, table and summary in the HTML itself. */
export interface ReadableWithoutJs {
  /** An <svg role="img"> with an accessible name (aria-label, aria-labelledby or <title>). */
  readonly chart: boolean;
  /** A <table> with at least one body row. */
  readonly table: boolean;
  /** The chart's text summary: a <figcaption> (or element with a "summary" class) of the chart's figure with words in it. */
  readonly summary: boolean;
  /** True when all three are there. */
  readonly ok: boolean;
}

/** Checks the static HTML of a measure page; nothing is executed. */
export function readableWithoutJs(html: string): ReadableWithoutJs {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '');
  const svgs = [...text.matchAll(/<svg\b[^>]*>([\s\S]*?)<\/svg>/gi)].filter((m) => {
    const a = parseAttributes(/<svg\b[^>]*>/i.exec(m[0])![0]);
    const named = Boolean(a['aria-label'] || a['aria-labelledby'] || /<title\b[^>]*>\s*\S/i.test(m[1]!));
    return a.role === 'img' && named;
  });
  const chart = svgs.length > 0;
  const table = [...text.matchAll(/<table\b[\s\S]*?<\/table>/gi)].some((m) => /<tbody\b[\s\S]*?<tr\b/i.test(m[0]) || (m[0].match(/<tr\b/gi)?.length ?? 0) > 1);
  const figures = [...text.matchAll(/<figure\b[\s\S]*?<\/figure>/gi)].map((m) => m[0]).filter((f) => /<svg\b[^>]*\brole=["']?img/i.test(f));
  const summary = figures.some((figure) => {
    const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(figure)?.[1] ?? /<(\w+)\b[^>]*class=["'][^"']*summary[^"']*["'][^>]*>([\s\S]*?)<\/\1>/i.exec(figure)?.[2] ?? '';
    return caption.replace(/<[^>]+>/g, ' ').trim().split(/\s+/).filter(Boolean).length >= 5;
  });
  return { chart, table, summary, ok: chart && table && summary };
}

/** Total bytes of the files below `dir` (0 if it does not exist). */
export function directorySize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Files below `dir` whose names end with `suffix`. */
export function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(suffix)).length;
}

/** The site path of the largest measure page (/measures/<slug>/, not its figures pages) below `dist`, if any. */
export function largestMeasurePage(dist: string): string | undefined {
  const measures = join(dist, 'measures');
  if (!existsSync(measures)) return undefined;
  let largest: { slug: string; raw: number } | undefined;
  for (const slug of readdirSync(measures)) {
    const file = join(measures, slug, 'index.html');
    if (!existsSync(file)) continue;
    const raw = statSync(file).size;
    if (!largest || raw > largest.raw) largest = { slug, raw };
  }
  return largest && `/measures/${largest.slug}/`;
}

/** The `count` largest HTML pages below `dist`, as site paths with raw and gzip sizes, largest first. */
export function largestPages(dist: string, count = 5): { page: string; raw: number; gzip: number }[] {
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ name, raw: statSync(join(dist, name)).size }))
    .sort((a, b) => b.raw - a.raw)
    .slice(0, count)
    .map(({ name, raw }) => ({
      page: `/${name.replaceAll('\\', '/').replace(/(^|\/)index\.html$/, '$1')}`,
      raw,
      gzip: gzipSize(readFileSync(join(dist, name))),
    }));
}
