/**
 * Read side of the comparison pages (src/lib/views/comparison.ts): what the data step wrote to
 * .generated/views/comparisons/. The index is read once per build; a page's view when it renders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { generatedDir } from './site-data.ts';
import { comparisonIndexFile, comparisonViewFile, rankingPageViewFile } from './comparison-files.ts';
import type { ComparisonIndex, ComparisonPageView, RankingPageView } from './comparison.ts';

export type { ComparisonIndex, ComparisonLink, ComparisonPageView, LabelledRow, RankingPageView } from './comparison.ts';

let comparisons: ComparisonIndex | undefined;

/** The measures with a comparison page, each with the sentence its measure page shows. */
export function loadComparisonIndex(): ComparisonIndex {
  const file = comparisonIndexFile(generatedDir());
  comparisons ??= existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ComparisonIndex) : {};
  return comparisons;
}

/** One measure's comparison page view. */
export function loadComparisonView(slug: string): ComparisonPageView {
  return JSON.parse(readFileSync(comparisonViewFile(generatedDir(), slug), 'utf8')) as ComparisonPageView;
}

/** One page (from 1) of a comparison's ranked table. */
export function loadRankingPageView(slug: string, number: number): RankingPageView {
  return JSON.parse(readFileSync(rankingPageViewFile(generatedDir(), slug, number), 'utf8')) as RankingPageView;
}
