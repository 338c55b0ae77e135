/**
 * Reads every area's figure for a measure from the table its `ons_pfa` mapping names, for the
 * measure's comparison of every area (`npm run import -- ons-compare`): every Community Safety
 * Partnership row of a partnership table (Table C4 of the December 2024 edition), the reference row
 * its `ons_pfa_reference` names (England and Wales, Table P3), and the publisher's notes the table
 * cites, word for word. The rows are the same whichever partnership imports them; which one a page
 * highlights is decided when the site is built.
 */
import type { OnsPfaMapping } from '../schemas/measure.ts';
import { columnNames, extractFigures, formatPeriod, hasColumn, namedColumns, tableNumber, titledTables, type Edition, type MeasureMapping } from './ons-pfa.ts';
import { cellAddress, cellText, cleanLabel, findTables, words, type CellValue, type Sheet, type Table } from './workbook.ts';

/** The columns of a comparison CSV, in order: what the download holds. */
export const COMPARISON_COLUMNS = [
  'area_code',
  'area_name',
  'police_force_area_code',
  'police_force_area_name',
  'local_authority_code',
  'value',
  'note',
  'period',
  'period_label',
  'release',
  'source_table',
  'source_cell',
  'role',
] as const;

/** The columns of a comparison's notes CSV: each note the table cites, quoted from the notes sheet. */
export const NOTES_COLUMNS = ['source_table', 'sheet', 'cell', 'note', 'text'] as const;

/** One row of a comparison CSV. */
export type ComparisonRow = Record<(typeof COMPARISON_COLUMNS)[number], string>;

/** One of the publisher's notes, as its notes sheet words it. */
export type NoteRow = Record<(typeof NOTES_COLUMNS)[number], string>;

/** What a measure's comparison holds, read from one workbook. */
export interface ComparisonRead {
  readonly slug: string;
  /** The tables read, e.g. ["Table C4", "Table P3"]. */
  readonly tables: readonly string[];
  /** Where the area rows are, e.g. `sheet "Table C4"`: the refusal of changed areas names it. */
  readonly sheet: string;
  readonly rows: readonly ComparisonRow[];
  readonly notes: readonly NoteRow[];
}

/** Whether a measure is compared across every area: a rate whose partnership figure comes from a table for the edition's year. */
export function comparedMapping(unit: string, mappings: readonly OnsPfaMapping[]): OnsPfaMapping | undefined {
  if (!unit.startsWith('rate')) return undefined;
  return mappings.find((m) => m.area === 'partnership' && m.period === 'edition');
}

const CODE = /^[EKNSWL]\d{8}$/;
const NO_FIGURE = /^\s*\[[a-z0-9]+\]\s*$/i;

/** The column whose heading reads `heading` ("Community Safety Partnership code"), or -1. */
function headingColumn(table: Table, heading: string): number {
  const wanted = words(heading).join(' ');
  return table.ownHeadings.findIndex((h) => words(h).join(' ') === wanted);
}

/**
 * Every partnership row of a measure's mapped table, with its reference row and the notes the table
 * cites. Problems name the workbook, sheet and cell.
 */
