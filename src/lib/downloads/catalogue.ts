/**
 * The catalogue of every downloadable file: what it is, how big, when its data last changed, its
 * licence and SHA-256, so people (and scripts) can tell whether a file changed without fetching it.
 */
import { csvText, defuseFormula } from '../format/csv.ts';
import { sha256Hex } from '../format/sha256.ts';

/** Where the whole catalogue is published as CSV and JSON: every file at once, while the catalogue page is paged. */
export const CATALOGUE_CSV_PATH = '/data/catalogue.csv';
export const CATALOGUE_JSON_PATH = '/data/catalogue.json';

/** A built file offered for download. */
export interface Artefact {
  /** URL path from the site root, e.g. "/data/measures/knife-crime.json". */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Date (YYYY-MM-DD) of the newest release the file holds. */
  readonly updated: string;
  readonly title: string;
  /** A release file's two dates (issue 22): the publisher's release date where cited, and the day the file appeared on this site. */
  readonly dates?: ReleaseFileDates;
}

/** When a release file was released by its publisher (where a release date is cited) and when it appeared on this site. */
export interface ReleaseFileDates {
  /** YYYY-MM-DD: the publisher's release date; absent when releases.yaml cites none. */
  readonly publisherReleased?: string;
  /** YYYY-MM-DD: the day the file was added to this site. */
  readonly onSiteSince: string;
}

/**
 * A release's two dates from its releases.yaml entry: with a cited `release_date` the vintage is the
 * publisher's date and the file was added on the day its figures were retrieved for this site;
 * without one, the vintage is the day it was published here.
 */
export function releaseFileDates(vintage: { readonly date: string; readonly release: { readonly retrieved: string; readonly release_date?: unknown } }): ReleaseFileDates {
  return vintage.release.release_date !== undefined
    ? { publisherReleased: vintage.date, onSiteSince: vintage.release.retrieved }
    : { onSiteSince: vintage.date };
}

/** An artefact already written to disk: its size and hash instead of its bytes. */
export interface StoredArtefact {
  readonly path: string;
  readonly updated: string;
  readonly title: string;
  /** Size in bytes. */
  readonly size: number;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly dates?: ReleaseFileDates;
}

/** What the catalogue needs of an artefact, without keeping its bytes. */
export function storedArtefact(a: Artefact): StoredArtefact {
  return { path: a.path, updated: a.updated, title: a.title, size: a.bytes.byteLength, sha256: sha256Hex(a.bytes), ...(a.dates ? { dates: a.dates } : {}) };
}

/** One catalogue entry. */
export interface CatalogueEntry {
  readonly path: string;
  readonly title: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly updated: string;
  readonly licence: { readonly name: string; readonly url: string };
  readonly sha256: string;
  readonly dates?: ReleaseFileDates;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  json: 'application/json',
  jsonld: 'application/ld+json',
  zip: 'application/zip',
  txt: 'text/plain',
};

/** Media type from the file extension; refuses an extension the catalogue does not know, so none is served mislabelled. */
export function mediaTypeOf(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const type = MEDIA_TYPES[extension];
  if (!type) throw new Error(`no media type known for ${path}`);
  return type;
}

/** Catalogue entries for the artefacts, sorted by path so the catalogue is stable. */
export function catalogue(artefacts: readonly (Artefact | StoredArtefact)[], licence: { name: string; url: string }): CatalogueEntry[] {
  const seen = new Set<string>();
  for (const a of artefacts) {
    if (seen.has(a.path)) throw new Error(`two downloads share the path ${a.path}`);
    seen.add(a.path);
  }
  return [...artefacts]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((a) => {
      const stored = 'bytes' in a ? storedArtefact(a) : a;
      return {
        path: a.path,
        title: a.title,
        mediaType: mediaTypeOf(a.path),
        bytes: stored.size,
        updated: a.updated,
        licence: { name: licence.name, url: licence.url },
        sha256: stored.sha256,
        ...(a.dates ? { dates: a.dates } : {}),
      };
    });
}

/** The catalogue as CSV, for spreadsheet users. */
export function catalogueCsv(entries: readonly CatalogueEntry[]): string {
  // The two release dates come last, so scripts reading the earlier columns by position still work.
  const header = ['path', 'title', 'media_type', 'bytes', 'updated', 'licence', 'licence_url', 'sha256', 'publisher_released', 'on_site_since'];
  const rows = entries.map((e) =>
    [e.path, e.title, e.mediaType, String(e.bytes), e.updated, e.licence.name, e.licence.url, e.sha256, e.dates?.publisherReleased ?? '', e.dates?.onSiteSince ?? ''].map(defuseFormula),
  );
  return csvText([header, ...rows]);
}

/** A measure's files in the catalogue: the current ones first, its earlier releases apart, newest first. */
export interface MeasureFiles {
  readonly slug: string;
  /** The current CSV, the JSON and the newest release, in that order (those that exist). */
  readonly current: readonly CatalogueEntry[];
  /** Every earlier release, newest first. */
  readonly earlier: readonly CatalogueEntry[];
}

const MEASURE_FILE = /^\/data\/measures\/([^/]+?)(?:\.csv|\.json|\/(\d{4}-\d{2}-\d{2})\.csv)$/;

/** Groups the catalogue's measure files (/data/measures/...) by measure, in slug order; other entries are left out. */
export function measureFiles(entries: readonly CatalogueEntry[]): MeasureFiles[] {
  const bySlug = new Map<string, { latest: CatalogueEntry[]; releases: { date: string; entry: CatalogueEntry }[] }>();
  for (const entry of entries) {
    const match = MEASURE_FILE.exec(entry.path);
    if (!match) continue;
    const group = bySlug.get(match[1]!) ?? { latest: [], releases: [] };
    bySlug.set(match[1]!, group);
    if (match[2]) group.releases.push({ date: match[2], entry });
    else group.latest.push(entry);
  }
  return [...bySlug.keys()].sort().map((slug) => {
    const { latest, releases } = bySlug.get(slug)!;
    const newestFirst = releases.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).map((r) => r.entry);
    // The current CSV before the JSON, whatever order the entries came in.
    const ordered = latest.sort((a, b) => (a.path.endsWith('.csv') === b.path.endsWith('.csv') ? 0 : a.path.endsWith('.csv') ? -1 : 1));
    return { slug, current: [...ordered, ...newestFirst.slice(0, 1)], earlier: newestFirst.slice(1) };
  });
}
