/**
 * A content file's frontmatter: split from its body, and the shape of an entry once validated
 * (validate/content.ts reads and checks whole collections).
 */
import type { LocatedYaml } from './yaml-position.ts';

/** A content file that passed its schema, with a way to point at any field for later checks. */
export interface ReadEntry<T> {
  /** Path below the collection folder without extension: "knife-crime" or "2024-27/serious-violence". */
  readonly id: string;
  /** Project-relative path of the file. */
  readonly file: string;
  readonly data: T;
  /** Positions of fields, for cross-reference messages. */
  readonly yaml: LocatedYaml;
}

/** Splits "---\nyaml\n---\nbody" into the YAML text and the line it starts on. */
export function splitFrontmatter(text: string): { yaml: string; firstLine: number; body: string; bodyLine: number } | { error: string } {
  const normalised = text.replace(/^\uFEFF/, '');
  // The closing fence must be a line of its own, so a value ending in " ---" does not end the block.
  const match = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(normalised);
  if (match) {
    const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
    return { yaml: match[1] ?? '', firstLine: 2, body: normalised.slice(match[0].length), bodyLine };
  }
  // Say which fence is missing: the fix for a file that never opens the block differs from one that never closes it.
  if (/^---\s*(?:\r?\n|$)/.test(normalised)) {
    return { error: 'the fields start with a "---" line but are never closed; add a line "---" after the last field' };
  }
  return { error: 'the file must start with its fields between two lines of three dashes: "---", then the fields, then "---"' };
}
