/**
 * Every figure published under data/measures/ must be traceable, digit for digit, to the reference
 * files it was read from (test/fixtures/reference-data/, a copy of ../shared/reference-data/ with
 * SOURCES.md naming each original table). A value that cannot be found there with the same period,
 * area and reference series fails, naming the file and line. Derived measures must have no data
 * folder: the pipeline computes them from their inputs.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { createHash } from 'node:crypto';
import { runImport } from '../../src/lib/import/command.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const REFERENCE = join(ROOT, 'test', 'fixtures', 'reference-data');
const SHARED_REFERENCE = join(ROOT, '..', 'shared', 'reference-data');
const DATA = join(ROOT, 'data', 'measures');
const MEASURES = join(ROOT, 'content', 'measures');

type Row = Record<string, string>;

/** Where a measure's rows come from: a reference file and the filter that picks the measure's series in it. */
interface Trace {
  /** File name in the reference folder. */
  readonly file: string;
  /** Reference columns that must have these values (the series the measure maps to). */
  readonly where: Readonly<Row>;
  /** Reference column holding the period as our CSV writes it; default "period". */
  readonly periodColumn?: string;
  /** Reference column holding the period as published; default "period_label". */
  readonly periodLabelColumn?: string;
  /**
   * For rows with a breakdown value: our breakdown column, and for each of its values the
   * reference filter that replaces `where`. A breakdown value not listed here cannot be traced.
   */
  readonly breakdown?: { readonly column: string; readonly where: Readonly<Record<string, Readonly<Row>>> };
  /** How our CSV writes a reference period, where the forms differ (e.g. "2010/11" as the financial year "2010-11"). */
  readonly toPeriod?: (referencePeriod: string) => string;
  /**
   * "release" when our rows carry no `source` column because the release's read_from names the one
   * source file; default: each row's `source` names the ONS edition and table (see EDITIONS).
   */
  readonly sourceIn?: 'release';
}

const COUNTS = 'police_recorded_crime_counts.csv';
const RATES = 'police_recorded_crime_rates.csv';
const KNIFE = 'knife_crime_police_force_area.csv';
const ASB = 'asb_incidents_police_force_area.csv';
const STREET = 'street_level_crime_nottingham_2022_monthly.csv';
const QUOTED = 'figures_quoted_in_web_pages.csv';
const POLICEUK_ASB = 'policeuk_asb_monthly_counts.csv';
const ALCOHOL = 'alcohol_treatment_numbers.csv';
const YOUTH = 'youth_justice_lait.csv';
const ONS_EDITIONS = 'ons_pfa_editions_force_level_2022_2024.csv';
const WORKBOOK_FOLDER = 'ons-workbooks';

/**
 * The ONS workbooks that releases were imported from, by the edition our `source` column names.
 * A row of a release read from a workbook traces to the figure the importer reads from that
 * workbook (the importer's own test checks those figures against the independent extractions).
 */
const WORKBOOK_EDITIONS: Readonly<Record<string, { readonly file: string; readonly released: string }>> = {
  'ONS PFA data tables YE Mar 2022': { file: 'pfafinalmar22.xlsx', released: '2022-07-21' },
  'ONS PFA data tables YE Jun 2022': { file: 'pfajun22.xlsx', released: '2022-10-27' },
  'ONS PFA data tables YE Dec 2022': { file: 'policeforceareatablesyedec22.xlsx', released: '2023-04-27' },
  'ONS PFA data tables YE Mar 2023': { file: 'pfatableyemar231.xlsx', released: '2023-07-20' },
  'ONS PFA data tables YE Jun 2023': { file: 'pfatablesfinaljun23.xlsx', released: '2023-10-19' },
  'ONS PFA data tables YE Sep 2023': { file: 'pfatablessep23final.xlsx', released: '2024-01-25' },
  'ONS PFA data tables YE Dec 2023': { file: 'pfatablesyedec23.xlsx', released: '2024-04-25' },
  'ONS PFA data tables YE Mar 2024': { file: 'pfatablesyemar24final.xlsx', released: '2024-07-24' },
  'ONS PFA data tables YE Dec 2024': { file: 'policeforceareatablesyedecember2024.xlsx', released: '2025-04-24' },
};

