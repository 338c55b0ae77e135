/**
 * The pipeline runs one way, and every file under src/ has its place in it:
 *
 *   contract (schemas, format) < read < validate < derive < outputs (charts, downloads, sharing,
 *   updates, views, search) < pages (pages, components, layouts, scripts)
 *
 * with orchestration (build, import, scaffold, bench, report) and the command-line entries (cli) beside
 * the pages, using the library but never used by it. This reads every import in src/ and fails on
 * one that reaches up a layer, on a file in no layer, and on a page or component that reaches
 * read, validate, derive or orchestration code at run time through any chain of imports (a type
 * import is erased and costs nothing at run time, so it may name a derive/ type).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

const LAYERS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['contract', /^lib\/(schemas|format)\//],
  ['read', /^lib\/read\//],
  ['validate', /^lib\/validate\//],
  ['derive', /^lib\/derive\//],
  ['outputs', /^lib\/(charts|downloads|sharing|updates|views|search)\//],
  ['pages', /^(pages|components|layouts|scripts|styles)\/|^content\.config\.ts$|^env\.d\.ts$/],
  ['orchestration', /^lib\/(build|import|scaffold|bench|report)\//],
  ['entries', /^cli\//],
];
const PAGES = 5;
const ORCHESTRATION = 6;

/** Index of a file's layer in LAYERS (path below src/), or undefined for a file in none. */
function layerOf(path: string): number | undefined {
  const index = LAYERS.findIndex(([, pattern]) => pattern.test(path));
  return index === -1 ? undefined : index;
}

interface Import {
  readonly specifier: string;
  /** Erased when compiled: `import type`, `export type`, or every name marked `type`. */
  readonly typeOnly: boolean;
}

/** Relative module specifiers imported (statically or dynamically) or re-exported by `text`. */
function importsOf(source: string): Import[] {
  // Comments go first: "Pages and components import nothing from ..." is prose, not an import.
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|\s)(import|export)(\s+type\b)?([^'"`;]*?)from\s*['"](\.[^'"]+)['"]/gm)) {
    const names = /\{([^}]*)\}/.exec(m[3] ?? '')?.[1];
    const everyNameIsType = names !== undefined && !/^\s*\w+\s*,/.test(m[3] ?? '') && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
    found.push({ specifier: m[4]!, typeOnly: m[2] !== undefined || everyNameIsType });
  }
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm)) found.push({ specifier: (m[1] ?? m[2])!, typeOnly: false });
  return found;
}

/** Every way `files` (path below src/ -> text) breaks the layering, one line each. */
function layerProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const edges = new Map<string, { to: string; typeOnly: boolean }[]>();
  for (const [from, text] of files) {
    const fromLayer = layerOf(from);
    if (fromLayer === undefined) {
      if (/\.(ts|astro|mjs)$/.test(from)) problems.push(`${from} is in no layer`);
      continue;
    }
    const out: { to: string; typeOnly: boolean }[] = [];
    for (const { specifier, typeOnly } of importsOf(text)) {
      const to = posix.normalize(posix.join(posix.dirname(from), specifier));
      if (!files.has(to)) continue;
      out.push({ to, typeOnly });
      const toLayer = layerOf(to);
      if (toLayer === undefined) continue;
      const name = (layer: number) => LAYERS[layer]![0];
      if (toLayer === PAGES && fromLayer !== PAGES) problems.push(`${from} -> ${to}: only pages use pages and components`);
      else if (toLayer > fromLayer) problems.push(`${from} -> ${to}: ${name(fromLayer)} reaches up to ${name(toLayer)}`);
      else if (fromLayer === PAGES && toLayer >= 1 && toLayer <= 3 && !typeOnly) problems.push(`${from} -> ${to}: pages render views, they do not ${name(toLayer)}`);
    }
    edges.set(from, out);
  }
  // What a page or component runs: everything its run-time imports reach, however indirectly.
  for (const [page] of files) {
    if (layerOf(page) !== PAGES) continue;
    const seen = new Map<string, string>([[page, page]]);
    const queue = [page];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const { to, typeOnly } of edges.get(from) ?? []) {
        if (typeOnly || seen.has(to)) continue;
        seen.set(to, `${seen.get(from)} -> ${to}`);
        const layer = layerOf(to);
        if (layer !== undefined && ((layer >= 1 && layer <= 3) || layer >= ORCHESTRATION)) problems.push(`${seen.get(to)}: a page reaches ${LAYERS[layer]![0]} code at run time`);
        else queue.push(to);
      }
    }
  }
  return problems.sort();
}

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|astro|mjs|css)$/.test(entry.name)) yield path;
  }
}

