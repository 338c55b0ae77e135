/**
 * What changed between two releases of a measure. Publishers revise earlier figures (late crime
 * recording, re-based populations); readers should see which figures moved and by how much.
 * Rows are matched on period, area and breakdown (see keys.ts), never on line numbers.
 */
import type { Measure, Observation, Vintage } from '../schemas/model.ts';
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
  /**
   * Figures written differently in the two releases but the same figure (see sameFigure: one release
   * rounded it), in the later release's row order. Shown apart, never as revisions.
   */
  readonly rounded: readonly Revision[];
  /** Rows only in the earlier release, in its row order (not those in notCarriedForward). */
  readonly removed: readonly Observation[];
  /**
   * Rows only in the earlier release where that release is `backfilled`: added to this site after the
   * later release was already published. The later release was built without them and is never
   * edited, so they are missing from it; the publisher did not withdraw them.
   */
  readonly notCarriedForward: readonly Observation[];
}

/** The parts of a release a comparison reads: its date, rows and, where known, its releases.yaml entry. */
export type ComparedVintage = Pick<Vintage, 'date' | 'rows'> & {
  readonly release?: Partial<Pick<Vintage['release'], 'backfilled' | 'release_date' | 'edition'>>;
};

/**
 * What a release is compared with, on the publisher's timeline (issue 22): the index of the
 * publisher's previous release; 'first' for the first release; 'compiled' for a file this site put
 * together from several of the publisher's tables, which the publisher never issued as one release,
 * so nothing in it is counted as added, revised or removed.
 */
export type ComparisonBasis = number | 'first' | 'compiled';

/**
 * Each release's basis, oldest first. A release dated by the publisher (`release_date`) is compared
 * with the publisher's release before it, never with a file this site published in between. After a
 * publisher-dated release, a release without a publisher's date is either an edition published here
 * again (it names its `edition`: compared with the publisher's release of it) or a file compiled on
 * this site from the publisher's tables ('compiled'). Before any publisher-dated release, the
 * releases are the site's own timeline: each is compared with the one before.
 */
export function comparisonBases(vintages: readonly ComparedVintage[]): ComparisonBasis[] {
  const dated = (v: ComparedVintage) => v.release?.release_date !== undefined;
  const lastBefore = (i: number, ok: (v: ComparedVintage, j: number) => boolean): number | undefined => {
    for (let j = i - 1; j >= 0; j--) if (ok(vintages[j]!, j)) return j;
    return undefined;
  };
  const bases: ComparisonBasis[] = [];
  vintages.forEach((v, i) => {
    const notCompiled = (_: ComparedVintage, j: number) => bases[j] !== 'compiled';
    if (i === 0) bases.push('first');
    else if (dated(v)) bases.push(lastBefore(i, dated) ?? lastBefore(i, notCompiled) ?? 'first');
    else if (v.release?.edition !== undefined) {
      bases.push(lastBefore(i, (w) => dated(w) && w.release?.edition === v.release?.edition) ?? lastBefore(i, dated) ?? i - 1);
    } else bases.push(lastBefore(i, dated) === undefined ? i - 1 : 'compiled');
  });
  return bases;
}

const keyedRows = new WeakMap<readonly Observation[], ReadonlyMap<string, Observation>>();

/**
 * A release's rows by observationKey, built once per release: the page model's change counts and
 * first-release dates and the page's release history all look the same rows up. Validation allows
 * one row per key, so no row is lost.
 */
export function rowsByKey(rows: readonly Observation[]): ReadonlyMap<string, Observation> {
  let keyed = keyedRows.get(rows);
  if (!keyed) {
    keyed = new Map(rows.map((row) => [observationKey(row), row]));
    keyedRows.set(rows, keyed);
  }
  return keyed;
}

/**
 * Whether two rows hold the same figure. Suppressed (null) equals only suppressed, so a figure newly
 * suppressed or newly published counts; 12 and 12.0 are the same figure. A value written with fewer
 * decimal places (at least one) that the other value rounds to is the same figure published less
 * precisely, not a revision: ONS gives 132.15830522061526 and a release that rounded it to 3 places
 * wrote 132.158. Whole numbers are never taken as rounded: a count of 12 against 12.4 is a revision.
 */
