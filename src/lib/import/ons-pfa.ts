/**
 * Reads the figures a measure's `ons_pfa` mapping names out of an ONS "Police force area data
 * tables" workbook. Tables are found by the words of their titles and the period their titles or
 * headings state; columns by their headings; rows by area code (or, in tables without a code
 * column, by the name the workbook itself gives that code elsewhere). Every problem names the
 * sheet and cell and what was expected there.
 */
import type { Frequency, OnsPfaMapping } from '../schemas/measure.ts';
import { cellAddress, cellText, cleanLabel, findTables, sameLabel, withoutFootnoteDigits, words, type Sheet, type Table } from './workbook.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A span of whole months, first and last month included; months are 1-12. */
export interface MonthSpan {
  readonly startYear: number;
  readonly startMonth: number;
  readonly endYear: number;
  readonly endMonth: number;
}

/** The 12 months ending with the named month. */
function yearEnding(endYear: number, endMonth: number): MonthSpan {
  const startIndex = endYear * 12 + (endMonth - 1) - 11;
  return { startYear: Math.floor(startIndex / 12), startMonth: (startIndex % 12) + 1, endYear, endMonth };
}

function monthNumber(name: string): number | undefined {
  const index = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return index < 0 ? undefined : index + 1;
}

/** Every "year ending <Month> <YYYY>" in a text, as spans. */
export function yearEndings(text: string): MonthSpan[] {
  const spans: MonthSpan[] = [];
  for (const match of text.matchAll(/year\s+ending\s+([A-Za-z]+)\s+(\d{4})/gi)) {
    const month = monthNumber(match[1]!);
    if (month) spans.push(yearEnding(Number(match[2]), month));
  }
  return spans;
}

/**
 * A year written "2020", or "'20" as the March 2021 edition writes it. A two-digit year after an
 * apostrophe is always two digits, so digits glued after it ("Mar '084", "Mar '126,7,8") can only be
 * footnote numbers and are dropped; a four-digit year followed by more digits is not read at all.
 */
const YEAR = String.raw`(?:(\d{4})(?!\d)|'(\d{2})(?:\d+(?:,\d+)*)?)`;
const PERIOD_HEADING = new RegExp(String.raw`([A-Za-z]{3,9})\s+${YEAR}\s+to\s+([A-Za-z]{3,9})\s+${YEAR}`, 'i');

/** The full year of "2020" or of a two-digit "'20" (the tables start in the 2000s). */
function fullYear(fourDigits: string | undefined, twoDigits: string | undefined): number {
  return fourDigits !== undefined ? Number(fourDigits) : 2000 + Number(twoDigits);
}

