/** Turning download artefacts into bytes, and hashing them for SHA256SUMS, the catalogue and datapackage.json. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of `bytes`, as sha256sum prints it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Text as UTF-8 bytes, without a byte-order mark. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A value as pretty JSON text with a final newline: stable bytes for the same value. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A value as compact JSON text (no indentation) with a final newline: for the larger downloads, read by programs. */
export function compactJsonText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
