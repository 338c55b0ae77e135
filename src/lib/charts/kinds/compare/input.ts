/** What a comparison is drawn from, and every area's place in it. */
import type { Unit } from '../../../schemas/measure.ts';

/** One area of the comparison. */
export interface ComparedArea {
  readonly code: string;
  /** As the publisher's table names it. */
  readonly name: string;
  /** Its police force area, as the table names it. */
  readonly group: string;
  /** Null where the publisher gives no figure (the marker is in `note`). */
  readonly value: number | null;
  readonly note: string;
  /** The site's own partnership, one of its comparators (core cities), or any other. */
  readonly role: 'own' | 'comparator' | 'other';
}

/** What a comparison is drawn from. */
export interface ComparisonInput {
  /** The measure's title, e.g. "Robbery: rate per 1,000 people". */
  readonly title: string;
  readonly unit: Unit;
  /** "year ending December 2024". */
  readonly periodLabel: string;
  /** "partnerships". */
  readonly areasAre: string;
  /** The table the areas' figures are from, e.g. "Table C4". */
  readonly table: string;
  readonly areas: readonly ComparedArea[];
  readonly reference?: { readonly name: string; readonly value: number; readonly table: string };
}

/** An area with its place: 1 for the highest figure; areas with equal figures share a place. */
export interface RankedArea extends ComparedArea {
  /** Undefined for an area without a figure. */
  readonly rank?: number;
  /** Whether another area has the same figure. */
  readonly tied: boolean;
}

/** Areas with a figure from highest to lowest (ties in the table's order), then those without. */
export function rankAreas(areas: readonly ComparedArea[]): RankedArea[] {
  const withValue = areas.filter((a) => a.value !== null).map((a, i) => ({ a, i }));
  withValue.sort((x, y) => y.a.value! - x.a.value! || x.i - y.i);
  const counts = new Map<number, number>();
  for (const { a } of withValue) counts.set(a.value!, (counts.get(a.value!) ?? 0) + 1);
  const ranked = withValue.map(({ a }) => ({ ...a, rank: 1 + withValue.filter((o) => o.a.value! > a.value!).length, tied: counts.get(a.value!)! > 1 }));
  return [...ranked, ...areas.filter((a) => a.value === null).map((a) => ({ ...a, tied: false }))];
}

/** "1st", "22nd", "313th". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The area's place in words: "the 25th highest of the 313 partnerships with a figure" (or "joint 25th highest"). */
export function placeWords(area: RankedArea, withFigure: number, areasAre: string): string {
  if (area.rank === undefined) return `not ranked: the publisher gives no figure for it (${area.note || 'no figure'})`;
  return `the ${area.tied ? 'joint ' : ''}${ordinal(area.rank)} highest of the ${withFigure} ${areasAre} with a figure`;
}
