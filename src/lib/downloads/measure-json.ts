/**
 * `/data/measures/<slug>.json` (paths.measureJson): one measure's metadata, the provenance of its current release and
 * that release's rows, for anyone who would rather fetch than scrape the page. Earlier releases are
 * listed (date, hash, what changed) but their rows live in the plan downloads.
 */
import type { Measure, ObservationStatus } from '../model.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { Site } from '../schemas/site.ts';
import { currentVintage, ownArea } from '../derive/series.ts';
import { jsonText } from './bytes.ts';

/** One row of the current release as published in the JSON. */
export interface MeasureJsonRow {
  readonly period: string;
  /** The publisher's label; null when the file gives none. */
  readonly period_label: string | null;
  readonly area_code: string;
  readonly area_name: string;
  /** Empty for the headline and comparator rows. */
  readonly breakdown: Readonly<Record<string, string>>;
  /** Null when suppressed. */
  readonly value: number | null;
  readonly status: ObservationStatus | null;
  readonly note: string;
  readonly source: string;
}

/** Where the current release came from. */
export interface MeasureJsonProvenance {
  readonly vintage: string;
  readonly publisher: string;
  readonly dataset: string;
  readonly url: string;
  readonly retrieved: string;
  readonly licence: string;
  readonly changes: string;
  readonly read_from: string | null;
  /** The committed CSV file and its hex SHA-256. */
  readonly file: string;
  readonly sha256: string;
}

/** The whole document. */
export interface MeasureJson {
  readonly slug: string;
  readonly title: string;
  readonly definition: string;
  readonly unit: MeasureMeta['unit'];
  readonly unit_label: string | null;
  readonly polarity: MeasureMeta['polarity'];
  /** The plans' words on which way the measure should go, with where they are: the ground of any better/worse. */
  readonly direction: MeasureMeta['direction'];
  readonly frequency: MeasureMeta['frequency'] | null;
  readonly interval_months: number | null;
  readonly thematic_area: string;
  /** The source each plan's framework names, by plan id; a plan left out names none. */
  readonly plan_sources: Readonly<Record<string, string>>;
  /** Publisher and dataset of the current release; null when no figures are held (see provenance). */
  readonly data_publisher: { readonly publisher: string; readonly dataset: string } | null;
  /** Where official figures are published while this site holds none, from the reference notes. */
  readonly official_series: MeasureMeta['official_series'] | null;
  readonly plans: readonly string[];
  /** The framework measure this one supports, when it is a supporting series. */
  readonly supports: string | null;
  readonly area: { readonly code: string; readonly name: string };
  readonly comparators: MeasureMeta['comparators'];
  readonly breakdowns: MeasureMeta['breakdowns'];
  readonly series_breaks: MeasureMeta['series_breaks'];
  readonly caveats: readonly string[];
  readonly derivation: MeasureMeta['derivation'] | null;
  readonly licence: { readonly name: string; readonly url: string };
  /** Date of the current release; null when nothing is published yet. */
  readonly vintage: string | null;
  readonly provenance: MeasureJsonProvenance | null;
  /** Every release, oldest first. */
  readonly releases: readonly { readonly vintage: string; readonly sha256: string; readonly changes: string }[];
  readonly rows: readonly MeasureJsonRow[];
}

/** The JSON document for a measure, from its current release. */
export function measureJson(measure: Pick<Measure, 'id' | 'data' | 'vintages'>, site: Site): MeasureJson {
  const { data } = measure;
  const current = currentVintage(measure);
  const area = ownArea(data, site.area);
  return {
    slug: measure.id,
    title: data.title,
    definition: data.definition,
    unit: data.unit,
    unit_label: data.unit_label ?? null,
    polarity: data.polarity,
    direction: data.direction,
    frequency: data.frequency ?? null,
    interval_months: data.interval_months ?? null,
    thematic_area: data.thematic_area,
    plan_sources: data.plan_sources,
    data_publisher: current ? { publisher: current.release.publisher, dataset: current.release.dataset } : null,
    official_series: data.official_series ?? null,
    plans: data.plans,
    supports: data.supports ?? null,
    area: { code: area.code, name: area.name },
    comparators: data.comparators,
    breakdowns: data.breakdowns,
    series_breaks: data.series_breaks,
    caveats: data.caveats,
    derivation: data.derivation ?? null,
    licence: { name: site.licence.name, url: site.licence.url },
    vintage: current?.date ?? null,
    provenance: current
      ? {
          vintage: current.date,
          publisher: current.release.publisher,
          dataset: current.release.dataset,
          url: current.release.url,
          retrieved: current.release.retrieved,
          licence: current.release.licence,
          changes: current.release.changes,
          read_from: current.release.read_from ?? null,
          file: current.file,
          sha256: current.sha256,
        }
      : null,
    releases: measure.vintages.map((v) => ({ vintage: v.date, sha256: v.sha256, changes: v.release.changes })),
    rows: (current?.rows ?? []).map((row) => ({
      period: row.period,
      period_label: row.periodLabel ?? null,
      area_code: row.areaCode,
      area_name: row.areaName,
      breakdown: row.breakdown,
      value: row.value,
      status: row.status ?? null,
      note: row.note,
      source: row.source,
    })),
  };
}

/** The document as served: pretty JSON with a final newline. */
export function measureJsonText(measure: Pick<Measure, 'id' | 'data' | 'vintages'>, site: Site): string {
  return jsonText(measureJson(measure, site));
}
