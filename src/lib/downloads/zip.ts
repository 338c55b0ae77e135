/**
 * The parts of a zip file (PKWARE APPNOTE 4.3: local headers, central directory, end record) that
 * plan-stream.ts writes a plan's zip with, each entry deflated by Node's native zlib: a large
 * partnership's data.csv is tens of megabytes, where a JavaScript deflate takes most of the build's
 * download step. Every entry is stamped with one date, so the bytes never depend on the clock.
 */

/** Name of the checksum file inside every zip. */
export const SHA256SUMS = 'SHA256SUMS';

/** Unix regular file, rw-r--r--, in the high half of the external attributes as Info-ZIP writes it. */
const UNIX_FILE_ATTRS = (0o100644 << 16) >>> 0;

/**
 * The timestamp stored on every entry: the given YYYY-MM-DD, else 1980-01-01 (the earliest a zip
 * can hold). Built as a local-time Date because dosDateTime reads local-time fields: the fields then
 * read the same date in every time zone.
 */
function zipTimestamp(date?: string): Date {
  const [y, m, d] = (date ?? '1980-01-01').split('-').map(Number);
  return new Date(y!, m! - 1, d!, 0, 0, 0);
}

/** One line of SHA256SUMS: the file's hex SHA-256, two spaces, its name. */
export function sha256SumsLine(hex: string, name: string): string {
  return `${hex}  ${name}\n`;
}

/** Deflate level: Node's native zlib at 6 gives the same size as fflate's JavaScript deflate at 9, about five times faster. */
export const DEFLATE_LEVEL = 6;
/** Sizes and offsets are 32-bit in a zip without the Zip64 extension. */
const ZIP32_LIMIT = 0xffff_ffff;

/** The DOS date and time fields of `mtime` (local time, two-second resolution) as one 32-bit value. */
function dosDateTime(mtime: Date): number {
  const year = mtime.getFullYear() - 1980;
  if (year < 0 || year > 127) throw new Error(`a zip cannot store the date ${mtime.toISOString()}`);
  return ((year << 25) | ((mtime.getMonth() + 1) << 21) | (mtime.getDate() << 16) | (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1)) >>> 0;
}

/** The DOS date and time every entry of a zip dated `date` (YYYY-MM-DD) carries. */
export function zipStamp(date?: string): number {
  return dosDateTime(zipTimestamp(date));
}

/** What a zip records of one entry. */
export interface ZipEntryFacts {
  readonly name: string;
  /** zipStamp of the zip's date. */
  readonly stamp: number;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the entry's local header starts in the zip. */
  readonly offset: number;
}

/**
 * An entry's local header (written just before its deflated data) and its central directory record.
 * Apart so a large entry can be deflated as a stream and its header written once its CRC and sizes are known.
 */
export function zipEntryHeaders(entry: ZipEntryFacts): { local: Buffer; central: Buffer } {
  const { stamp, crc, compressedSize, size, offset } = entry;
  const name = Buffer.from(entry.name, 'utf8');
  // Bit 11: the name is UTF-8 (set only when it is not plain ASCII, as Info-ZIP does).
  const flags = name.length !== entry.name.length ? 0x0800 : 0;
  if (size > ZIP32_LIMIT || offset + compressedSize > ZIP32_LIMIT) throw new Error(`${entry.name} is too large for a zip without Zip64`);
  const local = Buffer.alloc(30 + name.length);
  local.writeUInt32LE(0x04034b50, 0); // local file header signature
  local.writeUInt16LE(20, 4); // version needed to extract: 2.0 (deflate)
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8); // method: deflate
  local.writeUInt32LE(stamp, 10);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressedSize, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26); // then extra field length 0
  name.copy(local, 30);
  const central = Buffer.alloc(46 + name.length);
  central.writeUInt32LE(0x02014b50, 0); // central directory header signature
  central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, version 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(stamp, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressedSize, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28); // then extra, comment, disk and internal attributes: 0
  central.writeUInt32LE(UNIX_FILE_ATTRS, 38);
  central.writeUInt32LE(offset, 42);
  name.copy(central, 46);
  return { local, central };
}

/** The end of central directory record, for the central records `central` starting at `offset`. */
export function zipEndRecord(central: readonly Buffer[], offset: number): Buffer {
  // A zip without the Zip64 extension counts its entries in 16 bits.
  if (central.length > 0xffff) throw new Error(`a zip of ${central.length} files needs the Zip64 extension, which this writer does not write`);
  const centralSize = central.reduce((sum, e) => sum + e.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature; disk numbers 0
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}
