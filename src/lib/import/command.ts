/**
 * `npm run import -- ons-pfa <workbook.xlsx> --released <YYYY-MM-DD> [--dry-run]`: publishes, for
 * every measure whose `ons_pfa` mapping finds its tables in the workbook, a new release named by the
 * publisher's release date. A release holds the series as known that day: the previous release's
 * rows, with the periods this edition publishes replaced or added (the ALFRED vintage model).
 *
 * `npm run import -- ons-tidy <tidy.csv> --edition "year ending <Month> <YYYY>" --released <date>`
 * does the same for an edition held only as rows of the tidy CSV of editions (no workbook).
 * `--measures <slug,...>` limits either to the named measures. A release dated before releases
 * already published is `backfilled` (see the release schema).
 *
 * Everything is read and checked before anything is written; any problem refuses the whole import.
 */
import { sha256Hex } from '../format/sha256.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readCollection, readYamlFile } from '../validate/content.ts';
import { isRealIsoDate } from '../schemas/common.ts';
import { measureSchema, type MeasureMeta } from '../schemas/measure.ts';
import type { Release } from '../schemas/release.ts';
import { siteSchema } from '../schemas/site.ts';
import { appendEntry, readFolder } from '../scaffold/release.ts';
import { refuse, type ExitCode, type ScaffoldContext } from '../scaffold/context.ts';
import { validateMeasureData, type FolderFile } from '../validate/data.ts';
import { formatDiagnostic } from '../format/diagnostics.ts';
import { longDate } from '../format/labels.ts';
import { extractFigures, findEdition, yearEndingLabel, yearEndings, type Edition, type Extraction, type Figure, type MeasureMapping } from './ons-pfa.ts';
import { readTidyEdition } from './ons-tidy.ts';
import { runCompareImport } from './compare-command.ts';
import { readReleaseDates, type ReleaseDate, RELEASE_DATES_FILE } from './release-dates.ts';
import { readWorkbook } from './workbook.ts';

const USAGE = [
  'Usage: npm run import -- ons-pfa <workbook.xlsx> --released <YYYY-MM-DD> [--dry-run] [--read-from "<where the file was obtained>"] [--measures <slug,slug>] (a dry run may leave out --released)',
  '   (--released cited takes the date data/reference/ons_release_dates.csv cites for the workbook\'s edition: what npm run inbox uses)',
  '   or: npm run import -- ons-tidy <tidy.csv> --edition "year ending <Month> <YYYY>" --released <YYYY-MM-DD> [--dry-run]  (an edition whose workbook is not held, from a tidy extraction of it)',
].join('\n');
const DATASET_URL = 'https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/policeforceareadatatables';
const PUBLISHER = 'Office for National Statistics';
const RELEASES = 'releases.yaml';
/** `--released cited`: the date the release dates file cites for the workbook's edition. */
const CITED = 'cited';

/** What the command line asked for. */
interface ImportRequest {
  /** ons-pfa: an ONS workbook; ons-tidy: the tidy CSV of editions (ons_pfa_editions_force_level_2022_2024.csv). */
  readonly kind: 'ons-pfa' | 'ons-tidy';
  /** The file to read: a workbook, or the tidy CSV. */
  readonly workbook: string;
  /** ons-tidy only: which edition to read, e.g. "year ending September 2022". */
  readonly edition?: string;
  /**
   * The publisher's release date; a dry run may leave it out (an edition with no cited date can still
   * be previewed). "cited" takes the date the release dates file cites for the workbook's edition.
   */
  readonly released: string | undefined;
  readonly dryRun: boolean;
  readonly readFrom?: string;
  /** Only these measures (slugs), e.g. to import an edition for measures mapped after it was first imported. */
  readonly only?: readonly string[];
}

