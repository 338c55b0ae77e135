/**
 * README.txt for a plan's download: what each file is, the licence, where every figure came from,
 * the caveats a reader must not miss, and how to cite. Plain text so it opens anywhere.
 */
import { dataPublishers, dataPublishersText, NOT_STATED_IN_PLAN } from '../format/attribution.ts';
import type { Plan } from '../schemas/model.ts';
import { ALL_GROUPS } from '../schemas/csv-contract.ts';
import type { Site } from '../schemas/site.ts';
import { newestVintageDate, releaseSources } from './datapackage.ts';
import type { TidyMeasure } from './tidy.ts';

/** What the README is written from. */
/** A comparison CSV as a plan's data package lists it (src/lib/views/comparison.ts publishes it). */
export interface ComparisonResourceFacts {
  readonly slug: string;
  readonly title: string;
  /** Absolute address of the current comparison CSV. */
  readonly url: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface PlanReadmeInput {
  readonly plan: Pick<Plan, 'id' | 'data'>;
  readonly measures: readonly TidyMeasure[];
  readonly site: Site;
  /** Absolute address of the plan's download page, for the citation. */
  readonly pageUrl: string;
  /** The plan's measures' comparisons of every partnership, described in its data package as resources at their own addresses. */
  readonly comparisons?: readonly ComparisonResourceFacts[];
}

/** The measure's sources, caveats, series breaks and derivation as indented lines. */
function measureSection(measure: TidyMeasure, planId: string): string[] {
  const { data } = measure;
  const publishers = dataPublishers(measure.vintages.map((v) => v.release));
  const lines = [
    `${data.title} (${measure.id})`,
    `  Definition: ${data.definition}`,
    `  Source named in the plan: ${data.plans.includes(planId) ? (data.plan_sources[planId] ?? NOT_STATED_IN_PLAN) : 'none (a supporting series, not in the plan\'s framework)'}`,
    `  Data publisher: ${publishers.length > 0 ? dataPublishersText(publishers) : data.derivation ? 'the publishers of the series it is derived from' : 'no figures held on this site yet'}`,
  ];
  if (data.derivation) lines.push(`  Derived: ${data.derivation.formula}`);
  for (const caveat of data.caveats) lines.push(`  Caveat: ${caveat}`);
  for (const b of data.series_breaks) lines.push(`  Series break from ${b.period}: ${b.note}`);
  if (measure.vintages.length === 0) lines.push('  No data published yet.');
  for (const v of measure.vintages) {
    lines.push(`  Release ${v.date}: ${v.release.publisher}, ${v.release.dataset}, ${v.release.url} (retrieved ${v.release.retrieved}; ${v.release.licence}). ${v.release.changes}`);
  }
  return lines;
}

/**
 * The comparisons of every area, which are not in the zip: the data package lists them as resources
 * at their own addresses, so the README says where they are and how to check them.
 */
function comparisonSection(comparisons: readonly ComparisonResourceFacts[]): string[] {
  if (comparisons.length === 0) return [];
  return [
    'COMPARISONS OF EVERY AREA (not in this zip)',
    '  For some measures the site publishes every area\'s figure for the latest period, from the same',
    '  official table as the measure\'s own figure (every community safety partnership, or every police',
    '  force area), with the publisher\'s notes. They are listed in datapackage.json as resources at',
    '  these permanent addresses; each file\'s SHA-256 is given so a download can be checked.',
    ...comparisons.flatMap((c) => [`  ${c.title}`, `    ${c.url} (${c.bytes} bytes, SHA-256 ${c.sha256})`]),
    '',
  ];
}

/** The README text (LF line ends). */
export function planReadme(input: PlanReadmeInput): string {
  const { plan, measures, site, pageUrl } = input;
  const newest = newestVintageDate(measures);
  const year = (newest ?? String(plan.data.period.end_year)).slice(0, 4);
  const title = `${plan.data.title}: performance measures`;
  const lines = [
    title,
    `${site.site_name}, published by ${site.partnership}`,
    newest ? `Data version: ${newest} (the newest release included)` : 'Data version: no figures published yet',
    '',
    'FILES',
    '  data.csv          Every figure of the current release of each of the plan\'s measures. UTF-8,',
    '                    comma-separated (RFC 4180).',
    '  datapackage.json  Frictionless Data Package: column types, licence and sources of data.csv.',
    '  README.txt        This file.',
    '  data/measures/<measure>/<release date>.csv',
    '                    Every release of each measure, byte for byte as published (the current one',
    '                    too): the same files as at the same addresses on the site. A derived measure',
    '                    has no files of its own; it is computed from its inputs\' current releases.',
    '  SHA256SUMS        SHA-256 checksums of the other files; check with: sha256sum -c SHA256SUMS',
    '',
    'READING data.csv',
    '  One row per measure, period, area and breakdown, from the measure\'s current release, whose',
    '  date is in the vintage column. Earlier releases are not repeated in it: to see what a release',
    '  revised, compare its file in data/measures/ with the one before.',
    `  A blank value means the publisher suppressed the figure. A breakdown cell holding "${ALL_GROUPS}" means`,
    '  the row is not split that way (the figure for all groups). The columns measure, period,',
    '  area_code and the breakdown columns identify a row and are never empty (the data package\'s',
    '  primary key). Text that would start with =, +, -, @, a tab or a carriage return is',
    '  written with a leading apostrophe so spreadsheets do not run it as a formula.',
    '',
    'LICENCE',
    `  ${site.licence.name}: ${site.licence.url}`,
    '  The source figures are published under the licences listed with each release below.',
    '',
    'SOURCES',
    ...releaseSources(measures).map((s) => `  ${s.publisher}, ${s.dataset}: ${s.path}`),
    ...(measures.every((m) => m.vintages.length === 0) ? ['  None yet.'] : []),
    '',
    'MEASURES AND CAVEATS',
    ...measures.flatMap((m) => [...measureSection(m, plan.id), '']),
    ...comparisonSection(input.comparisons ?? []),
    'HOW TO CITE',
    `  ${site.partnership} (${year}). ${title} [data set]${newest ? `, version ${newest}` : ''}. ${site.site_name}. ${pageUrl}. ${site.licence.short}.`,
    '',
  ];
  return lines.join('\n');
}
