/** Turning download artefacts into bytes (their checksums are format/sha256.ts's). */

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
