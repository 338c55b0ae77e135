/**
 * The Frictionless Data Package (datapackage.json, spec v1) describing a plan's tidy CSV, so tools
 * such as frictionless-py, Open Data Editor or R's frictionless load it with the right types,
 * licence and sources. https://specs.frictionlessdata.io/data-package/
 */
import type { Plan } from '../schemas/model.ts';
import type { Site } from '../schemas/site.ts';
import { sha256Hex } from '../format/sha256.ts';
import { ALL_GROUPS, STATUSES } from '../schemas/csv-contract.ts';
import { breakdownColumns, tidyColumns, tidyPrimaryKey, type TidyMeasure } from './tidy.ts';
import type { ComparisonResourceFacts } from './readme.ts';

/** A Table Schema field. */
export interface TableSchemaField {
  readonly name: string;
  readonly type: 'string' | 'number' | 'date';
  readonly title?: string;
  readonly description: string;
  readonly constraints?: { readonly required?: boolean; readonly enum?: readonly string[] };
}

/** A Data Package source: where the figures came from. */
export interface DataPackageSource {
  readonly title: string;
  readonly path: string;
  readonly publisher: string;
  readonly dataset: string;
}

/** The datapackage.json document. */
export interface DataPackage {
  readonly profile: 'tabular-data-package';
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly homepage?: string;
  readonly version?: string;
  readonly created?: string;
  readonly keywords: readonly string[];
  readonly contributors: readonly { readonly title: string; readonly role: string }[];
  readonly licenses: readonly { readonly name: string; readonly path: string; readonly title: string }[];
  readonly sources: readonly DataPackageSource[];
  readonly resources: readonly (DataResource | ComparisonResource)[];
}

/** The data.csv resource. */
export interface DataResource {
  readonly profile: 'tabular-data-resource';
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly format: 'csv';
  readonly mediatype: 'text/csv';
  readonly encoding: 'utf-8';
  readonly bytes: number;
  readonly hash: string;
  readonly dialect: { readonly delimiter: ','; readonly lineTerminator: '\r\n'; readonly quoteChar: '"'; readonly doubleQuote: true; readonly header: true };
  readonly schema: {
    readonly fields: readonly TableSchemaField[];
    readonly missingValues: readonly string[];
    readonly primaryKey: readonly string[];
  };
}

/** A comparison CSV of every partnership, published at its own permanent address. */
export interface ComparisonResource extends Omit<DataResource, 'name' | 'dialect' | 'schema'> {
  readonly name: string;
  readonly dialect: DataResource['dialect'];
  readonly schema: { readonly fields: readonly TableSchemaField[]; readonly missingValues: readonly string[]; readonly primaryKey: readonly string[] };
}

/** The Table Schema of a comparison CSV (src/lib/import/ons-compare.ts writes its columns). */
const COMPARISON_FIELDS: readonly TableSchemaField[] = [
  { name: 'area_code', type: 'string', description: 'ONS GSS code of the area: the Community Safety Partnership, or the reference area.', constraints: { required: true } },
  { name: 'area_name', type: 'string', description: 'Name of the area as the publisher\'s table gives it.' },
  { name: 'police_force_area_code', type: 'string', description: 'ONS code of the police force area the partnership lies in; blank for the reference row.' },
  { name: 'police_force_area_name', type: 'string', description: 'Name of that police force area.' },
  { name: 'local_authority_code', type: 'string', description: 'The local authority code the table gives ("Combined Local Authorities" where a partnership covers several).' },
  { name: 'value', type: 'number', description: 'The figure, at the precision the workbook stores. Blank where the publisher gives none.' },
  { name: 'note', type: 'string', description: 'The publisher\'s marker where it gives no figure, e.g. [u1]; the notes say what it means.' },
  { name: 'period', type: 'string', description: 'First and last day of the period, YYYY-MM-DD/YYYY-MM-DD.', constraints: { required: true } },
  { name: 'period_label', type: 'string', description: 'The period in words.' },
  { name: 'release', type: 'date', description: 'The publisher\'s release date of the edition the figures were read from.', constraints: { required: true } },
  { name: 'source_table', type: 'string', description: 'The table of the workbook, e.g. Table C4.' },
  { name: 'source_cell', type: 'string', description: 'The sheet and cell the figure was read from.' },
  { name: 'role', type: 'string', description: 'partnership, or reference (the England and Wales figure drawn as a line).', constraints: { required: true, enum: ['partnership', 'reference'] } },
];

/** A plan's data package resource for one comparison CSV. */
export function comparisonResource(c: ComparisonResourceFacts): ComparisonResource {
  return {
    profile: 'tabular-data-resource',
    name: `compare-${c.slug}`,
    path: c.url,
    title: c.title,
    description: 'Every partnership\'s figure for the latest period, from the same official table, as the comparison page ranks them.',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: c.bytes,
    hash: `sha256:${c.sha256}`,
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: COMPARISON_FIELDS, missingValues: [''], primaryKey: ['area_code'] },
  };
}

/** What a plan's data package is built from. */
export interface PlanDataPackageInput {
  readonly plan: Pick<Plan, 'id' | 'data'>;
  /** The plan's measures, in the order data.csv holds them. */
  readonly measures: readonly TidyMeasure[];
  readonly site: Site;
  /** The data.csv bytes the package describes, for its size and hash; or their size and hex SHA-256 when the file was written as a stream. */
  readonly csvBytes: Uint8Array | { readonly byteLength: number; readonly sha256: string };
  /** Absolute address of the plan's download page. */
  readonly homepage?: string;
  /** File name of the CSV inside the package. */
  readonly csvPath?: string;
  /** Comparisons of every partnership for the plan's measures, each a resource at its permanent address. */
  readonly comparisons?: readonly ComparisonResourceFacts[];
}

