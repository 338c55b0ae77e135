/**
 * "What's new": every data release (each measure's vintages, with the `changes` note from
 * releases.yaml) and every action progress entry, newest first. The /updates/ page and the Atom
 * feed both render these entries, so they always list the same things in the same order.
 */
import { describeChangeCounts, type ReleaseChangeCounts } from '../derive/revisions.ts';
import { actionStatusLabel } from '../format/labels.ts';
import type { PageModel } from '../derive/page-model.ts';
import { paths } from '../schemas/paths.ts';
import type { ActionStatus } from '../schemas/action.ts';

/** One published event: a release of a measure's figures, or a reported step on an action. */
export type UpdateEntry = ReleaseUpdate | ProgressUpdate;

interface UpdateBase {
  /**
   * Identity that never changes for the same release or progress entry, whatever else is
   * published later; a site path without the base, e.g. "/measures/knife-crime/releases/2025-07-24".
   * atom.ts turns it into the feed's <id>, so feed readers never show an entry twice.
   */
  readonly key: string;
  /** The day it was published or reported, YYYY-MM-DD. */
  readonly date: string;
  /** Plain-text heading, e.g. "Knife Crime: new figures". Untrusted text: escape when rendering. */
  readonly title: string;
  /** Plain-text body: the release's `changes` or the progress `note`. Untrusted text: escape when rendering. */
  readonly summary: string;
  /** Site path (without the base) of the page the entry is about. */
  readonly path: string;
  /** Title of the measure or action, for the page's link text. */
  readonly subject: string;
}

export interface ReleaseUpdate extends UpdateBase {
  readonly kind: 'release';
  readonly measure: string;
  /** Site path of this release's CSV file, exactly as committed; null for a derived measure, which has no release files. */
  readonly csvPath: string | null;
  /** Whether this is the measure's first release on the site. */
  readonly first: boolean;
  /**
   * Figures added, revised and removed compared with the measure's release before (the first release adds all its figures);
   * null for a derived measure's recomputation, which has no release of its own to compare.
   */
  readonly counts: ReleaseChangeCounts | null;
  /** The counts in words, e.g. "12 figures added, 3 revised"; null when counts is. */
  readonly countsText: string | null;
  /**
   * For a derived measure: the input releases published that day, which its figures were recomputed
   * from (their own files, to download). Empty for a measure with its own data files.
   */
  readonly inputReleases: readonly InputRelease[];
}

/** A release of one input of a derived measure. */
export interface InputRelease {
  readonly measure: string;
  /** The input measure's title. Untrusted text: escape when rendering. */
  readonly title: string;
  readonly date: string;
  /** Site path of the input release's CSV file. */
  readonly csvPath: string;
}

export interface ProgressUpdate extends UpdateBase {
  readonly kind: 'progress';
  /** Action id, "<plan>/<slug>". */
  readonly action: string;
  readonly status: ActionStatus;
}

/** Every release and progress entry in the model, newest first. */
export function buildUpdates(model: Pick<PageModel, 'measures' | 'actions'>): UpdateEntry[] {
  return [...releaseUpdates(model.measures), ...progressUpdates(model.actions)].sort(newestFirst);
}

/** One entry per release of each measure with its own data files, and per recomputation of each derived measure. */
function releaseUpdates(measures: PageModel['measures']): ReleaseUpdate[] {
  const own = measures
    .filter((m) => !m.derived)
    .flatMap((m) =>
      m.vintages.map((v, i) => ({
        kind: 'release' as const,
        key: `${paths.measure(m.slug)}releases/${v.date}`,
        date: v.date,
        title: `${m.data.title}: ${i === 0 ? 'first figures published' : 'new figures published'}`,
        summary: v.release.changes,
        path: paths.measure(m.slug),
        subject: m.data.title,
        measure: m.slug,
        csvPath: paths.measureVintageCsv(m.slug, v.date),
        first: i === 0,
        inputReleases: [],
        counts: v.changeCounts,
        countsText: describeChangeCounts(v.changeCounts),
      })),
    );
  return [...own, ...measures.filter((m) => m.derived).flatMap((m) => derivedUpdates(m, measures))];
}

/**
 * A derived measure has no releases of its own: the site recomputes it whenever one of its inputs
 * is released. So it gets an entry on each day an input was released, from the first day every
 * input had figures (before that nothing could be computed), naming the input releases behind it.
 */
function derivedUpdates(measure: PageModel['measures'][number], measures: PageModel['measures']): ReleaseUpdate[] {
  const bySlug = new Map(measures.map((m) => [m.slug, m]));
  const inputs = (measure.data.derivation?.terms ?? []).map((t) => bySlug.get(t.measure));
  if (inputs.length === 0 || inputs.some((m) => m === undefined || m.vintages.length === 0)) return [];
  const present = inputs as PageModel['measures'][number][];
  const firstComputable = present.map((m) => m.vintages[0]!.date).sort().at(-1)!;
  const days = [...new Set(present.flatMap((m) => m.vintages.map((v) => v.date)))].filter((d) => d >= firstComputable).sort();
  return days.map((date, i) => {
    const inputReleases = present.flatMap((m) =>
      m.vintages
        .filter((v) => v.date === date || (i === 0 && v === latestOnOrBefore(m, date)))
        .map((v) => ({ measure: m.slug, title: m.data.title, date: v.date, csvPath: paths.measureVintageCsv(m.slug, v.date) })),
    );
    const named = inputReleases.map((r) => r.title).join(', ');
    return {
      kind: 'release' as const,
      key: `${paths.measure(measure.slug)}releases/${date}`,
      date,
      title: `${measure.data.title}: ${i === 0 ? 'first figures computed' : 'figures recomputed'}`,
      summary:
        i === 0
          ? `This site computed these figures from the published releases of ${named}.`
          : `This site recomputed these figures after a new release of ${named}.`,
      path: paths.measure(measure.slug),
      subject: measure.data.title,
      measure: measure.slug,
      csvPath: null,
      first: i === 0,
      counts: null,
      countsText: null,
      inputReleases,
    };
  });
}

/** The measure's newest release published on or before `date`. */
function latestOnOrBefore(measure: PageModel['measures'][number], date: string) {
  return measure.vintages.filter((v) => v.date <= date).at(-1);
}

/** One entry per progress log line of each action. */
function progressUpdates(actions: PageModel['actions']): ProgressUpdate[] {
  return actions.flatMap((a) => {
    const seenOnDate = new Map<string, number>();
    return a.data.progress.map((p) => {
      // The nth report on one day gets "-n" from the second on, so adding a report never renames earlier ones.
      const nth = (seenOnDate.get(p.date) ?? 0) + 1;
      seenOnDate.set(p.date, nth);
      return {
        kind: 'progress' as const,
        key: `${paths.action(a.plan, a.slug)}progress/${p.date}${nth > 1 ? `-${nth}` : ''}`,
        date: p.date,
        title: `${a.data.title}: ${actionStatusLabel(p.status).toLowerCase()}`,
        summary: p.note,
        path: paths.action(a.plan, a.slug),
        subject: a.data.title,
        action: a.id,
        status: p.status,
      };
    });
  });
}

const KIND_ORDER: Record<UpdateEntry['kind'], number> = { release: 0, progress: 1 };

/** Newest date first; on one day releases before progress, then by title and key so the order is stable. */
function newestFirst(a: UpdateEntry, b: UpdateEntry): number {
  return compare(b.date, a.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.title, b.title) || compare(a.key, b.key);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
