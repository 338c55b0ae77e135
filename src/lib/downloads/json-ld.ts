/**
 * schema.org Dataset descriptions for measure pages and plan download pages, so dataset search
 * engines index the figures with their licence, coverage and sources. Text from content and data
 * files reaches these objects: serializeJsonLd makes it safe inside a <script> element.
 */
import type { Measure, Plan } from '../schemas/model.ts';
import type { Period } from '../schemas/period.ts';
import type { Site } from '../schemas/site.ts';
import { currentVintage, observationPeriod, ownArea } from '../derive/series.ts';
import { newestVintageDate } from './datapackage.ts';

/** A file the Dataset is offered as. */
export interface DataDownload {
  readonly '@type': 'DataDownload';
  /** Media type, e.g. "text/csv". */
  readonly encodingFormat: string;
  /** Absolute address of the file. */
  readonly contentUrl: string;
  readonly name?: string;
}

/** A place named in spatialCoverage. */
export interface Place {
  readonly '@type': 'Place';
  readonly name: string;
  /** The ONS code, as a PropertyValue so it is machine-readable. */
  readonly identifier: { readonly '@type': 'PropertyValue'; readonly propertyID: 'ONS GSS code'; readonly value: string };
}

/** A schema.org Dataset object, ready for serializeJsonLd. */
export interface DatasetJsonLd {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'Dataset';
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly license: string;
  readonly isAccessibleForFree: true;
  readonly creator: { readonly '@type': 'Organization'; readonly name: string };
  readonly publisher: { readonly '@type': 'Organization'; readonly name: string };
  readonly temporalCoverage?: string;
  readonly spatialCoverage: Place | readonly Place[];
  readonly distribution: readonly DataDownload[];
  readonly dateModified?: string;
  readonly isBasedOn: readonly string[];
  readonly keywords: readonly string[];
}

/** A download offered on the page, by absolute address. */
export interface DownloadLink {
  readonly contentUrl: string;
  readonly encodingFormat: string;
  readonly name?: string;
}

type MeasureInput = Pick<Measure, 'id' | 'data' | 'vintages'>;

/** ISO 8601 interval from the first day of the earliest period to the last day of the latest; undefined for none. */
export function temporalCoverage(periods: readonly Period[]): string | undefined {
  if (periods.length === 0) return undefined;
  // One pass, no spread: a plan's download covers every row of every measure (hundreds of thousands
  // of periods for a large partnership), too many for Math.max(...) or a sort.
  let first = Infinity;
  let end = -Infinity;
  for (const p of periods) {
    first = Math.min(first, p.start.getTime());
    end = Math.max(end, p.end.getTime());
  }
  // Period ends are exclusive; people and search engines read an interval's end as its last day.
  const last = new Date(end - 86_400_000);
  return `${new Date(first).toISOString().slice(0, 10)}/${last.toISOString().slice(0, 10)}`;
}

/** Periods of every row in a measure's current release that parse in its frequency. */
function currentPeriods(measure: MeasureInput): Period[] {
  return (currentVintage(measure)?.rows ?? []).flatMap((r) => observationPeriod(measure.data, r) ?? []);
}

function place(area: { code: string; name: string }): Place {
  return { '@type': 'Place', name: area.name, identifier: { '@type': 'PropertyValue', propertyID: 'ONS GSS code', value: area.code } };
}

function organisation(site: Site) {
  return { '@type': 'Organization' as const, name: site.partnership };
}

/** Source addresses of every release, without repeats, in order of first appearance. */
function sourceUrls(measures: readonly MeasureInput[]): string[] {
  return [...new Set(measures.flatMap((m) => m.vintages.map((v) => v.release.url)))];
}

function distribution(links: readonly DownloadLink[]): DataDownload[] {
  return links.map((l) => ({ '@type': 'DataDownload', encodingFormat: l.encodingFormat, contentUrl: l.contentUrl, ...(l.name === undefined ? {} : { name: l.name }) }));
}

/** The Dataset for a measure page. */
export function measureDatasetJsonLd(input: { measure: MeasureInput; site: Site; pageUrl: string; downloads: readonly DownloadLink[] }): DatasetJsonLd {
  const { measure, site } = input;
  const coverage = temporalCoverage(currentPeriods(measure));
  const modified = currentVintage(measure)?.date;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `${measure.data.title}: ${ownArea(measure.data, site.area).name}`,
    description: [measure.data.definition, ...measure.data.caveats].join(' '),
    url: input.pageUrl,
    license: site.licence.url,
    isAccessibleForFree: true,
    creator: organisation(site),
    publisher: organisation(site),
    ...(coverage === undefined ? {} : { temporalCoverage: coverage }),
    spatialCoverage: place(ownArea(measure.data, site.area)),
    distribution: distribution(input.downloads),
    ...(modified === undefined ? {} : { dateModified: modified }),
    isBasedOn: sourceUrls([measure]),
    keywords: [measure.data.thematic_area, 'community safety'],
  };
}

/** The Dataset for a plan's download page: all its measures together. */
export function planDatasetJsonLd(input: {
  plan: Pick<Plan, 'id' | 'data'>;
  measures: readonly MeasureInput[];
  site: Site;
  pageUrl: string;
  downloads: readonly DownloadLink[];
}): DatasetJsonLd {
  const { plan, measures, site } = input;
  const coverage = temporalCoverage(measures.flatMap(currentPeriods));
  const modified = newestVintageDate(measures);
  const areas = new Map(measures.map((m) => ownArea(m.data, site.area)).map((a) => [a.code, a]));
  if (areas.size === 0) areas.set(site.area.code, site.area);
  const places = [...areas.values()].map(place);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `${plan.data.title}: performance measures`,
    description: plan.data.summary,
    url: input.pageUrl,
    license: site.licence.url,
    isAccessibleForFree: true,
    creator: organisation(site),
    publisher: organisation(site),
    ...(coverage === undefined ? {} : { temporalCoverage: coverage }),
    spatialCoverage: places.length === 1 ? places[0]! : places,
    distribution: distribution(input.downloads),
    ...(modified === undefined ? {} : { dateModified: modified }),
    isBasedOn: sourceUrls(measures),
    keywords: [...new Set(measures.map((m) => m.data.thematic_area)), 'community safety'],
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. <, > and & are written as \u003c, \u003e
 * and \u0026 so no text (a note holding "</script>") can close the element or open a comment;
 * U+2028 and U+2029 are escaped because older JavaScript parsers treat them as line ends.
 * The result is still valid JSON and parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
