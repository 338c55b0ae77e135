/**
 * What a measure page says about each release: when and by whom it was released (with the
 * publisher's release date cited where releases.yaml records it), what it added, revised and removed
 * compared with the release before, and each revised figure's value before and after. Computed here
 * so the page only renders; values are formatted for the measure's unit.
 */
import type { Measure, Observation, Vintage } from '../schemas/model.ts';
import { longDate } from '../format/labels.ts';
import { formatRevisedPair } from '../format/number.ts';
import { comparePeriods, periodLabel } from '../schemas/period.ts';
import type { Release } from '../schemas/release.ts';
import { compiledText, describeChangeCounts, publisherComparisons, releaseChangeCounts, type ReleaseChangeCounts, type VintageComparison } from './revisions.ts';
import { breakdownKey } from './keys.ts';
import { breakdownLabel, observationPeriod } from './series.ts';

/**
 * The optional citation fields the ONS importer records on a release (see the release schema):
 * the edition's name, the tables read, and the evidence for the publisher's release date.
 */
export interface ReleaseCitationFields {
  readonly edition?: string;
  readonly tables?: readonly string[];
  readonly release_date?: { readonly evidence: string; readonly url: string };
}

/** A release's provenance, with the citation fields where the release has them. */
export type CitedRelease = Release & ReleaseCitationFields;

/** When a release was released, in words, and the evidence for the date where there is any. */
export interface ReleaseDating {
  /** e.g. "Released by Office for National Statistics on 21 July 2022 (year ending March 2022 edition)." */
  readonly text: string;
  /** The publisher's statement of the date and where it is made; absent when the date is this site's. */
  readonly evidence?: { readonly text: string; readonly url: string };
}

/** One revised figure as a table row. */
export interface RevisionRow {
  /** The period as the publisher labelled it, with the breakdown in brackets where there is one. */
  readonly period: string;
  readonly area: string;
  /** The value in the release before, formatted ("Suppressed" when withheld). */
  readonly before: string;
  /** The value in this release, formatted. */
  readonly after: string;
  /** Date of the release that changed the figure (this release). */
  readonly changedBy: string;
}

/** The figures a release added (or removed) for one line: an area, or an area's breakdown value. */
export interface FigureSpan {
  /** e.g. "Testshire" or "Testshire, Age band: 18-24". */
  readonly series: string;
  readonly count: number;
  /** Period label of the earliest and latest figure (the same when count is 1). */
  readonly first: string;
  readonly last: string;
}

/** One release as the measure page shows it. */
export interface ReleaseHistoryItem {
  /** YYYY-MM-DD, the file name. */
  readonly date: string;
  /** e.g. "21 July 2022 (year ending March 2022 edition)". */
  readonly heading: string;
  readonly current: boolean;
  /** Provenance from releases.yaml. Untrusted text: escape when rendering. */
  readonly release: CitedRelease;
  readonly dating: ReleaseDating;
  readonly counts: ReleaseChangeCounts;
  /** The counts in words, e.g. "12 figures added, 3 revised". */
  readonly countsText: string;
  /** Date of the release this one is compared with; absent for the first release. */
  readonly previous?: string;
  /** Figures whose value differs from the previous release, in this release's row order. */
  readonly revisions: readonly RevisionRow[];
  readonly added: readonly FigureSpan[];
  readonly removed: readonly FigureSpan[];
  /** Figures of the release before that this one lacks only because that one was added to the site later (it is `backfilled`). */
  readonly notCarriedForward: readonly FigureSpan[];
  /** Why those figures are missing, in words; absent when there are none. */
  readonly notCarriedForwardText?: string;
  /** How many figures this release only wrote with different rounding than the release before (not revisions). */
  readonly rounded: number;
  /** For a file compiled on this site (counts.compiled): why nothing is counted, and which tables its figures came from. */
  readonly compiledText?: string;
}

/** "21 July 2022 (year ending March 2022 edition)", or just the date when the release names no edition. */
export function releaseHeading(date: string, release: CitedRelease): string {
  return release.edition ? `${longDate(date)} (${release.edition} edition)` : longDate(date);
}

/**
 * The release date in words. With `release_date` the file's date is the publisher's release date
 * and the evidence is cited; without it the date is the day the figures were published on this
 * site, and the page must not pass it off as the publisher's.
 */
/**
 * Whether a cited release date rests only on the previous bulletin's announcement ("Next release: 24
 * April 2025", in Welsh "Cyhoeddiad nesaf: ..."), not on the edition's own page: then the page says so.
 */
export function announcedOnly(release: Pick<CitedRelease, 'release_date'>): boolean {
  return release.release_date !== undefined && /^(next release|cyhoeddiad nesaf)\s*:/i.test(release.release_date.evidence.trim());
}

/** The words that follow a release date resting on an announcement, or "". */
function announcedWords(release: CitedRelease): string {
  return announcedOnly(release) ? `, the date announced in the previous bulletin as “${release.release_date!.evidence.trim()}”` : '';
}

export function releaseDating(date: string, release: CitedRelease, computed = false): ReleaseDating {
  const edition = release.edition ? ` (${release.edition} edition)` : '';
  // A derived measure's release is this site's computation from the publisher's releases of that day.
  if (release.release_date && computed) {
    return {
      text: `Computed by this site from the figures ${release.publisher} released on ${longDate(date)}${edition}${announcedWords(release)}.`,
      evidence: { text: release.release_date.evidence, url: release.release_date.url },
    };
  }
  if (release.release_date) {
    return {
      text: `Released by ${release.publisher} on ${longDate(date)}${edition}${announcedWords(release)}.`,
      evidence: { text: release.release_date.evidence, url: release.release_date.url },
    };
  }
  return {
    text: `Published on this site on ${longDate(date)}${edition}; the publisher's own release date is not recorded here.`,
  };
}

