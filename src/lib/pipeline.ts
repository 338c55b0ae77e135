/**
 * The whole read-and-validate pipeline, without Astro: content/ and data/ in, a validated
 * SiteModel (or every problem found) out. `npm run validate`, the build and the tests all call this.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measure, SiteModel } from './model.ts';
import { readCollection, readYamlFile, type ReadEntry } from './validate/content.ts';
import { actionSchema } from './schemas/action.ts';
import { measureSchema, type MeasureMeta } from './schemas/measure.ts';
import { planSchema } from './schemas/plan.ts';
import { prioritySchema } from './schemas/priority.ts';
import { siteSchema, type Site } from './schemas/site.ts';
import { readSearchTerms } from './search/read-terms.ts';
import { checkCrossReferences } from './validate/crossrefs.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import { validateMeasureData } from './validate/data.ts';
import { closest } from './validate/suggest.ts';
import { deriveMeasures } from './derive/derived-measures.ts';

/** Where to read from and what day it is (vintages dated after today are refused). */
export interface LoadOptions {
  /** Project root holding content/ and data/. */
  readonly root: string;
  /** Today's date, YYYY-MM-DD: passed in so results never depend on the machine clock. */
  readonly today: string;
}

/** The validated model when there were no problems, and every problem otherwise. */
export interface LoadResult {
  readonly model?: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
}

const MEASURES_DATA = 'data/measures';

/** Reads and validates everything the site is built from. */
export function loadSite({ root, today }: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const site = readYamlFile(root, 'content/site.yaml', siteSchema);
  diagnostics.push(...site.diagnostics);

  // The extensions are those the site loads (src/content.config.ts for plans and priorities): a file the site would not load must not pass.
  // The search word list is content too: validate and the build report its mistakes like any other file's.
  diagnostics.push(...readSearchTerms(root).diagnostics);

  const plans = readCollection(root, 'content/plans', { extensions: ['.mdx'], depth: 1, schema: planSchema, noun: 'plan' });
  const priorities = readCollection(root, 'content/priorities', { extensions: ['.mdx'], depth: 2, schema: prioritySchema, noun: 'priority' });
  const actions = readCollection(root, 'content/actions', { extensions: ['.md'], depth: 2, schema: actionSchema, noun: 'action' });
  const measures = readCollection(root, 'content/measures', { extensions: ['.md'], depth: 1, schema: measureSchema, noun: 'measure' });
  for (const collection of [plans, priorities, actions, measures]) diagnostics.push(...collection.diagnostics);
  if (plans.entries.length === 0 && plans.refusedIds.length === 0) {
    diagnostics.push({ file: 'content/plans', line: 1, column: 1, message: 'no plans found: add at least one content/plans/<plan-id>.mdx' });
  }

  diagnostics.push(
    ...checkCrossReferences({
      plans: plans.entries,
      priorities: priorities.entries,
      actions: actions.entries,
      measures: measures.entries,
      refused: { plans: plans.refusedIds, actions: actions.refusedIds, measures: measures.refusedIds },
    }),
  );

  const published = site.data ? readMeasureData(root, measures.entries, measures.refusedIds, site.data, today, diagnostics) : [];
  const measureModels = deriveMeasures(published, measures.entries, diagnostics);

  if (diagnostics.length > 0 || !site.data) {
    return { diagnostics: dedupe(diagnostics).sort(compareDiagnostics) };
  }
  const split = (id: string) => id.split('/') as [string, string];
  return {
    diagnostics: [],
    model: {
      site: site.data,
      plans: plans.entries.map(({ id, file, data }) => ({ id, file, data })),
      priorities: priorities.entries.map(({ id, file, data }) => ({ id, file, data, plan: split(id)[0], slug: split(id)[1] })),
      actions: actions.entries.map(({ id, file, data }) => ({ id, file, data, plan: split(id)[0], slug: split(id)[1] })),
      measures: measureModels,
    },
  };
}

/** Validates every data folder; a folder with no matching measure is itself an error. */
function readMeasureData(
  root: string,
  measures: readonly ReadEntry<MeasureMeta>[],
  refusedMeasures: readonly string[],
  site: Site,
  today: string,
  diagnostics: Diagnostic[],
): Measure[] {
  const dataRoot = join(root, MEASURES_DATA);
  const folders = existsSync(dataRoot)
    ? readdirSync(dataRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  // A refused measure's folder is not "unknown": its metadata problem is reported, and its data is checked once that is fixed.
  const known = new Set([...measures.map((m) => m.id), ...refusedMeasures]);
  for (const folder of folders) {
    if (!known.has(folder)) {
      diagnostics.push({
        file: `${MEASURES_DATA}/${folder}`,
        line: 1,
        column: 1,
        message: unknownDataFolderMessage(folder, [...known]),
      });
    }
  }
  return measures.map((entry) => {
    if (!folders.includes(entry.id)) return { id: entry.id, file: entry.file, data: entry.data, vintages: [] };
    const folder = `${MEASURES_DATA}/${entry.id}`;
    const names = readdirSync(join(root, folder)).sort();
    const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(root, folder, name))) }));
    if (entry.data.derivation) {
      diagnostics.push({
        file: folder,
        line: 1,
        column: 1,
        message: `measure "${entry.id}" is derived from other measures (see "derivation" in ${entry.file}), so it must not have a data folder; delete ${folder}`,
      });
    }
    const result = validateMeasureData({
      slug: entry.id,
      meta: entry.data,
      siteArea: { name: site.area.name, code: site.area.code },
      files,
      today,
    });
    diagnostics.push(...result.diagnostics);
    return { id: entry.id, file: entry.file, data: entry.data, vintages: result.vintages };
  });
}

/** A data folder no measure claims: most often a typo in the folder name, so suggest the nearest slug. */
function unknownDataFolderMessage(folder: string, slugs: readonly string[]): string {
  const suggestion = closest(folder, slugs);
  const fix = suggestion
    ? `did you mean "${suggestion}"? Rename the folder to ${MEASURES_DATA}/${suggestion}, or create content/measures/${folder}.md`
    : `create content/measures/${folder}.md, or rename the folder to an existing measure's slug`;
  return `data folder for unknown measure "${folder}"; ${fix}`;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
