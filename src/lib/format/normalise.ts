/**
 * Text as search compares it. The search-term schema checks that no term is in two groups by this
 * rule, and search matches by it, so it sits below both.
 */

/** Lower-cases and drops what Pagefind ignores, so "Anti-Social  Behaviour" matches "anti-social behaviour". */
export function normaliseForMatching(text: string): string {
  return text
    .toLocaleLowerCase('en-GB')
    .replace(/&/g, ' and ')
    .replace(/[\p{Pd}'’]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