/** The period a heading such as "Apr 2019 to Mar 2020\nNumber of Incidents" or "Apr '19 to Mar '20" names, with the rest of the heading. */
export function headingPeriod(heading: string): { span: MonthSpan; label: string; rest: string } | undefined {
  const text = cleanLabel(heading);
  const match = PERIOD_HEADING.exec(text);
  if (!match) return undefined;
  const startMonth = monthNumber(match[1]!);
  const endMonth = monthNumber(match[4]!);
  if (!startMonth || !endMonth) return undefined;
  const startYear = fullYear(match[2], match[3]);
  const endYear = fullYear(match[5], match[6]);
  const span = { startYear, startMonth, endYear, endMonth };
  const label = `${cap(match[1]!.slice(0, 3))} ${startYear} to ${cap(match[4]!.slice(0, 3))} ${endYear}`;
  return { span, label, rest: cleanLabel(text.replace(match[0], ' ')) };
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function sameSpan(a: MonthSpan, b: MonthSpan): boolean {
  return a.startYear === b.startYear && a.startMonth === b.startMonth && a.endYear === b.endYear && a.endMonth === b.endMonth;
}

function monthsLong(span: MonthSpan): number {
  return span.endYear * 12 + span.endMonth - (span.startYear * 12 + span.startMonth) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period as the measure's CSV files write it, or why it cannot be written that way. */
export function formatPeriod(span: MonthSpan, frequency: Frequency | undefined, intervalMonths: number | undefined): { period: string } | { problem: string } {
  const months = monthsLong(span);
  if (frequency === 'financial_year') {
    if (span.startMonth !== 4 || months !== 12) return { problem: 'the measure is by financial year (April to March), but this period is not one' };
    return { period: `${span.startYear}-${pad((span.startYear + 1) % 100)}` };
  }
  if (frequency === 'year') {
    if (span.startMonth !== 1 || months !== 12) return { problem: 'the measure is by calendar year, but this period is not January to December' };
    return { period: String(span.startYear) };
  }
  if (frequency === 'interval') {
    if (intervalMonths !== undefined && months !== intervalMonths) return { problem: `the measure's periods are ${intervalMonths} months long, but this period is ${months}` };
    const lastDay = new Date(Date.UTC(span.endYear, span.endMonth, 0)).getUTCDate();
    return { period: `${span.startYear}-${pad(span.startMonth)}-01/${span.endYear}-${pad(span.endMonth)}-${pad(lastDay)}` };
  }
  return { problem: `the importer writes periods for measures by financial_year, year or interval, not "${frequency ?? 'no frequency'}"` };
}

/** "year ending March 2022" for a 12-month span ending in March 2022. */
export function yearEndingLabel(span: MonthSpan): string {
  return `year ending ${cap(MONTHS[span.endMonth - 1]!)} ${span.endYear}`;
}

/** The edition a workbook is, from its cover title "Police force area data tables - year ending March 2022". */
export interface Edition {
  /** e.g. "year ending March 2022". */
  readonly name: string;
  readonly span: MonthSpan;
  /** Where the edition was read, e.g. sheet "Cover_sheet", cell A1. */
  readonly where: string;
}

/** Finds the edition title in the first rows of any sheet, or undefined. */
export function findEdition(sheets: readonly Sheet[]): Edition | undefined {
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 6); r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const text = cellText(row[c]);
        if (!/(police force area data tables|pfa tables)/i.test(text)) continue;
        const [span, ...others] = yearEndings(text);
        if (span && others.length === 0) return { name: yearEndingLabel(span), span, where: `sheet "${sheet.name}", cell ${cellAddress(r, c)}` };
      }
    }
  }
  return undefined;
}

/** Where a measure's figure should come from, with the measure's context the importer needs. */
export interface MeasureMapping {
  readonly slug: string;
  readonly frequency: Frequency | undefined;
  readonly intervalMonths: number | undefined;
  readonly mappings: readonly OnsPfaMapping[];
}

/** Areas named in site.yaml that mappings may refer to by role. */
export interface SiteAreas {
  readonly partnership: { readonly name: string; readonly code: string };
  readonly policeForceArea?: { readonly name: string; readonly code: string };
}

/** One figure read from the workbook. */
export interface Figure {
  readonly measure: string;
  /** As the measure's CSV writes it. */
  readonly period: string;
  /** As the publisher wrote it, e.g. "year ending March 2022" or "Apr 2019 to Mar 2020". */
  readonly periodLabel: string;
  readonly areaCode: string;
  /** The workbook's own label for the row, notes removed, e.g. "Nottinghamshire". */
  readonly areaLabel: string;
  readonly value: string;
  readonly breakdown?: { readonly column: string; readonly value: string };
  /** e.g. "Table P1". */
  readonly table: string;
  /** e.g. `sheet "Table P1", cell C31`. */
  readonly cell: string;
}

/** The outcome of reading one workbook for every mapped measure. */
export interface Extraction {
  readonly figures: readonly Figure[];
  /** Measures none of whose tables this edition has (e.g. ASB tables appear in March editions only). */
  readonly skipped: readonly string[];
  /** Table numbers read, per measure. */
  readonly tables: ReadonlyMap<string, readonly string[]>;
  /** Mapped cells holding a no-figure marker such as [x] or [z], each with where it is. */
  readonly noFigure: readonly string[];
  readonly problems: readonly string[];
}

/** Table number from a title such as "Table P12:  Anti-social ..." or "Worksheet P6: ...". */
export function tableNumber(table: Table): string {
  const match = /^(?:table|worksheet)\s+([A-Z]+\d+[a-z]?)/i.exec(table.title.trim());
  return match ? `Table ${match[1]!.toUpperCase()}` : `table on sheet "${table.sheet.name.trim()}"`;
}