const workbookCache = new Map<string, Map<string, string>>();
/** What the importer reads from a workbook: "measure[breakdown=value]|period|area_code" -> value. */
function workbookFigures(file: string, released: string): Map<string, string> {
  let figures = workbookCache.get(file);
  if (!figures) {
    const out: string[] = [];
    const err: string[] = [];
    const code = runImport(['ons-pfa', join(REFERENCE, WORKBOOK_FOLDER, file), '--released', released, '--dry-run'], {
      root: ROOT, cwd: ROOT, today: '2026-12-01', out: (l) => out.push(l), err: (l) => err.push(l),
    });
    assert.equal(code, 0, `${file}: ${err.join('\n')}`);
    const rows = parseCsv(out.join('\n'), { columns: true }) as Row[];
    figures = new Map(rows.map((r) => [`${r.measure}|${r.period}|${r.area_code}`, r.value!]));
    workbookCache.set(file, figures);
  }
  return figures;
}

/** Why a row of a workbook-imported release cannot be traced to its workbook, or undefined when it can. */
function workbookProblem(slug: string, row: Row, breakdownColumns: readonly string[]): string | undefined {
  const edition = (row.source ?? '').split(',')[0]!;
  const workbook = WORKBOOK_EDITIONS[edition];
  if (!workbook) return undefined;
  const breakdown = breakdownColumns.find((c) => (row[c] ?? '') !== '');
  const series = breakdown ? `${slug}[${breakdown}=${row[breakdown]}]` : slug;
  const value = workbookFigures(workbook.file, workbook.released).get(`${series}|${row.period}|${row.area_code}`);
  if (value === undefined) return `${workbook.file} gives no figure for ${series}, period ${row.period}, area ${row.area_code}`;
  if (value !== row.value) return `value "${row.value}" differs from ${workbook.file}, which gives "${value}" for ${series}, period ${row.period}, area ${row.area_code}`;
  return 'traced';
}

/**
 * Editions held only as rows of the tidy CSV of editions (no workbook): the edition our `source`
 * column names -> the tidy CSV's edition. Rows of such a release carried from earlier releases name
 * their own edition and trace to its workbook.
 */
const TIDY_EDITIONS: Readonly<Record<string, string>> = {
  'ONS PFA data tables YE Sep 2022': 'ONS Police force area data tables - year ending September 2022',
};

/** The tidy CSV's series name for one of our series, or undefined for a series it does not hold. */
function tidySeries(slug: string, breakdownValue: string | undefined): string | undefined {
  if (slug === 'recorded-crime-force-area') return `Police recorded crime, number of offences: ${breakdownValue ?? 'Total recorded crime (excluding fraud)'}`;
  if (breakdownValue !== undefined) return undefined;
  if (slug === 'knife-crime') return 'Selected serious offences involving a knife or sharp instrument: number of offences';
  if (slug === 'knife-crime-percentage') return 'Selected serious offences involving a knife or sharp instrument: percentage of selected offences';
  return undefined;
}

