/**
 * Text decoding and positions shared by the CSV and YAML readers.
 * Editors' files are UTF-8; positions are 1-based lines and character (code point) columns,
 * because that is what text editors show in their status bar.
 */

/** Outcome of decoding: the text, or where the first byte that is not UTF-8 sits. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number };

/** A 1-based line and character column in a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Decodes UTF-8 (dropping a leading BOM); on invalid bytes, says where the first bad character starts. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, ...positionOfFirstInvalidByte(bytes) };
  }
}

/**
 * TextDecoder does not say where it failed, so find the shortest failing prefix by bisection.
 * Streaming decodes hold back an incomplete trailing sequence instead of failing, which makes
 * "does this prefix fail?" monotone; the text decoded before the failure locates the bad character.
 */
function positionOfFirstInvalidByte(bytes: Uint8Array): TextPosition {
  const prefixFails = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = bytes.length;
  if (!prefixFails(high)) return endPosition(validPrefixText(bytes, high));
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (prefixFails(middle)) high = middle;
    else low = middle;
  }
  return endPosition(validPrefixText(bytes, high - 1));
}

/** The characters a streaming decode completes from the first `length` bytes (a held-back partial character excluded). */
function validPrefixText(bytes: Uint8Array, length: number): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
}

/** The position just after `text`: where the next character would be. */
function endPosition(text: string): TextPosition {
  const lastBreak = text.lastIndexOf('\n');
  const line = countLineBreaks(text) + 1;
  return { line, column: countCharacters(text.slice(lastBreak + 1)) + 1 };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Counts code points, so an emoji or other astral character is one column, as editors show it. */
function countCharacters(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text).length : text.length;
}

/** Maps string offsets to line and column; build once per text, then look up many offsets cheaply. */
export class LineIndex {
  readonly #text: string;
  /** Offset of the first character of each line. */
  readonly #lineStarts: number[];

  constructor(text: string) {
    this.#text = text;
    this.#lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#lineStarts.push(i + 1);
  }

  /** The 1-based line and column of the character at `offset`. */
  positionOf(offset: number): TextPosition {
    const lineIndex = this.#lineIndexOf(offset);
    const lineStart = this.#lineStarts[lineIndex]!;
    return { line: lineIndex + 1, column: countCharacters(this.#text.slice(lineStart, offset)) + 1 };
  }

  #lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.#lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
