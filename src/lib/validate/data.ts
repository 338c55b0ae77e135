/**
 * Validates one measure's data folder, data/measures/<slug>/, against the data contract: release
 * files named by date, releases.yaml provenance for each, and CSV rows whose periods, values,
 * areas and breakdowns the site can chart and publish. Every problem is reported, each at the
 * cell at fault, with the form expected; nothing here reads the disk or the clock.
 */
import { sha256Hex } from '../format/sha256.ts';
import { Document } from 'yaml';
import type { Observation, Vintage } from '../schemas/model.ts';
import { expectedForm, isoDay, parsePeriod } from '../schemas/period.ts';
import { readMeasureCsv, type CsvRecord, type CsvTable, type ParseCounter } from '../read/csv.ts';
import type { TextPosition } from '../read/text.ts';
import { isRealIsoDate } from '../schemas/common.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import {
  ALL_GROUPS,
  contractColumns,
  FORMULA_STARTS,
  REQUIRED_COLUMNS,
  STATUSES,
  TEXT_COLUMNS,
  type AreaRef,
  type ContractColumn,
  type ObservationStatus,
} from '../schemas/csv-contract.ts';
import { compareDiagnostics, type Diagnostic } from '../format/diagnostics.ts';
import { csvMessages, folderMessages, RELEASES_FILE } from './messages.ts';
import { readReleases, type ListedRelease } from './releases.ts';
import { closest } from './suggest.ts';

export type { AreaRef };
export { STATUSES };