export function sameFigure(a: Pick<Observation, 'value' | 'decimals'>, b: Pick<Observation, 'value' | 'decimals'>): boolean {
  if (sameValue(a, b)) return true;
  if (a.value === null || b.value === null) return false;
  const [coarse, fine] = (a.decimals ?? 0) <= (b.decimals ?? 0) ? [a, b] : [b, a];
  const places = coarse.decimals ?? 0;
  if (places < 1 || places >= (fine.decimals ?? 0)) return false;
  // Within half a unit of the last place the coarse value writes (with room for binary fractions).
  const halfUnit = 0.5 * 10 ** -places;
  return Math.abs(fine.value! - coarse.value!) <= halfUnit * (1 + 1e-9);
}

/**
 * Whether two values are equal to 12 significant figures: a publisher's computed rate written as
 * 32.94199476900628 in one edition and 32.94199476900627 in the next is the same figure (the last
 * digits are floating-point noise), neither revised nor rounded. Suppressed equals only suppressed.
 */
export function sameValue(a: Pick<Observation, 'value'>, b: Pick<Observation, 'value'>): boolean {
  if (a.value === b.value) return true;
  if (a.value === null || b.value === null) return false;
  return Number(a.value.toPrecision(12)) === Number(b.value.toPrecision(12));
}

