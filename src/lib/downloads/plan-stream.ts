/**
 * A plan's data.csv, datapackage.json and zip, written as streams: at 2,000 measures data.csv is
 * tens of megabytes, and holding it, its zip and every row it is written from took most of the
 * build's peak memory. The file is joined from each measure's part (tidyMeasureBytes), and the zip's
 * copy of each release file from its deflated part (writeReleaseZipPart), both written where that
 * measure's rows are (src/lib/build/measure-worker.ts).
 *
 * The zip holds data.csv, datapackage.json, README.txt, every release file of the plan's measures
 * at data/measures/<slug>/<date>.csv (byte for byte, as on the site: data.csv holds only the current
 * releases), and SHA256SUMS of all of them, last. Its bytes depend only on the data, never on the
 * build machine's clock or time zone, so an unchanged plan gives an unchanged zip.
 */
import { closeSync, createWriteStream, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { jsonText, utf8 } from './bytes.ts';
import { sha256Hex, sha256Stream } from '../format/sha256.ts';
import { newestVintageDate, planDataPackage } from './datapackage.ts';
import { planReadme, type PlanReadmeInput } from './readme.ts';
import { tidyHeaderBytes } from './tidy.ts';
import { DEFLATE_LEVEL, SHA256SUMS, sha256SumsLine, zipEndRecord, zipEntryHeaders, zipStamp } from './zip.ts';
import type { Vintage } from '../schemas/model.ts';

/** A file written, with what the catalogue lists of it. */
export interface WrittenFile {
  readonly size: number;
  readonly sha256: string;
}

/** A release file deflated for the plans' zips (writeReleaseZipPart), with what a zip records of it. */
export interface ReleaseZipPart {
  /** Its name inside the zip: data/measures/<slug>/<date>.csv, its address on the site. */
  readonly name: string;
  /** The file holding its deflated bytes. */
  readonly deflated: string;
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly sha256: string;
}

/**
 * Deflates one release file of measure `slug` to `deflated` for the plans' zips, once however many
 * plans hold the measure; returns what the zip's headers and SHA256SUMS need of it.
 */
export function writeReleaseZipPart(slug: string, vintage: Pick<Vintage, 'date' | 'bytes' | 'sha256'>, deflated: string): ReleaseZipPart {
  const data = deflateRawSync(vintage.bytes, { level: DEFLATE_LEVEL });
  writeFileSync(deflated, data);
  return { name: `data/measures/${slug}/${vintage.date}.csv`, deflated, crc: crc32(vintage.bytes), size: vintage.bytes.byteLength, compressedSize: data.byteLength, sha256: vintage.sha256 };
}

/** Where a plan's files go and what they are joined from. */
export interface PlanStreamInput extends PlanReadmeInput {
  /** The plan's breakdown columns (breakdownColumns of its measures), for the header. */
  readonly breakdowns: readonly string[];
  /** Each measure's part of data.csv, in the order of `measures`; a part holds its lines only. */
  readonly parts: readonly string[];
  /** The release files of its measures, in the order of `measures`, each measure's oldest first. */
  readonly releases: readonly ReleaseZipPart[];
  readonly csvFile: string;
  readonly datapackageFile: string;
  readonly zipFile: string;
}

/** Bytes read from a deflated temporary file at a time while copying it into the zip. */
const COPY_CHUNK = 1 << 20;

/** Writes the plan's three downloads; `input.measures` need only the rows breakdownColumns reads (see PlanStreamInput). */
export async function writePlanDownloads(input: PlanStreamInput): Promise<{ csv: WrittenFile; datapackage: WrittenFile; zip: WrittenFile }> {
  const deflatedFile = `${input.zipFile}.data-csv.deflated`;
  const csv = await writeCsvAndDeflate(input, deflatedFile);
  const datapackageBytes = utf8(
    jsonText(planDataPackage({ plan: input.plan, measures: input.measures, site: input.site, csvBytes: { byteLength: csv.size, sha256: csv.sha256 }, homepage: input.pageUrl, ...(input.comparisons ? { comparisons: input.comparisons } : {}) })),
  );
  const readmeBytes = utf8(planReadme(input));
  const datapackageSha256 = sha256Hex(datapackageBytes);
  const sums = utf8(
    sha256SumsLine(csv.sha256, 'data.csv') +
      sha256SumsLine(datapackageSha256, 'datapackage.json') +
      sha256SumsLine(sha256Hex(readmeBytes), 'README.txt') +
      input.releases.map((r) => sha256SumsLine(r.sha256, r.name)).join(''),
  );

  const stamp = zipStamp(newestVintageDate(input.measures));
  const zipHash = sha256Stream();
  const out = openSync(input.zipFile, 'w');
  let offset = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(out, bytes);
    zipHash.update(bytes);
    offset += bytes.byteLength;
  };
  const central: Buffer[] = [];
  try {
    const compressedSize = statSync(deflatedFile).size;
    const first = zipEntryHeaders({ name: 'data.csv', stamp, crc: csv.crc, compressedSize, size: csv.size, offset });
    central.push(first.central);
    write(first.local);
    copyInto(deflatedFile, write);
    const small = (name: string, bytes: Uint8Array) => {
      const data = deflateRawSync(bytes, { level: DEFLATE_LEVEL });
      const headers = zipEntryHeaders({ name, stamp, crc: crc32(bytes), compressedSize: data.length, size: bytes.byteLength, offset });
      central.push(headers.central);
      write(headers.local);
      write(data);
    };
    small('datapackage.json', datapackageBytes);
    small('README.txt', readmeBytes);
    for (const release of input.releases) {
      const headers = zipEntryHeaders({ name: release.name, stamp, crc: release.crc, compressedSize: release.compressedSize, size: release.size, offset });
      central.push(headers.central);
      write(headers.local);
      write(readFileSync(release.deflated));
    }
    small(SHA256SUMS, sums);
    const centralStart = offset;
    for (const record of central) write(record);
    write(zipEndRecord(central, centralStart));
  } finally {
    closeSync(out);
    rmSync(deflatedFile, { force: true });
  }
  writeFileSync(input.datapackageFile, datapackageBytes);
  return {
    csv: { size: csv.size, sha256: csv.sha256 },
    datapackage: { size: datapackageBytes.byteLength, sha256: datapackageSha256 },
    zip: { size: offset, sha256: zipHash.hex() },
  };
}

/** Writes data.csv from its header and parts, hashing it, and its deflated bytes to `deflatedFile` for the zip. */
async function writeCsvAndDeflate(input: PlanStreamInput, deflatedFile: string): Promise<WrittenFile & { crc: number }> {
  const hash = sha256Stream();
  const deflate = createDeflateRaw({ level: DEFLATE_LEVEL });
  const deflated = createWriteStream(deflatedFile);
  deflate.pipe(deflated);
  const out = openSync(input.csvFile, 'w');
  let size = 0;
  let crc = 0;
  try {
    for (const bytes of chunks(input)) {
      writeSync(out, bytes);
      hash.update(bytes);
      crc = crc32(bytes, crc);
      size += bytes.byteLength;
      // Waits for the deflater to catch up, so no more than a part or two is ever held.
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
  } finally {
    closeSync(out);
    deflate.end();
  }
  await finished(deflated);
  return { size, sha256: hash.hex(), crc };
}

function* chunks(input: PlanStreamInput): Generator<Uint8Array> {
  yield tidyHeaderBytes(input.breakdowns);
  for (const part of input.parts) yield readFileSync(part);
}

function copyInto(file: string, write: (bytes: Uint8Array) => void): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(COPY_CHUNK);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) write(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}
