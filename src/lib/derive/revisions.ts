/**
 * What changed between two releases of a measure. Publishers revise earlier figures (late crime
 * recording, re-based populations); readers should see which figures moved and by how much.
 * Rows are matched on period, area and breakdown (see keys.ts), never on line numbers.
 */
import type { Measure, Observation, Vintage } from '../model.ts';
import { observationKey } from './keys.ts';

/** One figure whose value differs between two releases. A suppressed figure has value null. */
export interface Revision {
  /** The figure's identity, from observationKey. */
  readonly key: string;
  readonly period: string;
  readonly areaCode: string;
  readonly breakdown: Readonly<Record<string, string>>;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly oldRow: Observation;
  readonly newRow: Observation;
  /** Date of the release that published the new value: the one that changed this figure. */
  readonly changedBy: string;
  /** Date of the release whose value it replaced. */
  readonly previousRelease: string;
}

/** The differences between two consecutive releases. */
export interface VintageComparison {
  /** Date of the earlier release. */
  readonly from: string;
  /** Date of the later release. */
  readonly to: string;
  /** Figures in both releases whose values differ, in the later release's row order. */
  readonly revised: readonly Revision[];
  /** Rows only in the later release, in its row order. */
  readonly added: readonly Observation[];
  /** Rows only in the earlier release, in its row order. */
  readonly removed: readonly Observation[];
}

function rowsByKey(rows: readonly Observation[]): Map<string, Observation> {
  return new Map(rows.map((row) => [observationKey(row), row]));
}

/** Whether two figures differ. Suppressed (null) equals only suppressed, so a figure newly suppressed or newly published counts; 12 and 12.0 are the same figure. */
function valuesDiffer(a: number | null, b: number | null): boolean {
  return a !== b;
}

/** Compares an earlier release with a later one. */
export function compareVintages(earlier: Pick<Vintage, 'date' | 'rows'>, later: Pick<Vintage, 'date' | 'rows'>): VintageComparison {
  const before = rowsByKey(earlier.rows);
  const after = rowsByKey(later.rows);
  const revised: Revision[] = [];
  const added: Observation[] = [];
  for (const [key, newRow] of after) {
    const oldRow = before.get(key);
    if (!oldRow) {
      added.push(newRow);
    } else if (valuesDiffer(oldRow.value, newRow.value)) {
      revised.push({
        key,
        period: newRow.period,
        areaCode: newRow.areaCode,
        breakdown: newRow.breakdown,
        oldValue: oldRow.value,
        newValue: newRow.value,
        oldRow,
        newRow,
        changedBy: later.date,
        previousRelease: earlier.date,
      });
    }
  }
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, row]) => row);
  return { from: earlier.date, to: later.date, revised, added, removed };
}

/** Comparisons of each release with the one before it, oldest pair first; empty for fewer than two releases. */
export function revisionHistory(measure: Pick<Measure, 'vintages'>): VintageComparison[] {
  return measure.vintages.slice(1).map((later, i) => compareVintages(measure.vintages[i]!, later));
}

/**
 * The current release's revised figures, keyed by observationKey, for a "revised" badge beside each
 * value. Empty when there is no earlier release to compare with.
 */
export function revisedInCurrentVintage(measure: Pick<Measure, 'vintages'>): ReadonlyMap<string, Revision> {
  const { vintages } = measure;
  if (vintages.length < 2) return new Map();
  const comparison = compareVintages(vintages.at(-2)!, vintages.at(-1)!);
  return new Map(comparison.revised.map((r) => [r.key, r]));
}

/** How many figures a release added, revised and removed compared with the release before it. */
export interface ReleaseChangeCounts {
  readonly added: number;
  readonly revised: number;
  readonly removed: number;
}

/** The counts of one comparison. */
export function changeCounts(comparison: Pick<VintageComparison, 'added' | 'revised' | 'removed'>): ReleaseChangeCounts {
  return { added: comparison.added.length, revised: comparison.revised.length, removed: comparison.removed.length };
}

/**
 * The counts for every release of a measure, oldest first: the first release adds every row it
 * holds; each later one is compared with the release before it.
 */
export function releaseChangeCounts(vintages: readonly Pick<Vintage, 'date' | 'rows'>[]): ReleaseChangeCounts[] {
  return vintages.map((v, i) =>
    i === 0 ? { added: v.rows.length, revised: 0, removed: 0 } : changeCounts(compareVintages(vintages[i - 1]!, v)),
  );
}

/** The counts in words, e.g. "12 figures added, 3 revised" or "1 figure revised, 2 removed"; "No figures changed" when all are zero. */
export function describeChangeCounts(counts: ReleaseChangeCounts): string {
  const parts = (
    [
      [counts.added, 'added'],
      [counts.revised, 'revised'],
      [counts.removed, 'removed'],
    ] as const
  ).filter(([n]) => n > 0);
  if (parts.length === 0) return 'No figures changed';
  return parts
    .map(([n, verb], i) => (i === 0 ? `${n.toLocaleString('en-GB')} figure${n === 1 ? '' : 's'} ${verb}` : `${n.toLocaleString('en-GB')} ${verb}`))
    .join(', ');
}