export function readComparison(
  sheets: readonly Sheet[],
  edition: Edition,
  measure: MeasureMapping & { readonly mapping: OnsPfaMapping; readonly reference?: OnsPfaMapping },
  released: string,
  fileName: string,
): ComparisonRead | { problems: string[] } {
  const at = `content/measures/${measure.slug}.md`;
  const tables = findTables(sheets);
  const found = titledTables(tables, measure.mapping, edition).filter((t) => hasColumn(t, measure.mapping));
  if (found.length !== 1) {
    return { problems: [`${at}: ${fileName}: expected one table for the ${edition.name} edition whose title has the words "${String(measure.mapping.table)}" and a column "${columnNames(measure.mapping).join('" or "')}"; found ${found.length}.`] };
  }
  const table = found[0]!;
  const sheet = table.sheet;
  const where = (r: number, c: number) => `${fileName}, sheet "${sheet.name}", cell ${cellAddress(r, c)}`;
  const codeColumn = headingColumn(table, 'Community Safety Partnership code');
  const pfaColumn = headingColumn(table, 'Police Force Area code');
  const laColumn = headingColumn(table, 'Local Authority code');
  const valueColumns = namedColumns(table, columnNames(measure.mapping));
  const problems: string[] = [];
  if (codeColumn < 0 || pfaColumn < 0) {
    return { problems: [`${at}: ${where(table.headingRow, 0)}: expected headings "Police Force Area code" and "Community Safety Partnership code" in row ${table.headingRow + 1} of ${tableNumber(table)}, so every partnership's row can be read; found ${table.ownHeadings.filter((h) => h.trim()).map((h) => `"${cleanLabel(h)}"`).slice(0, 6).join(', ')}.`] };
  }
  if (valueColumns.length !== 1) {
    return { problems: [`${at}: ${where(table.headingRow, 0)}: "${columnNames(measure.mapping).join('" or "')}" matches ${valueColumns.length} headings in row ${table.headingRow + 1} of ${tableNumber(table)}; it must match one.`] };
  }
  const valueColumn = valueColumns[0]!;
  const period = formatPeriod(edition.span, measure.frequency, measure.intervalMonths);
  if ('problem' in period) return { problems: [`${at}: ${where(table.headingRow, valueColumn)}: ${edition.name}: ${period.problem}.`] };
  const source = tableNumber(table);
  const rows: ComparisonRow[] = [];
  const seen = new Map<string, string>();
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const row = sheet.rows[r] ?? [];
    const code = cellText(row[codeColumn]).trim();
    // Rows without a partnership code are the force's own total and its "Unassigned" offences.
    if (code === '') continue;
    if (!CODE.test(code)) {
      problems.push(`${at}: ${where(r, codeColumn)}: expected an ONS area code such as "E22000257" in the column "Community Safety Partnership code"; found ${JSON.stringify(code)}.`);
      continue;
    }
    const name = cleanLabel(cellText(row[codeColumn + 1]));
    if (name === '') problems.push(`${at}: ${where(r, codeColumn + 1)}: partnership ${code} has no name in the column beside its code.`);
    const earlier = seen.get(code);
    if (earlier) problems.push(`${at}: ${where(r, codeColumn)}: partnership ${code} is listed twice (also ${earlier}); each partnership must have one row.`);
    seen.set(code, cellAddress(r, codeColumn));
    const raw: CellValue = row[valueColumn] ?? null;
    const noFigure = typeof raw === 'string' && NO_FIGURE.test(raw);
    if (!noFigure && (typeof raw !== 'number' || !Number.isFinite(raw))) {
      problems.push(`${at}: ${where(r, valueColumn)}: expected a number, or a no-figure marker such as [x], for ${name || code}; found ${raw === null ? 'an empty cell' : JSON.stringify(raw)}.`);
      continue;
    }
    rows.push({
      area_code: code,
      area_name: name,
      police_force_area_code: cellText(row[pfaColumn]).trim(),
      police_force_area_name: cleanLabel(cellText(row[pfaColumn + 1])),
      // "Combined Local Authorities" where a partnership covers several (Table C1 lists them).
      local_authority_code: laColumn < 0 ? '' : cleanLabel(cellText(row[laColumn])),
      value: noFigure ? '' : String(raw),
      note: noFigure ? String(raw).trim() : '',
      period: period.period,
      period_label: edition.name,
      release: released,
      source_table: source,
      source_cell: `sheet "${sheet.name.trim()}", cell ${cellAddress(r, valueColumn)}`,
      role: 'partnership',
    });
  }
  if (rows.length === 0 && problems.length === 0) problems.push(`${at}: ${where(table.firstRow, codeColumn)}: ${source} has no partnership rows (no codes in the column "Community Safety Partnership code").`);
  const read = [source];
  let referenceFigure: { table: Table; row: number; column: number } | undefined;
  if (measure.reference) {
    const reference = extractFigures(sheets, edition, [{ slug: measure.slug, frequency: measure.frequency, intervalMonths: measure.intervalMonths, mappings: [measure.reference] }], { partnership: { name: '', code: '' } }, fileName);
    problems.push(...reference.problems.map((p) => p.replace(/ons_pfa\[0\]/, 'ons_pfa_reference')));
    if (reference.skipped.length) problems.push(`${at}: ons_pfa_reference: ${fileName} has no table whose title has the words "${String(measure.reference.table)}" for the ${edition.name} edition.`);
    for (const f of reference.figures) {
      read.push(f.table);
      const referenceTable = titledTables(tables, measure.reference, edition).find((t) => t.sheet.name.trim() === /sheet "([^"]*)"/.exec(f.cell)?.[1]?.trim());
      const address = /cell ([A-Z]+)(\d+)$/.exec(f.cell);
      if (referenceTable && address) referenceFigure = { table: referenceTable, row: Number(address[2]) - 1, column: columnIndex(address[1]!) };
      rows.push({
        area_code: f.areaCode,
        area_name: f.areaLabel,
        police_force_area_code: '',
        police_force_area_name: '',
        local_authority_code: '',
        value: f.value,
        note: '',
        period: f.period,
        period_label: f.periodLabel,
        release: released,
        source_table: f.table,
        source_cell: f.cell,
        role: 'reference',
      });
    }
  }
  if (problems.length) return { problems };
  const notes = citedNotes(sheets, table, fileName);
  if ('problems' in notes) return notes;
  const referenceNotes = referenceFigure ? citedNotes(sheets, referenceFigure.table, fileName, referenceFigure) : { notes: [] };
  if ('problems' in referenceNotes) return referenceNotes;
  return { slug: measure.slug, tables: [...new Set(read)], sheet: `sheet "${sheet.name}"`, rows, notes: [...notes.notes, ...referenceNotes.notes] };
}

