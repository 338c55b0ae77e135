/**
 * `npm run import -- ons-compare <workbook.xlsx> --released <YYYY-MM-DD> [--dry-run]`: for every
 * rate measure whose partnership figure the workbook's partnership table holds, publishes every
 * partnership's figure, and for every force-level rate or percentage whose table lists every police
 * force area, every force's figure for the newest period, as a comparison release, `data/comparisons/<slug>/<released>.csv`, with the
 * notes the table cites (`<released>.notes.csv`) and its provenance in `releases.yaml` (the same
 * entries as a measure's releases: edition, tables, workbook and file checksums, release date).
 *
 * A table whose partnerships differ from the previous comparison release's (one renamed, merged or
 * split between editions) is refused, naming the sheet, the cells and the areas that changed, unless
 * `--areas-changed "<what ONS changed>"` says the change is known; the words go into `changes`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readCollection, readYamlFile } from '../validate/content.ts';
import { isRealIsoDate } from '../schemas/common.ts';
import { measureSchema } from '../schemas/measure.ts';
import type { Release } from '../schemas/release.ts';
import { siteSchema } from '../schemas/site.ts';
import { appendEntry } from '../scaffold/release.ts';
import { refuse, type ExitCode, type ScaffoldContext } from '../scaffold/context.ts';
import { formatDiagnostic } from '../format/diagnostics.ts';
import { csvText } from '../format/csv.ts';
import { findEdition } from './ons-pfa.ts';
import { areaChangeLines, areaChanges, comparedMapping, COMPARISON_COLUMNS, isForceLevel, NOTES_COLUMNS, readComparison, type ComparisonRead, type ComparisonRow, type KnownAreas } from './ons-compare.ts';
import { readReleaseDates, RELEASE_DATES_FILE } from './release-dates.ts';
import { readWorkbook } from './workbook.ts';

/** Folder of the comparison releases, one folder per measure. */
export const COMPARISONS_DIR = 'data/comparisons';

const USAGE = 'Usage: npm run import -- ons-compare <workbook.xlsx> --released <YYYY-MM-DD> [--dry-run] [--read-from "<where the file was obtained>"] [--measures <slug,slug>] [--areas-changed "<what ONS changed>"]';
const DATASET_URL = 'https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/policeforceareadatatables';

interface CompareRequest {
  readonly workbook: string;
  readonly released?: string;
  readonly dryRun: boolean;
  readonly readFrom?: string;
  readonly only?: readonly string[];
  readonly areasChanged?: string;
}

function parseArgs(args: readonly string[]): CompareRequest | { problem: string } {
  let workbook: string | undefined;
  let released: string | undefined;
  let readFrom: string | undefined;
  let only: string[] | undefined;
  let areasChanged: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--released') released = args[++i];
    else if (arg === '--read-from') readFrom = args[++i];
    else if (arg === '--measures') only = (args[++i] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    else if (arg === '--areas-changed') areasChanged = (args[++i] ?? '').trim();
    else if (arg.startsWith('--')) return { problem: `Refused: unknown option ${arg}.` };
    else if (workbook === undefined) workbook = arg;
    else return { problem: `Refused: one workbook at a time; "${arg}" is a second file.` };
  }
  if (!workbook) return { problem: 'Refused: name the workbook to import.' };
  if (!released && !dryRun) return { problem: `Refused: give the publisher's release date with --released YYYY-MM-DD (see ${RELEASE_DATES_FILE}).` };
  if (areasChanged === '') return { problem: 'Refused: --areas-changed needs the words saying what ONS changed, e.g. --areas-changed "ONS notes 4: X and Y partnerships merged in April 2025".' };
  return { workbook, dryRun, ...(released ? { released } : {}), ...(readFrom ? { readFrom } : {}), ...(only ? { only } : {}), ...(areasChanged ? { areasChanged } : {}) };
}

type Row = Record<string, string>;

