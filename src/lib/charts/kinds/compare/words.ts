/** A comparison's words: where the partnership sits, never whether that is good or bad. */
import { formatValue } from '../../../format/number.ts';
import { ordinal, placeWords, rankAreas, type ComparisonInput } from './input.ts';

/** The words of a comparison: the SVG's description and the caption. */
export function comparisonWords(input: ComparisonInput): { desc: string; summary: string; position?: string } {
  const ranked = rankAreas(input.areas);
  const withFigure = ranked.filter((a) => a.rank !== undefined).length;
  const own = ranked.find((a) => a.role === 'own');
  const position = own
    ? own.rank === undefined
      ? `${input.table} gives no figure for ${own.name} for the ${input.periodLabel} (${own.note || 'no figure'}), so it is not ranked.`
      : `${own.name}'s figure in ${input.table}, ${formatValue(own.value!, input.unit)}, is ${placeWords(own, withFigure, input.areasAre)} (${input.periodLabel}).`
    : undefined;
  const drawn = `${withFigure} ${input.areasAre} ranked from the highest figure to the lowest, ${input.periodLabel}`;
  const reference = input.reference ? ` The dashed line is the figure for ${input.reference.name} (${input.reference.table}), ${formatValue(input.reference.value, input.unit)}.` : '';
  const labelled = ranked.filter((a) => a.role === 'comparator' && a.rank !== undefined).map((a) => `${a.name} ${ordinal(a.rank!)}`);
  const comparators = labelled.length ? ` Also labelled: ${labelled.join(', ')}.` : '';
  return {
    desc: `${input.title}: ${drawn}.${position ? ` ${position}` : ''}${reference}`,
    summary: `${drawn}.${position ? ` ${position}` : ''}${reference}${comparators}`,
    ...(position ? { position } : {}),
  };
}