/** Parses the arguments after `import`, or returns the refusal lines. */
function parseArgs(args: readonly string[]): ImportRequest | { problem: string } {
  const [kind, ...rest] = args;
  if (kind !== 'ons-pfa' && kind !== 'ons-tidy') {
    return { problem: `Refused: unknown import "${kind ?? ''}"; the importers are ons-pfa (an ONS police force area data tables workbook), ons-tidy (an edition from the tidy CSV of editions) and ons-compare (every partnership's figures, for the comparison pages).` };
  }
  let workbook: string | undefined;
  let edition: string | undefined;
  let released: string | undefined;
  let readFrom: string | undefined;
  let only: string[] | undefined;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--released') released = rest[++i];
    else if (arg.startsWith('--released=')) released = arg.slice('--released='.length);
    else if (arg === '--read-from') readFrom = rest[++i];
    else if (arg === '--edition' && kind === 'ons-tidy') edition = rest[++i];
    else if (arg === '--measures') only = (rest[++i] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    else if (arg.startsWith('--')) return { problem: `Refused: unknown option ${arg}.` };
    else if (workbook === undefined) workbook = arg;
    else return { problem: `Refused: one workbook at a time; "${arg}" is a second file.` };
  }
  if (!workbook) return { problem: `Refused: name the ${kind === 'ons-pfa' ? 'workbook' : 'tidy CSV'} to import.` };
  if (kind === 'ons-tidy' && !edition) return { problem: 'Refused: name the edition to read with --edition "year ending <Month> <YYYY>".' };
  if (!released && !dryRun) return { problem: 'Refused: give the publisher\'s release date with --released YYYY-MM-DD (see data/reference/ons_release_dates.csv).' };
  if (only && only.length === 0) return { problem: 'Refused: --measures needs a comma-separated list of measure slugs.' };
  return { kind, workbook, released, dryRun, ...(edition ? { edition } : {}), ...(readFrom ? { readFrom } : {}), ...(only ? { only } : {}) };
}

