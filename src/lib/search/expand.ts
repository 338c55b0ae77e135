/**
 * Query expansion from the curated word list (content/search-terms.yaml): a search for "ASB" also
 * searches for "anti-social behaviour", because Pagefind only finds the words it is given.
 * Pure functions, shared by the build (validation) and the browser (search page).
 */
import { normaliseForMatching } from '../format/normalise.ts';

export { normaliseForMatching };

/** A group of terms that mean the same thing, as listed in content/search-terms.yaml. */
export interface TermGroup {
  readonly terms: readonly string[];
  /**
   * For a group of everyday words the plans do not use: the plans' own terms they stand for
   * (stabbing -> knife, serious violence). Searched as if typed, so their pages rank with the typed words'.
   */
  readonly planTerms?: readonly string[];
}

/** One query to run; the search page runs every variant and merges the results (see rank.ts). */
export interface QueryVariant {
  /** The text to give Pagefind. */
  readonly query: string;
  /**
   * Whole words only: the variant is just an abbreviation, and Pagefind would also find words that
   * start with it ("DA" in "data"). The search page keeps only pages an exact search finds, ranked by
   * the ordinary search's scores (exact searches score every page alike).
   */
  readonly exact: boolean;
  /**
   * 0 for what was typed, or the same thing written another way (an abbreviation and its full term, an
   * everyday word and the plans' term for it); 1 for a related word (knife, sharp object), whose pages
   * rank after pages with the typed words.
   */
  readonly tier: 0 | 1;
  /** How many words Pagefind will look for: its scores add up over words, so merging divides by this. */
  readonly words: number;
  /** Terms from the list used in place of what was typed; empty for the typed query. */
  readonly substituted: readonly string[];
  /** Whether a plan's own term stands in for an everyday word here (see VariantResults.planTerm in rank.ts). */
  readonly planTerm: boolean;
}

/** Most variants one search runs: each is a separate Pagefind query. */
export const MAX_VARIANTS = 8;

/**
 * Words that say nothing about what a page is about ("burglary in my area"). A search leaves them out,
 * unless it is made of nothing else, because Pagefind finds only pages holding every word it is given.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about after all am an and any are as at be been being before but by can could did do does doing for from ' +
    'get gets getting got had has have having here how i if in into is it its me my near nearby no not now of on ' +
    'or our ours please show some tell that the their them there these they this those to us was we were what ' +
    'whats when where which who why will with would you your').split(' '),
);

/** Whether a term from the list is an abbreviation: written in capitals, like "ASB" or "MARAC". */
export function isAbbreviation(term: string): boolean {
  return /^[\p{Lu}\p{N}]{2,}$/u.test(term) && /\p{Lu}/u.test(term);
}