/** Why a row of an edition held only in the tidy CSV cannot be traced to it; 'traced' when it can; undefined for other editions. */
function tidyProblem(slug: string, row: Row, breakdownColumns: readonly string[]): string | undefined {
  const [edition, table] = (row.source ?? '').split(', ');
  const tidyEdition = TIDY_EDITIONS[edition ?? ''];
  if (!tidyEdition) return undefined;
  const breakdown = breakdownColumns.find((c) => (row[c] ?? '') !== '');
  const series = tidySeries(slug, breakdown ? row[breakdown] : undefined);
  // Our "2021-10-01/2022-09-30" is the tidy CSV's "2021-10/2022-09".
  const period = (row.period ?? '').replace(/^(\d{4}-\d{2})-01\/(\d{4}-\d{2})-\d{2}$/, '$1/$2');
  const candidates = reference(ONS_EDITIONS).filter(
    (ref) => ref.edition === tidyEdition && ref.measure === series && ref.area_code === row.area_code && ref.period === period && (ref.source_table ?? '').startsWith(`${table};`),
  );
  const described = `${series ?? slug}, period ${row.period}, area ${row.area_code}, ${table}`;
  if (candidates.length !== 1) return `${candidates.length} rows of ${ONS_EDITIONS} (${tidyEdition}) match ${described}`;
  if (candidates[0]!.value !== row.value) return `value "${row.value}" differs from ${ONS_EDITIONS}, which has "${candidates[0]!.value}" for ${described}`;
  return 'traced';
}

const count = (offenceGroup: string): Trace => ({ file: COUNTS, where: { offence_group: offenceGroup, unit: 'offences' } });
const rate = (offenceGroup: string): Trace => ({ file: RATES, where: { measure: offenceGroup, unit: 'offences per 1,000 population' } });

/** Knife crime offence types (our offence_type value) to the Table P5 series names, counts then percentages. */
const KNIFE_P5: Readonly<Record<string, readonly [string, string]>> = {
  'Attempted murder': ['Attempted murder offences involving a knife', 'Attempted murder % involving a knife'],
  'Threats to kill': ['Threats to kill offences involving a knife', 'Threats to kill offences % involving a knife'],
  'Assault with injury and assault with intent to cause serious harm': [
    'Assault with injury and assault with intent to cause serious harm offences involving a knife',
    'Assault with injury and assault with intent to cause serious harm % involving a knife',
  ],
  Robbery: ['Robbery offences involving a knife', 'Robbery offences % involving a knife'],
  'Rape and sexual assault': ['Rape and sexual assault offences involving a knife', 'Rape and sexual assault offences % involving a knife'],
  Homicide: ['Homicide offences involving a knife', 'Homicide offences % involving a knife'],
};
const knifeBreakdown = (which: 0 | 1, unit: string): Trace['breakdown'] => ({
  column: 'offence_type',
  where: Object.fromEntries(Object.entries(KNIFE_P5).map(([type, names]) => [type, { measure: names[which], unit, source_table: 'Table P5' }])),
});