/** One file found in a measure's data folder. */
export interface FolderFile {
  /** File name without folder, e.g. "2025-07-24.csv" or "releases.yaml". */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Everything the data validator needs; the caller reads the folder, so this stays pure. */
export interface MeasureDataInput {
  /** The measure's slug; its data is in data/measures/<slug>/. */
  readonly slug: string;
  /** The measure's metadata, already validated by measureSchema. */
  readonly meta: MeasureMeta;
  /** The partnership's own area (content/site.yaml), used when neither the row nor the measure names one. */
  readonly siteArea: AreaRef;
  /** Every file in the folder, releases.yaml included, in any order. */
  readonly files: readonly FolderFile[];
  /** Today's date, YYYY-MM-DD: release dates after it are refused. Passed in so results are reproducible. */
  readonly today: string;
}

/** The measure's releases and every problem found; vintages are complete only when diagnostics is empty. */
export interface MeasureDataResult {
  /** Releases that could be read and have a valid releases.yaml entry, oldest first; rows with errors are left out. */
  readonly vintages: Vintage[];
  readonly diagnostics: Diagnostic[];
  /** CSV files parsed: each file once, which the benchmark checks. */
  readonly csvParses: number;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Validates a measure's data folder and builds its vintages. */
export function validateMeasureData(input: MeasureDataInput): MeasureDataResult {
  if (!isRealIsoDate(input.today)) throw new Error(`validateMeasureData: today must be YYYY-MM-DD, got "${input.today}"`);
  const folder = `data/measures/${input.slug}`;
  const diagnostics: Diagnostic[] = [];
  const files = [...input.files].sort((a, b) => byText(a.name, b.name));
  const csvFiles = files.filter((f) => f.name.endsWith('.csv'));
  diagnostics.push(...unexpectedFiles(folder, files));
  const names = checkReleaseNames(folder, csvFiles, input.today, diagnostics);
  const listed = checkReleasesFile(folder, files, csvFiles.length > 0, names.dated, diagnostics);
  if (csvFiles.length && !input.meta.frequency) diagnostics.push(missingFrequency(folder, csvFiles, names.dated, input.slug));
  const tables = new Map<string, { table: CsvTable; rows: Observation[] }>();
  const counter: ParseCounter = { csvParses: 0 };
  for (const f of csvFiles) {
    const checked = checkCsvFile(`${folder}/${f.name}`, f.bytes, input, counter);
    diagnostics.push(...checked.diagnostics);
    if (checked.table) tables.set(f.name, { table: checked.table, rows: checked.rows });
  }
  const publishable = new Map([...names.dated].filter(([date]) => !names.refused.has(date)));
  const vintages = buildVintages(folder, publishable, tables, listed);
  return { vintages, diagnostics: diagnostics.sort(compareDiagnostics), csvParses: counter.csvParses };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unexpectedFiles(folder: string, files: readonly FolderFile[]): Diagnostic[] {
  return files.filter((f) => !f.name.endsWith('.csv') && f.name !== RELEASES_FILE).map((f) => unexpectedFile(`${folder}/${f.name}`, f.name));
}

/**
 * Checks each CSV file's name. `dated` holds every file named by a real date, future ones included
 * so releases.yaml entries still match them; `refused` holds those that cannot be published.
 */
function checkReleaseNames(
  folder: string,
  csvFiles: readonly FolderFile[],
  today: string,
  diagnostics: Diagnostic[],
): { dated: Map<string, FolderFile>; refused: Set<string> } {
  const dated = new Map<string, FolderFile>();
  const refused = new Set<string>();
  for (const f of csvFiles) {
    const date = f.name.slice(0, -'.csv'.length);
    const problem = releaseNameProblem(f.name, today);
    if (problem) {
      diagnostics.push(atFileStart(`${folder}/${f.name}`, problem));
      refused.add(date);
    }
    if (isRealIsoDate(date)) dated.set(date, f);
  }
  return { dated, refused };
}

/** Reported once, on the newest release: that is the file an editor has just added. */
function missingFrequency(folder: string, csvFiles: readonly FolderFile[], dated: ReadonlyMap<string, FolderFile>, slug: string): Diagnostic {
  const newest = [...dated.keys()].at(-1);
  const file = newest ? `${folder}/${newest}.csv` : `${folder}/${csvFiles.at(-1)!.name}`;
  return atFileStart(file, folderMessages.missingFrequency(slug));
}

function atFileStart(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, message };
}

function unexpectedFile(file: string, name: string): Diagnostic {
  const suggestion = closest(name, [RELEASES_FILE]);
  return atFileStart(file, folderMessages.unexpectedFile(name, suggestion));
}

/** Why a CSV file's name is not a usable release date, or undefined when it is. */
function releaseNameProblem(name: string, today: string): string | undefined {
  const date = name.slice(0, -'.csv'.length);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return folderMessages.notReleaseDate(name);
  if (!isRealIsoDate(date)) return folderMessages.notRealDate(name);
  if (date > today) return folderMessages.afterToday(name, today);
  return undefined;
}

/** Reads releases.yaml and matches its entries to the dated CSV files, both ways. */
function checkReleasesFile(
  folder: string,
  files: readonly FolderFile[],
  hasCsv: boolean,
  dated: ReadonlyMap<string, FolderFile>,
  diagnostics: Diagnostic[],
): ReadonlyMap<string, ListedRelease> {
  const file = `${folder}/${RELEASES_FILE}`;
  const releasesFile = files.find((f) => f.name === RELEASES_FILE);
  if (!releasesFile) {
    if (hasCsv) diagnostics.push(atFileStart(file, folderMessages.releasesMissing()));
    return new Map();
  }
  const read = readReleases(file, releasesFile.bytes);
  diagnostics.push(...read.diagnostics);
  // An unreadable list says nothing about which releases it covers; matching it would only add noise.
  if (!read.listed) return new Map();
  const byVintage = indexReleases(folder, read.listed, dated, diagnostics);
  for (const [date, csv] of dated) {
    const entry = byVintage.get(date);
    if (!entry) {
      diagnostics.push(atFileStart(`${folder}/${date}.csv`, folderMessages.noEntry(date)));
    } else if (entry.release) {
      checkChecksum(folder, file, entry, csv, diagnostics);
    }
  }
  return byVintage;
}

/** The measure's slug: the last part of its data folder's path. */
function slugOf(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/**
 * A release's bytes must be those its entry's sha256 records: readers cite and re-check published
 * files, so a changed byte is refused rather than silently republished.
 */
function checkChecksum(folder: string, file: string, entry: ListedRelease, csv: FolderFile, diagnostics: Diagnostic[]): void {
  const actual = sha256Hex(csv.bytes);
  const expected = entry.release?.sha256;
  const csvPath = `${folder}/${csv.name}`;
  if (!expected) {
    diagnostics.push({
      file,
      ...entry.position,
      message: folderMessages.noChecksum(entry.vintage, csv.name, sha256Line(actual)),
    });
  } else if (expected !== actual) {
    diagnostics.push(atFileStart(csvPath, folderMessages.changed(slugOf(folder), csvPath, expected, actual)));
  }
}

/** The line an editor adds to a release entry, quoted by the YAML library only if a checksum could read as a number. */
function sha256Line(hex: string): string {
  return new Document({ sha256: hex }).toString().trimEnd();
}

/** Entries by vintage; reports repeated vintages and entries with no CSV file. */
function indexReleases(
  folder: string,
  listed: readonly ListedRelease[],
  dated: ReadonlyMap<string, FolderFile>,
  diagnostics: Diagnostic[],
): Map<string, ListedRelease> {
  const file = `${folder}/${RELEASES_FILE}`;
  const byVintage = new Map<string, ListedRelease>();
  const report = (entry: ListedRelease, message: string) => diagnostics.push({ file, ...entry.position, message });
  for (const entry of listed) {
    const first = byVintage.get(entry.vintage);
    if (first) {
      report(entry, folderMessages.listedTwice(entry.vintage, first.position.line));
      continue;
    }
    byVintage.set(entry.vintage, entry);
    if (dated.has(entry.vintage)) continue;
    const published = entry.release?.sha256;
    if (published) {
      // A checksum means the release was published: removing its file would break every link and citation to it.
      const csvPath = `${folder}/${entry.vintage}.csv`;
      report(entry, folderMessages.disappeared(slugOf(folder), csvPath, published));
    } else {
      report(entry, folderMessages.noFile(entry.vintage));
    }
  }
  return byVintage;
}

/** Vintages for dated files that parsed and have a valid releases.yaml entry, oldest first. */
function buildVintages(
  folder: string,
  dated: ReadonlyMap<string, FolderFile>,
  tables: ReadonlyMap<string, { table: CsvTable; rows: Observation[] }>,
  listed: ReadonlyMap<string, ListedRelease>,
): Vintage[] {
  const vintages: Vintage[] = [];
  for (const [date, f] of [...dated].sort(([a], [b]) => byText(a, b))) {
    const parsed = tables.get(f.name);
    const release = listed.get(date)?.release;
    if (!parsed || !release) continue;
    vintages.push({
      date,
      file: `${folder}/${f.name}`,
      bytes: f.bytes,
      sha256: sha256Hex(f.bytes),
      columns: parsed.table.columns,
      rows: parsed.rows,
      release,
    });
  }
  return vintages;
}

// ---------------------------------------------------------------------------------------------
// One CSV file

/** What a file's rows are checked against, worked out once per file. */
interface FileRules {
  readonly file: string;
  readonly slug: string;
  readonly meta: MeasureMeta;
  readonly defaultArea: AreaRef;
  /** area_code values rows may use, with the name to show when a row leaves area_name empty. */
  readonly knownAreas: ReadonlyMap<string, string>;
  readonly breakdownColumns: readonly string[];
  /** Free-text columns present in the header, breakdowns included. */
  readonly textColumns: readonly string[];
  /** Column name to its first position in the header. */
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly headerLength: number;
  /** Each period text's parse (or why it is wrong), once per file: a file repeats every period for each area and group. */
  readonly periods: Map<string, CheckedPeriod | string>;
}

/** A cell's text and where it starts. */
interface Cell {
  readonly text: string;
  readonly at: TextPosition;
}

/** Collects a file's diagnostics; rows note whether they added any, to leave bad rows out. */
class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly #file: string;
  constructor(file: string) {
    this.#file = file;
  }
  /** Records a problem at `at`. */
  report(at: TextPosition, message: string): void {
    this.diagnostics.push({ file: this.#file, line: at.line, column: at.column, message });
  }
}

/** Checks one CSV file; rows come back only from a readable table with the required columns. */
function checkCsvFile(
  file: string,
  bytes: Uint8Array,
  input: MeasureDataInput,
  counter: ParseCounter,
): { table?: CsvTable; rows: Observation[]; diagnostics: readonly Diagnostic[] } {
  const read = readMeasureCsv(file, bytes, counter);
  if (!read.ok) return { rows: [], diagnostics: read.diagnostics };
  const { table } = read;
  const reporter = new Reporter(file);
  const allowed = allowedColumns(input.meta);
  const columnIndex = checkHeader(table.header, allowed, reporter);
  if (!table.records.length) {
    reporter.report({ line: 1, column: 1 }, csvMessages.headerOnly());
  }
  const rules = fileRules(file, input, columnIndex, table.columns.length);
  // Rows are checked even without period or value columns, so one run shows every other problem too.
  const rows = checkRows(table.records, rules, reporter);
  return { table, rows, diagnostics: reporter.diagnostics };
}

/** Allowed columns in the order messages list them: the contract's, with the measure's breakdowns before status. */
export function allowedColumns(meta: Pick<MeasureMeta, 'breakdowns'>): string[] {
  return contractColumns(meta.breakdowns.map((b) => b.column));
}

/** Checks header names; returns the first position of each allowed column present. */
function checkHeader(header: CsvRecord, allowed: readonly string[], reporter: Reporter): Map<string, number> {
  const index = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const at = header.positions[i]!;
    const first = index.get(name);
    if (first !== undefined) {
      const firstAt = header.positions[first]!;
      reporter.report(at, csvMessages.duplicateColumn(name, firstAt.line, firstAt.column));
    } else if (allowed.includes(name)) {
      index.set(name, i);
    } else {
      reporter.report(at, unknownColumnMessage(name, allowed));
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!index.has(required)) reporter.report({ line: 1, column: 1 }, csvMessages.missingColumn(required));
  }
  return index;
}

function unknownColumnMessage(name: string, allowed: readonly string[]): string {
  if (name.trim() === '') return csvMessages.unnamedColumn(allowed);
  return csvMessages.unknownColumn(name, allowed, closest(name.trim(), allowed));
}

function fileRules(file: string, input: MeasureDataInput, columnIndex: ReadonlyMap<string, number>, headerLength: number): FileRules {
  const defaultArea = input.meta.area ?? input.siteArea;
  const breakdownColumns = input.meta.breakdowns.map((b) => b.column).filter((c) => columnIndex.has(c));
  const knownAreas = new Map<string, string>([[defaultArea.code, defaultArea.name]]);
  for (const comparator of input.meta.comparators) {
    if (!knownAreas.has(comparator.area_code)) knownAreas.set(comparator.area_code, comparator.label);
  }
  return {
    file,
    slug: input.slug,
    meta: input.meta,
    defaultArea,
    knownAreas,
    breakdownColumns,
    textColumns: [...TEXT_COLUMNS, ...breakdownColumns].filter((c) => columnIndex.has(c)),
    columnIndex,
    headerLength,
    periods: new Map(),
  };
}

/** Checks every row; returns the rows that passed. */
function checkRows(records: readonly CsvRecord[], rules: FileRules, reporter: Reporter): Observation[] {
  const rows: Observation[] = [];
  const shared = new Shared();
  const firstLineOfKey = new Map<string, number>();
  const reportedUnknownAreas = new Set<string>();
  for (const record of records) {
    const before = reporter.diagnostics.length;
    if (!hasHeaderLength(record, rules.headerLength, reporter)) continue;
    const cell = (column: string): Cell | undefined => cellOf(record, rules.columnIndex.get(column));
    checkTextCells(record, rules, reporter);
    checkBreakdownCells(record, rules, reporter);
    const status = checkStatus(cell('status'), reporter);
    const periodCell = cell('period');
    const valueCell = cell('value');
    const period = periodCell && checkPeriodCell(periodCell, rules, reporter);
    const value = valueCell && checkValue(valueCell, status, rules, reporter);
    const area = resolveArea(cell('area_code'), cell('area_name'), rules, reporter, reportedUnknownAreas);
    const breakdown = breakdownOf(record, rules, shared);
    if (periodCell) checkDuplicate(record, periodCell, area.code, breakdown, rules, firstLineOfKey, reporter);
    if (reporter.diagnostics.length > before || period === undefined || value === undefined) continue;
    rows.push(observation(record, rules, { period, value, status, area, breakdown }, shared));
  }
  return rows;
}

/** A cell whose position is looked up only when a problem is reported (see LocatedRecord in read/csv.ts). */
class RecordCell implements Cell {
  readonly text: string;
  readonly #record: CsvRecord;
  readonly #index: number;
  constructor(record: CsvRecord, index: number) {
    this.text = record.cells[index] ?? '';
    this.#record = record;
    this.#index = index;
  }
  get at(): TextPosition {
    return this.#record.positions[this.#index]!;
  }
}

function cellOf(record: CsvRecord, index: number | undefined): Cell | undefined {
  return index === undefined ? undefined : new RecordCell(record, index);
}

/** A row must have one cell per header column, or its cells cannot be matched to columns. */
function hasHeaderLength(record: CsvRecord, headerLength: number, reporter: Reporter): boolean {
  const count = record.cells.length;
  if (count === headerLength) return true;
  const at = count > headerLength ? record.positions[headerLength]! : { line: record.line, column: 1 };
  reporter.report(at, csvMessages.cellCount(count, headerLength));
  return false;
}

/** Spreadsheets run a cell starting with =, +, - or @ as a formula when the download is opened. */
function checkTextCells(record: CsvRecord, rules: FileRules, reporter: Reporter): void {
  for (const column of rules.textColumns) {
    const cell = cellOf(record, rules.columnIndex.get(column));
    const start = cell?.text[0];
    if (cell && start && (FORMULA_STARTS as readonly string[]).includes(start)) {
      reporter.report(cell.at, csvMessages.formulaStart(start));
    }
  }
}

/** A breakdown cell may not be the word the plan downloads write for "all groups" (ALL_GROUPS): leave the headline row's cell empty. */
function checkBreakdownCells(record: CsvRecord, rules: FileRules, reporter: Reporter): void {
  for (const column of rules.breakdownColumns) {
    const cell = cellOf(record, rules.columnIndex.get(column));
    if (cell && cell.text.trim().toLowerCase() === ALL_GROUPS) reporter.report(cell.at, csvMessages.allGroupsWord(column, cell.text));
  }
}

function checkStatus(cell: Cell | undefined, reporter: Reporter): ObservationStatus | undefined {
  if (!cell || cell.text === '') return undefined;
  if ((STATUSES as readonly string[]).includes(cell.text)) return cell.text as ObservationStatus;
  reporter.report(cell.at, csvMessages.unknownStatus(cell.text, STATUSES, closest(cell.text, STATUSES)));
  return undefined;
}

/** A checked period cell: its text and its first day and the first day after it ("" when the measure has no frequency). */
interface CheckedPeriod {
  readonly text: string;
  readonly start: string;
  readonly end: string;
}

/** Returns the period when it has the measure's form (or the form is unknown: reported once per folder). */
function checkPeriodCell(cell: Cell, rules: FileRules, reporter: Reporter): CheckedPeriod | undefined {
  const { frequency, interval_months: intervalMonths } = rules.meta;
  if (cell.text === '') {
    reporter.report(cell.at, csvMessages.periodEmpty(frequency ? expectedForm(frequency, intervalMonths) : undefined));
    return undefined;
  }
  if (!frequency) return { text: cell.text, start: '', end: '' };
  let checked = rules.periods.get(cell.text);
  if (!checked) {
    const parsed = parsePeriod(cell.text, frequency, intervalMonths);
    checked = parsed.ok ? { text: cell.text, start: isoDay(parsed.period.start), end: isoDay(parsed.period.end) } : parsed.message;
    rules.periods.set(cell.text, checked);
  }
  if (typeof checked !== 'string') return checked;
  reporter.report(cell.at, checked);
  return undefined;
}

/** Returns the value (null when suppressed), or undefined when the cell is wrong. */
function checkValue(cell: Cell, status: ObservationStatus | undefined, rules: FileRules, reporter: Reporter): number | null | undefined {
  if (status === 'suppressed') {
    if (cell.text === '') return null;
    reporter.report(cell.at, csvMessages.valueInSuppressedRow(cell.text));
    return undefined;
  }
  if (cell.text === '') {
    reporter.report(cell.at, csvMessages.valueEmpty());
    return undefined;
  }
  if (!NUMBER.test(cell.text)) {
    reporter.report(cell.at, csvMessages.notANumber(cell.text));
    return undefined;
  }
  const value = Number(cell.text);
  const problem = unitProblem(value, cell.text, rules.meta.unit);
  if (problem) {
    reporter.report(cell.at, problem);
    return undefined;
  }
  return value;
}

/** Range checks the unit implies: percentages lie in 0-100; counts and rates are never negative. */
function unitProblem(value: number, text: string, unit: MeasureMeta['unit']): string | undefined {
  if (unit === 'percent' && (value < 0 || value > 100)) {
    return csvMessages.percentOutOfRange(text);
  }
  if ((unit === 'count' || unit === 'rate_per_1000' || unit === 'rate_per_100000') && value < 0) {
    return csvMessages.negative(text, unit);
  }
  return undefined;
}

/** The row's area, defaulting to the measure's own; codes must be the measure's area or a listed comparator. */
function resolveArea(
  codeCell: Cell | undefined,
  nameCell: Cell | undefined,
  rules: FileRules,
  reporter: Reporter,
  reportedUnknown: Set<string>,
): AreaRef {
  const code = codeCell?.text || rules.defaultArea.code;
  const knownName = rules.knownAreas.get(code);
  if (codeCell && knownName === undefined && !reportedUnknown.has(code)) {
    // Once per file: the fix is in the metadata or a find-and-replace, not row by row.
    reportedUnknown.add(code);
    reporter.report(codeCell.at, csvMessages.unknownArea(code, rules.defaultArea.code, rules.slug));
  }
  return { code, name: nameCell?.text || knownName || code };
}

/** The breakdown of every row that has none. */
const NO_BREAKDOWN: Readonly<Record<string, string>> = Object.freeze({});

/**
 * One copy of each text and breakdown a file repeats. A file repeats every period for each area and
 * group, and every area for each period: without sharing, each row holds its own copies, which for
 * a large partnership (millions of rows) is most of the memory the build needs.
 */
class Shared {
  readonly #texts = new Map<string, string>();
  readonly #breakdowns = new Map<string, Readonly<Record<string, string>>>();
  text<T extends string>(text: T): T {
    const known = this.#texts.get(text);
    if (known !== undefined) return known as T;
    this.#texts.set(text, text);
    return text;
  }
  /** A frozen breakdown object, the same object for every row with the same values. */
  breakdown(values: readonly string[], make: () => Record<string, string>): Readonly<Record<string, string>> {
    if (values.every((v) => v === '')) return NO_BREAKDOWN;
    const key = values.join('\u0000');
    let breakdown = this.#breakdowns.get(key);
    if (!breakdown) {
      breakdown = Object.freeze(make());
      this.#breakdowns.set(key, breakdown);
    }
    return breakdown;
  }
}

/** Breakdown values the row gives; empty cells mean the row is the headline (all groups) figure. */
function breakdownOf(record: CsvRecord, rules: FileRules, shared: Shared): Readonly<Record<string, string>> {
  const values = rules.breakdownColumns.map((column) => record.cells[rules.columnIndex.get(column)!] ?? '');
  return shared.breakdown(values, () => {
    const breakdown: Record<string, string> = {};
    rules.breakdownColumns.forEach((column, i) => {
      if (values[i] !== '') breakdown[column] = values[i]!;
    });
    return breakdown;
  });
}

/** One row per period, area and breakdown: a second would make charts and downloads ambiguous. */
function checkDuplicate(
  record: CsvRecord,
  periodCell: Cell,
  areaCode: string,
  breakdown: Readonly<Record<string, string>>,
  rules: FileRules,
  firstLineOfKey: Map<string, number>,
  reporter: Reporter,
): void {
  const breakdownParts = rules.breakdownColumns.map((c) => breakdown[c] ?? '');
  const key = [periodCell.text, areaCode, ...breakdownParts].join('\u0000');
  const firstLine = firstLineOfKey.get(key);
  if (firstLine === undefined) {
    firstLineOfKey.set(key, record.line);
    return;
  }
  reporter.report(periodCell.at, csvMessages.duplicateRow(firstLine, periodCell.text, areaCode, breakdown));
}

function observation(
  record: CsvRecord,
  rules: FileRules,
  parts: { period: CheckedPeriod; value: number | null; status: ObservationStatus | undefined; area: AreaRef; breakdown: Readonly<Record<string, string>> },
  shared: Shared,
): Observation {
  // The cells' texts only: a row that gets here has no problem to point at, so no cell positions are needed.
  const text = (column: ContractColumn): string | undefined => {
    const index = rules.columnIndex.get(column);
    return index === undefined ? undefined : record.cells[index];
  };
  const periodLabel = text('period_label');
  // How precisely the file writes the figure, so a release that rounded it is not mistaken for a revision.
  const decimals = parts.value === null ? undefined : /\.(\d+)$/.exec(text('value')?.trim() ?? '')?.[1]?.length;
  // Every key in one order, absent ones undefined (which JSON leaves out): rows of one shape are far
  // quicker to build and read than rows whose keys depend on what the file gives.
  return {
    period: shared.text(parts.period.text),
    periodStart: shared.text(parts.period.start),
    periodEnd: shared.text(parts.period.end),
    periodLabel: periodLabel ? shared.text(periodLabel) : undefined,
    areaCode: shared.text(parts.area.code),
    areaName: shared.text(parts.area.name),
    breakdown: parts.breakdown,
    value: parts.value,
    decimals,
    status: parts.status,
    note: shared.text(text('note') ?? ''),
    source: shared.text(text('source') ?? ''),
    line: record.line,
  };
}
