/**
 * Every comparison under data/comparisons/ traced to the workbook it names, read here without the
 * importer's code: the xlsx is unzipped and each named cell is looked up in the sheet's raw XML
 * (shared strings resolved by hand). For every comparison release, five area rows picked at random
 * (partnerships, or police force areas for a force-level table; a fixed seed per file, so a failure
 * repeats) plus the own row (Nottingham, or Nottinghamshire's force) and the reference row must
 * match the workbook digit for digit, with the area name from the same row; the
 * count of partnership rows must be the workbook's; the partnership's place must be what the
 * workbook's column gives; every quoted note must be its cell word for word.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { comparisonWords } from '../../src/lib/charts/kinds/compare.ts';
import { comparisonInput } from '../../src/lib/views/comparison.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const COMPARISONS = join(ROOT, 'data', 'comparisons');
const WORKBOOKS = join(ROOT, 'test', 'fixtures', 'reference-data', 'ons-workbooks');

type Row = Record<string, string>;

/** A workbook's cells by sheet name (trimmed) and address, read from the raw XML. */
function rawWorkbook(path: string): (sheet: string, cell: string) => string | undefined {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const text = (name: string) => strFromU8(files[name]!);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const relsReversed = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]));
  const sheets = new Map<string, Map<string, string>>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2]!) ?? relsReversed.get(m[2]!))!.replace(/^\/?xl\//, '');
    const xml = text(`xl/${target}`);
    const cells = new Map<string, string>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="([^"]+)"/.exec(c[2]!)?.[1];
      const inner = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      if (type === 's' && v !== undefined) cells.set(c[1]!, shared[Number(v)]!);
      else if (type === 'inlineStr') cells.set(c[1]!, unescape([...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
      else if (v !== undefined) cells.set(c[1]!, unescape(v));
    }
    sheets.set(unescape(m[1]!).trim(), cells);
  }
  return (sheet, cell) => sheets.get(sheet.trim())?.get(cell);
}

/** A small seeded generator (mulberry32), so the rows picked are random but the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const where = (sourceCell: string) => {
  const m = /^sheet "([^"]+)", cell ([A-Z]+)(\d+)$/.exec(sourceCell);
  assert.ok(m, `source_cell "${sourceCell}" names a sheet and a cell`);
  return { sheet: m[1]!, column: m[2]!, row: Number(m[3]) };
};

const folders = existsSync(COMPARISONS) ? readdirSync(COMPARISONS).sort() : [];
/** The own area's place in each comparison, as the page words it (printed at the end for the record). */
const positions: string[] = [];
after(() => console.log(positions.join('\n')));
const cache = new Map<string, ReturnType<typeof rawWorkbook>>();

test('the real site has a comparison for each partnership rate measure and each force-level rate or percentage whose table lists every force', () => {
  assert.ok(folders.length >= 9, `found ${folders.length} comparisons`);
  for (const slug of ['knife-crime-rate', 'knife-crime-percentage', 'asb-incidents-rate']) assert.ok(folders.includes(slug), slug);
});

