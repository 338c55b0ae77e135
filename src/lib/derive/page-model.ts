/**
 * What the pipeline hands to Astro: a JSON-serialisable view of the validated site, written to
 * .generated/ by the build so pages never read or parse a CSV themselves.
 * model.json holds everything list pages need; measures/<slug>.json holds one measure's releases.
 * Its parts are entries (PlanEntry, MeasureEntry ...), the facts each page's view is made from:
 * the views themselves are in src/lib/views/types.ts.
 */
import type { ReleaseChangeCounts } from './revisions.ts';
import type { Observation } from '../schemas/model.ts';
import type { ActionMeta } from '../schemas/action.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { PlanMeta } from '../schemas/plan.ts';
import type { PriorityMeta } from '../schemas/priority.ts';
import type { Release } from '../schemas/release.ts';
import type { Site } from '../schemas/site.ts';

/** A plan with the ids of what belongs to it, in the plan's order. */
export interface PlanEntry {
  readonly id: string;
  readonly data: PlanMeta;
  /** Priority ids ("<plan>/<slug>"), by `order`. */
  readonly priorities: readonly string[];
  /** Action ids, by `order`. */
  readonly actions: readonly string[];
  /** Measure slugs listing this plan, in framework order (thematic area, then file order). */
  readonly measures: readonly string[];
}

/** A priority of a plan, with its place in the plan. */
export interface PriorityEntry {
  readonly id: string;
  readonly plan: string;
  readonly slug: string;
  readonly data: PriorityMeta;
}

/** An action of a plan's action plan, with its place in the plan. */
export interface ActionEntry {
  readonly id: string;
  readonly plan: string;
  readonly slug: string;
  readonly data: ActionMeta;
  /** Priorities that list this action. */
  readonly priorities: readonly string[];
}

/** A release's facts without its rows: enough for history tables and the catalogue. */
export interface VintageInfo {
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly rows: number;
  readonly release: Release;
  /** Figures this release added, revised and removed compared with the release before; the first release adds all its rows. */
  readonly changeCounts: ReleaseChangeCounts;
}

/** A point of the headline series (the measure's own area, no breakdown) of the current release. */
export interface HeadlinePoint {
  readonly period: string;
  readonly value: number | null;
  readonly status?: Observation['status'];
  /**
   * On the latest point with a figure only: the date of the earliest release that already held this
   * figure at this value, with no release since changing it. A figure's age runs from when it was
   * first published, not from a later release that merely carried it over.
   */
  readonly firstReleased?: string;
}

/** A measure with its plans, priorities, releases and headline figures: what every list and view of it starts from. */
export interface MeasureEntry {
  readonly slug: string;
  readonly data: MeasureMeta;
  /** Priorities ("<plan>/<slug>") the plan assigns this measure to (their `measures`). */
  readonly priorities: readonly string[];
  /** Priorities this site relates the measure to, though the plan does not (their `related_measures`). */
  readonly relatedPriorities: readonly string[];
  /** Actions ("<plan>/<slug>") listing this measure among their related measures: always the site's own links. */
  readonly actions: readonly string[];
  /** Releases, oldest first; empty when no data is published. */
  readonly vintages: readonly VintageInfo[];
  /** Headline series of the current release, oldest period first; empty without data. */
  readonly headline: readonly HeadlinePoint[];
  /** Whether the series is computed from other measures (see data.derivation). */
  readonly derived: boolean;
}

/** Everything the pages read. */
export interface PageModel {
  readonly site: Site;
  /** The date the build treated as today (YYYY-MM-DD). */
  readonly today: string;
  readonly plans: readonly PlanEntry[];
  readonly priorities: readonly PriorityEntry[];
  readonly actions: readonly ActionEntry[];
  readonly measures: readonly MeasureEntry[];
}