/** Runs the importer; 0 done, 1 refused with nothing written. */
export function runImport(args: readonly string[], ctx: ScaffoldContext): ExitCode {
  // Every area's figures for the comparison pages: its own command (compare-command.ts).
  if (args[0] === 'ons-compare') return runCompareImport(args.slice(1), ctx);
  const request = parseArgs(args);
  if ('problem' in request) return refuse(ctx, request.problem, USAGE);

  if (request.released !== undefined && request.released !== CITED && !isRealIsoDate(request.released)) {
    return refuse(ctx, `Refused: --released "${request.released}" is not a real date written YYYY-MM-DD.`, 'Give the publisher\'s release date, e.g. --released 2022-07-21.');
  }
  if (request.released !== undefined && request.released !== CITED && request.released > ctx.today) {
    return refuse(ctx, `Refused: --released ${request.released} is after today (${ctx.today}); a release date must be in the past.`, 'Import the workbook on or after the day the publisher releases it.');
  }

  const path = resolve(ctx.cwd, request.workbook);
  if (!existsSync(path) || !statSync(path).isFile()) return refuse(ctx, `Refused: the file ${request.workbook} was not found (looked for ${path}).`);
  const fileName = basename(path);
  const bytes = new Uint8Array(readFileSync(path));
  const workbook = request.kind === 'ons-pfa' ? readWorkbook(bytes) : undefined;
  if (workbook && !workbook.ok) return refuse(ctx, `Refused: ${fileName}: ${workbook.problem}.`);
  const edition = workbook?.ok ? findEdition(workbook.sheets) : tidyEdition(request.edition!, fileName);
  if (!edition && request.kind === 'ons-tidy') return refuse(ctx, `Refused: --edition "${request.edition}": expected an edition name such as "year ending September 2022".`);
  if (!edition) {
    return refuse(
      ctx,
      `Refused: ${fileName}: expected a title "Police force area data tables - year ending <Month> <YYYY>" in the first rows of a sheet (normally sheet "Cover_sheet", cell A1); found none in sheets ${(workbook?.ok ? workbook.sheets : []).map((s) => `"${s.name}"`).join(', ')}.`,
      'Is this an ONS "Police force area data tables" workbook?',
    );
  }

  const dates = readReleaseDates(ctx.root);
  if ('problem' in dates) return refuse(ctx, `Refused: ${dates.problem}`);
  // A dry run only prints figures, so it may preview an edition whose date is not cited yet; publishing may not.
  const citation = dates.dates.find((d) => d.edition === edition.name);
  const citationProblem = !citation
    ? [
        `${RELEASE_DATES_FILE} has no release date for the ${edition.name} edition (read from ${fileName}, ${edition.where}).`,
        `Add a row citing it: edition "${edition.name}", release_date, the words that state it (e.g. "Release date: 24 July 2025") and the ONS page's address; then run this again with that date.`,
      ]
    : request.released !== undefined && request.released !== CITED && citation.releaseDate !== request.released
      ? [
          `--released ${request.released} does not match the cited release date of the ${edition.name} edition: ${citation.releaseDate} ("${citation.evidence}", ${citation.url}).`,
          `Run it again with --released ${citation.releaseDate}. If ONS moved the date, correct ${RELEASE_DATES_FILE} with the page that says so.`,
        ]
      : undefined;
  if (citationProblem && !request.dryRun) return refuse(ctx, `Refused: ${citationProblem[0]}`, ...citationProblem.slice(1));
  if (citationProblem) ctx.err(`Note (dry run; publishing would be refused): ${citationProblem[0]}`);
  const released = request.released === CITED ? citation?.releaseDate : request.released;
  if (released !== undefined && released > ctx.today) {
    return refuse(ctx, `Refused: the ${edition.name} edition's cited release date, ${released}, is after today (${ctx.today}); a release date must be in the past.`, 'Import the workbook on or after the day the publisher releases it.');
  }

  const measures = readCollection(ctx.root, 'content/measures', { extensions: ['.md', '.mdx'], depth: 1, schema: measureSchema });
  if (measures.diagnostics.length) return refuse(ctx, 'Refused: content/measures has problems; fix them first:', ...measures.diagnostics.map(formatDiagnostic));
  const site = readYamlFile(ctx.root, 'content/site.yaml', siteSchema);
  if (!site.data) return refuse(ctx, 'Refused: content/site.yaml has problems; fix them first:', ...site.diagnostics.map(formatDiagnostic));
  const siteAreas = {
    partnership: { name: site.data.area.name, code: site.data.area.code },
    ...(site.data.area.police_force_area ? { policeForceArea: site.data.area.police_force_area } : {}),
  };

  const unmapped = (request.only ?? []).filter((slug) => !measures.entries.some((m) => m.id === slug && m.data.ons_pfa.length > 0));
  if (unmapped.length) return refuse(ctx, `Refused: --measures names ${unmapped.join(', ')}, which ${unmapped.length === 1 ? 'is' : 'are'} not a measure with an ons_pfa mapping.`);
  const mapped: MeasureMapping[] = measures.entries
    .filter((m) => m.data.ons_pfa.length > 0 && (request.only === undefined || request.only.includes(m.id)))
    .map((m) => ({ slug: m.id, frequency: m.data.frequency, intervalMonths: m.data.interval_months, mappings: m.data.ons_pfa }))
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
  if (mapped.length === 0) return refuse(ctx, 'Refused: no measure has an ons_pfa mapping in its frontmatter, so there is nothing to import.');

  let extraction: Extraction;
  let sourceRepoPath: string | undefined;
  if (workbook?.ok) {
    extraction = extractFigures(workbook.sheets, edition, mapped, siteAreas, fileName);
  } else {
    const tidy = readTidyEdition(new TextDecoder().decode(bytes), fileName, edition.name, mapped, siteAreas);
    extraction = 'problems' in tidy
      ? { figures: [], skipped: [], tables: new Map(), noFigure: [], problems: tidy.problems }
      : { figures: tidy.figures, skipped: mapped.map((m) => m.slug).filter((slug) => !tidy.tables.has(slug)), tables: tidy.tables, noFigure: [], problems: [] };
    if (!('problems' in tidy)) sourceRepoPath = tidy.sourceRepoPath;
  }
  if (extraction.problems.length) {
    return refuse(ctx, `Refused: ${fileName} (${edition.name}) does not match the measures' ons_pfa mappings:`, ...extraction.problems);
  }
  if (extraction.figures.length === 0) {
    return refuse(ctx, `Refused: no mapped table was found in ${fileName} (${edition.name}); checked ${mapped.map((m) => m.slug).join(', ')}.`);
  }
  for (const line of extraction.noFigure) ctx.err(`Note: ${line}.`);
  for (const slug of extraction.skipped) ctx.err(`Note: ${slug}: its tables are not in the ${edition.name} edition; no release.`);

  if (request.dryRun) {
    ctx.out('measure,period,area_code,value');
    // A breakdown series is named measure[column=value], so its rows stay distinct under the four-column header.
    for (const f of extraction.figures) {
      const measure = f.breakdown ? `${f.measure}[${f.breakdown.column}=${f.breakdown.value}]` : f.measure;
      ctx.out([measure, f.period, f.areaCode, f.value].map(csvField).join(','));
    }
    return 0;
  }

  const sha = workbook ? sha256Hex(bytes) : undefined;
  // Without the workbook, say where the tidy file read each figure from and that the workbook is not here.
  const readFrom = request.readFrom ?? (sourceRepoPath ? `${sourceRepoPath} (the workbook itself is not held here); via ${request.workbook}` : fileName);
  const plans: WritePlan[] = [];
  const problems: string[] = [];
  for (const measure of measures.entries) {
    const figures = extraction.figures.filter((f) => f.measure === measure.id && (request.only === undefined || request.only.includes(measure.id)));
    if (figures.length === 0) continue;
    const plan = planRelease({
      root: ctx.root,
      slug: measure.id,
      meta: measure.data,
      figures,
      edition,
      citation: citation!,
      released: released!,
      today: ctx.today,
      tables: extraction.tables.get(measure.id) ?? [],
      workbookSha256: sha,
      readFrom,
      fromTidy: sourceRepoPath !== undefined,
      siteArea: siteAreas.partnership,
      pfaArea: siteAreas.policeForceArea,
    });
    if ('problems' in plan) problems.push(...plan.problems);
    else plans.push(plan);
  }
  if (problems.length) return refuse(ctx, `Refused: the new releases would not pass the site's checks:`, ...problems);

  const written: string[] = [];
  try {
    for (const plan of plans) {
      mkdirSync(join(ctx.root, plan.folder), { recursive: true });
      writeFileSync(join(ctx.root, plan.csvPath), plan.csv, { flag: 'wx' });
      written.push(plan.csvPath);
    }
    for (const plan of plans) writeFileSync(join(ctx.root, plan.folder, RELEASES), plan.releasesText);
  } catch (error) {
    for (const file of written) rmSync(join(ctx.root, file), { force: true });
    throw error;
  }
  ctx.out(`Imported the ${edition.name} edition (released ${released!}) from ${fileName}:`);
  for (const plan of plans) ctx.out(`  ${plan.csvPath}: ${plan.summary}`);
  ctx.out('Next: run "npm run validate", then commit data/measures in one commit.');
  return 0;
}