function tableWhere(table: Table): string {
  return `sheet "${table.sheet.name}", cell ${cellAddress(table.titleRow, 0)}`;
}

/** The mapping's title wordings: one, or a list where editions word the title differently. */
function titleWordings(mapping: OnsPfaMapping): string[] {
  return typeof mapping.table === 'string' ? [mapping.table] : [...mapping.table];
}

/** Whether every word of one of the mapping's title wordings appears in the title itself (not the notes lines under it). */
function titleMatches(table: Table, mapping: OnsPfaMapping): boolean {
  const have = new Set(words(table.title));
  return titleWordings(mapping).some((wording) => words(wording).every((w) => have.has(w)));
}

/** The tables whose title block has the mapping's words and, for edition/previous, exactly that one year. */
export function titledTables(tables: readonly Table[], mapping: OnsPfaMapping, edition: Edition): Table[] {
  const target = mapping.period === 'edition' ? edition.span : mapping.period === 'previous' ? shiftYear(edition.span) : undefined;
  return tables.filter((t) => {
    if (!titleMatches(t, mapping)) return false;
    if (!target) return true;
    const endings = yearEndings(t.titleBlock);
    return endings.length > 0 && endings.every((s) => sameSpan(s, target));
  });
}

/** Whether the table's heading row has the mapping's column (for headings tables: at least one period column of it). */
export function hasColumn(table: Table, mapping: OnsPfaMapping): boolean {
  return mapping.period === 'headings' ? periodColumns(table, columnNames(mapping)).length > 0 : namedColumns(table, columnNames(mapping)).length > 0;
}

/**
 * The labels a column answers to: its heading read with the upper heading row (two-row headings),
 * and the heading row's own text, e.g. "Victim-based crime Violence against the person" and
 * "Violence against the person".
 */
function columnLabels(table: Table, column: number): string[] {
  return [...new Set([table.headings[column] ?? '', table.ownHeadings[column] ?? ''].filter((t) => t.trim() !== ''))];
}

/**
 * Columns whose heading is one of `wanted`. Headings as written first; only if none matches, headings
 * with footnote digits glued to words removed ("Burglary4"), so stripping can only ever accept a
 * heading the mapping names, never turn one real heading into another the table also has.
 */
export function namedColumns(table: Table, wanted: readonly string[]): number[] {
  const columns = table.headings.map((_, c) => c);
  const matching = (normalise: (label: string) => string) =>
    columns.filter((c) => columnLabels(table, c).some((label) => wanted.some((w) => sameLabel(normalise(label), w))));
  const exact = matching((label) => label);
  return exact.length > 0 ? exact : matching(withoutFootnoteDigits);
}

/**
 * Columns whose heading is a period followed by one of `wanted` ("" or no column: the period alone),
 * read from the full heading (upper and own rows together, so a period merged over several columns
 * reaches each). As for named columns, footnote digits are dropped only if nothing matches as written.
 * Exported for the comparison importer, which reads the newest of these columns.
 */
export function periodColumns(table: Table, wanted: readonly string[]): { c: number; span: MonthSpan; label: string }[] {
  const accepts = (rest: string) => (wanted.length === 0 ? rest === '' : wanted.some((w) => (w === '' ? rest === '' : sameLabel(rest, w))));
  const matching = (normalise: (label: string) => string) =>
    table.headings.flatMap((heading, c) => {
      const parsed = headingPeriod(heading);
      return parsed && accepts(normalise(parsed.rest)) ? [{ c, span: parsed.span, label: parsed.label }] : [];
    });
  const exact = matching((rest) => rest);
  return exact.length > 0 ? exact : matching(withoutFootnoteDigits);
}

function shiftYear(span: MonthSpan): MonthSpan {
  return { ...span, startYear: span.startYear - 1, endYear: span.endYear - 1 };
}

export function columnNames(mapping: OnsPfaMapping): string[] {
  return mapping.column === undefined ? [] : typeof mapping.column === 'string' ? [mapping.column] : [...mapping.column];
}

