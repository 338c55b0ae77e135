/**
 * Reads an xlsx workbook into plain grids of cells and finds the tables in it by their titles and
 * column headings. Publishers move tables between sheets and renumber them between editions, and
 * sheet names carry stray spaces, so nothing here relies on a sheet name or a cell address.
 */
import * as XLSX from '@e965/xlsx';

/** One cell's value as stored: a number, a text, or nothing. */
export type CellValue = number | string | null;

/** A block of merged cells, 0-based and inclusive: its value is stored in the top-left cell only. */
export interface MergedRange {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** One worksheet: its name as written (trailing spaces kept), its cells by 0-based row and column, and its merged cells. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges?: readonly MergedRange[];
}

/** A workbook, or why it could not be read. */
export type WorkbookRead = { readonly ok: true; readonly sheets: readonly Sheet[] } | { readonly ok: false; readonly problem: string };

/** The ZIP signature every xlsx file starts with ("PK\x03\x04"). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads the bytes of an xlsx file; anything else (CSV, an old .xls, a damaged file) is refused. */
export function readWorkbook(bytes: Uint8Array): WorkbookRead {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
    return { ok: false, problem: 'it is not an xlsx workbook (an xlsx file is a ZIP archive starting with the bytes "PK"); save it from the spreadsheet program as "Excel Workbook (.xlsx)"' };
  }
  let book: XLSX.WorkBook;
  try {
    // dense grids, raw cell values: we want what the publisher stored, not Excel's display formatting.
    book = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false });
  } catch (error) {
    return { ok: false, problem: `it could not be read as an xlsx workbook (${error instanceof Error ? error.message : String(error)})` };
  }
  if (book.SheetNames.length === 0) return { ok: false, problem: 'it holds no worksheets' };
  const sheets = book.SheetNames.map((name) => ({ name, rows: grid(book.Sheets[name]!), merges: mergedRanges(book.Sheets[name]!) }));
  return { ok: true, sheets };
}

function grid(sheet: XLSX.WorkSheet): CellValue[][] {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  return rows.map((row) => row.map((cell) => (typeof cell === 'number' || typeof cell === 'string' ? cell : cell === null || cell === undefined ? null : String(cell))));
}

function mergedRanges(sheet: XLSX.WorkSheet): MergedRange[] {
  return (sheet['!merges'] ?? []).map((m) => ({ firstRow: m.s.r, firstColumn: m.s.c, lastRow: m.e.r, lastColumn: m.e.c }));
}

/** Spreadsheet address of a 0-based cell, e.g. (6, 2) is "C7". */
export function cellAddress(row: number, column: number): string {
  return XLSX.utils.encode_cell({ r: row, c: column });
}

/**
 * A label as a reader sees it: `[note 3]`-style markers removed, line breaks and runs of spaces
 * collapsed, ends trimmed. "Total recorded crime\n (excluding fraud) [note 2]" becomes
 * "Total recorded crime (excluding fraud)".
 */
