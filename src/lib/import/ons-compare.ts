/**
 * Reads every area's figure for a measure from the table its `ons_pfa` mapping names, for the
 * measure's comparison of every area (`npm run import -- ons-compare`): every Community Safety
 * Partnership row of a partnership table (Table C4 of the December 2024 edition), the reference row
 * its `ons_pfa_reference` names (England and Wales, Table P3), and the publisher's notes the table
 * cites, word for word; or, for a force-level measure, every police force area's row of its P-table
 * (all 43 forces) with that table's England and Wales row. The rows are the same whichever
 * partnership imports them; which one a page highlights is decided when the site is built.
 */
import type { OnsPfaMapping } from '../schemas/measure.ts';
import { columnNames, extractFigures, formatPeriod, hasColumn, namedColumns, periodColumns, tableNumber, titledTables, yearEndingLabel, type Edition, type MeasureMapping, type MonthSpan } from './ons-pfa.ts';
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
  /** Which areas the rows are: every partnership, or every police force area. */
  readonly areas: 'partnership' | 'police_force_area';
  /** The tables read, e.g. ["Table C4", "Table P3"]. */
  readonly tables: readonly string[];
  /** Where the area rows are, e.g. `sheet "Table C4"`: the refusal of changed areas names it. */
  readonly sheet: string;
  readonly rows: readonly ComparisonRow[];
  readonly notes: readonly NoteRow[];
}

/** Areas listed before (a comparison release's rows), so a force table that lost or doubled one can say which. */
export interface KnownAreas {
  /** The file they were read from, e.g. data/comparisons/knife-crime-rate/2025-04-24.csv. */
  readonly from: string;
  readonly rows: readonly Pick<ComparisonRow, 'area_code' | 'area_name'>[];
}

/**
 * The mapping a measure's comparison of every area reads, or undefined for a measure not compared:
 * its `ons_pfa_compare`; else, for a rate, the partnership table of the edition's year (every
 * partnership); else, for a rate or a percentage, its police force area table (every force). Counts
 * are not compared: a count ranks areas by their size as much as by anything else.
 */
export function comparedMapping(unit: string, mappings: readonly OnsPfaMapping[], compare?: OnsPfaMapping): OnsPfaMapping | undefined {
  if (compare) return compare;
  if (!unit.startsWith('rate') && unit !== 'percent') return undefined;
  const partnership = unit.startsWith('rate') ? mappings.find((m) => m.area === 'partnership' && m.period === 'edition') : undefined;
  return partnership ?? mappings.find((m) => m.area === 'police_force_area' && !m.breakdown);
}

/** Whether a comparison's rows are police force areas (a force-level table) rather than partnerships. */
export function isForceLevel(mapping: OnsPfaMapping): boolean {
  return mapping.area === 'police_force_area';
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
  measure: MeasureMapping & { readonly mapping: OnsPfaMapping; readonly reference?: OnsPfaMapping; readonly knownForces?: KnownAreas },
  released: string,
  fileName: string,
): ComparisonRead | { problems: string[] } | { skipped: string } {
  const at = `content/measures/${measure.slug}.md`;
  const tables = findTables(sheets);
  // An edition without the table at all (ASB tables are in March editions only) has nothing for this measure.
  if (titledTables(tables, measure.mapping, edition).length === 0) return { skipped: `${fileName} has no table whose title has the words "${[measure.mapping.table].flat().join('" or "')}" for the ${edition.name} edition` };
  if (isForceLevel(measure.mapping)) return readForceComparison(tables, sheets, edition, measure, released, fileName);
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
  const referenceNotes = referenceFigure ? citedNotes(sheets, referenceFigure.table, fileName, { rows: [referenceFigure.row], column: referenceFigure.column }) : { notes: [] };
  if ('problems' in referenceNotes) return referenceNotes;
  return { slug: measure.slug, areas: 'partnership', tables: [...new Set(read)], sheet: `sheet "${sheet.name}"`, rows, notes: [...notes.notes, ...referenceNotes.notes] };
}

/** England and Wales have 43 territorial police forces (39 in England, 4 in Wales); a force table lists each once. */
export const POLICE_FORCE_AREAS = 43;

/** Codes of police force areas: E23 in England, W15 in Wales. Regions (E12), nations and British Transport Police (no code) are not forces. */
const FORCE_CODE = /^(E23|W15)\d{6}$/;

/** The reference areas a force table may give, in the order preferred: England and Wales, then England. */
const REFERENCE_CODES = ['K04000001', 'E92000001'];

/**
 * Every police force area's figure in a force-level table (P-tables: one row per force, with regions
 * and nations between them), for the newest period the mapping's column has, with the table's own
 * England and Wales (or England) row as the reference and the notes the title, the column and the
 * rows read cite. Refuses a table that does not list all 43 forces once each, naming the cells and,
 * against `knownForces` (an earlier comparison's forces), which forces it lacks, renamed or doubled.
 */
