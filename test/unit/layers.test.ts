/**
 * The pipeline runs one way: schemas, model, periods, formats and diagnostics < read < validate <
 * derive < downloads, views and charts < pages and components. This reads every import in src/ and
 * fails on one that reaches up a layer, so a shortcut back up is caught when it is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Layer of a file (path below src/), higher is further along the pipeline; undefined for files
 * outside the layers (cli, build, bench, scaffold, import, search, scripts), which may use any.
 */
function layerOf(path: string): number | undefined {
  const rules: [RegExp, number][] = [
    [/^lib\/(schemas\/|format\/|model\.ts$|period\.ts$|diagnostics\.ts$|paths\.ts$)/, 0],
    [/^lib\/read\//, 1],
    [/^lib\/validate\//, 2],
    // page-model.ts is types only: the page model's shapes, which derive/ fills in (headlines, judgements).
    [/^lib\/(derive\/|pipeline\.ts$|page-model\.ts$)/, 3],
    [/^lib\/(downloads|charts|sharing|updates)\/|^lib\/(build-model|site-data)\.ts$/, 4],
    [/^(pages|components|layouts)\//, 5],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1];
}

const LAYER_NAMES = ['schemas/model/period/format/diagnostics', 'read', 'validate', 'derive/page-model types', 'downloads/views/charts', 'pages/components'];

/**
 * Imports that still go the wrong way, each with what removes it. The list only shrinks: an entry
 * that no longer occurs fails the test too, so it is deleted when the import goes.
 */
const KNOWN_EXCEPTIONS = new Set<string>([
]);

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|astro|mjs)$/.test(entry.name)) yield path;
  }
}

/** Relative module specifiers imported (statically or dynamically) or re-exported by `text`. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:^|\s)(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm)];
  return found.map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Every import from a file of one layer into a file of a later one, as "from -> to". */
function upwardImports(): string[] {
  const upward: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).replaceAll('\\', '/');
    const fromLayer = layerOf(from);
    const isLib = from.startsWith('lib/');
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const to = relative(SRC, resolve(dirname(file), specifier)).replaceAll('\\', '/');
      const toLayer = layerOf(to);
      // Nothing in src/lib runs a command-line entry: entries call the library, never the reverse.
      if (isLib && to.startsWith('cli/')) upward.push(`${from} -> ${to}`);
      if (fromLayer === undefined || toLayer === undefined) continue;
      // Pages and components render: nothing from read, validate or derive.
      const pageReachesBack = fromLayer === 5 && toLayer >= 1 && toLayer <= 3;
      if (toLayer > fromLayer || pageReachesBack) upward.push(`${from} -> ${to}`);
    }
  }
  return upward.sort();
}

test('no import reaches back up the pipeline', () => {
  const unexpected = upwardImports().filter((i) => !KNOWN_EXCEPTIONS.has(i));
  assert.deepEqual(unexpected, [], `layers, first to last: ${LAYER_NAMES.join(' < ')}`);
});

test('every listed exception still occurs (delete it once its import is gone)', () => {
  const occurring = new Set(upwardImports());
  assert.deepEqual([...KNOWN_EXCEPTIONS].filter((i) => !occurring.has(i)), []);
});

test('the import reader sees the forms src/ uses, so the check above cannot pass by missing them', () => {
  assert.deepEqual(
    importsOf(`import a from './a.ts';\nimport type { B } from "../b.ts";\nexport * from './c.ts';\nconst d = await import('./d.ts');\nimport './e.css';\nimport x from 'node:fs';`),
    ['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css'],
  );
  assert.equal(layerOf('lib/read/csv.ts'), 1);
  assert.equal(layerOf('lib/validate/data.ts'), 2);
  assert.equal(layerOf('pages/index.astro'), 5);
});
