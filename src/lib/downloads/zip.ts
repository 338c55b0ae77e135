/**
 * `<plan>.zip`: data.csv, datapackage.json, README.txt and SHA256SUMS. The bytes depend only on the
 * data, never on the build machine's clock or time zone, so an unchanged plan gives an unchanged
 * zip (and an unchanged hash in the catalogue).
 */
import { zipSync, type Zippable } from 'fflate';
import { jsonText, sha256Hex, utf8 } from './bytes.ts';
import { newestVintageDate, planDataPackage } from './datapackage.ts';
import { planReadme, type PlanReadmeInput } from './readme.ts';
import { tidyCsv } from './tidy.ts';

/** A file to put in a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A built zip and the files it holds. */
export interface BuiltZip {
  /** `<plan-id>.zip`. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly files: readonly ZipEntry[];
}

/** Name of the checksum file inside every zip. */
export const SHA256SUMS = 'SHA256SUMS';

/** Unix regular file, rw-r--r--, in the high half of the external attributes as Info-ZIP writes it. */
const UNIX_FILE_ATTRS = (0o100644 << 16) >>> 0;

/**
 * The timestamp stored on every entry: the given YYYY-MM-DD, else 1980-01-01 (the earliest a zip
 * can hold). Built as a local-time Date because fflate writes local-time DOS fields: the fields then
 * read the same date in every time zone.
 */
export function zipTimestamp(date?: string): Date {
  const [y, m, d] = (date ?? '1980-01-01').split('-').map(Number);
  return new Date(y!, m! - 1, d!, 0, 0, 0);
}

/** SHA256SUMS text in the format `sha256sum -c` reads: `<hex>  <name>` lines. */
export function sha256Sums(files: readonly ZipEntry[]): string {
  return files.map((f) => `${sha256Hex(f.bytes)}  ${f.name}\n`).join('');
}

/** Zip bytes for `files` in the given order, all stamped with `date` (YYYY-MM-DD) for reproducible output. */
export function deterministicZip(files: readonly ZipEntry[], date?: string): Uint8Array {
  const mtime = zipTimestamp(date);
  const zippable: Zippable = {};
  for (const f of files) zippable[f.name] = [f.bytes, { mtime, os: 3, attrs: UNIX_FILE_ATTRS }];
  return zipSync(zippable, { level: 9 });
}

/** The four files of a plan's download, SHA256SUMS last and covering the other three. */
export function planDownloadFiles(input: PlanReadmeInput): ZipEntry[] {
  const csvBytes = utf8(tidyCsv(input.measures));
  const datapackage = planDataPackage({ plan: input.plan, measures: input.measures, site: input.site, csvBytes, homepage: input.pageUrl });
  const files: ZipEntry[] = [
    { name: 'data.csv', bytes: csvBytes },
    { name: 'datapackage.json', bytes: utf8(jsonText(datapackage)) },
    { name: 'README.txt', bytes: utf8(planReadme(input)) },
  ];
  return [...files, { name: SHA256SUMS, bytes: utf8(sha256Sums(files)) }];
}

/** The plan's `<plan-id>.zip`, stamped with its newest release date. */
export function planZip(input: PlanReadmeInput): BuiltZip {
  const files = planDownloadFiles(input);
  return {
    fileName: `${input.plan.id}.zip`,
    bytes: deterministicZip(files, newestVintageDate(input.measures)),
    files,
  };
}