function readForceComparison(
  tables: readonly Table[],
  sheets: readonly Sheet[],
  edition: Edition,
  measure: MeasureMapping & { readonly mapping: OnsPfaMapping; readonly knownForces?: KnownAreas },
  released: string,
  fileName: string,
): ComparisonRead | { problems: string[] } {
  const at = `content/measures/${measure.slug}.md`;
  const mapping = measure.mapping;
  const found = titledTables(tables, mapping, edition).filter((t) => hasColumn(t, mapping));
  if (found.length !== 1) {
    return { problems: [`${at}: ${fileName}: expected one table for the ${edition.name} edition whose title has the words "${[mapping.table].flat().join('" or "')}" and a column "${columnNames(mapping).join('" or "')}"; found ${found.length}.`] };
  }
  const table = found[0]!;
  const sheet = table.sheet;
  const source = tableNumber(table);
  const where = (r: number, c: number) => `${fileName}, sheet "${sheet.name}", cell ${cellAddress(r, c)}`;
  const codeColumn = table.ownHeadings.findIndex((h) => /\bcodes?$/.test(words(h).join(' ')));
  if (codeColumn < 0) return { problems: [`${at}: ${where(table.headingRow, 0)}: expected an "Area Code" heading in row ${table.headingRow + 1} of ${source}, so every force's row can be read by its code; found none.`] };
  // The column: for a table of periods, the newest period's; else the one named for the edition.
  let column: { c: number; span: MonthSpan; label: string };
  if (mapping.period === 'headings') {
    const columns = periodColumns(table, columnNames(mapping));
    const newest = [...columns].sort((a, b) => a.span.endYear * 12 + a.span.endMonth - (b.span.endYear * 12 + b.span.endMonth)).at(-1)!;
    const same = columns.filter((c) => c.span.endYear === newest.span.endYear && c.span.endMonth === newest.span.endMonth && c.span.startYear === newest.span.startYear && c.span.startMonth === newest.span.startMonth);
    if (same.length !== 1) return { problems: [`${at}: ${where(table.headingRow, newest.c)}: ${same.length} columns of ${source} are for ${newest.label} and match "${columnNames(mapping).join('" or "')}"; the mapping must match one.`] };
    column = newest;
  } else {
    const named = namedColumns(table, columnNames(mapping));
    if (named.length !== 1) return { problems: [`${at}: ${where(table.headingRow, 0)}: "${columnNames(mapping).join('" or "')}" matches ${named.length} headings in row ${table.headingRow + 1} of ${source}; it must match one.`] };
    column = { c: named[0]!, span: edition.span, label: edition.name };
  }
  const period = formatPeriod(column.span, measure.frequency, measure.intervalMonths);
  if ('problem' in period) return { problems: [`${at}: ${where(table.headingRow, column.c)}: ${column.label}: ${period.problem}.`] };
  const twelveMonths = (column.span.endYear * 12 + column.span.endMonth) - (column.span.startYear * 12 + column.span.startMonth) + 1 === 12;
  const periodLabel = twelveMonths ? yearEndingLabel(column.span) : column.label;
  const problems: string[] = [];
  const rows: ComparisonRow[] = [];
  const read: number[] = [];
  const seen = new Map<string, string>();
  // Each force's first row, to say which forces a table lacking one or listing one twice has changed.
  const listed: Pick<ComparisonRow, 'area_code' | 'area_name' | 'source_cell'>[] = [];
  let duplicated = false;
  let reference: { row: number; code: string } | undefined;
  const figure = (r: number, code: string, name: string, role: ComparisonRow['role']): ComparisonRow | undefined => {
    const raw: CellValue = sheet.rows[r]?.[column.c] ?? null;
    const noFigure = typeof raw === 'string' && NO_FIGURE.test(raw);
    if (!noFigure && (typeof raw !== 'number' || !Number.isFinite(raw))) {
      problems.push(`${at}: ${where(r, column.c)}: expected a number, or a no-figure marker such as [x], for ${name || code}, ${column.label}; found ${raw === null ? 'an empty cell' : JSON.stringify(raw)}.`);
      return undefined;
    }
    return {
      area_code: code,
      area_name: name,
      police_force_area_code: '',
      police_force_area_name: '',
      local_authority_code: '',
      value: noFigure ? '' : String(raw),
      note: noFigure ? String(raw).trim() : '',
      period: period.period,
      period_label: periodLabel,
      release: released,
      source_table: source,
      source_cell: `sheet "${sheet.name.trim()}", cell ${cellAddress(r, column.c)}`,
      role,
    };
  };
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const code = cellText(sheet.rows[r]?.[codeColumn]).trim();
    if (REFERENCE_CODES.includes(code) && (!reference || REFERENCE_CODES.indexOf(code) < REFERENCE_CODES.indexOf(reference.code))) reference = { row: r, code };
    if (!FORCE_CODE.test(code)) continue;
    const name = cleanLabel(cellText(sheet.rows[r]?.[codeColumn + 1]));
    if (name === '') problems.push(`${at}: ${where(r, codeColumn + 1)}: police force area ${code} has no name in the column beside its code.`);
    const earlier = seen.get(code);
    if (earlier) {
      duplicated = true;
      problems.push(`${at}: ${where(r, codeColumn)}: police force area ${code} is listed twice (also ${earlier}); each force must have one row.`);
    } else {
      listed.push({ area_code: code, area_name: name, source_cell: `sheet "${sheet.name.trim()}", cell ${cellAddress(r, codeColumn)}` });
    }
    seen.set(code, earlier ?? cellAddress(r, codeColumn));
    const row = figure(r, code, name, 'police_force_area');
    if (row) rows.push(row);
    read.push(r);
  }
  if (seen.size !== POLICE_FORCE_AREAS && problems.length === 0) {
    problems.push(`${at}: ${where(table.firstRow, codeColumn)}: expected the ${POLICE_FORCE_AREAS} police force areas of England and Wales (codes E23..., W15...) in the column "${cleanLabel(table.ownHeadings[codeColumn] ?? '')}" of ${source}, rows ${table.firstRow + 1}-${table.lastRow + 1}; found ${seen.size}. A table that does not list every force cannot rank them: leave this measure out of the comparison (remove its police_force_area mapping from ons_pfa_compare) or map a table that lists them all.`);
  }
  // Which forces changed, against the forces a comparison release listed: a count alone does not say which row to look at.
  if (seen.size !== POLICE_FORCE_AREAS || duplicated) {
    const changes = measure.knownForces ? areaChanges(measure.knownForces.rows, listed) : undefined;
    if (changes) problems.push(`${at}: ${fileName}, sheet "${sheet.name}": compared with ${measure.knownForces!.from}, the police force areas of ${source} changed:`, ...areaChangeLines(changes).map((line) => `  ${line}`));
    else if (!measure.knownForces) problems.push(`${at}: ${fileName}, sheet "${sheet.name}": no earlier comparison of police force areas in data/comparisons/ to say which forces changed; compare column ${cellAddress(table.firstRow, codeColumn).replace(/\d+$/, '')} of ${source} with the 43 forces of the workbook's other P-tables.`);
  }
  if (reference) {
    const row = figure(reference.row, reference.code, cleanLabel(cellText(sheet.rows[reference.row]?.[codeColumn + 1])) || reference.code, 'reference');
    if (row && row.value !== '') rows.push(row);
    read.push(reference.row);
  }
  if (problems.length) return { problems };
  // ONS's list for Tables P5-P7 skips a number Table P6 cites (note 11): the page says so rather than refusing the table.
  const notes = citedNotes(sheets, table, fileName, { rows: read, column: column.c }, true);
  if ('problems' in notes) return notes;
  return { slug: measure.slug, areas: 'police_force_area', tables: [source], sheet: `sheet "${sheet.name}"`, rows, notes: notes.notes };
}

