/**
 * Reads an xlsx workbook into plain grids of cells and finds the tables in it by their titles and
 * column headings. Publishers move tables between sheets and renumber them between editions, and
 * sheet names carry stray spaces, so nothing here relies on a sheet name or a cell address.
 */
import * as XLSX from '@e965/xlsx';

/** One cell's value as stored: a number, a text, or nothing. */
export type CellValue = number | string | null;

/** One worksheet: its name as written (trailing spaces kept) and its cells by 0-based row and column. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
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
  const sheets = book.SheetNames.map((name) => ({ name, rows: grid(book.Sheets[name]!) }));
  return { ok: true, sheets };
}

function grid(sheet: XLSX.WorkSheet): CellValue[][] {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  return rows.map((row) => row.map((cell) => (typeof cell === 'number' || typeof cell === 'string' ? cell : cell === null || cell === undefined ? null : String(cell))));
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
      if (!isHeadingRow(sheet.rows[r]) || titleRow < 0) continue;
      let last = r;
      while (last + 1 < sheet.rows.length && !isBlank(sheet.rows[last + 1]) && !isHeadingRow(sheet.rows[last + 1])) last++;
      const block = sheet.rows
        .slice(titleRow, r)
        .map((row) => cellText(row[0]))
        .filter((text) => text.trim() !== '')
        .join('\n');
      tables.push({ sheet, title: cellText(sheet.rows[titleRow]![0]), titleRow, titleBlock: block, headingRow: r, firstRow: r + 1, lastRow: last });
    }
  }
  return tables;
}