/** Runs the comparison importer; 0 done, 1 refused with nothing written. */
export function runCompareImport(args: readonly string[], ctx: ScaffoldContext): ExitCode {
  const request = parseArgs(args);
  if ('problem' in request) return refuse(ctx, request.problem, USAGE);
  if (request.released !== undefined && (!isRealIsoDate(request.released) || request.released > ctx.today)) {
    return refuse(ctx, `Refused: --released "${request.released}" must be a real, past date written YYYY-MM-DD.`);
  }
  const path = resolve(ctx.cwd, request.workbook);
  if (!existsSync(path) || !statSync(path).isFile()) return refuse(ctx, `Refused: the file ${request.workbook} was not found (looked for ${path}).`);
  const fileName = basename(path);
  const bytes = new Uint8Array(readFileSync(path));
  const workbook = readWorkbook(bytes);
  if (!workbook.ok) return refuse(ctx, `Refused: ${fileName}: ${workbook.problem}.`);
  const edition = findEdition(workbook.sheets);
  if (!edition) return refuse(ctx, `Refused: ${fileName}: expected a title "Police force area data tables - year ending <Month> <YYYY>" in the first rows of a sheet; found none.`);
  const dates = readReleaseDates(ctx.root);
  if ('problem' in dates) return refuse(ctx, `Refused: ${dates.problem}`);
  const citation = dates.dates.find((d) => d.edition === edition.name);
  if (!request.dryRun && (!citation || citation.releaseDate !== request.released)) {
    return refuse(
      ctx,
      citation
        ? `Refused: --released ${request.released} does not match the cited release date of the ${edition.name} edition: ${citation.releaseDate} ("${citation.evidence}", ${citation.url}).`
        : `Refused: ${RELEASE_DATES_FILE} has no release date for the ${edition.name} edition (read from ${fileName}, ${edition.where}); add a row citing it first.`,
    );
  }
  const measures = readCollection(ctx.root, 'content/measures', { extensions: ['.md', '.mdx'], depth: 1, schema: measureSchema });
  if (measures.diagnostics.length) return refuse(ctx, 'Refused: content/measures has problems; fix them first:', ...measures.diagnostics.map(formatDiagnostic));
  const site = readYamlFile(ctx.root, 'content/site.yaml', siteSchema);
  if (!site.data) return refuse(ctx, 'Refused: content/site.yaml has problems; fix them first:', ...site.diagnostics.map(formatDiagnostic));

  const compared = measures.entries
    .map((m) => ({ entry: m, mapping: comparedMapping(m.data.unit, m.data.ons_pfa, m.data.ons_pfa_compare) }))
    .filter((m) => m.mapping && (request.only === undefined || request.only.includes(m.entry.id)))
    .sort((a, b) => (a.entry.id < b.entry.id ? -1 : 1));
  const unknown = (request.only ?? []).filter((slug) => !compared.some((m) => m.entry.id === slug));
  if (unknown.length) return refuse(ctx, `Refused: --measures names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a measure' : 'are not measures'} compared across every area (a rate with a partnership ons_pfa mapping, or a rate or percentage with a police_force_area mapping or ons_pfa_compare).`);
  if (compared.length === 0) return refuse(ctx, 'Refused: no rate measure maps its partnership figure to an ons_pfa table, so there is nothing to compare.');

  const reads: ComparisonRead[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  for (const { entry, mapping } of compared) {
    const knownForces = isForceLevel(mapping!) ? knownForceAreas(ctx.root, entry.id, request.released) : undefined;
    const read = readComparison(
      workbook.sheets,
      edition,
      { slug: entry.id, frequency: entry.data.frequency, intervalMonths: entry.data.interval_months, mappings: entry.data.ons_pfa, mapping: mapping!, ...(entry.data.ons_pfa_reference ? { reference: entry.data.ons_pfa_reference } : {}), ...(knownForces ? { knownForces } : {}) },
      request.released ?? 'dry-run',
      fileName,
    );
    if ('problems' in read) problems.push(...read.problems);
    else if ('skipped' in read) skipped.push(`${entry.id}: ${read.skipped}`);
    else reads.push(read);
  }
  if (problems.length === 0 && reads.length === 0) return refuse(ctx, `Refused: ${fileName} (${edition.name}) has none of the compared measures' tables:`, ...skipped);
  if (problems.length) return refuse(ctx, `Refused: ${fileName} (${edition.name}) cannot be read for every area:`, ...problems);
  // The partnership this site is for (or its police force area) must be among the rows, or its pages could highlight nothing.
  const own = site.data.area.code;
  const force = site.data.area.police_force_area;
  for (const read of reads) {
    if (read.areas === 'police_force_area') {
      if (!force) problems.push(`${fileName}, ${read.sheet}: ${read.slug}'s comparison is of police force areas, but content/site.yaml names none; add area.police_force_area (name and code), e.g. police_force_area: { name: "Nottinghamshire (police force area)", code: "E23000019" }.`);
      else if (!read.rows.some((r) => r.role === 'police_force_area' && r.area_code === force.code)) problems.push(`${fileName}, ${read.sheet}: no police force area row has the code ${force.code} (content/site.yaml area.police_force_area.code), so ${read.slug}'s comparison could not show this partnership's force.`);
    } else if (!read.rows.some((r) => r.role === 'partnership' && (r.area_code === own || r.local_authority_code === own))) {
      problems.push(`${fileName}, ${read.sheet}: no partnership row has the code ${own} (content/site.yaml area.code) as its partnership or local authority code, so ${read.slug}'s comparison could not show this partnership.`);
    }
  }
  if (problems.length) return refuse(ctx, ...problems);

  if (request.dryRun) {
    ctx.out('measure,area_code,area_name,value,note,source_cell,role');
    for (const read of reads) for (const r of read.rows) ctx.out(csvText([[read.slug, r.area_code, r.area_name, r.value, r.note, r.source_cell, r.role]]).trimEnd());
    return 0;
  }

  const released = request.released!;
  const workbookSha = sha256(bytes);
  const plans: { folder: string; files: { name: string; text: string }[]; summary: string }[] = [];
  for (const read of reads) {
    const folder = join(COMPARISONS_DIR, read.slug);
    const csvName = `${released}.csv`;
    if (existsSync(join(ctx.root, folder, csvName))) {
      problems.push(`${folder}/${csvName} already exists: this edition has been imported already; a published comparison is never overwritten.`);
      continue;
    }
    const earlier = previousRelease(join(ctx.root, folder), released);
    const partnerships = read.rows.filter((r) => r.role === read.areas);
    const areaWords = read.areas === 'partnership' ? 'partnerships' : 'police force areas';
    const changes = earlier ? areaChanges(earlier.rows.filter((r) => r.role === read.areas) as ComparisonRow[], partnerships) : undefined;
    if (changes && !request.areasChanged) {
      problems.push(
        `${fileName}, ${read.sheet}: its ${areaWords.replace(/s$/, '')} rows for ${read.slug} do not match those of the previous comparison (${folder}/${earlier!.name}), so figures for different areas would be compared as the same:`,
        ...areaChangeLines(changes).map((line) => `  ${line}`),
        `  If ONS renamed, merged or split these ${areaWords}, check the workbook's notes and run again with --areas-changed "<what ONS changed, in its words>".`,
      );
      continue;
    }
    const csv = csvText([[...COMPARISON_COLUMNS], ...read.rows.map((r) => COMPARISON_COLUMNS.map((c) => r[c]))]);
    const notes = csvText([[...NOTES_COLUMNS], ...read.notes.map((n) => NOTES_COLUMNS.map((c) => n[c]))]);
    const withFigure = partnerships.filter((r) => r.value !== '').length;
    const summary = [
      `ONS ${edition.name} edition (${read.tables.join(' and ')}): ${partnerships.length} ${areaWords}, ${withFigure} with a figure.`,
      ...(changes ? [`Areas changed since the previous comparison: ${areaChangeLines(changes).join('; ')}. ${request.areasChanged}`] : []),
    ].join(' ');
    const entry: Release = {
      vintage: released,
      sha256: sha256(csv),
      publisher: 'Office for National Statistics',
      dataset: `Police force area data tables, ${edition.name}, ${read.tables.join(' and ')}`,
      url: DATASET_URL,
      retrieved: ctx.today,
      licence: 'Open Government Licence v3.0',
      changes: summary,
      read_from: request.readFrom ?? fileName,
      edition: edition.name,
      tables: [...read.tables],
      workbook_sha256: workbookSha,
      release_date: { evidence: citation!.evidence, url: citation!.url },
    };
    const releasesPath = join(ctx.root, folder, 'releases.yaml');
    const releases = appendEntry(existsSync(releasesPath) ? readFileSync(releasesPath, 'utf8') : '', entry);
    plans.push({ folder, files: [{ name: csvName, text: csv }, { name: `${released}.notes.csv`, text: notes }, { name: 'releases.yaml', text: releases }], summary: `${read.slug}: ${summary}` });
  }
  if (problems.length) return refuse(ctx, ...problems);
  const written: string[] = [];
  try {
    for (const plan of plans) {
      mkdirSync(join(ctx.root, plan.folder), { recursive: true });
      for (const file of plan.files) {
        const target = join(ctx.root, plan.folder, file.name);
        writeFileSync(target, file.text, { flag: file.name === 'releases.yaml' ? 'w' : 'wx' });
        if (file.name !== 'releases.yaml') written.push(target);
      }
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw error;
  }
  ctx.out(`Imported every area's figures from the ${edition.name} edition (released ${released}) from ${fileName}:`);
  for (const plan of plans) ctx.out(`  ${plan.folder}: ${plan.summary}`);
  for (const line of skipped) ctx.out(`  Not in this edition, so not imported: ${line}.`);
  ctx.out('Next: run "npm run validate", then commit data/comparisons in one commit.');
  return 0;
}

/** The newest comparison release before `released` in a folder, with its rows. */
function previousRelease(folder: string, released: string): { name: string; rows: Row[] } | undefined {
  if (!existsSync(folder)) return undefined;
  const name = readdirSync(folder)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f) && f.slice(0, 10) < released)
    .sort()
    .at(-1);
  if (!name) return undefined;
  return { name, rows: parseCsv(readFileSync(join(folder, name), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[] };
}

/**
 * The police force areas a table should list, to name those a table lacks or lists twice: the
 * measure's previous comparison release, else the newest release of another force-level comparison
 * (every P-table lists the same 43 forces), or undefined on a first force-level import.
 */
function knownForceAreas(root: string, slug: string, released: string | undefined): KnownAreas | undefined {
  const dir = join(root, COMPARISONS_DIR);
  const forces = (rows: Row[]) => rows.filter((r) => r.role === 'police_force_area');
  const own = previousRelease(join(dir, slug), released ?? '9999-12-31');
  if (own && forces(own.rows).length) return { from: `${COMPARISONS_DIR}/${slug}/${own.name}`, rows: forces(own.rows) as ComparisonRow[] };
  if (!existsSync(dir)) return undefined;
  // Another measure's release of the same day is the same edition's other table, so it counts ("~" sorts after the date).
  const day = `${released ?? '9999-12-31'}~`;
  const others = readdirSync(dir)
    .filter((other) => other !== slug && statSync(join(dir, other)).isDirectory())
    .flatMap((other) => {
      const release = previousRelease(join(dir, other), day);
      return release && forces(release.rows).length ? [{ from: `${COMPARISONS_DIR}/${other}/${release.name}`, vintage: release.name, rows: forces(release.rows) }] : [];
    })
    .sort((a, b) => (a.vintage < b.vintage ? 1 : a.vintage > b.vintage ? -1 : a.from < b.from ? -1 : 1));
  return others[0] ? { from: others[0].from, rows: others[0].rows as ComparisonRow[] } : undefined;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