/** Reads every mapped measure's figures from the workbook's sheets. */
export function extractFigures(sheets: readonly Sheet[], edition: Edition, measures: readonly MeasureMapping[], site: SiteAreas, fileName: string): Extraction {
  const tables = findTables(sheets);
  const names = areaNames(tables);
  const figures: Figure[] = [];
  const problems: string[] = [];
  const noFigure: string[] = [];
  const skipped: string[] = [];
  const tablesRead = new Map<string, string[]>();
  for (const measure of measures) {
    const titled = measure.mappings.map((m) => titledTables(tables, m, edition));
    if (titled.every((list) => list.length === 0)) {
      skipped.push(measure.slug);
      continue;
    }
    const read = new Set<string>();
    measure.mappings.forEach((mapping, index) => {
      const at = `content/measures/${measure.slug}.md: ons_pfa[${index}]`;
      const list = titled[index]!.filter((t) => hasColumn(t, mapping));
      if (list.length === 0 && titled[index]!.length > 0) {
        // The right table, but the heading is not there: say where the headings are and what was expected.
        const table = titled[index]![0]!;
        problems.push(`${at}: ${fileName}, sheet "${table.sheet.name}", row ${table.headingRow + 1} (cells ${cellAddress(table.headingRow, 0)} onwards) of ${tableNumber(table)}: expected a column headed "${columnNames(mapping).join('" or "') || '<Mon YYYY> to <Mon YYYY>'}"${mapping.period === 'headings' ? ' after each period' : ''}; found none. Update "column" if the edition renamed it.`);
        return;
      }
      if (list.length === 0) {
        const sameWords = tables.filter((t) => titleMatches(t, mapping));
        const seen = sameWords.length
          ? ` Tables with those words but another period: ${sameWords.map((t) => `${tableWhere(t)} ("${cleanLabel(t.titleBlock.split('\n')[0]!).slice(0, 120)}")`).join('; ')}.`
          : '';
        problems.push(`${at}: ${fileName} has no table whose title cell has the words "${titleWordings(mapping).join('" or "')}"${periodWords(mapping, edition)}, though this measure's other tables are there.${seen} Was a sheet removed, or the title reworded? Update "table" if so.`);
        return;
      }
      if (list.length > 1) {
        problems.push(`${at}: "${titleWordings(mapping).join('" or "')}" matches ${list.length} tables in ${fileName} (${list.map(tableWhere).join('; ')}); add title words that pick one.`);
        return;
      }
      const table = list[0]!;
      read.add(tableNumber(table));
      const result = readMapping(table, mapping, measure, site, names, fileName, edition);
      problems.push(...result.problems.map((p) => `${at}: ${p}`));
      noFigure.push(...result.noFigure);
      figures.push(...result.figures);
    });
    tablesRead.set(measure.slug, [...read].sort(byTableNumber));
  }
  const seen = new Map<string, string>();
  for (const f of figures) {
    const key = [f.measure, f.period, f.areaCode, f.breakdown?.value ?? ''].join('\u0000');
    const earlier = seen.get(key);
    if (earlier) problems.push(`content/measures/${f.measure}.md: two mappings give period ${f.period}, area ${f.areaCode}${f.breakdown ? `, ${f.breakdown.column} "${f.breakdown.value}"` : ''}: ${earlier} and ${f.cell}; each figure must be mapped once.`);
    else seen.set(key, f.cell);
  }
  return { figures, skipped, tables: tablesRead, noFigure, problems };
}

function byTableNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function periodWords(mapping: OnsPfaMapping, edition: Edition): string {
  if (mapping.period === 'edition') return ` and "${edition.name}"`;
  if (mapping.period === 'previous') return ` and "${yearEndingLabel(shiftYear(edition.span))}"`;
  return '';
}

