/**
 * Writing CSV that opens safely and reads back exactly: RFC 4180 quoting, CRLF line ends, and a
 * defence against formula injection. Notes and labels are untrusted text: a cell such as
 * `=HYPERLINK(...)` must stay text when the file is opened in a spreadsheet.
 */

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection guidance). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Prefixes a single quote to text a spreadsheet would run as a formula. Text that already starts
 * with quotes before such a character gets one more, so restoreFormula can undo the change exactly.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes defuseFormula. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** One field, quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record as CSV text with its CRLF ending: fields already as cell text. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Whole CSV text: fields already as cell text, records ended by CRLF as RFC 4180 asks. */
export function csvText(records: readonly (readonly string[])[]): string {
  return records.map(csvLine).join('');
}

/**
 * A number as plain decimal text, never in exponent form (1e-7 -> "0.0000001"). Uses the shortest
 * text that reads back as the same number, so no float noise such as 0.30000000000000004 appears
 * unless it is really the value.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a figure`);
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', exponentText] = match;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exponentText); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
