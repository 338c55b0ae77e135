/**
 * Ranking across the variants of one search (see expand.ts). Pagefind scores each query on its own
 * scale and adds up over words, so scores are divided by the variant's word count before comparing,
 * and pages found only through a related everyday word (tier 1) come after pages with the typed words.
 */
import { normaliseForMatching } from './expand.ts';

/** A Pagefind result reduced to what ranking needs. */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

/** The results of one variant query. */
export interface VariantResults {
  readonly tier: 0 | 1;
  readonly words: number;
  readonly results: readonly ScoredId[];
  /**
   * A plan term searched for an everyday word (stabbing -> serious violence, knife crime). Each plan
   * term is an equally good reading of what was typed, so each one's best page ranks level with the
   * others'; otherwise a term many pages use (knife crime, on its measures and comparisons) would
   * have its best page pushed below the second and third pages of a rarer one.
   */
  readonly planTerm?: boolean;
}

/** A page in the merged ranking. */
export interface RankedId extends ScoredId {
  readonly tier: 0 | 1;
}

/** Orders ranked pages: lower tier first, then higher score; ties keep Pagefind's order. */
function compareRanked(a: { tier: number; score: number }, b: { tier: number; score: number }): number {
  return a.tier - b.tier || b.score - a.score;
}

/** Merges the variants' results into one ranking, each page once, at its best tier and score. */
export function mergeResults(variants: readonly VariantResults[]): RankedId[] {
  const best = new Map<string, RankedId & { order: number }>();
  const top = (variant: VariantResults) => Math.max(0, ...variant.results.map((r) => r.score)) / Math.max(1, variant.words);
  const planTops = variants.filter((v) => v.planTerm && v.results.length > 0).map(top);
  const level = Math.max(0, ...planTops);
  let order = 0;
  for (const variant of variants) {
    // A plan term's scores are scaled so its best page scores as the best plan term's best page does.
    const scale = variant.planTerm && top(variant) > 0 ? level / top(variant) : 1;
    for (const result of variant.results) {
      const candidate = { id: result.id, tier: variant.tier, score: (result.score / Math.max(1, variant.words)) * scale, order: order++ };
      const current = best.get(result.id);
      if (!current || compareRanked(candidate, current) < 0) best.set(result.id, current ? { ...candidate, order: current.order } : candidate);
    }
  }
  return [...best.values()]
    .sort((a, b) => compareRanked(a, b) || a.order - b.order)
    .map(({ id, tier, score }) => ({ id, tier, score }));
}

/** Words too common in titles to say anything about a match. */
const TITLE_STOPWORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'per', 'the', 'to', 'with']);

/** Title words that count for coverage: normalised, stopwords and numbers dropped. */
function titleWords(title: string): string[] {
  return normaliseForMatching(title)
    .split(' ')
    .filter((w) => w && !TITLE_STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * How much of a title the searched words cover, 0 to 1: "Knife Crime" is half "knife", while
 * "Knife crime: rate per 100,000 people" is a third. Words match by prefix either way, a rough stemmer.
 */
export function titleCoverage(title: string, searchedWords: readonly string[]): number {
  const words = titleWords(title);
  if (words.length === 0) return 0;
  const searched = searchedWords.map(normaliseForMatching).flatMap((w) => w.split(' ')).filter((w) => w.length > 1);
  const matches = words.filter((w) => searched.some((s) => w.startsWith(s) || (s.startsWith(w) && w.length > 2))).length;
  return matches / words.length;
}

/** How far title coverage can lift a score: enough to order near-ties, never to overturn a clear lead. */
export const TITLE_BOOST = 0.25;

/**
 * Re-orders results whose titles are loaded (the page of results being shown), so that among
 * near-equal scores the page whose title is most nearly the searched words comes first.
 */
export function rerankByTitle<T extends RankedId & { readonly title: string }>(results: readonly T[], searchedWords: readonly string[]): T[] {
  return results
    .map((result, order) => ({ result, order, boosted: result.score * (1 + TITLE_BOOST * titleCoverage(result.title, searchedWords)) }))
    .sort((a, b) => a.result.tier - b.result.tier || b.boosted - a.boosted || a.order - b.order)
    .map(({ result }) => result);
}

/** The pages one part of a query found ("burglary" of "burglary in my area"), merged over its variants. */
export interface PartResults {
  readonly part: string;
  readonly results: readonly RankedId[];
}

/** A page found by some of a query's parts, when no page holds them all. */
export interface PartialRankedId extends RankedId {
  /** How many of the query's parts the page holds. */
  readonly held: number;
}

/**
 * Ranks pages when no page holds every part of a query: pages holding more of the parts first, then
 * the lower tier, then the higher score added up over the parts held; ties keep the parts' order.
 */
export function rankByPartsHeld(parts: readonly PartResults[]): PartialRankedId[] {
  const pages = new Map<string, { id: string; held: number; tier: 0 | 1; score: number; order: number }>();
  let order = 0;
  for (const { results } of parts) {
    for (const result of results) {
      const page = pages.get(result.id);
      if (page) {
        page.held += 1;
        page.tier = Math.min(page.tier, result.tier) as 0 | 1;
        page.score += result.score;
      } else {
        pages.set(result.id, { id: result.id, held: 1, tier: result.tier, score: result.score, order: order++ });
      }
    }
  }
  return [...pages.values()]
    .sort((a, b) => b.held - a.held || a.tier - b.tier || b.score - a.score || a.order - b.order)
    .map(({ id, held, tier, score }) => ({ id, held, tier, score }));
}
