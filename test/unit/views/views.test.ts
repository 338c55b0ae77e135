/**
 * The views the data step computes for the pages (src/lib/views): plain JSON that survives a round
 * trip unchanged (no Date, no Map, no undefined field), one lead chart per measure chosen once and
 * shared by the page, the embed and the preview image, and pages that only render: nothing under
 * src/pages, src/components or src/layouts imports the read, validate or derive code.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { test } from 'node:test';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { readSearchTerms } from '../../../src/lib/search/read-terms.ts';
import { measureViews } from '../../../src/lib/views/measure.ts';
import { measureRecord, modelIndex } from '../../../src/lib/views/record.ts';
import { siteViews } from '../../../src/lib/views/site.ts';
import type { MeasureViews, TargetView } from '../../../src/lib/views/types.ts';
import { FIXTURES, MINIMAL_ROOT, PROJECT, TODAY } from '../../support/fixture-roots.ts';

const SITE_ROOT = 'https://example.org/site/';

/** A valid fixture root: a whole root as it is, or an overlay (with a README.md) laid over a copy of the minimal one. */
function fixtureRoot(name: string): string {
  const folder = join(FIXTURES, 'valid', name);
  if (existsSync(join(folder, 'content', 'site.yaml'))) return folder;
  const root = mkdtempSync(join(tmpdir(), `snd-views-${name}-`));
  cpSync(MINIMAL_ROOT, root, { recursive: true });
  cpSync(folder, root, { recursive: true });
  rmSync(join(root, 'README.md'), { force: true });
  return root;
}

/** The real site's newest releases are dated 2026-12-01; a fixed day keeps the test off the clock. */
const REAL_SITE_TODAY = '2026-12-01';
const ROOTS: readonly { name: string; root: string; today: string }[] = [
  { name: 'minimal', root: MINIMAL_ROOT, today: TODAY },
  { name: 'revisions', root: fixtureRoot('revisions'), today: TODAY },
  { name: 'hostile', root: fixtureRoot('hostile'), today: TODAY },
  { name: 'other-partnership', root: fixtureRoot('other-partnership'), today: TODAY },
  { name: 'the real site', root: PROJECT, today: REAL_SITE_TODAY },
];

function viewsOf({ root, today }: { root: string; today: string }): { measures: MeasureViews[]; site: ReturnType<typeof siteViews> } {
  const { model, diagnostics } = loadSite({ root, today });
  assert.ok(model, `${root} is valid: ${diagnostics.map((d) => d.message).join('; ')}`);
  const { page } = buildPageModel(model, today);
  const index = modelIndex(page);
  const measures = model.measures.map((m) => measureViews(measureRecord(index, m, SITE_ROOT)));
  const targets = new Map<string, readonly TargetView[]>(measures.map((v, i) => [model.measures[i]!.id, v.planTargets]));
  const { groups, filterNames, questions } = readSearchTerms(root);
  return { measures, site: siteViews(page, targets, { groups, filterNames, questions }) };
}

for (const fixture of ROOTS) {
  test(`views of ${fixture.name} are plain JSON: a round trip changes nothing`, () => {
    const { measures, site } = viewsOf(fixture);
    assert.ok(measures.length > 0);
    for (const view of measures) assert.deepStrictEqual(JSON.parse(JSON.stringify(view)), view, view.page.slug);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(site)), site);
  });
}