/** Compares an earlier release with a later one. */
export function compareVintages(earlier: ComparedVintage, later: ComparedVintage): VintageComparison {
  const before = rowsByKey(earlier.rows);
  const after = rowsByKey(later.rows);
  const revised: Revision[] = [];
  const rounded: Revision[] = [];
  const added: Observation[] = [];
  for (const [key, newRow] of after) {
    const oldRow = before.get(key);
    if (!oldRow) {
      added.push(newRow);
    } else if (!sameValue(oldRow, newRow)) {
      (sameFigure(oldRow, newRow) ? rounded : revised).push({
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
  const missing = [...before].filter(([key]) => !after.has(key)).map(([, row]) => row);
  // A later release that was never backfilled cannot hold what was only added to the history after it.
  const notCarried = earlier.release?.backfilled === true && later.release?.backfilled !== true;
  return { from: earlier.date, to: later.date, revised, added, rounded, removed: notCarried ? [] : missing, notCarriedForward: notCarried ? missing : [] };
}

/**
 * Each release's comparison with the publisher's release before it (comparisonBases), oldest first;
 * undefined for the first release and for a file compiled on this site.
 */
export function publisherComparisons(vintages: readonly ComparedVintage[]): (VintageComparison | undefined)[] {
  const bases = comparisonBases(vintages);
  return vintages.map((v, i) => {
    const basis = bases[i]!;
    return typeof basis === 'number' ? compareVintages(vintages[basis]!, v) : undefined;
  });
}

/** Comparisons of each release with the publisher's release before it, oldest first, leaving out first and compiled releases. */
export function revisionHistory(measure: Pick<Measure, 'vintages'>): VintageComparison[] {
  return publisherComparisons(measure.vintages).filter((c): c is VintageComparison => c !== undefined);
}

/**
 * The current release's revised figures, keyed by observationKey, for a "revised" badge beside each
 * value. Empty when there is no earlier release to compare with.
 */
export function revisedInCurrentVintage(measure: Pick<Measure, 'vintages'>): ReadonlyMap<string, Revision> {
  const { vintages } = measure;
  if (vintages.length < 2) return new Map();
  const basis = comparisonBases(vintages).at(-1)!;
  if (typeof basis !== 'number') return new Map();
  const comparison = compareVintages(vintages[basis]!, vintages.at(-1)!);
  return new Map(comparison.revised.map((r) => [r.key, r]));
}

/** How many figures a release added, revised and removed compared with the release before it. */
export interface ReleaseChangeCounts {
  readonly added: number;
  readonly revised: number;
  readonly removed: number;
  /** Figures of a backfilled release before it that this one lacks (see VintageComparison); present only when there are some. */
  readonly notCarriedForward?: number;
  /** Figures only written with different rounding (see sameFigure), not revisions; present only when there are some. */
  readonly rounded?: number;
  /** True for a file compiled on this site from several of the publisher's tables: nothing in it is counted. */
  readonly compiled?: true;
  /**
   * Values the file writes differently from the file this site published just before it, where that is
   * more than the publisher-ordered counts show: a release page, once published, keeps its address.
   */
  readonly writtenDifferently?: number;
}

/** The counts of one comparison. */
export function changeCounts(comparison: Pick<VintageComparison, 'added' | 'revised' | 'removed'> & Partial<Pick<VintageComparison, 'notCarriedForward' | 'rounded'>>): ReleaseChangeCounts {
  const notCarried = comparison.notCarriedForward?.length ?? 0;
  const rounded = comparison.rounded?.length ?? 0;
  return {
    added: comparison.added.length,
    revised: comparison.revised.length,
    removed: comparison.removed.length,
    ...(notCarried > 0 ? { notCarriedForward: notCarried } : {}),
    ...(rounded > 0 ? { rounded } : {}),
  };
}

/**
 * The counts for every release of a measure, oldest first: the first release adds every row it
 * holds; each later one is compared with the release before it.
 */
export function releaseChangeCounts(vintages: readonly ComparedVintage[]): ReleaseChangeCounts[] {
  const comparisons = publisherComparisons(vintages);
  const bases = comparisonBases(vintages);
  return vintages.map((v, i) => {
    const counts: ReleaseChangeCounts = bases[i] === 'compiled'
      ? { added: 0, revised: 0, removed: 0, compiled: true }
      : comparisons[i] ? changeCounts(comparisons[i]) : { added: v.rows.length, revised: 0, removed: 0 };
    const written = i === 0 ? 0 : writtenDifferently(vintages[i - 1]!, v);
    return written > counts.revised + (counts.rounded ?? 0) ? { ...counts, writtenDifferently: written } : counts;
  });
}

/** How many figures `later` writes differently from `earlier`, in the order the files were published here. */
function writtenDifferently(earlier: ComparedVintage, later: ComparedVintage): number {
  const before = rowsByKey(earlier.rows);
  let n = 0;
  for (const [key, row] of rowsByKey(later.rows)) {
    const old = before.get(key);
    if (old && old.value !== row.value) n++;
  }
  return n;
}

/** The sentence for a file compiled on this site, naming the publisher's tables its figures came from. */
export function compiledText(dataset: string): string {
  const from = dataset.trim().replace(/[.;:,]$/, '');
  return `Not counted against other releases: this file was put together on this site from the publisher's tables, not released by the publisher as one release, so no figure in it is counted as added, revised or removed. Its figures come from: ${from}.`;
}

/**
 * The counts in words, e.g. "12 figures added, 3 revised" or "1 figure revised, 2 removed"; "No figures
 * changed" when all are zero. Figures not carried forward are said to be so, with why, never "removed":
 * "46 figures of an edition added to this site later are not in this release (not withdrawn by the publisher)".
 */
export function describeChangeCounts(counts: ReleaseChangeCounts): string {
  if (counts.compiled) return 'Not compared: compiled on this site from the publisher\'s tables';
  const notCarried = counts.notCarriedForward ?? 0;
  const rounded = counts.rounded ?? 0;
  const notes = [
    ...(notCarried > 0 ? [`${notCarried.toLocaleString('en-GB')} figure${notCarried === 1 ? '' : 's'} of an edition added to this site later ${notCarried === 1 ? 'is' : 'are'} not in this release (not withdrawn by the publisher)`] : []),
    ...(rounded > 0 ? [`${rounded.toLocaleString('en-GB')} figure${rounded === 1 ? '' : 's'} only rounded differently (not revised)`] : []),
  ];
  if (notes.length === 0) return describeChanged(counts);
  return [counts.added + counts.revised + counts.removed === 0 ? 'No figures changed' : describeChanged(counts), ...notes].join('; ');
}

function describeChanged(counts: ReleaseChangeCounts): string {
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
