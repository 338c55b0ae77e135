/**
 * The whole read-and-validate pipeline, without Astro: content/ and data/ in, a validated
 * SiteModel (or every problem found) out. `npm run validate`, the build and the tests all call this.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measure, SiteModel } from '../schemas/model.ts';
import type { ParseCounter } from '../read/csv.ts';
import { readCollection, readYamlFile, type ReadCollectionResult, type ReadEntry } from '../validate/content.ts';
import { actionSchema, type ActionMeta } from '../schemas/action.ts';
import { measureSchema, type MeasureMeta } from '../schemas/measure.ts';
import { planSchema, type PlanMeta } from '../schemas/plan.ts';
import { prioritySchema, type PriorityMeta } from '../schemas/priority.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { readSearchTerms, unknownQuestionMeasures } from '../search/read-terms.ts';
import { checkCrossReferences } from '../validate/crossrefs.ts';
import { compareDiagnostics, type Diagnostic } from '../format/diagnostics.ts';
import { validateMeasureData } from '../validate/data.ts';
import { closest } from '../validate/suggest.ts';
import { deriveMeasures } from '../derive/derived-measures.ts';

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

/** What loadSite read: the model or the problems, and how many CSV files it parsed. */
export interface LoadSiteResult extends LoadResult {
  /** CSV files parsed, each once: what the benchmark's "parsed once" budget counts. */
  readonly csvParses: number;
}

const MEASURES_DATA = 'data/measures';

/** The content files read and checked, before any data folder is: what the data step hands on to the measures' data. */
export interface SiteContent {
  /** content/site.yaml as read: its settings when they passed. */
  readonly site: { readonly data?: Site };
  readonly plans: ReadCollectionResult<PlanMeta>;
  readonly priorities: ReadCollectionResult<PriorityMeta>;
  readonly actions: ReadCollectionResult<ActionMeta>;
  readonly measures: ReadCollectionResult<MeasureMeta>;
  /** Problems found so far; the data and derivation steps add theirs. */
  readonly diagnostics: Diagnostic[];
}

/** Reads and validates everything the site is built from. */
export function loadSite({ root, today }: LoadOptions): LoadSiteResult {
  const content = readContent(root);
  const { site, measures, diagnostics } = content;
  const counter: ParseCounter = { csvParses: 0 };
  const published = site.data ? readMeasureData(root, measures.entries, measures.refusedIds, site.data, today, diagnostics, counter) : [];
  return { ...finishModel(content, published), csvParses: counter.csvParses };
}

/** Reads and checks content/: the site settings, the search terms, the four collections and the links between them. */
export function readContent(root: string): SiteContent {
  const diagnostics: Diagnostic[] = [];
  const site = readYamlFile(root, 'content/site.yaml', siteSchema);
  diagnostics.push(...site.diagnostics);

  // The extensions are those the site loads (src/content.config.ts for plans and priorities): a file the site would not load must not pass.
  // The search word list is content too: validate and the build report its mistakes like any other file's.
  const searchTerms = readSearchTerms(root);
  diagnostics.push(...searchTerms.diagnostics);

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
  // A question leads with measures by id; one refused for its own mistakes is reported there, not twice.
  const measureIds = new Set([...measures.entries.map((m) => m.id), ...measures.refusedIds]);
  diagnostics.push(...unknownQuestionMeasures(searchTerms.questions, measureIds));
  return { site, plans, priorities, actions, measures, diagnostics };
}

/**
 * Derives the computed measures from the published ones (`published`, one per measure entry, in
 * entry order) and returns the validated model, or every problem found (content.diagnostics included).
 */
export function finishModel(content: SiteContent, published: Measure[]): LoadResult {
  const { measures, diagnostics } = content;
  const site = content.site.data;
  const measureModels = deriveMeasures(published, measures.entries, diagnostics);

  if (diagnostics.length > 0 || !site) {
    return { diagnostics: dedupe(diagnostics).sort(compareDiagnostics) };
  }
  return { diagnostics: [], model: { ...contentModel({ ...content, site: { data: site } })!, measures: measureModels } };
}

/** The model of the content alone, every measure without releases; undefined without valid site settings. */
export function contentModel(content: SiteContent): SiteModel | undefined {
  const site = content.site.data;
  if (!site) return undefined;
  const split = (id: string) => id.split('/') as [string, string];
  return {
    site,
    plans: content.plans.entries.map(({ id, file, data }) => ({ id, file, data })),
    priorities: content.priorities.entries.map(({ id, file, data }) => ({ id, file, data, plan: split(id)[0], slug: split(id)[1] })),
    actions: content.actions.entries.map(({ id, file, data }) => ({ id, file, data, plan: split(id)[0], slug: split(id)[1] })),
    measures: content.measures.entries.map(({ id, file, data }) => ({ id, file, data, vintages: [] })),
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
  counter: ParseCounter,
): Measure[] {
  const folders = measureDataFolders(root, measures, refusedMeasures, diagnostics);
  return measures.map((entry) => {
    const { measure, diagnostics: found, csvParses } = readMeasureFolder(root, entry, folders.has(entry.id), site, today);
    diagnostics.push(...found);
    counter.csvParses += csvParses;
    return measure;
  });
}

/** The measures' data folders present; each one no measure claims is reported to `diagnostics`. */
export function measureDataFolders(
  root: string,
  measures: readonly Pick<ReadEntry<MeasureMeta>, 'id'>[],
  refusedMeasures: readonly string[],
  diagnostics: Diagnostic[],
): Set<string> {
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
  return new Set(folders);
}

/**
 * Reads and validates one measure's data folder (`hasFolder` says whether it has one): the measure
 * with its releases, and the problems found. Each measure's folder is independent of the others',
 * so the build runs this on every core (src/lib/build/data-step-pool.ts).
 */
export function readMeasureFolder(
  root: string,
  entry: Pick<ReadEntry<MeasureMeta>, 'id' | 'file' | 'data'>,
  hasFolder: boolean,
  site: Pick<Site, 'area'>,
  today: string,
): { measure: Measure; diagnostics: Diagnostic[]; csvParses: number } {
  if (!hasFolder) return { measure: { id: entry.id, file: entry.file, data: entry.data, vintages: [] }, diagnostics: [], csvParses: 0 };
  const diagnostics: Diagnostic[] = [];
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
  return { measure: { id: entry.id, file: entry.file, data: entry.data, vintages: result.vintages }, diagnostics, csvParses: result.csvParses };
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