/** Where the releases before the current one are, which data.csv does not repeat. */
const EARLIER_RELEASES =
  'Earlier releases are not repeated in this file: every release of each measure is published byte for byte at /data/measures/<measure>/<release date>.csv and inside the plan\'s zip (data/measures/<measure>/<release date>.csv).';

const DEFUSED = 'Text that would start with =, +, -, @, a tab or a carriage return is written with a leading apostrophe so spreadsheets do not run it as a formula.';

/** Lower-case, hyphenated form of a name, for the package name. */
function packageSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Table Schema fields for the tidy columns, with types and descriptions. */
export function tidyFields(measures: readonly TidyMeasure[]): TableSchemaField[] {
  const labels = new Map<string, string>();
  for (const m of measures) for (const b of m.data.breakdowns) if (!labels.has(b.column)) labels.set(b.column, b.label);
  const fixed: Record<string, TableSchemaField> = {
    measure: { name: 'measure', type: 'string', description: 'Slug of the measure, as used in the site addresses.', constraints: { required: true } },
    period: { name: 'period', type: 'string', description: 'Period as the data contract writes it: "2023" (calendar year), "2023-24" (April to March), "2023-Q1", "2023-05" or "2024-07-01/2025-06-30" (first and last day).', constraints: { required: true } },
    period_label: { name: 'period_label', type: 'string', description: 'The period in words, as the publisher labels it where given.' },
    area_code: { name: 'area_code', type: 'string', description: 'ONS GSS code of the area the figure describes.', constraints: { required: true } },
    area_name: { name: 'area_name', type: 'string', description: 'Name of the area.' },
    value: { name: 'value', type: 'number', description: 'The figure, in the unit given on the measure page. Blank when the publisher suppressed it.' },
    status: { name: 'status', type: 'string', description: 'How the publisher marks the figure, where it does.', constraints: { enum: [...STATUSES] } },
    note: { name: 'note', type: 'string', description: `Note on the figure from the source file. ${DEFUSED}` },
    source: { name: 'source', type: 'string', description: 'Table or file the figure was read from, where recorded.' },
    vintage: { name: 'vintage', type: 'date', description: `Date of the measure's current release, which the row is from (YYYY-MM-DD). ${EARLIER_RELEASES}`, constraints: { required: true } },
  };
  return tidyColumns(measures).map(
    (name): TableSchemaField =>
      fixed[name] ?? {
        name,
        type: 'string',
        title: labels.get(name) ?? name,
        description: `Breakdown by ${(labels.get(name) ?? name).toLowerCase()}. "${ALL_GROUPS}" when the row is not split this way (the figure for all groups), never blank: the column is part of the primary key.`,
        constraints: { required: true },
      },
  );
}

/** Every distinct release source (publisher, dataset, address), in order of first appearance. */
export function releaseSources(measures: readonly TidyMeasure[]): DataPackageSource[] {
  const seen = new Map<string, DataPackageSource>();
  for (const measure of measures) {
    for (const { release } of measure.vintages) {
      const key = JSON.stringify([release.publisher, release.dataset, release.url]);
      if (!seen.has(key)) {
        seen.set(key, { title: `${release.publisher}: ${release.dataset}`, path: release.url, publisher: release.publisher, dataset: release.dataset });
      }
    }
  }
  return [...seen.values()];
}

/** The newest release date across the measures; undefined when none has data. */
export function newestVintageDate(measures: readonly Pick<TidyMeasure, 'vintages'>[]): string | undefined {
  return measures.flatMap((m) => m.vintages.map((v) => v.date)).sort().at(-1);
}

/** The datapackage.json document for a plan's tidy CSV. */
export function planDataPackage(input: PlanDataPackageInput): DataPackage {
  const { plan, measures, site, csvBytes } = input;
  const newest = newestVintageDate(measures);
  const breakdowns = breakdownColumns(measures);
  return {
    profile: 'tabular-data-package',
    name: `${packageSlug(site.site_name)}-plan-${plan.id}`,
    title: `${plan.data.title}: performance measures`,
    description: `${plan.data.summary} data.csv holds the current release of every measure, one row per figure, naming the release it is from. ${EARLIER_RELEASES}`,
    ...(input.homepage === undefined ? {} : { homepage: input.homepage }),
    // The release date is the version: the package changes exactly when a release is added.
    ...(newest === undefined ? {} : { version: newest, created: `${newest}T00:00:00Z` }),
    keywords: [...new Set(measures.map((m) => m.data.thematic_area))],
    contributors: [{ title: site.partnership, role: 'publisher' }],
    licenses: [{ name: 'OGL-UK-3.0', path: site.licence.url, title: site.licence.name }],
    sources: releaseSources(measures),
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'data',
        path: input.csvPath ?? 'data.csv',
        title: `${plan.data.short_title}: every figure of the current releases`,
        description: `One row per measure, period, area and breakdown, from the measure's current release (named in the vintage column). ${EARLIER_RELEASES} ${DEFUSED}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: csvBytes.byteLength,
        hash: `sha256:${'sha256' in csvBytes ? csvBytes.sha256 : sha256Hex(csvBytes)}`,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: tidyFields(measures),
          missingValues: [''],
          // Only columns never empty, so a database takes the key as a PRIMARY KEY (a row not split by a breakdown holds ALL_GROUPS).
          primaryKey: tidyPrimaryKey(breakdowns),
        },
      },
      ...(input.comparisons ?? []).map(comparisonResource),
    ],
  };
}
