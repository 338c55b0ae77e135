/**
 * Counts of a plan's priorities in the plan's own terms: a plan names priorities and, beside them,
 * areas of focus or delivery areas, so "7 priorities" would misstate a plan with six and one area of focus.
 */
import type { PriorityMeta } from '../schemas/priority.ts';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Singular and plural names of each kind of entry. */
const KIND_NAMES: Record<PriorityMeta['kind'], readonly [string, string]> = {
  priority: ['priority', 'priorities'],
  area_of_focus: ['area of focus', 'areas of focus'],
  delivery_area: ['delivery area', 'delivery areas'],
};

/** "six priorities and one area of focus": each kind counted in words, in the order priorities, areas of focus, delivery areas. */
export function priorityCountText(kinds: readonly PriorityMeta['kind'][]): string {
  const parts = (Object.keys(KIND_NAMES) as PriorityMeta['kind'][])
    .map((kind) => [kind, kinds.filter((k) => k === kind).length] as const)
    .filter(([kind, n]) => n > 0 || kind === 'priority')
    .map(([kind, n]) => `${NUMBER_WORDS[n] ?? n.toLocaleString('en-GB')} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