/**
 * Revised figures a measure page lists for one release; a release that revised more gets a page of its
 * own (paths.measureRelease), so a measure with many editions stays light on a phone.
 */
export const INLINE_REVISIONS = 12;

/** Whether a release's revisions are listed on a page of their own rather than on the measure page. */
export function revisionsOnOwnPage(revised: number): boolean {
  return revised > INLINE_REVISIONS;
}

/**
 * Whether a release has a page of its own: it changed more written values than a measure page lists,
 * counting figures only rounded differently. Before sameFigure, rounding counted as revision, and a
 * release page once published keeps its address; it now says which changes were only rounding.
 */
export function releaseOnOwnPage(counts: Pick<ReleaseChangeCounts, 'revised' | 'rounded' | 'writtenDifferently'>): boolean {
  return revisionsOnOwnPage(Math.max(counts.revised + (counts.rounded ?? 0), counts.writtenDifferently ?? 0));
}

/** The sentence for figures a release only rounded differently, or undefined when there are none. */
export function roundedText(rounded: number): string | undefined {
  if (rounded === 0) return undefined;
  return `${rounded.toLocaleString('en-GB')} figure${rounded === 1 ? ' is' : 's are'} written with different rounding than in the release before (one release gave fewer decimal places); ${rounded === 1 ? 'it is the same figure' : 'they are the same figures'}, not revisions.`;
}

/** Every release of the measure, newest first, with what it changed. */
export function releaseHistory(measure: Pick<Measure, 'data' | 'vintages'>): ReleaseHistoryItem[] {
  const { vintages } = measure;
  // Each release against the publisher's release before it, with the counts the page model holds.
  const comparisons = publisherComparisons(vintages);
  const counts = releaseChangeCounts(vintages);
  const items = vintages.map((vintage, i) => historyItem(measure, vintage, comparisons[i], counts[i]!, i === vintages.length - 1));
  return items.reverse();
}

function historyItem(
  measure: Pick<Measure, 'data'>,
  vintage: Pick<Vintage, 'date' | 'rows' | 'release'>,
  comparison: VintageComparison | undefined,
  counts: ReleaseChangeCounts,
  current: boolean,
): ReleaseHistoryItem {
  const release: CitedRelease = vintage.release;
  const unit = measure.data.unit;
  return {
    date: vintage.date,
    heading: releaseHeading(vintage.date, release),
    current,
    release,
    dating: releaseDating(vintage.date, release, measure.data.derivation !== undefined),
    counts,
    countsText: describeChangeCounts(counts),
    ...(comparison ? { previous: comparison.from } : {}),
    revisions: (comparison?.revised ?? []).map((r) => {
      const [before, after] = formatRevisedPair(r.oldValue, r.newValue, unit);
      return { period: figurePeriod(measure, r.newRow), area: r.newRow.areaName, before, after, changedBy: r.changedBy };
    }),
    added: comparison ? figureSpans(measure, comparison.added) : [],
    removed: comparison ? figureSpans(measure, comparison.removed) : [],
    notCarriedForward: comparison ? figureSpans(measure, comparison.notCarriedForward) : [],
    rounded: comparison?.rounded.length ?? 0,
    ...(counts.compiled ? { compiledText: compiledText(release.dataset) } : {}),
    ...(comparison && comparison.notCarriedForward.length > 0 ? { notCarriedForwardText: notCarriedForwardText(comparison.from) } : {}),
  };
}

/**
 * Why a release lacks figures of the (backfilled) release before it: it was published on this site
 * before that release was added, and published releases are never edited. Said plainly, because
 * "no longer in this release" would read as if the publisher had withdrawn them.
 */
export function notCarriedForwardText(backfilledDate: string): string {
  return `These figures are in the release of ${longDate(backfilledDate)}, which was added to this site after this release had been published. A published release is never edited, so this release does not hold them. The publisher did not withdraw them.`;
}

/** The row's period as readers know it, with its breakdown: "year ending March 2022 (Age band: 18-24)". */
function figurePeriod(measure: Pick<Measure, 'data'>, row: Observation): string {
  const label = rowPeriodLabel(measure, row);
  return Object.keys(row.breakdown).length > 0 ? `${label} (${breakdownLabel(measure.data, row.breakdown)})` : label;
}

function rowPeriodLabel(measure: Pick<Measure, 'data'>, row: Observation): string {
  if (row.periodLabel) return row.periodLabel;
  const period = observationPeriod(measure.data, row);
  return period ? periodLabel(period) : row.period;
}

/** Rows grouped by area and breakdown, in order of first appearance, with their earliest and latest period. */
function figureSpans(measure: Pick<Measure, 'data'>, rows: readonly Observation[]): FigureSpan[] {
  const groups = new Map<string, { series: string; rows: Observation[] }>();
  for (const row of rows) {
    const key = JSON.stringify([row.areaCode, breakdownKey(row.breakdown)]);
    let group = groups.get(key);
    if (!group) {
      const breakdown = Object.keys(row.breakdown).length > 0 ? `, ${breakdownLabel(measure.data, row.breakdown)}` : '';
      group = { series: `${row.areaName}${breakdown}`, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].map(({ series, rows: groupRows }) => {
    const ordered = groupRows
      .map((row) => ({ row, period: observationPeriod(measure.data, row) }))
      .sort((a, b) => (a.period && b.period ? comparePeriods(a.period, b.period) : 0));
    return {
      series,
      count: groupRows.length,
      first: rowPeriodLabel(measure, ordered[0]!.row),
      last: rowPeriodLabel(measure, ordered.at(-1)!.row),
    };
  });
}