/** Code -> the workbook's name for it, from every table that has both an area code and an area name column. */
function areaNames(tables: readonly Table[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of tables) {
    const heading = table.ownHeadings;
    const codeColumn = heading.findIndex((h) => /\bcodes?$/.test(words(h).join(' ')));
    const nameColumn = heading.findIndex((h) => /\bname$/.test(words(h).join(' ')));
    if (codeColumn < 0 || nameColumn !== codeColumn + 1) continue;
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const code = cellText(table.sheet.rows[r]?.[codeColumn]).trim();
      const name = cleanLabel(cellText(table.sheet.rows[r]?.[nameColumn]));
      if (code && name && !names.has(code)) names.set(code, name);
    }
  }
  return names;
}

interface MappingResult {
  figures: Figure[];
  noFigure: string[];
  problems: string[];
}

function resolveArea(mapping: OnsPfaMapping, site: SiteAreas): { code: string } | { problem: string } {
  if (mapping.area === 'partnership') return { code: site.partnership.code };
  if (mapping.area === 'police_force_area') {
    return site.policeForceArea
      ? { code: site.policeForceArea.code }
      : { problem: 'area "police_force_area" needs area.police_force_area (name and code) in content/site.yaml; add it, e.g. police_force_area: { name: "Nottinghamshire (police force area)", code: "E23000019" }' };
  }
  return { code: mapping.area };
}

