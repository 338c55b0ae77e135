/**
 * Loads a plan's data.csv into SQLite (Node's built-in node:sqlite) the way a database user would
 * from its datapackage.json: one column per field, the cells the package declares missing as NULL,
 * and the declared primary key as the table's PRIMARY KEY. The table is WITHOUT ROWID, where SQLite,
 * like PostgreSQL, refuses NULL in a key column (an ordinary SQLite table lets it through).
 */
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import type { DataPackage } from '../../src/lib/downloads/datapackage.ts';

/** Rows loaded, or the database's refusal. */
export type SqliteLoad = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly error: string };

/** Loads `csv` as `datapackage` describes it (its first resource) into an in-memory SQLite table keyed as declared. */
export function loadWithPrimaryKey(csv: string | Uint8Array, datapackage: DataPackage): SqliteLoad {
  const [resource] = datapackage.resources;
  if (!resource) return { ok: false, error: 'the data package has no resource' };
  const { fields, primaryKey, missingValues } = resource.schema;
  if (primaryKey.length === 0) return { ok: false, error: 'the data package declares no primary key' };
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const type = (t: string) => (t === 'number' ? 'REAL' : 'TEXT');
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(
      `CREATE TABLE data (${fields.map((f) => `${quote(f.name)} ${type(f.type)}`).join(', ')}, PRIMARY KEY (${primaryKey.map(quote).join(', ')})) WITHOUT ROWID`,
    );
    const insert = db.prepare(`INSERT INTO data VALUES (${fields.map(() => '?').join(', ')})`);
    const [header, ...records] = parse(typeof csv === 'string' ? csv : Buffer.from(csv)) as string[][];
    if (header?.join() !== fields.map((f) => f.name).join()) return { ok: false, error: `the header ${header?.join()} is not the package's fields` };
    db.exec('BEGIN');
    for (const record of records) {
      insert.run(...record.map((cell, i) => (missingValues.includes(cell) ? null : fields[i]!.type === 'number' ? Number(cell) : cell)));
    }
    db.exec('COMMIT');
    const { n } = db.prepare('SELECT count(*) AS n FROM data').get() as { n: number };
    return { ok: true, rows: n };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    db.close();
  }
}
