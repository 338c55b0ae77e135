/**
 * `/data/measures/<slug>.json` (paths.measureJson): one measure's metadata, the provenance of its current release and
 * that release's rows, for anyone who would rather fetch than scrape the page. Earlier releases are
 * listed (date, hash, what changed, the address of their file) but their rows live in the plan downloads.
 * Every address it gives is a file the site serves: a derived measure has no release files of its
 * own, so it lists none, and points instead to the input releases it was computed from.
 */
import type { Measure, ObservationStatus } from '../schemas/model.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { Site } from '../schemas/site.ts';
import { currentVintage, ownArea } from '../derive/series.ts';
import { paths } from '../schemas/paths.ts';
import { compactJsonText } from './bytes.ts';

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
  /** Address of the current series as CSV (/data/measures/<slug>.csv); null when nothing is published yet. */
  readonly csv: string | null;
  readonly provenance: MeasureJsonProvenance | null;
  /** Every release with its own file, oldest first; empty for a derived measure (see derived_from). */
  readonly releases: readonly MeasureJsonRelease[];
  /** For a derived measure, the input releases its current series was computed from; null otherwise. */
  readonly derived_from: readonly MeasureJsonInput[] | null;
  readonly rows: readonly MeasureJsonRow[];
}

/** One release of the measure's own figures. */
export interface MeasureJsonRelease {
  readonly vintage: string;
  readonly sha256: string;
  readonly changes: string;
  /** Address of the release's CSV file, byte for byte as committed. */
  readonly csv: string;
}

/** One term of a derived measure: the input measure and the release of it that was used. */
export interface MeasureJsonInput {
  readonly measure: string;
  readonly sign: '+' | '-';
  /** The input's current release; null when it has none (then no series could be computed). */
  readonly vintage: string | null;
  /** Address of that release's CSV file; null when it has none. */
  readonly csv: string | null;
  /** Address of the input measure's own JSON; null when it has no release. */
  readonly json: string | null;
}

/** How the document addresses the site's files. */
export interface MeasureJsonLinks {
  /** Absolute address of the site root, e.g. "https://example.github.io/snd/" (deployment.ts siteRoot()); "/" gives site paths. */
  readonly siteRoot: string;
  /** Every measure, to find a derived measure's inputs. */
  readonly measures: readonly Pick<Measure, 'id' | 'vintages'>[];
}

const SITE_PATHS: MeasureJsonLinks = { siteRoot: '/', measures: [] };

/** Each list of measures indexed once, not once per measure's document (which made a large site's downloads quadratic). */
const indexes = new WeakMap<readonly Pick<Measure, 'id' | 'vintages'>[], ReadonlyMap<string, Pick<Measure, 'id' | 'vintages'>>>();

function measuresById(list: readonly Pick<Measure, 'id' | 'vintages'>[]): ReadonlyMap<string, Pick<Measure, 'id' | 'vintages'>> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((m) => [m.id, m]));
    indexes.set(list, index);
  }
  return index;
}

/** The JSON document for a measure, from its current release. */
export function measureJson(measure: Pick<Measure, 'id' | 'data' | 'vintages'>, site: Site, links: MeasureJsonLinks = SITE_PATHS): MeasureJson {
  const { data } = measure;
  const current = currentVintage(measure);
  const area = ownArea(data, site.area);
  const address = (path: string) => addressUnder(links.siteRoot, path);
  const measures = measuresById(links.measures);
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
    csv: current ? address(paths.measureCsv(measure.id)) : null,
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
    // A derived measure's one computed "release" has no file of its own: only its current CSV is served.
    releases: data.derivation
      ? []
      : measure.vintages.map((v) => ({ vintage: v.date, sha256: v.sha256, changes: v.release.changes, csv: address(paths.measureVintageCsv(measure.id, v.date)) })),
    derived_from: data.derivation
      ? data.derivation.terms.map((term) => {
          const input = measures.get(term.measure)?.vintages.at(-1);
          return {
            measure: term.measure,
            sign: term.sign,
            vintage: input?.date ?? null,
            csv: input ? address(paths.measureVintageCsv(term.measure, input.date)) : null,
            json: input ? address(paths.measureJson(term.measure)) : null,
          };
        })
      : null,
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

/** The document as served: compact JSON with a final newline (indentation doubled its size on a long series). */
export function measureJsonText(measure: Pick<Measure, 'id' | 'data' | 'vintages'>, site: Site, links: MeasureJsonLinks = SITE_PATHS): string {
  return compactJsonText(measureJson(measure, site, links));
}

/** `path` under the site root: absolute when the root is, else a site path. */
function addressUnder(siteRoot: string, path: string): string {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  return /^[a-z][a-z0-9+.-]*:/i.test(root) ? new URL(path.replace(/^\//, ''), root).href : `${root}${path.replace(/^\//, '')}`;
}