function sourceTree(): Map<string, string> {
  return new Map([...sourceFiles(SRC)].map((file) => [relative(SRC, file).replaceAll('\\', '/'), readFileSync(file, 'utf8')]));
}

test('every file in src/ has a layer, no import reaches back up, and no page runs pipeline code', () => {
  assert.deepEqual(layerProblems(sourceTree()), [], `layers, first to last: ${LAYERS.map(([name]) => name).join(' < ')}`);
});

test('planted violations are caught: an upward import, a file in no layer, a page reaching derive/ through a view', () => {
  const tree = new Map([
    ['lib/schemas/site.ts', `import { parse } from '../read/csv.ts';`],
    ['lib/read/csv.ts', ``],
    ['lib/derive/series.ts', ``],
    ['lib/views/site-data.ts', `import { series } from '../derive/series.ts';\nimport type { Series } from '../derive/series.ts';`],
    ['lib/loose.ts', ``],
    ['lib/build/site.ts', `import { x } from '../../pages/index.astro';`],
    ['pages/index.astro', `---\nimport { load } from '../lib/views/site-data.ts';\nimport type { Series } from '../lib/derive/series.ts';\n---`],
    ['components/Chart.astro', `---\nimport { series } from '../lib/derive/series.ts';\n---`],
  ]);
  assert.deepEqual(layerProblems(tree), [
    'components/Chart.astro -> lib/derive/series.ts: a page reaches derive code at run time',
    'components/Chart.astro -> lib/derive/series.ts: pages render views, they do not derive',
    'lib/build/site.ts -> pages/index.astro: only pages use pages and components',
    'lib/loose.ts is in no layer',
    'lib/schemas/site.ts -> lib/read/csv.ts: contract reaches up to read',
    'pages/index.astro -> lib/views/site-data.ts -> lib/derive/series.ts: a page reaches derive code at run time',
  ]);
});

test('the import reader sees the forms src/ uses, and tells type-only imports apart', () => {
  assert.deepEqual(
    importsOf(`/** Pages import\n nothing from */\n// import b from './z.ts';\nimport a from './a.ts';\nimport type { B } from "../b.ts";\nexport * from './c.ts';\nconst d = await import('./d.ts');\nimport './e.css';\nimport x from 'node:fs';\nimport { type F, type G } from './f.ts';\nimport { type H, i } from './h.ts';\nexport type { J } from './j.ts';`),
    [
      { specifier: './a.ts', typeOnly: false },
      { specifier: '../b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './f.ts', typeOnly: true },
      { specifier: './h.ts', typeOnly: false },
      { specifier: './j.ts', typeOnly: true },
      { specifier: './d.ts', typeOnly: false },
      { specifier: './e.css', typeOnly: false },
    ],
  );
  assert.equal(layerOf('lib/read/csv.ts'), 1);
  assert.equal(layerOf('lib/validate/data.ts'), 2);
  assert.equal(layerOf('pages/index.astro'), PAGES);
  assert.equal(layerOf('lib/build/site.ts'), ORCHESTRATION);
  assert.equal(layerOf('lib/loose.ts'), undefined);
});
