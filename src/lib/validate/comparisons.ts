/**
 * Checks the comparison releases in data/comparisons/<slug>/ (written by `npm run import -- ons-compare`)
 * the way measure data is checked: each release's CSV against its checksum in releases.yaml, the
 * newest one's header and rows, each problem at the file, line and column an editor can jump to.
 * Used by `npm run validate` and by the data step, so both refuse the same files with the same words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../format/diagnostics.ts';
import { sha256Hex } from '../format/sha256.ts';
import { releasesFileSchema, type Release } from '../schemas/release.ts';
import { readMeasureCsv } from '../read/csv.ts';

/** Folder of the comparison releases below the project root. */
export const COMPARISONS_FOLDER = 'data/comparisons';

/** The columns a comparison CSV has, in order (src/lib/import/ons-compare.ts writes them). */
export const COMPARISON_CSV_COLUMNS = ['area_code', 'area_name', 'police_force_area_code', 'police_force_area_name', 'local_authority_code', 'value', 'note', 'period', 'period_label', 'release', 'source_table', 'source_cell', 'role'] as const;

/**
 * What a row is: one of the areas compared (a partnership, or a police force area where the table
 * lists forces), or the reference line (England and Wales, or England).
 */
export const COMPARISON_ROLES = ['partnership', 'police_force_area', 'reference'] as const;

type Row = Record<string, string>;

/** The newest release of a comparison, read and checked. */
export interface ComparisonRelease {
  readonly release: Release;
  readonly bytes: Uint8Array;
  readonly rows: readonly Row[];
  readonly notes: readonly Row[];
}