/**
 * The notes a table cites ("[note 1][note 6]" in its title, headings or area names), quoted from
 * the workbook's notes sheet for that table: the nearest sheet before it named "Notes...", and in a
 * sheet with several lists ("Notes for tables P1, P2, P3, P4") the list that names the table.
 * The title block's own shorthand lines ("[u1] indicates ...") are quoted too.
 */
export function citedNotes(sheets: readonly Sheet[], table: Table, fileName: string, only?: { readonly row: number; readonly column: number }): { notes: NoteRow[] } | { problems: string[] } {
  const source = tableNumber(table);
  const cited = new Set<number>();
  // One figure of a table (a reference row) cites the title's notes, its column's and its row's; a whole table, all of them.
  const texts = only ? [table.titleBlock, table.headings[only.column] ?? ''] : [table.titleBlock, ...table.headings];
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    if (only && r !== only.row) continue;
    for (const cell of table.sheet.rows[r] ?? []) if (typeof cell === 'string') texts.push(cell);
  }
  for (const text of texts) for (const m of text.matchAll(/\[\s*notes?\s*([\d,\s]+)\]/gi)) for (const n of m[1]!.split(',')) if (n.trim()) cited.add(Number(n));
  const index = sheets.indexOf(table.sheet);
  const notesSheet = sheets.slice(0, index).reverse().find((s) => /^notes/i.test(s.name.trim()));
  if (!notesSheet) return { problems: [`${fileName}: no notes sheet (a sheet named "Notes...") comes before sheet "${table.sheet.name}", so the notes ${source} cites cannot be quoted.`] };
  const number = /^Table\s+(.+)$/.exec(source)?.[1] ?? '';
  const sections = notesSheet.rows.map((row, r) => ({ r, text: cellText(row[0]) })).filter((s) => /^notes for tables?\b/i.test(s.text.trim()));
  let first = 0;
  let last = notesSheet.rows.length - 1;
  if (sections.length > 0) {
    const i = sections.findIndex((s) => new RegExp(`\\b${number}\\b`, 'i').test(s.text));
    if (i < 0) return { problems: [`${fileName}, sheet "${notesSheet.name}": no list of notes names ${source} (lists: ${sections.map((s) => `"${s.text.trim()}"`).join(', ')}).`] };
    first = sections[i]!.r;
    last = sections[i + 1] ? sections[i + 1]!.r - 1 : last;
  }
  const notes: NoteRow[] = [];
  const found = new Set<number>();
  for (let r = first; r <= last; r++) {
    const row = notesSheet.rows[r] ?? [];
    const n = typeof row[0] === 'number' ? row[0] : /^\d+$/.test(cellText(row[0]).trim()) ? Number(cellText(row[0])) : undefined;
    if (n === undefined || !cited.has(n) || found.has(n)) continue;
    found.add(n);
    notes.push({ source_table: source, sheet: notesSheet.name.trim(), cell: cellAddress(r, 1), note: String(n), text: cellText(row[1]).trim() });
  }
  const missing = [...cited].filter((n) => !found.has(n)).sort((a, b) => a - b);
  if (missing.length) return { problems: [`${fileName}, sheet "${notesSheet.name}": ${source} cites note ${missing.join(', ')}, which the notes list for it does not hold.`] };
  notes.sort((a, b) => Number(a.note) - Number(b.note));
  // The title block's shorthand ("Some shorthand is used in this table, [u1] indicates ...").
  table.titleBlock.split('\n').forEach((line, i) => {
    if (/\bindicates?\b/i.test(line) && /\[[a-z0-9]+\]/i.test(line)) notes.push({ source_table: source, sheet: table.sheet.name.trim(), cell: cellAddress(table.titleRow + i, 0), note: '', text: line.trim() });
  });
  return { notes };
}