/** The explicit slug -> reference series mapping. Every data folder must be listed here. */
const TRACES: Readonly<Record<string, Trace>> = {
  // 1. Nottingham counts by offence group (ONS PFA tables C2 / C5)
  'violence-against-the-person': count('Violence against the person'),
  'sexual-offences': count('Sexual offences'),
  robbery: count('Robbery'),
  'theft-from-the-person': count('Theft from the person'),
  shoplifting: count('Shoplifting'),
  'burglary-dwelling': count('Residential burglary'),
  'burglary-other': count('Non-residential burglary'),
  'total-recorded-crime': count('Total recorded crime (excluding fraud)'),
  'possession-of-weapons': count('Possession of weapons offences'),
  'drug-offences': count('Drug offences'),
  'public-order-offences': count('Public order offences'),
  'miscellaneous-crimes-against-society': count('Miscellaneous crimes against society'),
  // 2. Rates per 1,000 population, YE Dec 2024 (tables C4 / P3)
  'violence-against-the-person-rate': rate('Violence against the person'),
  'sexual-offences-rate': rate('Sexual offences'),
  'robbery-rate': rate('Robbery'),
  'theft-from-the-person-rate': rate('Theft from the person'),
  'shoplifting-rate': rate('Shoplifting'),
  'burglary-dwelling-rate': rate('Residential burglary'),
  'burglary-other-rate': rate('Non-residential burglary'),
  'total-recorded-crime-rate': rate('Total recorded crime (excluding fraud)'),
  'possession-of-weapons-rate': rate('Possession of weapons offences'),
  // 4. Knife crime, Nottinghamshire police force area (tables P5, P6, P7)
  'knife-crime': {
    file: KNIFE,
    where: { measure: 'Selected serious offences involving a knife or sharp instrument (total)', unit: 'offences', source_table: 'Table P6' },
    breakdown: knifeBreakdown(0, 'offences'),
  },
  'knife-crime-percentage': {
    file: KNIFE,
    where: { measure: 'Selected serious offences: percentage involving a knife or sharp instrument', unit: 'percent of selected offences', source_table: 'Table P6' },
    breakdown: knifeBreakdown(1, 'percent'),
  },
  'knife-crime-rate': {
    file: KNIFE,
    where: { measure: 'Offences involving a knife or sharp instrument (selected offences) per 100,000 population', unit: 'per 100,000 population', source_table: 'Table P7' },
  },
  // 5. ASB incidents, Nottinghamshire police force area (table P7, YE Mar 2019)
  'asb-reported-to-police': {
    file: ASB,
    where: { measure: 'Anti-social behaviour incidents recorded by the police', unit: 'incidents' },
    periodColumn: 'financial_year',
    periodLabelColumn: 'financial_year',
  },
  'asb-incidents-rate': {
    file: ASB,
    where: { measure: 'Anti-social behaviour incidents recorded by the police', unit: 'incidents per 1,000 population' },
    periodColumn: 'financial_year',
    periodLabelColumn: 'financial_year',
  },
  // 6. Nottinghamshire police force area by offence group: every release is imported from the workbooks.
  'recorded-crime-force-area': { file: ONS_EDITIONS, where: { unit: 'offences' } },
  // 7. police.uk street-level records, Nottingham, 2022
  'street-level-burglary-monthly': { file: STREET, where: { crime_type: 'Burglary' }, periodLabelColumn: 'period' },
  'street-level-robbery-monthly': { file: STREET, where: { crime_type: 'Robbery' }, periodLabelColumn: 'period' },
  // 7. police.uk ASB records in Nottingham by month, counted from the monthly street-level files
  'asb-records-policeuk-monthly': {
    file: POLICEUK_ASB,
    where: { measure: 'Anti-social behaviour incidents recorded by the police: police.uk street-level ASB records located in the local authority' },
    sourceIn: 'release',
  },
  // 8. Adults in treatment for alcohol (NDTMS via UK SDG 3.5.1), financial years written 2010/11 in the reference
  'adults-in-alcohol-treatment': {
    file: ALCOHOL,
    where: { measure: 'Adults (18+) in treatment for alcohol - number of people in treatment (NDTMS; UK SDG 3.5.1 series "Alcohol - People in treatment")' },
    toPeriod: (period) => period.replace('/', '-'),
    periodLabelColumn: 'period',
    sourceIn: 'release',
  },
  // 9. Youth justice (DfE LAIT): periods are single years as the store labels them
  'youth-first-time-entrants-rate': { file: YOUTH, where: { unit: 'rate per 100,000 population aged 10-17' }, periodLabelColumn: 'period', sourceIn: 'release' },
  'youth-reoffending-rate-15-17': {
    file: YOUTH,
    where: { measure: 'Proven re-offending by young offenders aged 15-17 (%) [DfE LAIT ReoffYO15-17; source YJB/MoJ]' },
    periodLabelColumn: 'period',
    sourceIn: 'release',
  },
};

/** The edition named in our `source` column for each file the reference rows were read from. */
const EDITIONS: Readonly<Record<string, string>> = {
  'tom-draper/uk-data-atlas:public/data/crime/policeforceareatablesyejune25final.csv': 'ONS PFA data tables YE Jun 2025',
  'anushka-0104/uk-crime-trends-dashboard:data/policeforceareatablesyedecember2024.xlsx': 'ONS PFA data tables YE Dec 2024',
  'RG-1427/Data-Analytics:policeforceareatablesyeendingmarch2019.xlsx': 'ONS PFA data tables YE Mar 2019',
};

