/**
 * Characters that always break MDX prose. MDX reads "{" as the start of code and "<" as the start of
 * a tag, so "fewer than <5%" or "a {note}" in a plan's text would fail the build later with a
 * compiler error; the validator names them first, at their line and column, with the fix.
 * Fenced code blocks and inline code are left alone: MDX treats their text literally.
 */
import type { Diagnostic } from '../format/diagnostics.ts';

/** Diagnostics for MDX-breaking characters in `body`, whose first line is line `firstLine` of `file`. */
export function checkMdxText(body: string, firstLine: number, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let fenced = false;
  body.split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    let inCode = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '`') inCode = !inCode;
      if (inCode || line[i - 1] === '\\') continue;
      const at = { file, line: firstLine + index, column: i + 1 };
      if (c === '{' || c === '}') {
        diagnostics.push({ ...at, message: `MDX reads "${c}" as the start or end of code, so the page would not build; write \\${c} to show the character, or reword` });
      } else if (c === '<' && !/^<\/?[A-Za-z]/.test(line.slice(i))) {
        diagnostics.push({ ...at, message: 'MDX reads "<" as the start of a tag, so the page would not build; write \\< to show the character, or write "less than"' });
      }
    }
  });
  return diagnostics;
}