/** The edition named on the command line, e.g. "year ending September 2022", or undefined if it is not one. */
function tidyEdition(name: string, fileName: string): Edition | undefined {
  const [span, ...others] = yearEndings(name);
  return span && others.length === 0 && yearEndingLabel(span) === name ? { name, span, where: `${fileName}, edition "${name}"` } : undefined;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** "YE Mar 2022" for "year ending March 2022", as existing `source` cells write editions. */
function shortEdition(edition: Edition): string {
  return edition.name.replace(/^year ending (\w{3})\w* (\d{4})$/, 'YE $1 $2');
}

interface WritePlan {
  readonly folder: string;
  readonly csvPath: string;
  readonly csv: string;
  readonly releasesText: string;
  readonly summary: string;
}

interface PlanInput {
  readonly root: string;
  readonly slug: string;
  readonly meta: MeasureMeta;
  readonly figures: readonly Figure[];
  readonly edition: Edition;
  readonly citation: ReleaseDate;
  readonly released: string;
  readonly today: string;
  readonly tables: readonly string[];
  /** Absent when the figures come from a tidy extraction and the workbook is not held. */
  readonly workbookSha256: string | undefined;
  readonly readFrom: string;
  /** Whether the figures come from the tidy CSV of editions rather than a workbook. */
  readonly fromTidy: boolean;
  readonly siteArea: { readonly name: string; readonly code: string };
  readonly pfaArea: { readonly name: string; readonly code: string } | undefined;
}

type Row = Record<string, string>;

/** Builds one measure's new release and checks it exactly as the validator will. */
function planRelease(input: PlanInput): WritePlan | { problems: string[] } {
  const folder = `data/measures/${input.slug}`;
  const csvPath = `${folder}/${input.released}.csv`;
  if (existsSync(join(input.root, csvPath))) {
    return { problems: [`${csvPath} already exists: this edition (or another released the same day) has been imported already; a published release is never overwritten.`] };
  }
  const files = readFolder(input.root, folder);
  const releasesFile = files.find((f) => f.name === RELEASES);
  const releaseFiles = files.filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const earlier = releaseFiles.filter((f) => f.name.slice(0, 10) < input.released).at(-1);
  // Releases already published with later dates were built without this edition and are never edited.
  const later = releaseFiles.filter((f) => f.name.slice(0, 10) > input.released).map((f) => f.name.slice(0, 10));
  const previousRows: Row[] = earlier ? (parseCsv(new TextDecoder().decode(earlier.bytes), { columns: true, bom: true, skip_empty_lines: true }) as Row[]) : [];
  const previousColumns = previousRows.length ? Object.keys(previousRows[0]!) : [];
  const breakdownColumns = input.meta.breakdowns.map((b) => b.column);
  const keyOf = (row: Row) => [row.period ?? '', row.area_code ?? '', ...breakdownColumns.map((c) => row[c] ?? '')].join('\u0000');

  const rows = previousRows.map((row) => ({ ...row }));
  const index = new Map(rows.map((row, i) => [keyOf(row), i]));
  let added = 0;
  let revised = 0;
  let unchanged = 0;
  const source = (f: Figure) => `ONS PFA data tables ${shortEdition(input.edition)}, ${f.table}`;
  for (const f of input.figures) {
    const row: Row = {
      period: f.period,
      value: f.value,
      area_code: f.areaCode,
      area_name: areaName(f, input, rows),
      period_label: f.periodLabel,
      ...Object.fromEntries(breakdownColumns.map((c) => [c, f.breakdown?.column === c ? f.breakdown.value : ''])),
      note: '',
      source: source(f),
    };
    const at = index.get(keyOf(row));
    if (at === undefined) {
      added++;
      index.set(keyOf(row), rows.length);
      rows.push(row);
    } else {
      if (Number(rows[at]!.value) === Number(f.value) && rows[at]!.value !== '') unchanged++;
      else revised++;
      rows[at] = { ...rows[at]!, ...row };
    }
  }
  const areaOrder = new Map<string, number>();
  for (const row of rows) if (!areaOrder.has(row.area_code ?? '')) areaOrder.set(row.area_code ?? '', areaOrder.size);
  rows.sort(
    (a, b) =>
      areaOrder.get(a.area_code ?? '')! - areaOrder.get(b.area_code ?? '')! ||
      breakdownColumns.map((c) => compareText(a[c] ?? '', b[c] ?? '')).find((n) => n !== 0) ||
      compareText(a.period ?? '', b.period ?? ''),
  );
  const standard = ['period', 'value', 'area_code', 'area_name', 'period_label', ...breakdownColumns, 'note', 'source'];
  const columns = [...standard, ...previousColumns.filter((c) => !standard.includes(c))];
  const csv = [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c] ?? '')).join(','))].join('\n') + '\n';

  const previousEntry = previousRelease(releasesFile);
  const tablesText = input.tables.length > 1 ? `${input.tables.slice(0, -1).join(', ')} and ${input.tables.at(-1)}` : (input.tables[0] ?? '');
  const changes = [
    `ONS ${input.edition.name} edition (${tablesText}): ${added} value${added === 1 ? '' : 's'} added, ${revised} revised, ${unchanged} unchanged.`,
    ...(input.fromTidy ? ['Read from a tidy extraction of the edition\'s workbook that names the table and cell of each figure; the workbook itself is not held here.'] : []),
    ...(later.length > 0
      ? [`Added to this site after the release${later.length === 1 ? '' : 's'} of ${longDate(later[0]!)}${later.length > 1 ? ` to ${longDate(later.at(-1)!)}` : ''} had been published; ${later.length === 1 ? 'it was' : 'they were'} built without this release and ${later.length === 1 ? 'is' : 'are'} never edited, so figures of this release missing from ${later.length === 1 ? 'it' : 'them'} are shown as not carried forward, not as withdrawn by ONS.`]
      : []),
  ].join(' ');
  const entry: Release = {
    vintage: input.released,
    publisher: PUBLISHER,
    dataset: `Police force area data tables, ${input.edition.name}, ${tablesText}`,
    url: previousEntry?.url ?? DATASET_URL,
    retrieved: input.today,
    licence: previousEntry?.licence ?? 'Open Government Licence v3.0',
    changes,
    read_from: input.readFrom,
    sha256: sha256Hex(csv),
    edition: input.edition.name,
    tables: [...input.tables],
    ...(input.workbookSha256 ? { workbook_sha256: input.workbookSha256 } : {}),
    ...(later.length > 0 ? { backfilled: true } : {}),
    release_date: { evidence: input.citation.evidence, url: input.citation.url },
  };
  const releasesText = appendEntry(releasesFile ? new TextDecoder().decode(releasesFile.bytes) : '', entry);
  const checked = validateMeasureData({
    slug: input.slug,
    meta: input.meta,
    siteArea: input.siteArea,
    files: [
      ...files.filter((f) => f.name !== RELEASES),
      { name: `${input.released}.csv`, bytes: new TextEncoder().encode(csv) },
      { name: RELEASES, bytes: new TextEncoder().encode(releasesText) },
    ],
    today: input.today,
  });
  if (checked.diagnostics.length) return { problems: checked.diagnostics.map(formatDiagnostic) };
  return { folder, csvPath, csv, releasesText, summary: changes };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A row's area name: the one already used for that code, else site.yaml's or the measure's, else the workbook's label. */
function areaName(f: Figure, input: PlanInput, rows: readonly Row[]): string {
  const used = rows.find((r) => r.area_code === f.areaCode && r.area_name)?.area_name;
  if (used) return used;
  if (f.areaCode === input.siteArea.code) return input.siteArea.name;
  if (input.pfaArea && f.areaCode === input.pfaArea.code) return input.pfaArea.name;
  if (input.meta.area?.code === f.areaCode) return input.meta.area.name;
  return input.meta.comparators.find((c) => c.area_code === f.areaCode)?.label ?? f.areaLabel;
}

function previousRelease(file: FolderFile | undefined): { url?: string; licence?: string } | undefined {
  if (!file) return undefined;
  const text = new TextDecoder().decode(file.bytes);
  const url = /^\s*url:\s*"?([^"\n]+)"?\s*$/m.exec(text)?.[1];
  const licence = /^\s*licence:\s*"?([^"\n]+)"?\s*$/m.exec(text)?.[1];
  return { ...(url ? { url } : {}), ...(licence ? { licence } : {}) };
}