for (const slug of folders) {
  describe(`data/comparisons/${slug}`, () => {
    const releases = parseYaml(readFileSync(join(COMPARISONS, slug, 'releases.yaml'), 'utf8')) as { vintage: string; sha256: string; workbook_sha256: string; read_from: string }[];
    for (const release of releases) {
      const file = join(COMPARISONS, slug, `${release.vintage}.csv`);
      const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Row[];
      const workbookName = readdirSync(WORKBOOKS).find((f) => release.read_from.includes(f))!;

      test(`${release.vintage}: the file is the one releases.yaml records, read from the workbook it names`, () => {
        assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), release.sha256);
        assert.ok(workbookName, `read_from names a workbook held in ${WORKBOOKS}`);
        assert.equal(createHash('sha256').update(readFileSync(join(WORKBOOKS, workbookName))).digest('hex'), release.workbook_sha256);
      });

      // A partnership table (C4) or a force table (P-tables): the own row is Nottingham's, or Nottinghamshire's force's.
      const forces = rows.some((r) => r.role === 'police_force_area');
      const areaRole = forces ? 'police_force_area' : 'partnership';
      const isOwn = (r: Row) => (forces ? r.area_code === 'E23000019' : r.local_authority_code === 'E06000018');

      test(`${release.vintage}: five random ${forces ? 'police force areas' : 'partnerships'}, the own row and the reference row match the workbook`, () => {
        const cellOf = cache.get(workbookName) ?? rawWorkbook(join(WORKBOOKS, workbookName));
        cache.set(workbookName, cellOf);
        const partnerships = rows.filter((r) => r.role === areaRole);
        const random = seeded([...slug].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7));
        const picked = new Set<Row>();
        while (picked.size < 5) picked.add(partnerships[Math.floor(random() * partnerships.length)]!);
        const ownRow = partnerships.find(isOwn);
        assert.ok(ownRow, 'the own row is there');
        picked.add(ownRow);
        for (const r of rows.filter((row) => row.role === 'reference')) picked.add(r);
        for (const row of picked) {
          const at = where(row.source_cell!);
          const raw = cellOf(at.sheet, `${at.column}${at.row}`);
          if (row.value === '') assert.equal(raw?.trim(), row.note, `${row.area_name}: the marker in ${row.source_cell}`);
          else assert.equal(Number(raw), Number(row.value), `${row.area_name}: ${row.source_cell} holds ${raw}`);
          // The area's code and name are in the same row: columns C and D of a partnership table, A and B of a force table.
          const [codeColumn, nameColumn] = row.role === 'partnership' ? ['C', 'D'] : ['A', 'B'];
          assert.ok(forces || row.role !== 'reference' || row.source_table !== rows.find((r) => r.role === 'partnership')!.source_table);
          assert.equal(cellOf(at.sheet, `${codeColumn}${at.row}`)?.trim(), row.area_code, `${row.source_cell}: the code in its row`);
          assert.equal(cellOf(at.sheet, `${nameColumn}${at.row}`)?.replace(/\[note[^\]]*\]/g, '').replace(/\s+/g, ' ').trim(), row.area_name, `${row.source_cell}: the name in its row`);
        }
      });

      test(`${release.vintage}: every ${forces ? 'police force area' : 'partnership'} row of the table is there, and the own area's place is the workbook's`, () => {
        const cellOf = cache.get(workbookName) ?? rawWorkbook(join(WORKBOOKS, workbookName));
        cache.set(workbookName, cellOf);
        const partnerships = rows.filter((r) => r.role === areaRole);
        const { sheet, column } = where(partnerships[0]!.source_cell!);
        // Walk the table's area code column (C of a partnership table; A of a force table, whose forces have E23 or W15 codes) in the raw XML.
        const codeColumn = forces ? 'A' : 'C';
        const areaCode = forces ? /^(E23|W15)\d{6}$/ : /^[EW]\d{8}$/;
        const values: number[] = [];
        let codes = 0;
        for (let r = 1; r < 2000; r++) {
          if (!areaCode.test(cellOf(sheet, `${codeColumn}${r}`)?.trim() ?? '')) continue;
          codes++;
          const v = Number(cellOf(sheet, `${column}${r}`));
          if (Number.isFinite(v)) values.push(v);
        }
        assert.equal(partnerships.length, codes);
        if (forces) assert.equal(codes, 43, 'every police force area of England and Wales');
        const own = partnerships.find(isOwn)!;
        const place = 1 + values.filter((v) => v > Number(own.value)).length;
        const ordinal = `${place}${place % 100 >= 11 && place % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][place % 10] ?? 'th')}`;
        // What the page says (src/lib/views/comparison.ts builds its sentence from the same rows).
        const measure = { data: { title: slug, unit: 'rate_per_1000', comparators: [] } } as unknown as Parameters<typeof comparisonInput>[0];
        const { position } = comparisonWords(comparisonInput(measure, rows, forces ? 'E23000019' : 'E06000018'));
        assert.match(position ?? '', new RegExp(`is the (joint )?${ordinal} highest of the ${values.length} ${forces ? 'police force areas' : 'partnerships'} with a figure`));
        positions.push(`${slug}: ${position}`);
      });
    }

    const latest = releases.at(-1)!.vintage;
    test(`${latest}: every note quoted is its workbook cell, word for word`, () => {
      const workbookName = readdirSync(WORKBOOKS).find((f) => releases.at(-1)!.read_from.includes(f))!;
      const cellOf = cache.get(workbookName) ?? rawWorkbook(join(WORKBOOKS, workbookName));
      cache.set(workbookName, cellOf);
      const notes = parseCsv(readFileSync(join(COMPARISONS, slug, `${latest}.notes.csv`), 'utf8'), { columns: true, bom: true }) as Row[];
      assert.ok(notes.length > 0);
      for (const n of notes) {
        // The one line that is not a quotation says so, and names a note the list really lacks.
        if (n.text!.startsWith("[Not the publisher's words:")) {
          assert.ok(![...Array(200).keys()].some((r) => cellOf(n.sheet!, `A${r + 1}`)?.trim() === n.note), `${n.sheet} lists no note ${n.note}`);
          continue;
        }
        // Word for word; a line break inside the cell (CR LF in the XML of Table P6's note 10) is written as LF.
        assert.equal(cellOf(n.sheet!, n.cell!)?.trim().replace(/\r\n/g, '\n'), n.text, `${n.sheet} ${n.cell}`);
      }
    });
  });
}
