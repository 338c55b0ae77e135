/**
 * The validated data model: what the pipeline hands to derivations, charts, downloads and pages.
 * Types only; the readers in src/lib/read build these values and the validators check them.
 */
import type { ActionMeta } from './action.ts';
import type { MeasureMeta } from './measure.ts';
import type { PlanMeta } from './plan.ts';
import type { PriorityMeta } from './priority.ts';
import type { Release } from './release.ts';
import type { Site } from './site.ts';

import type { ObservationStatus } from './csv-contract.ts';

export type { ObservationStatus };

/** One row of a measure's CSV file after validation. */
export interface Observation {
  /** The period cell as written, e.g. "2023-24" or "2024-07-01/2025-06-30". */
  readonly period: string;
  /**
   * First day of the period, YYYY-MM-DD (UTC), worked out once by the validator so nothing later
   * parses the text again; "" only in a measure with no frequency, which never passes validation.
   */
  readonly periodStart: string;
  /** First day after the period, YYYY-MM-DD: exclusive, as period.ts's `end`, so spans add up. */
  readonly periodEnd: string;
  /** The period as the publisher labelled it, e.g. "year ending June 2025", when the file gives one. */
  readonly periodLabel?: string;
  /** ONS code of the area; the measure's own area when the file leaves it out. */
  readonly areaCode: string;
  /** Name of the area; the measure's own area name when the file leaves it out. */
  readonly areaName: string;
  /** Breakdown column values, e.g. { age_band: "18-24" }; empty for the headline series. */
  readonly breakdown: Readonly<Record<string, string>>;
  /** The figure; null exactly when the row is suppressed. */
  readonly value: number | null;
  /** Decimal places of the value as written in the file ("117.700" has 3); absent for a whole number or a suppressed row. */
  readonly decimals?: number;
  readonly status?: ObservationStatus;
  /** Free-text note from the file ("" when none). Untrusted text: always escape when rendering. */
  readonly note: string;
  /** Table or file the row was read from, when the file gives one ("" when none). */
  readonly source: string;
  /** 1-based line of the row in its file (the header is line 1). */
  readonly line: number;
}

/** One published release of a measure: a whole series as published on one day. */
export interface Vintage {
  /** Release date, YYYY-MM-DD: the CSV file name without ".csv". */
  readonly date: string;
  /** Path relative to the project root. */
  readonly file: string;
  /** The committed bytes, served unchanged as the download. */
  readonly bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`. */
  readonly sha256: string;
  /** Header columns as written. */
  readonly columns: readonly string[];
  readonly rows: readonly Observation[];
  /** Provenance from releases.yaml. */
  readonly release: Release;
}

/** A content entry: validated frontmatter plus where it came from. */
export interface Entry<T> {
  /** Slug (measures) or "<plan>/<slug>" (priorities, actions) or plan id (plans). */
  readonly id: string;
  /** Path relative to the project root. */
  readonly file: string;
  readonly data: T;
}

export interface Plan extends Entry<PlanMeta> {}
export interface Priority extends Entry<PriorityMeta> {
  readonly plan: string;
  readonly slug: string;
}
export interface Action extends Entry<ActionMeta> {
  readonly plan: string;
  readonly slug: string;
}
export interface Measure extends Entry<MeasureMeta> {
  /** Releases, oldest first; empty when no data is published yet. */
  readonly vintages: readonly Vintage[];
}

/** Everything the site is built from, after validation. */
export interface SiteModel {
  readonly site: Site;
  readonly plans: readonly Plan[];
  readonly priorities: readonly Priority[];
  readonly actions: readonly Action[];
  readonly measures: readonly Measure[];
}
