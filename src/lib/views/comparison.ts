/**
 * The comparison of every area for a measure, computed once by the data step from its newest
 * comparison release (`data/comparisons/<slug>/`, written by `npm run import -- ons-compare`): the
 * ranked chart, the partnership's place in one sentence, the labelled areas' table, every area's
 * figure in pages of a ranked table, the publisher's notes quoted, the source and the CSV downloads.
 * Which area is highlighted comes from content/site.yaml and the measure's core-city comparators,
 * so another partnership built from the same files gets its own area highlighted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { comparisonChartView, comparisonWords, ordinal, rankAreas, type ComparedArea, type ComparisonChartView, type ComparisonInput } from '../charts/kinds/compare.ts';
import { storedArtefact, type StoredArtefact } from '../downloads/catalogue.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { formatValue, rateSuffix } from '../format/number.ts';
import { longDate } from '../format/labels.ts';
import type { Measure, SiteModel } from '../schemas/model.ts';
import { paths } from '../schemas/paths.ts';
import { COMPARISONS_FOLDER, comparisonSlugs, readComparisonFolder, type ComparisonRelease } from '../validate/comparisons.ts';
import { viewsDir } from './files.ts';
import { comparisonIndexFile, comparisonViewFile, rankingPageViewFile } from './comparison-files.ts';
import type { ComparisonResourceFacts } from '../downloads/readme.ts';
import { absoluteUrl } from '../sharing/urls.ts';

/** Rows of every area's ranked table per page: about 5 elements a row, so a page stays near 500. */
export const RANKING_ROWS_PER_PAGE = 80;

/** A labelled area in the comparison page's own table. */
export interface LabelledRow {
  readonly rank: string;
  readonly name: string;
  readonly value: string;
  /** "This partnership", "Core city" or the reference table. */
  readonly who: string;
}

/** What a comparison page renders. */
export interface ComparisonPageView {
  readonly slug: string;
  readonly measureTitle: string;
  /** The partnership's name as site.yaml gives it, or its police force area's for a force-level comparison. */
  readonly areaName: string;
  /** What one of the areas compared is: "partnership" or "police force area". */
  readonly areaNoun: string;
  readonly chart: ComparisonChartView;
  /** The partnership's place as one sentence of fact; absent when its row is not in the table. */
  readonly position?: string;
  /** Said where the publisher gives no confidence intervals: positions are not tested for significance. */
  readonly significance: string;
  readonly labelled: readonly LabelledRow[];
  readonly labelledCaption: string;
  /** The publisher's notes the tables cite, word for word, each with where it is. */
  readonly caveats: readonly { readonly text: string; readonly where: string }[];
  readonly source: { readonly publisher: string; readonly dataset: string; readonly url: string; readonly released: string; readonly evidence?: string; readonly evidenceUrl?: string; readonly readFrom?: string; readonly workbookSha256?: string };
  readonly csv: { readonly path: string; readonly sha256: string; readonly bytes: number };
  readonly areasAre: string;
  /** The table the areas' figures are from, e.g. "Table C4". */
  readonly table: string;
  readonly withFigure: number;
  readonly areaCount: number;
  readonly rankingPages: number;
}

/** One page of every area's figure, ranked. */
export interface RankingPageView {
  readonly slug: string;
  readonly measureTitle: string;
  readonly number: number;
  readonly pageCount: number;
  readonly caption: string;
  /** The areas' column heading: "Partnership" (with its force beside it) or "Police force area". */
  readonly areaHeading: string;
  /** Whether each row names the area's police force area beside it (partnerships do; forces need not). */
  readonly grouped: boolean;
  /** The figures' column heading with their unit ("Per 1,000"), so each cell holds the number alone and the table fits a phone. */
  readonly valueHeading: string;
  readonly rows: readonly { readonly rank: string; readonly name: string; readonly group: string; readonly value: string; readonly own: boolean }[];
}

/** What a measure page says of its comparison: the sentence and where the page is. */
export interface ComparisonLink {
  readonly position: string;
  readonly href: string;
  /** The link's words, e.g. "How Nottingham compares with every partnership". */
  readonly text: string;
}

/** The measures with a comparison page, and what each measure page says of it (.generated/views/comparisons/index.json). */
export type ComparisonIndex = Readonly<Record<string, ComparisonLink>>;

type Row = Record<string, string>;

/** Whether a comparison release's rows are police force areas (a force-level table) rather than partnerships. */
export function comparesForces(rows: readonly Row[]): boolean {
  return rows.some((r) => r.role === 'police_force_area');
}

