/**
 * Reads one ONS edition's figures from a tidy extraction of its police force area workbook (the
 * reference file ons_pfa_editions_force_level_2022_2024.csv: one row per figure, with the table and
 * cell it was read from), for an edition whose workbook we do not hold (year ending September 2022).
 * Only the force-level series the tidy file records are read; each goes to the measure whose
 * `ons_pfa` mapping reads the same series from a workbook, for the areas that mapping names.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { OnsPfaMapping } from '../schemas/measure.ts';
import { formatPeriod, yearEndingLabel, yearEndings, type Edition, type Figure, type MeasureMapping, type MonthSpan, type SiteAreas } from './ons-pfa.ts';

/** The tidy file's prefix before each edition name, e.g. "ONS Police force area data tables - year ending September 2022". */
const EDITION_PREFIX = 'ONS Police force area data tables - ';

const OFFENCE_COUNTS = /^Police recorded crime, number of offences: (.+)$/;
const TOTAL_CRIME = 'Total recorded crime (excluding fraud)';

/**
 * Which measure each tidy series is, matching what the workbook mappings read: the offence-group
 * counts of Tables P1 and P4 (recorded-crime-force-area, its total and one breakdown row per
 * group), and Table P5's totals of selected knife offences, which are the same figures as the
 * multi-year knife table's latest year (checked for the editions we hold both of).
 */
function seriesOf(tidyMeasure: string): { slug: string; breakdown?: { column: string; value: string } } | undefined {
  const group = OFFENCE_COUNTS.exec(tidyMeasure)?.[1];
  if (group === TOTAL_CRIME) return { slug: 'recorded-crime-force-area' };
  if (group) return { slug: 'recorded-crime-force-area', breakdown: { column: 'offence_group', value: group } };
  if (tidyMeasure === 'Selected serious offences involving a knife or sharp instrument: number of offences') return { slug: 'knife-crime' };
  if (tidyMeasure === 'Selected serious offences involving a knife or sharp instrument: percentage of selected offences') return { slug: 'knife-crime-percentage' };
  return undefined;
}

/** One edition read from the tidy file. */
export interface TidyEdition {
  readonly edition: Edition;
  readonly figures: readonly Figure[];
  /** Table numbers read, per measure, e.g. ["Table P1", "Table P4"]. */
  readonly tables: ReadonlyMap<string, readonly string[]>;
  /** Where the tidy file says the figures were read from, e.g. "vijaygenius123/ONS_Datathon_2024 : data/raw/policeforceareatablesyesep22.xlsx @ 17ff360". */
  readonly sourceRepoPath: string;
}

/** "2021-10/2022-09" as a span of months. */
function tidySpan(period: string): MonthSpan | undefined {
  const match = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period);
  if (!match) return undefined;
  return { startYear: Number(match[1]), startMonth: Number(match[2]), endYear: Number(match[3]), endMonth: Number(match[4]) };
}

/** The area codes a mapping list reads, resolved through site.yaml. */
function mappedAreas(mappings: readonly OnsPfaMapping[], site: SiteAreas): Set<string> {
  return new Set(
    mappings.flatMap((m) => (m.area === 'partnership' ? [site.partnership.code] : m.area === 'police_force_area' ? (site.policeForceArea ? [site.policeForceArea.code] : []) : [m.area])),
  );
}

/** Reads every figure of `editionName` the mapped measures take, or the problems (file:line and what was expected). */
export function readTidyEdition(
  text: string,
  fileName: string,
  editionName: string,
  measures: readonly MeasureMapping[],
  site: SiteAreas,
): TidyEdition | { problems: string[] } {
  const [span, ...others] = yearEndings(editionName);
  if (!span || others.length > 0 || yearEndingLabel(span) !== editionName) {
    return { problems: [`--edition "${editionName}": expected an edition name such as "year ending September 2022".`] };
  }
  const records = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
  const bySlug = new Map(measures.map((m) => [m.slug, m]));
  const figures: Figure[] = [];
  const problems: string[] = [];
  const tables = new Map<string, Set<string>>();
  const sources = new Set<string>();
  for (const { record, info } of records) {
    if (record.edition !== `${EDITION_PREFIX}${editionName}`) continue;
    const at = `${fileName}:${info.lines}`;
    const series = seriesOf(record.measure ?? '');
    const measure = series && bySlug.get(series.slug);
    if (!series || !measure || !mappedAreas(measure.mappings, site).has(record.area_code ?? '')) continue;
    const periodSpan = tidySpan(record.period ?? '');
    const table = /^Table [A-Z]+\d+[a-z]?/.exec(record.source_table ?? '')?.[0];
    if (!periodSpan || !table || !record.source_repo_path) {
      problems.push(`${at}: expected period as YYYY-MM/YYYY-MM, source_table starting "Table <number>" and a source_repo_path.`);
      continue;
    }
    if (!/^-?\d+(\.\d+)?$/.test(record.value ?? '')) {
      problems.push(`${at}: expected a number in "value"; found "${record.value ?? ''}".`);
      continue;
    }
    const period = formatPeriod(periodSpan, measure.frequency, measure.intervalMonths);
    if ('problem' in period) {
      problems.push(`${at}: ${period.problem}.`);
      continue;
    }
    sources.add(record.source_repo_path);
    figures.push({
      measure: measure.slug,
      period: period.period,
      periodLabel: yearEndingLabel(periodSpan),
      areaCode: record.area_code!,
      areaLabel: record.area_name ?? record.area_code!,
      value: record.value!,
      ...(series.breakdown ? { breakdown: series.breakdown } : {}),
      table,
      cell: `${at} (${record.source_table})`,
    });
    tables.set(measure.slug, (tables.get(measure.slug) ?? new Set()).add(table));
  }
  if (sources.size > 1) problems.push(`${fileName}: the ${editionName} rows name ${sources.size} source workbooks (${[...sources].join('; ')}); one release comes from one edition's workbook.`);
  if (problems.length === 0 && figures.length === 0) problems.push(`${fileName}: no row of the ${editionName} edition ("${EDITION_PREFIX}${editionName}") gives a figure a mapped measure takes.`);
  if (problems.length) return { problems };
  return {
    edition: { name: editionName, span, where: fileName },
    figures,
    tables: new Map([...tables].map(([slug, set]) => [slug, [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))])),
    sourceRepoPath: [...sources][0]!,
  };
}