test('a measure with figures has one lead chart: the embed shows it without the earlier releases, the page offers them', () => {
  const { measures, site } = viewsOf(ROOTS.at(-1)!);
  const withEmbed = measures.filter((m) => m.embed);
  assert.deepEqual(withEmbed.map((m) => m.page.slug).sort(), [...site.embeds].sort(), 'an embed page exactly for each measure with a lead chart');
  for (const m of withEmbed) {
    const page = m.page.figures!.chart;
    const embed = m.embed!.chart;
    assert.equal(page.kind, embed.kind, m.page.slug);
    assert.equal(page.summary, embed.summary, `${m.page.slug}: the same summary on the page and the embed`);
    assert.ok(m.ogSvg?.startsWith('<svg'), `${m.page.slug} has a preview image`);
    assert.equal(m.page.socialImage?.alt, embed.desc, `${m.page.slug}: the preview's alt text is the embed chart's description`);
    assert.match(m.page.embedSnippet ?? '', /<iframe /);
    if (embed.kind === 'line') assert.deepEqual(embed.vintages, [], 'an embed draws the current release alone');
  }
  const offered = withEmbed.filter((m) => {
    const chart = m.page.figures!.chart;
    return chart.kind === 'line' && chart.vintages.length > 0;
  });
  assert.ok(offered.length > 0, 'some measure page offers an earlier release to compare');
  const bars = measures.filter((m) => m.page.figures?.chart.kind === 'bar');
  for (const m of bars) assert.equal(m.page.figures!.chartHeading, 'How areas compare');
  for (const m of measures.filter((x) => !x.page.figures)) {
    assert.equal(m.embed, undefined, `${m.page.slug}: no figures, no embed`);
    assert.equal(m.page.socialImage, undefined);
  }
});

test("the search page's question about crime is answered by total recorded crime and victim-based crime, each figure with its area and period", () => {
  const { site } = viewsOf(ROOTS.at(-1)!);
  const answers = site.search.questions?.[0]?.answers ?? [];
  assert.deepEqual(answers.map((a) => [a.slug, a.title]), [['total-recorded-crime', 'Total recorded crime (excluding fraud)'], ['victim-based-crime', 'Victim-Based Crime']]);
  for (const answer of answers) {
    assert.ok(answer.latest, `${answer.slug} has a latest figure`);
    assert.equal(answer.latest.unitLabel, 'offences');
    assert.equal(answer.latest.areaName, 'Nottingham');
    assert.match(answer.latest.periodLabel, /^year ending [A-Z][a-z]+ \d{4}$/);
    assert.match(answer.latest.sentence, new RegExp(`^Figure for ${answer.latest.periodLabel}, `));
    assert.match(answer.latest.valueText, /^\d{1,3}(,\d{3})*$/);
  }
  // A site whose word list has no questions sends none.
  assert.equal(viewsOf(ROOTS[0]!).site.search.questions, undefined);
});

test('release pages are listed for exactly the releases the measure page sends to a page of their own', () => {
  const { measures, site } = viewsOf(ROOTS.at(-1)!);
  const own = measures.flatMap((m) => m.page.releases.filter((r) => r.revisionsOnOwnPage).map((r) => `${m.page.slug}/${r.date}`));
  assert.ok(own.length > 0, 'the real site has a release that revised more figures than a measure page lists');
  assert.deepEqual(site.releasePages.map((r) => `${r.slug}/${r.date}`).sort(), own.sort());
});

/** Every module specifier a file imports (static imports and re-exports, type-only included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]!);
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts|mdx?)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('pages, components and layouts import nothing from src/lib/read, src/lib/validate or src/lib/derive', () => {
  const forbidden = ['read', 'validate', 'derive'].map((name) => join(PROJECT, 'src', 'lib', name));
  const files = ['pages', 'components', 'layouts'].flatMap((folder) => filesBelow(join(PROJECT, 'src', folder)));
  assert.ok(files.length > 30, 'the scan finds the page files');
  const offending: string[] = [];
  let scanned = 0;
  for (const file of files) {
    for (const specifier of importsOf(file)) {
      scanned++;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (forbidden.some((folder) => target === folder || target.startsWith(`${folder}/`))) offending.push(`${relative(PROJECT, file)} imports ${specifier}`);
    }
  }
  assert.ok(scanned > 100, 'the scan reads the imports');
  assert.deepEqual(offending, []);
});

test('the import scan sees a forbidden import, type-only or not', () => {
  const sample = "import { a } from '../lib/derive/x.ts';\nimport type { B } from '../../lib/read/y.ts';\n";
  const specifiers = [...sample.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]!);
  assert.deepEqual(specifiers, ['../lib/derive/x.ts', '../../lib/read/y.ts']);
});
