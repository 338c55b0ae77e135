/**
 * The comparison kind in one place: every area's figure for one period, ranked from highest to
 * lowest as thin horizontal bars, the partnership and its comparators labelled (labels moved apart
 * so none overlap), the reference area (England and Wales) as a dashed line, and the words and tables
 * a page shows with it. It states where the partnership sits, never whether that is good or bad.
 * Computed once by the data step (src/lib/views/comparison.ts); pages only render the view.
 */
import type { SvgTextOptions } from '../svg.ts';
import { drawChart, type ChartKind, type ChartWords } from './kind.ts';
import { comparisonGeometry, type ComparisonGeometry } from './compare/geometry.ts';
import type { ComparisonInput } from './compare/input.ts';
import { renderComparisonSvg } from './compare/svg.ts';
import { comparisonWords } from './compare/words.ts';

export { comparisonGeometry, type ComparisonGeometry } from './compare/geometry.ts';
export { ordinal, placeWords, rankAreas, type ComparedArea, type ComparisonInput, type RankedArea } from './compare/input.ts';
export { renderComparisonSvg } from './compare/svg.ts';
export { comparisonWords } from './compare/words.ts';

/** A comparison drawn for a page: SVG and its words. */
export interface ComparisonChartView {
  readonly kind: 'compare';
  readonly id: string;
  readonly title: string;
  /** The SVG's <desc>. */
  readonly desc: string;
  /** The caption: what is drawn, and where the partnership sits. */
  readonly summary: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Names and ids a comparison is drawn with. */
export interface ComparisonFacts {
  readonly id: string;
  readonly title: string;
}

/** The comparison kind: never a measure's lead chart, so it has no preview image or embed. */
export const compareKind: ChartKind<'compare', ComparisonInput, ComparisonGeometry, ComparisonFacts, ComparisonChartView> = {
  kind: 'compare',
  geometry: comparisonGeometry,
  words: comparisonWords,
  svg: (geometry: ComparisonGeometry, text: SvgTextOptions) => renderComparisonSvg(geometry, text),
  view: (input: ComparisonInput, facts: ComparisonFacts, { geometry, words }: { geometry: ComparisonGeometry; words: ChartWords }) => ({
    kind: 'compare',
    id: facts.id,
    title: facts.title,
    desc: words.desc,
    summary: words.summary,
    svg: renderComparisonSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc: words.desc }),
    width: geometry.width,
    height: geometry.height,
  }),
};

/** A comparison chart drawn for a page, laid out once. */
export function comparisonChartView(input: ComparisonInput, facts: ComparisonFacts): ComparisonChartView {
  return drawChart(compareKind, input, facts);
}