/** 0-based column of a column's letters ("A" is 0, "AD" is 29). */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** What changed between two lists of areas: codes no longer listed, new codes, and codes whose name changed. */
export interface AreaChanges {
  readonly removed: readonly { readonly code: string; readonly name: string }[];
  readonly added: readonly { readonly code: string; readonly name: string; readonly cell: string }[];
  readonly renamed: readonly { readonly code: string; readonly was: string; readonly now: string; readonly cell: string }[];
}

/** The areas of `now` that differ from `before` (a partnership renamed, merged or split between editions); undefined when none does. */
export function areaChanges(before: readonly Pick<ComparisonRow, 'area_code' | 'area_name'>[], now: readonly ComparisonRow[]): AreaChanges | undefined {
  const was = new Map(before.map((r) => [r.area_code, r.area_name]));
  const is = new Map(now.map((r) => [r.area_code, r]));
  const removed = before.filter((r) => !is.has(r.area_code)).map((r) => ({ code: r.area_code, name: r.area_name }));
  const added = now.filter((r) => !was.has(r.area_code)).map((r) => ({ code: r.area_code, name: r.area_name, cell: r.source_cell }));
  const renamed = now
    .filter((r) => was.has(r.area_code) && was.get(r.area_code) !== r.area_name)
    .map((r) => ({ code: r.area_code, was: was.get(r.area_code)!, now: r.area_name, cell: r.source_cell }));
  return removed.length || added.length || renamed.length ? { removed, added, renamed } : undefined;
}

/** The changes in words, one line each, for the refusal. */
export function areaChangeLines(changes: AreaChanges): string[] {
  return [
    ...changes.renamed.map((c) => `renamed: ${c.code} "${c.was}" is now "${c.now}" (${c.cell})`),
    ...changes.added.map((c) => `new: ${c.code} "${c.name}" (${c.cell})`),
    ...changes.removed.map((c) => `no longer listed: ${c.code} "${c.name}"`),
  ];
}