/**
 * The comparison input for a measure: the site's own area (its partnership's code, or its police
 * force area's for a force-level table) and the measure's core cities marked.
 */
export function comparisonInput(measure: Pick<Measure, 'data'>, rows: readonly Row[], ownCode: string): ComparisonInput {
  const comparators = new Set(measure.data.comparators.filter((c) => c.kind === 'core_cities').map((c) => c.area_code));
  const forces = comparesForces(rows);
  const areas: ComparedArea[] = rows
    .filter((r) => r.role === (forces ? 'police_force_area' : 'partnership'))
    .map((r) => ({
      code: r.area_code!,
      name: r.area_name!,
      group: r.police_force_area_name!,
      value: r.value === '' ? null : Number(r.value),
      note: r.note!,
      role: r.area_code === ownCode || r.local_authority_code === ownCode ? 'own' : comparators.has(r.area_code!) || comparators.has(r.local_authority_code!) ? 'comparator' : 'other',
    }));
  const reference = rows.find((r) => r.role === 'reference' && r.value !== '');
  const first = rows.find((r) => r.role === (forces ? 'police_force_area' : 'partnership'));
  return {
    title: measure.data.title,
    unit: measure.data.unit,
    periodLabel: first?.period_label ?? '',
    areasAre: forces ? 'police force areas' : 'partnerships',
    table: first?.source_table ?? '',
    areas,
    ...(reference ? { reference: { name: reference.area_name!, value: Number(reference.value), table: reference.source_table! } } : {}),
  };
}

/** The comparison page's view, its ranked table's pages and the measure page's line. */
export function comparisonViews(measure: Pick<Measure, 'id' | 'data'>, release: ComparisonRelease, site: SiteModel['site'], csv: ComparisonPageView['csv']): { page: ComparisonPageView; ranking: RankingPageView[]; link: ComparisonLink } {
  const forces = comparesForces(release.rows);
  const input = comparisonInput(measure, release.rows, forces ? (site.area.police_force_area?.code ?? '') : site.area.code);
  const areaNoun = input.areasAre.replace(/s$/, '');
  const areaName = forces ? (site.area.police_force_area?.name ?? site.area.name) : site.area.name;
  const { position } = comparisonWords(input);
  const ranked = rankAreas(input.areas);
  const withFigure = ranked.filter((a) => a.rank !== undefined).length;
  const labelled: LabelledRow[] = ranked
    .filter((a) => a.role !== 'other')
    .map((a) => ({ rank: a.rank === undefined ? 'Not ranked' : `${a.tied ? 'Joint ' : ''}${ordinal(a.rank)}`, name: a.name, value: a.value === null ? a.note : formatValue(a.value, input.unit), who: a.role === 'own' ? (forces ? "This partnership's police force area" : 'This partnership') : 'Core city' }));
  if (input.reference) labelled.push({ rank: 'Reference', name: input.reference.name, value: formatValue(input.reference.value, input.unit), who: input.reference.table });
  const pageCount = Math.max(1, Math.ceil(ranked.length / RANKING_ROWS_PER_PAGE));
  const ranking = Array.from({ length: pageCount }, (_, i): RankingPageView => {
    const slice = ranked.slice(i * RANKING_ROWS_PER_PAGE, (i + 1) * RANKING_ROWS_PER_PAGE);
    const from = i * RANKING_ROWS_PER_PAGE + 1;
    return {
      slug: measure.id,
      measureTitle: measure.data.title,
      number: i + 1,
      pageCount,
      areaHeading: forces ? 'Police force area' : 'Partnership',
      grouped: !forces,
      caption: `${measure.data.title}: every ${areaNoun} ranked, ${input.periodLabel} (${input.table}), places ${from} to ${from + slice.length - 1} of ${ranked.length}`,
      valueHeading: rateSuffix(input.unit) ? `Figure (${rateSuffix(input.unit).trim()})` : 'Figure',
      rows: slice.map((a) => ({ rank: a.rank === undefined ? 'Not ranked' : `${a.tied ? 'Joint ' : ''}${ordinal(a.rank)}`, name: a.name, group: a.group, value: a.value === null ? a.note : formatValue(a.value, input.unit).replace(rateSuffix(input.unit), ''), own: a.role === 'own' })),
    };
  });
  const caveats = release.notes.map((n) => ({
    text: n.text!,
    where: n.note ? `${n.source_table}, note ${n.note} (sheet "${n.sheet}", cell ${n.cell})` : `${n.source_table}, the lines under its title (sheet "${n.sheet}", cell ${n.cell})`,
  }));
  const r = release.release;
  const chart = comparisonChartView(input, { id: `${measure.id}-compare`, title: `${measure.data.title}: every ${input.areasAre.replace(/s$/, '')} compared, ${input.periodLabel}` });
  const page: ComparisonPageView = {
    slug: measure.id,
    measureTitle: measure.data.title,
    areaName,
    areaNoun,
    chart,
    ...(position ? { position } : {}),
    // The comparison CSVs carry no interval columns: ONS publishes none for these tables.
    significance: `The ${release.release.publisher.replace(/^The /, '')} publishes no confidence intervals for these figures, so the places are not tested for statistical significance: areas close together in the ranking may not differ in any meaningful way.`,
    labelled,
    labelledCaption: `${measure.data.title}: ${[areaName, ...(labelled.some((r) => r.who === 'Core city') ? ['the core cities'] : []), ...(input.reference ? [input.reference.name] : [])].join(', ')}, ${input.periodLabel}`,
    caveats,
    source: {
      publisher: r.publisher,
      dataset: r.dataset,
      url: r.url,
      released: r.vintage,
      ...(r.release_date ? { evidence: r.release_date.evidence, evidenceUrl: r.release_date.url } : {}),
      ...(r.read_from ? { readFrom: r.read_from } : {}),
      ...(r.workbook_sha256 ? { workbookSha256: r.workbook_sha256 } : {}),
    },
    csv,
    areasAre: input.areasAre,
    table: input.table,
    withFigure,
    areaCount: ranked.length,
    rankingPages: pageCount,
  };
  const text = `How ${areaName} compares with every ${areaNoun}`;
  return { page, ranking, link: { position: position ?? '', href: paths.measureCompare(measure.id), text } };
}