interface Located {
  readonly line: number;
  readonly row: Row;
}

/** Reads a CSV with a header into rows that remember their line. */
function readCsv(path: string): Located[] {
  const records = parseCsv(readFileSync(path, 'utf8'), { columns: true, info: true, skip_empty_lines: true, bom: true }) as {
    record: Row;
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ line: info.lines, row: record }));
}

const referenceCache = new Map<string, Row[]>();
function reference(file: string): Row[] {
  let rows = referenceCache.get(file);
  if (!rows) {
    rows = readCsv(join(REFERENCE, file)).map((r) => r.row);
    referenceCache.set(file, rows);
  }
  return rows;
}

function dataFolders(): string[] {
  return existsSync(DATA)
    ? readdirSync(DATA, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
}

/** Each measure's frontmatter, by slug. */
function measures(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(MEASURES).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(MEASURES, name), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    assert.ok(match, `content/measures/${name} has no frontmatter`);
    out.set(name.replace(/\.md$/, ''), parseYaml(match[1]!) as Record<string, unknown>);
  }
  return out;
}

/** Why a data row cannot be traced to the reference, or undefined when it can. */
function traceProblem(slug: string, row: Row, trace: Trace): string | undefined {
  let where: Readonly<Row> = trace.where;
  const breakdownValue = trace.breakdown ? (row[trace.breakdown.column] ?? '') : '';
  if (trace.breakdown && breakdownValue !== '') {
    const filter = trace.breakdown.where[breakdownValue];
    if (!filter) return `${trace.breakdown.column} "${breakdownValue}" has no reference series mapped for ${slug}`;
    where = filter;
  }
  const periodColumn = trace.periodColumn ?? 'period';
  const toPeriod = trace.toPeriod ?? ((period: string) => period);
  const candidates = reference(trace.file).filter(
    (ref) =>
      Object.entries(where).every(([column, value]) => ref[column] === value) &&
      toPeriod(ref[periodColumn] ?? '') === row.period &&
      ref.area_code === row.area_code &&
      (row.area_name === undefined || row.area_name === '' || ref.area_name === row.area_name),
  );
  const described = `period "${row.period}", area ${row.area_code} "${row.area_name ?? ''}"${breakdownValue ? `, ${trace.breakdown!.column} "${breakdownValue}"` : ''}`;
  if (candidates.length === 0) return `no row in ${trace.file} for ${described} in series ${JSON.stringify(where)}`;
  if (candidates.length > 1) return `${candidates.length} rows in ${trace.file} match ${described}; the mapping must pick one`;
  const ref = candidates[0]!;
  if (row.value !== ref.value) return `value "${row.value}" differs from ${trace.file}, which has "${ref.value}" for ${described}`;
  const labelColumn = trace.periodLabelColumn ?? 'period_label';
  if (row.period_label !== undefined && row.period_label !== ref[labelColumn]) {
    return `period_label "${row.period_label}" differs from ${trace.file}, which has "${ref[labelColumn]}" for ${described}`;
  }
  if (trace.sourceIn === 'release') {
    if (row.source !== undefined) return `source "${row.source}" is not expected: the release's read_from names the one source file`;
  } else if (ref.source_table !== undefined) {
    const edition = EDITIONS[ref.source_repo_path ?? ''];
    if (!edition) return `reference row for ${described} was read from ${ref.source_repo_path}, which has no edition in EDITIONS`;
    const expected = `${edition}, ${ref.source_table}`;
    if (row.source !== expected) return `source "${row.source ?? ''}" should be "${expected}" for ${described}`;
  }
  return undefined;
}