/** The number of words Pagefind searches for in `query` (it joins hyphenated words and drops punctuation). */
export function countSearchWords(query: string): number {
  return Math.max(1, query.replace(/[\p{Pd}"'’]/gu, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).length);
}

interface TextSegment {
  readonly kind: 'text';
  readonly raw: string;
}

interface TermSegment {
  readonly kind: 'term';
  readonly raw: string;
  /** The term as the list writes it, which decides whether it is an abbreviation. */
  readonly listed: string;
  readonly group: TermGroup;
}

type Segment = TextSegment | TermSegment;

/** Splits a query into typed words and runs of words that are a term in the list (longest match first). */
function segment(query: string, groups: readonly TermGroup[]): Segment[] {
  const byTerm = new Map<string, { listed: string; group: TermGroup }>();
  let longest = 1;
  for (const group of groups) {
    for (const term of group.terms) {
      const key = normaliseForMatching(term);
      if (key && !byTerm.has(key)) byTerm.set(key, { listed: term, group });
      longest = Math.max(longest, term.split(/\s+/).length);
    }
  }
  const raw = query.trim().split(/\s+/).filter(Boolean);
  const normalised = raw.map(normaliseForMatching);
  const segments: Segment[] = [];
  let i = 0;
  while (i < raw.length) {
    let matched: Segment | undefined;
    let end = i + 1;
    for (let j = Math.min(raw.length, i + longest); j > i && !matched; j--) {
      const key = normalised.slice(i, j).filter(Boolean).join(' ');
      const found = key ? byTerm.get(key) : undefined;
      if (found) {
        matched = { kind: 'term', raw: raw.slice(i, j).join(' '), ...found };
        end = j;
      }
    }
    segments.push(matched ?? { kind: 'text', raw: raw[i]! });
    i = end;
  }
  return segments;
}

/** A segment's words are all stop words (or punctuation), so it says nothing about a page. */
function isStopSegment(s: Segment): boolean {
  if (s.kind !== 'text') return false;
  const words = normaliseForMatching(s.raw).split(' ').filter(Boolean);
  return words.every((w) => STOP_WORDS.has(w));
}

/** The segments worth searching for, and the common words left out; a query of only common words keeps them all. */
function withoutStopWords(segments: readonly Segment[]): { kept: Segment[]; leftOut: string[] } {
  if (segments.every(isStopSegment)) return { kept: [...segments], leftOut: [] };
  return { kept: segments.filter((s) => !isStopSegment(s)), leftOut: segments.filter(isStopSegment).map((s) => s.raw) };
}

/** What a query searches for, part by part: a listed term ("anti social behaviour") or one typed word. */
export interface QueryParts {
  /** The parts searched for, as typed, in order; a quoted phrase is one part. */
  readonly parts: readonly string[];
  /** Common words left out of the search ("in", "my"), as typed. */
  readonly leftOut: readonly string[];
}

/** Splits a query into the parts it searches for, leaving out common words (see STOP_WORDS). */
export function queryParts(query: string, groups: readonly TermGroup[]): QueryParts {
  const trimmed = query.trim();
  if (!trimmed) return { parts: [], leftOut: [] };
  if (/^".+"$/.test(trimmed)) return { parts: [trimmed], leftOut: [] };
  const { kept, leftOut } = withoutStopWords(segment(trimmed, groups));
  return { parts: kept.map((s) => s.raw).filter((raw) => normaliseForMatching(raw) !== ''), leftOut: leftOut.filter((w) => normaliseForMatching(w) !== '') };
}

/** A key that treats "anti social" and "anti-social" as one, so near-identical variants run once. */
function variantKey(query: string): string {
  return normaliseForMatching(query).replace(/\s+/g, '');
}

/**
 * The queries to run for what a visitor typed: the query itself first, then the query with each
 * listed term swapped for the other terms of its group. A query in double quotes is an exact phrase
 * and is never expanded. A query that is only an abbreviation is marked to match whole words.
 */
export function expandQuery(query: string, groups: readonly TermGroup[], maxVariants = MAX_VARIANTS): QueryVariant[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  if (/^".+"$/.test(trimmed)) return [{ query: trimmed, exact: false, tier: 0, words: countSearchWords(trimmed), substituted: [], planTerm: false }];

  const segments = withoutStopWords(segment(trimmed, groups)).kept;
  // Each choice is one way of writing every term segment; the typed wording comes first.
  type Choice = { text: string; listed: string; substituted: boolean; group?: TermGroup };
  const options: Choice[][] = segments.map((s) =>
    s.kind === 'text'
      ? [{ text: s.raw, listed: s.raw, substituted: false }]
      : [
          { text: s.raw, listed: s.listed, substituted: false, group: s.group },
          // The plans' own terms first, so the cap on variants never drops them.
          ...[...(s.group.planTerms ?? []), ...s.group.terms]
            .filter((t) => normaliseForMatching(t) !== normaliseForMatching(s.raw))
            .map((t) => ({ text: t, listed: t, substituted: true, group: s.group })),
        ],
  );

  let combinations: Choice[][] = [[]];
  for (const choices of options) {
    combinations = combinations.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    if (combinations.length > 256) combinations = combinations.slice(0, 256); // a pathological query, not a real one
  }
  // Fewest substitutions first, so the cap keeps the typed query and single swaps.
  const substitutions = (c: Choice[]) => c.filter((choice) => choice.substituted).length;
  combinations = combinations
    .map((combination, order) => ({ combination, order }))
    .sort((a, b) => substitutions(a.combination) - substitutions(b.combination) || a.order - b.order)
    .map(({ combination }) => combination);

  const variants: QueryVariant[] = [];
  const seen = new Set<string>();
  for (const combination of combinations) {
    if (variants.length >= maxVariants) break;
    const only = combination.length === 1 ? combination[0]! : undefined;
    const text = combination.map((c) => c.text).join(' ');
    const exact = only?.group !== undefined && isAbbreviation(only.listed);
    const key = variantKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    const swapped = combination.filter((c) => c.substituted);
    const isPlanTerm = (c: Choice) => c.group!.planTerms?.some((t) => normaliseForMatching(t) === normaliseForMatching(c.text)) ?? false;
    // An abbreviation's group writes one thing several ways, and a plan's term is what an everyday word
    // stands for. The group's other everyday words are not on the plans' pages: a page that matches one
    // (Pagefind finds "fires" for "firearms") is a related find, ranked after the plan terms' pages.
    const sameThing = swapped.every((c) => c.group!.terms.some(isAbbreviation) || isPlanTerm(c));
    variants.push({
      query: text,
      exact,
      tier: sameThing ? 0 : 1,
      words: countSearchWords(text),
      substituted: swapped.map((c) => c.text),
      planTerm: swapped.some(isPlanTerm),
    });
  }
  return variants;
}

/** The other wordings searched, for the line under the results ("Also searched for: …"). */
export function alsoSearchedFor(variants: readonly QueryVariant[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const variant of variants.slice(1)) {
    const key = variantKey(variant.query);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(variant.query);
  }
  return terms;
}