/** The comparison folders below the root, by slug (none when the folder is absent). */
export function comparisonSlugs(root: string): string[] {
  const folder = join(root, COMPARISONS_FOLDER);
  return existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

/**
 * Reads and checks one comparison folder: every release's CSV against its checksum, the newest one's
 * header, rows and notes. Adds problems to `diagnostics`; undefined when there were any.
 */
export function readComparisonFolder(root: string, slug: string, diagnostics: Diagnostic[]): { newest: ComparisonRelease; all: { vintage: string; bytes: Uint8Array }[] } | undefined {
  const before = diagnostics.length;
  const folder = `${COMPARISONS_FOLDER}/${slug}`;
  const problem = (file: string, message: string, line = 1, column = 1) => diagnostics.push({ file, line, column, message });
  const releasesFile = `${folder}/releases.yaml`;
  if (!existsSync(join(root, releasesFile))) {
    problem(releasesFile, 'is missing: a comparison folder needs releases.yaml naming each release (npm run import -- ons-compare writes it).');
    return undefined;
  }
  const parsed = releasesFileSchema.safeParse(parseYaml(readFileSync(join(root, releasesFile), 'utf8')));
  if (!parsed.success) {
    problem(releasesFile, `is not a list of releases: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
    return undefined;
  }
  if (parsed.data.length === 0) {
    problem(releasesFile, 'names no release; import one with npm run import -- ons-compare, or remove the folder.');
    return undefined;
  }
  const all: { vintage: string; bytes: Uint8Array }[] = [];
  for (const release of parsed.data) {
    const file = `${folder}/${release.vintage}.csv`;
    if (!existsSync(join(root, file))) {
      problem(releasesFile, `names the release ${release.vintage}, but ${file} is missing.`);
      continue;
    }
    const bytes = new Uint8Array(readFileSync(join(root, file)));
    if (release.sha256 !== sha256Hex(bytes)) problem(file, `its SHA-256 is ${sha256Hex(bytes)}, but releases.yaml records ${release.sha256 ?? 'none'}: a published comparison is never edited; import a new release instead.`);
    all.push({ vintage: release.vintage, bytes });
  }
  for (const name of readdirSync(join(root, folder))) {
    if (/^\d{4}-\d{2}-\d{2}\.csv$/.test(name) && !parsed.data.some((r) => `${r.vintage}.csv` === name)) problem(`${folder}/${name}`, 'has no entry in releases.yaml; add one (npm run import -- ons-compare writes both).');
  }
  const release = [...parsed.data].sort((a, b) => (a.vintage < b.vintage ? -1 : 1)).at(-1)!;
  const bytes = all.find((a) => a.vintage === release.vintage)?.bytes;
  if (!bytes) return undefined;
  const file = `${folder}/${release.vintage}.csv`;
  const rows = checkRows(file, bytes, diagnostics);
  const notesFile = join(root, folder, `${release.vintage}.notes.csv`);
  const notes = existsSync(notesFile) ? (parseCsv(readFileSync(notesFile, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[]) : [];
  if (!rows || diagnostics.length > before) return undefined;
  return { newest: { release, bytes, rows, notes }, all };
}

/** The rows of a comparison CSV, each problem at its cell's line and column; undefined when the file cannot be read. */
function checkRows(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): Row[] | undefined {
  const read = readMeasureCsv(file, bytes, { csvParses: 0 });
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  const { header, records } = read.table;
  if (header.cells.join(',') !== COMPARISON_CSV_COLUMNS.join(',')) {
    diagnostics.push({ file, line: 1, column: 1, message: `expected the columns ${COMPARISON_CSV_COLUMNS.join(',')}; found ${header.cells.join(',')}. The importer writes this header; re-import rather than editing it.` });
    return undefined;
  }
  const at = (record: (typeof records)[number], name: (typeof COMPARISON_CSV_COLUMNS)[number]) => {
    const index = COMPARISON_CSV_COLUMNS.indexOf(name);
    return record.positions[Math.min(index, record.positions.length - 1)] ?? { line: record.line, column: 1 };
  };
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const row = Object.fromEntries(COMPARISON_CSV_COLUMNS.map((c, i) => [c, record.cells[i] ?? ''])) as Row;
    const report = (name: (typeof COMPARISON_CSV_COLUMNS)[number], message: string) => {
      const position = at(record, name);
      diagnostics.push({ file, line: position.line, column: position.column, message });
    };
    if (record.cells.length !== COMPARISON_CSV_COLUMNS.length) {
      diagnostics.push({ file, line: record.line, column: 1, message: `has ${record.cells.length} cells; every row needs ${COMPARISON_CSV_COLUMNS.length}, one per column of the header. Quote a cell holding a comma ("Bristol, City of").` });
      continue;
    }
    if (!(COMPARISON_ROLES as readonly string[]).includes(row.role!)) report('role', `role must be one of ${COMPARISON_ROLES.map((r) => `"${r}"`).join(', ')}; found "${row.role}".`);
    if (row.value === '' ? row.note === '' : !Number.isFinite(Number(row.value)) || row.value!.trim() !== row.value) report('value', `value must be a number, or empty with the publisher's marker (such as [x]) in note; found "${row.value}".`);
    if (!/^[EKNSWL]\d{8}$/.test(row.area_code!)) report('area_code', `area_code must be an ONS area code such as "E22000257"; found "${row.area_code}".`);
    const earlier = seen.get(row.area_code!);
    if (earlier !== undefined && row.area_code !== '') report('area_code', `area ${row.area_code} is listed twice (also line ${earlier}); each area has one row.`);
    seen.set(row.area_code!, record.line);
    rows.push(row);
  }
  const areas = rows.filter((r) => r.role === 'partnership' || r.role === 'police_force_area');
  if (areas.length > 0 && new Set(areas.map((r) => r.role)).size > 1) {
    diagnostics.push({ file, line: 1, column: 1, message: 'mixes partnership and police_force_area rows; a comparison compares one kind of area (import each table into its own measure\'s folder).' });
  }
  if (areas.length === 0 && diagnostics.every((d) => d.file !== file)) diagnostics.push({ file, line: 1, column: 1, message: 'has no area rows (role "partnership" or "police_force_area"); there is nothing to compare.' });
  return rows;
}

/**
 * Checks every comparison folder for `npm run validate`: each belongs to a measure, and its releases
 * read as the data step reads them.
 */
export function checkComparisons(root: string, measureIds: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const slug of comparisonSlugs(root)) {
    if (!measureIds.includes(slug)) {
      diagnostics.push({ file: `${COMPARISONS_FOLDER}/${slug}`, line: 1, column: 1, message: `no measure "${slug}" exists (content/measures/${slug}.md); a comparison belongs to a measure: rename the folder or remove it.` });
      continue;
    }
    readComparisonFolder(root, slug, diagnostics);
  }
  return diagnostics;
}