describe('data traceability', () => {
  test('the reference copy holds SOURCES.md and every mapped file', () => {
    assert.ok(existsSync(join(REFERENCE, 'SOURCES.md')), 'test/fixtures/reference-data/SOURCES.md is missing');
    for (const file of new Set([...Object.values(TRACES).map((t) => t.file), QUOTED])) {
      assert.ok(existsSync(join(REFERENCE, file)), `test/fixtures/reference-data/${file} is missing`);
    }
  });

  test('the reference copy matches ../shared/reference-data when that folder is present', (t) => {
    if (!existsSync(SHARED_REFERENCE)) return t.skip('../shared/reference-data is not present');
    // Files in sub-folders too (the ONS workbooks are in ons-workbooks/), compared byte for byte.
    const files = (root: string) => (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
      .sort();
    const shared = files(SHARED_REFERENCE);
    assert.deepEqual(files(REFERENCE), shared);
    for (const name of shared) {
      assert.ok(readFileSync(join(REFERENCE, name)).equals(readFileSync(join(SHARED_REFERENCE, name))), `${name} differs from ../shared/reference-data`);
    }
  });

  test('every data folder has an explicit reference mapping, and every mapping a folder', () => {
    assert.deepEqual(dataFolders(), Object.keys(TRACES).sort());
  });

  test('every value in data/measures equals a value in the reference files', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const slug of dataFolders()) {
      const trace = TRACES[slug];
      if (!trace) continue; // reported by the mapping test
      const releases = parseYaml(readFileSync(join(DATA, slug, 'releases.yaml'), 'utf8')) as { vintage: string; read_from?: string }[];
      const breakdownColumns = ((measures().get(slug)?.breakdowns ?? []) as { column: string }[]).map((b) => b.column);
      for (const name of readdirSync(join(DATA, slug)).filter((n) => n.endsWith('.csv')).sort()) {
        const file = `data/measures/${slug}/${name}`;
        const release = releases.find((r) => String(r.vintage) === name.slice(0, 10));
        const fromTidy = release?.read_from?.includes(`via ../shared/reference-data/${ONS_EDITIONS}`) ?? false;
        // A release read from the tidy CSV carries earlier editions' rows, read from their workbooks.
        const fromWorkbooks = fromTidy || (release?.read_from?.includes(`via ../shared/reference-data/${WORKBOOK_FOLDER}/`) ?? false);
        const rows = readCsv(join(ROOT, file));
        if (rows.length === 0) problems.push(`${file}: no rows`);
        for (const { line, row } of rows) {
          checked++;
          const fromTidyRow = fromTidy ? tidyProblem(slug, row, breakdownColumns) : undefined;
          if (fromTidyRow === 'traced') continue;
          if (fromTidyRow) {
            problems.push(`${file}:${line}: ${fromTidyRow}`);
            continue;
          }
          const fromWorkbook = fromWorkbooks ? workbookProblem(slug, row, breakdownColumns) : undefined;
          if (fromWorkbook === 'traced') continue;
          const problem = fromWorkbook ?? traceProblem(slug, row, trace);
          if (problem) problems.push(`${file}:${line}: ${problem}`);
        }
      }
    }
    assert.deepEqual(problems, [], `untraceable rows:\n${problems.join('\n')}`);
    assert.ok(checked > 0, 'no data rows were checked');
  });

  test('each release names the reference file it was read from', () => {
    const problems: string[] = [];
    for (const slug of dataFolders()) {
      const trace = TRACES[slug];
      if (!trace) continue;
      const file = `data/measures/${slug}/releases.yaml`;
      const releases = parseYaml(readFileSync(join(ROOT, file), 'utf8')) as { read_from?: string; workbook_sha256?: string }[];
      releases.forEach((release, i) => {
        const workbook = /via \.\.\/shared\/reference-data\/ons-workbooks\/([^\s;]+\.xlsx)/.exec(release.read_from ?? '')?.[1];
        const tidy = release.read_from?.includes(`via ../shared/reference-data/${ONS_EDITIONS}`) ?? false;
        if (tidy) {
          // An edition held only in the tidy CSV: read_from names the workbook the tidy rows were read from, and no checksum of a workbook we do not hold.
          const edition = (release as { edition?: string }).edition;
          const sources = new Set(reference(ONS_EDITIONS).filter((r) => r.edition === `ONS Police force area data tables - ${edition}`).map((r) => r.source_repo_path));
          if (sources.size !== 1 || !release.read_from!.startsWith(`${[...sources][0]} (the workbook itself is not held here)`)) {
            problems.push(`${file}: release ${i + 1} read_from should start with the tidy rows' source_repo_path (${[...sources].join('; ')}) and say the workbook is not held`);
          }
          if (release.workbook_sha256 !== undefined) problems.push(`${file}: release ${i + 1} records workbook_sha256 of a workbook that is not held`);
        } else if (workbook) {
          // A release imported from a workbook names it, and records that workbook's checksum.
          const bytes = readFileSync(join(REFERENCE, WORKBOOK_FOLDER, workbook));
          const sha = createHash('sha256').update(bytes).digest('hex');
          if (release.workbook_sha256 !== sha) problems.push(`${file}: release ${i + 1} workbook_sha256 is not the SHA-256 of ${workbook} (${sha})`);
        } else if (!release.read_from?.includes(`via ../shared/reference-data/${trace.file}`)) {
          problems.push(`${file}: release ${i + 1} read_from does not name ../shared/reference-data/${trace.file}`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  test('no data folder exists for a derived measure', () => {
    const folders = new Set(dataFolders());
    const derived = [...measures()].filter(([, meta]) => meta.derivation !== undefined).map(([slug]) => slug);
    assert.ok(derived.includes('victim-based-crime'), 'victim-based-crime should be derived');
    for (const slug of derived) {
      assert.ok(!folders.has(slug), `data/measures/${slug}/ exists, but content/measures/${slug}.md has a derivation: delete the folder`);
    }
  });

  test('victim-based crime inputs give the hand-computed Nottingham figures', () => {
    // Hand-computed from the reference counts: total recorded crime (excluding fraud) minus drug offences,
    // possession of weapons offences, public order offences and miscellaneous crimes against society.
    const expected: Record<string, number> = {
      '2023-01-01/2023-12-31': 40582 - 2182 - 741 - 3709 - 1007, // 32943
      '2024-01-01/2024-12-31': 38671 - 1959 - 775 - 3282 - 940, // 31715
      '2024-07-01/2025-06-30': 40116 - 2117 - 811 - 3553 - 1036, // 32599
    };
    const derivation = measures().get('victim-based-crime')!.derivation as { terms: { measure: string; sign: '+' | '-' }[] };
    const totals: Record<string, number> = {};
    for (const term of derivation.terms) {
      const folder = join(DATA, term.measure);
      const latest = readdirSync(folder).filter((n) => n.endsWith('.csv')).sort().at(-1)!;
      for (const { row } of readCsv(join(folder, latest))) {
        const period = row.period;
        if (row.area_code !== 'E06000018' || period === undefined) continue;
        totals[period] = (totals[period] ?? 0) + (term.sign === '+' ? 1 : -1) * Number(row.value);
      }
    }
    assert.deepEqual(totals, expected);
    assert.deepEqual(Object.values(expected), [32943, 31715, 32599]);
  });

  test('quoted figures match figures_quoted_in_web_pages.csv', () => {
    const quoted = reference(QUOTED);
    const problems: string[] = [];
    let checked = 0;
    for (const [slug, meta] of measures()) {
      const figures = (meta.quoted_figures ?? []) as { value: number; url: string; area_name: string; unit: string }[];
      figures.forEach((figure, i) => {
        checked++;
        const found = quoted.some(
          (ref) => ref.source_url === figure.url && ref.area_name === figure.area_name && ref.unit === figure.unit && Number(ref.value) === figure.value,
        );
        if (!found) problems.push(`content/measures/${slug}.md: quoted_figures[${i}] (${figure.value} ${figure.unit}, ${figure.url}) is not in ${QUOTED}`);
      });
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 0, 'no quoted figures were checked');
  });

  test('the new series trace exactly, period forms included', () => {
    const alcohol = TRACES['adults-in-alcohol-treatment']!;
    const nottingham = { area_code: 'E06000018', area_name: 'Nottingham' };
    assert.equal(traceProblem('adults-in-alcohol-treatment', { ...nottingham, period: '2018-19', period_label: '2018/19', value: '1045.0' }, alcohol), undefined);
    assert.match(traceProblem('adults-in-alcohol-treatment', { ...nottingham, period: '2018-19', period_label: '2018/19', value: '1045' }, alcohol) ?? '', /differs/);
    assert.match(traceProblem('adults-in-alcohol-treatment', { ...nottingham, period: '2018/19', value: '1045.0' }, alcohol) ?? '', /no row/);
    const asb = TRACES['asb-records-policeuk-monthly']!;
    assert.equal(traceProblem('asb-records-policeuk-monthly', { ...nottingham, period: '2024-01', value: '47' }, asb), undefined);
    assert.match(traceProblem('asb-records-policeuk-monthly', { ...nottingham, period: '2024-01', value: '47', source: 'x' }, asb) ?? '', /not expected/);
    const reoffending = TRACES['youth-reoffending-rate-15-17']!;
    assert.equal(traceProblem('youth-reoffending-rate-15-17', { ...nottingham, period: '2024', period_label: '2024', value: '33.590000000000003' }, reoffending), undefined);
    // The 10-14 (ReoffYO) series has the same periods and areas: the mapping must not pick it up.
    assert.match(traceProblem('youth-reoffending-rate-15-17', { ...nottingham, period: '2024', period_label: '2024', value: '28.57' }, reoffending) ?? '', /differs/);
    const entrants = TRACES['youth-first-time-entrants-rate']!;
    assert.equal(traceProblem('youth-first-time-entrants-rate', { ...nottingham, period: '2024', period_label: '2024', value: '162' }, entrants), undefined);
  });

  test('the tracer rejects a value one digit out', () => {
    const trace = TRACES.robbery!;
    const row = { period: '2024-01-01/2024-12-31', area_code: 'E06000018', area_name: 'Nottingham', period_label: 'year ending December 2024', source: 'ONS PFA data tables YE Dec 2024, Table C2' };
    assert.equal(traceProblem('robbery', { ...row, value: '570' }, trace), undefined);
    assert.match(traceProblem('robbery', { ...row, value: '571' }, trace) ?? '', /differs/);
    assert.match(traceProblem('robbery', { ...row, value: '570.0' }, trace) ?? '', /differs/);
  });

  test('the workbook tracer rejects a value one digit out, and a period the workbook does not give', () => {
    const row = { period: '2021-22', area_code: 'E23000019', value: '25811', source: 'ONS PFA data tables YE Mar 2022, Table P12' };
    assert.equal(workbookProblem('asb-reported-to-police', row, []), 'traced');
    assert.match(workbookProblem('asb-reported-to-police', { ...row, value: '25812' }, []) ?? '', /differs from pfafinalmar22\.xlsx, which gives "25811"/);
    assert.match(workbookProblem('asb-reported-to-police', { ...row, period: '2022-23' }, []) ?? '', /gives no figure/);
    assert.equal(workbookProblem('asb-reported-to-police', { ...row, source: 'ONS PFA data tables YE Mar 2019, Table P7' }, []), undefined, 'an edition we hold no workbook of is left to the reference CSVs');
  });
});