export function cleanLabel(text: string): string {
  return text
    .replace(/\[\s*notes?[^\]]*\]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words of a text, punctuation dropped, for comparing titles and headings. */
export function words(text: string): string[] {
  return cleanLabel(text)
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Whether two labels say the same once notes, spacing, case and punctuation are ignored. */
export function sameLabel(a: string, b: string): boolean {
  return words(a).join(' ') === words(b).join(' ');
}

/**
 * A label with footnote numbers glued to the end of a word removed: "Burglary4" becomes "Burglary",
 * "Total recorded crime (excluding fraud3)" becomes "Total recorded crime (excluding fraud)",
 * "ENGLAND AND WALES3,4,5" becomes "ENGLAND AND WALES". Older ONS editions printed note numbers as
 * superscripts that are stored as plain digits. Stripping could change a heading whose word really
 * ends in a digit, so callers use it only as a fallback: when no heading matches as written, and then
 * only to accept a heading that, once stripped, is exactly one the mapping already names.
 */
export function withoutFootnoteDigits(text: string): string {
  return text.replace(/(?<=[A-Za-z)])\d+(?:,\d+)*(?![\d])/g, '');
}

/** A table in a sheet: its title block, its heading row and the rows under it up to the next blank row. */
export interface Table {
  readonly sheet: Sheet;
  /** The title cell's text, e.g. "Table P1: Police recorded crime by offence group ...". */
  readonly title: string;
  /** 0-based row of the title cell. */
  readonly titleRow: number;
  /** Title and every text line between it and the heading row (subtitles such as "England and Wales, year ending March 2022"). */
  readonly titleBlock: string;
  /** 0-based row of the column headings. */
  readonly headingRow: number;
  /**
   * Each column's heading as a reader sees it. Where a table has two heading rows (older editions put
   * a group or a period above the heading row, often merged across several columns, e.g. "Apr '10 to
   * Mar '11" over "Number of ..." and "% involving a knife"), the upper heading comes first: "Apr '10 to
   * Mar '11 % involving a knife". Otherwise the heading row's own text.
   */
  readonly headings: readonly string[];
  /** Each column's text in the heading row itself (a cell merged down from the row above counts as its own). */
  readonly ownHeadings: readonly string[];
  /** 0-based rows of the table's body. */
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Text of a cell, or "" for a number or an empty cell. */
export function cellText(value: CellValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** A heading row names the area columns: its first cell reads "Area code(s)", "Police Force Area code" or "Area name". */
function isHeadingRow(row: readonly CellValue[] | undefined): boolean {
  const first = words(cellText(row?.[0])).join(' ');
  return /\barea (codes?|name)$/.test(first);
}

/** The first cell of a table body: an ONS area code, or the England and Wales total row by name. */
function startsBody(row: readonly CellValue[] | undefined): boolean {
  const first = cellText(row?.[0]).trim();
  return /^[EKNSW]\d{8}$/.test(first) || /^england and wales\b/i.test(words(first).join(' '));
}

/**
 * A heading row whose area column has no heading (the March 2021 edition's ASB table): first cell
 * empty, headings in other cells, and the England and Wales total row right under it, as every
 * table of these workbooks begins. Tables with an "Area code" heading never need this rule.
 */
function isUnlabelledHeadingRow(rows: readonly (readonly CellValue[])[], r: number): boolean {
  const row = rows[r];
  if (!row || cellText(row[0]).trim() !== '' || row.filter((cell) => cellText(cell).trim() !== '').length < 2) return false;
  return /^england and wales\b/i.test(words(cellText(rows[r + 1]?.[0])).join(' '));
}

/** The merged range covering a cell, if any. */
function mergeAt(sheet: Sheet, row: number, column: number): MergedRange | undefined {
  return sheet.merges?.find((m) => row >= m.firstRow && row <= m.lastRow && column >= m.firstColumn && column <= m.lastColumn);
}

/** A cell's text, or the text of the merged block it lies in. */
function mergedText(sheet: Sheet, row: number, column: number): string {
  const merge = mergeAt(sheet, row, column);
  return merge ? cellText(sheet.rows[merge.firstRow]?.[merge.firstColumn]) : cellText(sheet.rows[row]?.[column]);
}

/**
 * Column headings of a table, reading a second heading row above the first where there is one: the
 * row just above the heading row, when it is below the title and its first cell is empty (a title or
 * subtitle line always fills the first cell, so such a row can only hold headings).
 */
function columnHeadings(sheet: Sheet, titleRow: number, headingRow: number): { headings: string[]; ownHeadings: string[] } {
  const upperRow = headingRow - 1;
  const hasUpper = upperRow > titleRow && cellText(sheet.rows[upperRow]?.[0]).trim() === '';
  const width = Math.max(sheet.rows[headingRow]?.length ?? 0, hasUpper ? (sheet.rows[upperRow]?.length ?? 0) : 0);
  const headings: string[] = [];
  const ownHeadings: string[] = [];
  for (let c = 0; c < width; c++) {
    const own = mergedText(sheet, headingRow, c);
    const upperMerge = hasUpper ? mergeAt(sheet, upperRow, c) : undefined;
    // A heading merged down over both rows is one heading, not an upper and a lower one.
    const upper = !hasUpper || (upperMerge && upperMerge.lastRow >= headingRow) ? '' : mergedText(sheet, upperRow, c);
    ownHeadings.push(own);
    headings.push([upper, own].filter((t) => t.trim() !== '').join(' '));
  }
  return { headings, ownHeadings };
}

function isBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/**
 * Every table in the workbook: a heading row (first cell "Area code" or "Area name") with the nearest title above it
 * (a text cell in the first column starting "Table" or "Worksheet"). Tables stacked in one sheet are
 * found separately; a sheet of notes or contents has no heading row and yields none.
 */
export function findTables(sheets: readonly Sheet[]): Table[] {
  const tables: Table[] = [];
  for (const sheet of sheets) {
    let titleRow = -1;
    for (let r = 0; r < sheet.rows.length; r++) {
      const first = cellText(sheet.rows[r]?.[0]).trim();
      if (/^(table|worksheet)\s+[a-z]?\d/i.test(first)) titleRow = r;
      if (titleRow < 0 || !(isHeadingRow(sheet.rows[r]) || isUnlabelledHeadingRow(sheet.rows, r))) continue;
      // Older editions leave a blank or a units row ("Numbers") between headings and figures.
      let firstRow = r + 1;
      while (firstRow <= r + 2 && !startsBody(sheet.rows[firstRow]) && startsBody(sheet.rows[firstRow + 1])) firstRow++;
      let last = firstRow - 1;
      while (last + 1 < sheet.rows.length && !isBlank(sheet.rows[last + 1]) && !isHeadingRow(sheet.rows[last + 1])) last++;
      const block = sheet.rows
        .slice(titleRow, r)
        .map((row) => cellText(row[0]))
        .filter((text) => text.trim() !== '')
        .join('\n');
      tables.push({ sheet, title: cellText(sheet.rows[titleRow]![0]), titleRow, titleBlock: block, headingRow: r, ...columnHeadings(sheet, titleRow, r), firstRow, lastRow: last });
    }
  }
  return tables;
}