/**
 * Writes every measure's comparison views and downloads (the current CSV at a permanent address,
 * and each release at its own), and the index the measure pages read; returns the downloads written,
 * or the problems found in the comparison folders.
 */
export function writeComparisons(root: string, model: SiteModel, generated: string, downloads: string, siteRoot: string): { artefacts: StoredArtefact[]; resources: ComparisonResourceFacts[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const artefacts: StoredArtefact[] = [];
  const resources: ComparisonResourceFacts[] = [];
  const index: Record<string, ComparisonLink> = {};
  const slugs = comparisonSlugs(root);
  // A site without comparisons writes nothing (the pages read an absent index as none).
  if (slugs.length === 0) return { artefacts, resources, diagnostics };
  mkdirSync(join(viewsDir(generated), 'comparisons'), { recursive: true });
  for (const slug of slugs) {
    const measure = model.measures.find((m) => m.id === slug);
    if (!measure) {
      diagnostics.push({ file: `${COMPARISONS_FOLDER}/${slug}`, line: 1, column: 1, message: `no measure "${slug}" exists (content/measures/${slug}.md); a comparison belongs to a measure: rename the folder or remove it.` });
      continue;
    }
    const read = readComparisonFolder(root, slug, diagnostics);
    if (!read) continue;
    const title = `${measure.data.title}: every ${comparesForces(read.newest.rows) ? 'police force area' : 'partnership'} compared`;
    const written = [
      { path: paths.comparisonCsv(slug), bytes: read.newest.bytes, updated: read.newest.release.vintage, title: `${title} (CSV)` },
      ...read.all.map((a) => ({ path: paths.comparisonVintageCsv(slug, a.vintage), bytes: a.bytes, updated: a.vintage, title: `${title}, release of ${longDate(a.vintage)} (CSV)` })),
    ];
    for (const artefact of written) {
      const file = join(downloads, artefact.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, artefact.bytes);
      artefacts.push(storedArtefact(artefact));
    }
    const current = artefacts.find((a) => a.path === paths.comparisonCsv(slug))!;
    resources.push({ slug, title: `${title} (${read.newest.release.dataset})`, url: absoluteUrl(siteRoot, current.path), bytes: current.size, sha256: current.sha256 });
    const { page, ranking, link } = comparisonViews(measure, read.newest, model.site, { path: current.path, sha256: current.sha256, bytes: current.size });
    writeFileSync(comparisonViewFile(generated, slug), JSON.stringify(page));
    ranking.forEach((p) => {
      const file = rankingPageViewFile(generated, slug, p.number);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(p));
    });
    index[slug] = link;
  }
  writeFileSync(comparisonIndexFile(generated), JSON.stringify(index));
  return { artefacts, resources, diagnostics };
}