function readMapping(
  table: Table,
  mapping: OnsPfaMapping,
  measure: MeasureMapping,
  site: SiteAreas,
  names: ReadonlyMap<string, string>,
  fileName: string,
  edition: Edition,
): MappingResult {
  const out: MappingResult = { figures: [], noFigure: [], problems: [] };
  const sheet = table.sheet;
  const heading = table.ownHeadings;
  const headingAt = (c: number) => `${fileName}, sheet "${sheet.name}", cell ${cellAddress(table.headingRow, c)}`;
  const area = resolveArea(mapping, site);
  if ('problem' in area) {
    out.problems.push(area.problem);
    return out;
  }

  // The row: by code where the table has a code column, else by the name the workbook gives that code.
  const codeColumns = heading.map((h, c) => ({ c, text: words(h).join(' ') })).filter((h) => /\bcodes?$/.test(h.text));
  let rowIndex: number | undefined;
  let rowLabel = '';
  if (codeColumns.length > 0) {
    const column = mapping.area_column ? codeColumns.find((h) => sameLabel(heading[h.c] ?? '', mapping.area_column!)) : codeColumns[0];
    if (!column) {
      out.problems.push(`${headingAt(codeColumns[0]!.c)}: expected a heading "${mapping.area_column}" in row ${table.headingRow + 1}; the code columns there are ${codeColumns.map((h) => `"${cleanLabel(heading[h.c] ?? '')}"`).join(', ')}.`);
      return out;
    }
    const rows = rowsWhere(table, (row) => cellText(row[column.c]).trim() === area.code);
    if (rows.length !== 1) {
      out.problems.push(
        rows.length === 0
          ? `${headingAt(column.c)}: expected a row with area code ${area.code} in the column "${cleanLabel(heading[column.c] ?? '')}" below this heading (rows ${table.firstRow + 1}-${table.lastRow + 1}); found none.`
          : `${headingAt(column.c)}: area code ${area.code} appears in ${rows.length} rows below this heading (${rows.map((r) => cellAddress(r, column.c)).join(', ')}); name the code column to read with area_column.`,
      );
      return out;
    }
    rowIndex = rows[0]!;
    const nameColumn = column.c + 1;
    rowLabel = cleanLabel(cellText(sheet.rows[rowIndex]?.[nameColumn])) || area.code;
  } else {
    const name = names.get(area.code);
    if (!name) {
      out.problems.push(`${headingAt(0)}: this table names areas without codes, and no other table of ${fileName} gives a name for area code ${area.code}, so its row cannot be found.`);
      return out;
    }
    const rows = rowsWhere(table, (row) => sameLabel(cellText(row[0]), name));
    if (rows.length !== 1) {
      out.problems.push(`${headingAt(0)}: expected one row named "${name}" (the workbook's name for ${area.code}) below this heading; found ${rows.length}.`);
      return out;
    }
    rowIndex = rows[0]!;
    rowLabel = name;
  }

  // The columns: one for edition/previous tables, one per period for headings tables.
  const wanted = columnNames(mapping);
  const columns: { c: number; span: MonthSpan; label: string }[] = [];
  if (mapping.period === 'headings') {
    columns.push(...periodColumns(table, wanted));
    if (columns.length === 0) {
      out.problems.push(`${headingAt(0)}: expected headings of the form "<Mon YYYY> to <Mon YYYY>${wanted[0] ? ` ${wanted[0]}` : ''}" in row ${table.headingRow + 1} of ${tableNumber(table)}; found none.`);
      return out;
    }
    const periods = new Set<string>();
    for (const col of columns) {
      const key = `${col.span.startYear}-${col.span.startMonth}/${col.span.endYear}-${col.span.endMonth}`;
      if (periods.has(key)) {
        out.problems.push(`${headingAt(col.c)}: a second column for ${col.label} matches "${wanted.join('" or "')}"; the mapping must match one column per period.`);
        return out;
      }
      periods.add(key);
    }
  } else {
    const matches = namedColumns(table, wanted).map((c) => ({ c }));
    if (matches.length !== 1) {
      out.problems.push(
        matches.length === 0
          ? `${headingAt(2)}: expected a column headed "${wanted.join('" or "')}" in row ${table.headingRow + 1} of ${tableNumber(table)} ("${cleanLabel(table.title).slice(0, 80)}..."); found none. Headings there: ${table.headings.filter((h) => h.trim() !== '').map((h) => `"${cleanLabel(h)}"`).slice(2, 8).join(', ')}...`
          : `${headingAt(matches[1]!.c)}: "${wanted.join('" or "')}" matches ${matches.length} headings (${matches.map((m) => cellAddress(table.headingRow, m.c)).join(', ')}); make the column heading exact.`,
      );
      return out;
    }
    const span = mapping.period === 'edition' ? edition.span : shiftYear(edition.span);
    columns.push({ c: matches[0]!.c, span, label: yearEndingLabel(span) });
  }

  for (const col of columns) {
    const cell = `${fileName}, sheet "${sheet.name}", cell ${cellAddress(rowIndex, col.c)}`;
    const raw = sheet.rows[rowIndex]?.[col.c] ?? null;
    const period = formatPeriod(col.span, measure.frequency, measure.intervalMonths);
    if ('problem' in period) {
      out.problems.push(`${cell}: ${col.label}: ${period.problem}.`);
      continue;
    }
    if (typeof raw === 'string' && (/^\s*\[[a-z0-9]+\]\s*$/i.test(raw) || (raw.trim() === '-' && dashMeansNoFigure(sheet)))) {
      out.noFigure.push(`${cell} holds ${raw.trim()} (no figure) for ${measure.slug}, ${col.label}, ${rowLabel}`);
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      out.problems.push(`${cell}: expected a number, or a no-figure marker such as [x] or [z], for ${rowLabel}, ${col.label}; found ${raw === null ? 'an empty cell' : JSON.stringify(raw)}.`);
      continue;
    }
    out.figures.push({
      measure: measure.slug,
      period: period.period,
      periodLabel: col.label,
      areaCode: area.code,
      areaLabel: rowLabel,
      value: String(raw),
      ...(mapping.breakdown ? { breakdown: mapping.breakdown } : {}),
      table: tableNumber(table),
      cell: `sheet "${sheet.name}", cell ${cellAddress(rowIndex, col.c)}`,
    });
  }
  return out;
}

function rowsWhere(table: Table, test: (row: readonly (string | number | null)[]) => boolean): number[] {
  const rows: number[] = [];
  for (let r = table.firstRow; r <= table.lastRow; r++) if (test(table.sheet.rows[r] ?? [])) rows.push(r);
  return rows;
}

/**
 * Whether the sheet itself says a lone "-" means no figure, as the March 2021 edition's notes do
 * ("'-' indicates that the base number is fewer than 50"). Without such a line a "-" is refused:
 * it could be a missing figure or a typing slip.
 */
function dashMeansNoFigure(sheet: Sheet): boolean {
  return sheet.rows.some((row) => row.some((cell) => /^\s*['‘’"]-['‘’"]\s+indicates\b/i.test(cellText(cell))));
}