/**
 * The notes a table cites ("[note 1][note 6]" in its title, headings or area names), quoted from
 * the workbook's notes sheet for that table: the nearest sheet before it named "Notes...", and in a
 * sheet with several lists ("Notes for tables P1, P2, P3, P4") the list that names the table.
 * The title block's own shorthand lines ("[u1] indicates ...") are quoted too. A cited note the list
 * does not hold is refused, or with `sayUnlisted` recorded as a bracketed statement that it is missing.
 */
export function citedNotes(sheets: readonly Sheet[], table: Table, fileName: string, only?: { readonly rows: readonly number[]; readonly column: number }, sayUnlisted = false): { notes: NoteRow[] } | { problems: string[] } {
  const source = tableNumber(table);
  const cited = new Set<number>();
  // Some figures of a table (a reference row; every force's figure in one column) cite the title's notes, their column's and their rows'; a whole table, all of them.
  const texts = only ? [table.titleBlock, table.headings[only.column] ?? ''] : [table.titleBlock, ...table.headings];
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    if (only && !only.rows.includes(r)) continue;
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
    if (n === undefined || !cited.has(n)) continue;
    // A list that gives one number to two notes (P5-P6-P7's list has two notes 9 and two notes 10) has both quoted: which one a cell means is not ours to guess.
    found.add(n);
    notes.push({ source_table: source, sheet: notesSheet.name.trim(), cell: cellAddress(r, 1), note: String(n), text: cellText(row[1]).trim() });
  }
  const missing = [...cited].filter((n) => !found.has(n)).sort((a, b) => a - b);
  if (missing.length && !sayUnlisted) return { problems: [`${fileName}, sheet "${notesSheet.name}": ${source} cites note ${missing.join(', ')}, which the notes list for it does not hold.`] };
  // Said, not quoted: the table cites a note its list does not hold, so there are no words to quote.
  for (const n of missing) notes.push({ source_table: source, sheet: notesSheet.name.trim(), cell: cellAddress(first, 0), note: String(n), text: `[Not the publisher's words: ${source} cites note ${n}, but the list of notes for it on this sheet, from cell ${cellAddress(first, 0)}, has no note ${n}.]` });
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
export function areaChanges(before: readonly Pick<ComparisonRow, 'area_code' | 'area_name'>[], now: readonly Pick<ComparisonRow, 'area_code' | 'area_name' | 'source_cell'>[]): AreaChanges | undefined {
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
