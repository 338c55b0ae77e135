/**
 * What the site publishes for download, and where: each measure's releases byte for byte and its
 * JSON (measureArtefacts), each plan's tidy CSV, data package and zip (planArtefacts; written as
 * streams by plan-stream.ts), each also at its former addresses. The data step writes them
 * (src/lib/build/data-step-pool.ts); the catalogue page lists them with size and SHA-256.
 */
import type { Measure, SiteModel } from '../schemas/model.ts';
import type { ComparisonResourceFacts } from './readme.ts';
import { paths } from '../schemas/paths.ts';
import { utf8 } from './bytes.ts';
import { mediaTypeOf, releaseFileDates, type Artefact } from './catalogue.ts';
import { measureDatasetJsonLd, planDatasetJsonLd, serializeJsonLd, type DownloadLink } from './json-ld.ts';
import { measureJsonText } from './measure-json.ts';
import { SLUG } from '../validate/redirects.ts';

/** Measures whose figures belong to a plan's download: its framework measures and their supporting series. */
export function planMeasures(model: SiteModel, planId: string): Measure[] {
  const inPlan = new Set(model.measures.filter((m) => m.data.plans.includes(planId)).map((m) => m.id));
  return model.measures
    .filter((m) => inPlan.has(m.id) || (m.data.supports !== undefined && inPlan.has(m.data.supports)))
    .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.id.localeCompare(b.id));
}

/** The comparisons of a plan's measures, in the order of its measures. */
export function planComparisons(measures: readonly Measure[], comparisons: readonly ComparisonResourceFacts[]): ComparisonResourceFacts[] {
  return measures.flatMap((m) => comparisons.filter((c) => c.slug === m.id));
}

/** A download and its copies at the former addresses `former` gives, each titled as the same file. */
export function withFormerAddresses<T extends { readonly path: string; readonly title: string }>(item: T, former: (path: string) => string[]): T[] {
  return [item, ...former(item.path).map((path) => ({ ...item, path, title: `${item.title}, at its former address (the same file as ${item.path})` }))];
}

/**
 * Former addresses of a download, from `redirect_from` of its measure or plan. A page can redirect
 * (Astro writes a meta refresh page), but a CSV, JSON or zip file cannot on a static host, and the
 * scripts and spreadsheets that fetch them follow no meta refresh: so the honest way to keep an old
 * data address working is to publish the same bytes there too.
 */
export function formerAddresses(model: Pick<SiteModel, 'measures' | 'plans'>): (path: string) => string[] {
  const measures = new Map(model.measures.map((m) => [m.id, m.data.redirect_from.filter((old) => SLUG.test(old))]));
  const plans = new Map(model.plans.map((p) => [p.id, p.data.redirect_from.filter((old) => SLUG.test(old))]));
  return (path) => {
    const measure = /^\/data\/measures\/([^/.]+)(\.csv|\.json|\/[^/]+\.csv)$/.exec(path);
    if (measure) return (measures.get(measure[1]!) ?? []).map((old) => `/data/measures/${old}${measure[2]}`);
    const plan = /^\/downloads\/([^/.]+)(\.zip|\/[^/]+)$/.exec(path);
    if (plan) return (plans.get(plan[1]!) ?? []).map((old) => `/downloads/${old}${plan[2]}`);
    return [];
  };
}

/**
 * One measure's downloads at their current addresses: its current release, every release, its JSON.
 * `model.measures` is read only for a derived measure's inputs (their current releases).
 */
export function* measureArtefacts(measure: Measure, model: Pick<SiteModel, 'site' | 'measures'>, siteUrl: string): Generator<Artefact> {
  const current = measure.vintages.at(-1);
  if (!current) return;
  yield { path: paths.measureCsv(measure.id), bytes: current.bytes, updated: current.date, title: `${measure.data.title}: current release (CSV)` };
  if (!measure.data.derivation) {
    for (const v of measure.vintages) {
      yield { path: paths.measureVintageCsv(measure.id, v.date), bytes: v.bytes, updated: v.date, title: `${measure.data.title}: release ${v.date} (CSV)`, dates: releaseFileDates(v) };
    }
  }
  yield {
    path: paths.measureJson(measure.id),
    bytes: utf8(measureJsonText(measure, model.site, { siteRoot: siteUrl, measures: model.measures })),
    updated: current.date,
    title: `${measure.data.title}: metadata and current series (JSON)`,
  };
}

/** A plan's downloads without their bytes, in the order they are listed: its tidy CSV, its data package and its zip. */
export function planArtefacts(plan: Pick<SiteModel['plans'][number], 'id' | 'data'>, updated: string): Omit<Artefact, 'bytes'>[] {
  return [
    { path: paths.planCsv(plan.id), updated, title: `${plan.data.title}: all measures (CSV)` },
    { path: paths.planDatapackage(plan.id), updated, title: `${plan.data.title}: Frictionless Data Package` },
    { path: paths.planZip(plan.id), updated, title: `${plan.data.title}: data, data package, README and checksums (zip)` },
  ];
}

/** The date a plan's downloads were last updated: its measures' newest release; undefined when none has figures (no downloads). */
export function planUpdated(measures: readonly Pick<Measure, 'vintages'>[]): string | undefined {
  return measures.flatMap((m) => m.vintages.map((v) => v.date)).sort().at(-1);
}

/** Absolute address of a plan's download page, cited inside its README. */
export function planPageUrl(planId: string, siteUrl: string): string {
  return new URL(paths.downloads(planId).replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * Serialised schema.org Dataset JSON-LD for each measure page and each plan's download page, keyed
 * by page path; computed with the artefacts because it lists them.
 */
export function buildJsonLd(model: SiteModel, artefacts: readonly Pick<Artefact, 'path' | 'title'>[], siteUrl: string): Record<string, string> {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), root).href;
  const links = (keep: (path: string) => boolean) =>
    artefacts
      .filter((a) => keep(a.path))
      .map((a) => ({ contentUrl: absolute(a.path), encodingFormat: mediaTypeOf(a.path), name: a.title }));
  // Each measure's own files (its CSV, its JSON and its release folder), grouped in one pass: filtering
  // every artefact for every measure is quadratic, and a large partnership has thousands of both.
  const ownFile = new Map(model.measures.flatMap((m) => [[paths.measureCsv(m.id), m.id] as const, [paths.measureJson(m.id), m.id] as const]));
  const byMeasure = new Map<string, DownloadLink[]>();
  for (const a of artefacts) {
    const folder = /^\/data\/measures\/([^/]+)\//.exec(a.path)?.[1];
    const owner = ownFile.get(a.path) ?? folder;
    if (owner === undefined) continue;
    const list = byMeasure.get(owner) ?? [];
    list.push({ contentUrl: absolute(a.path), encodingFormat: mediaTypeOf(a.path), name: a.title });
    byMeasure.set(owner, list);
  }
  const out: Record<string, string> = {};
  for (const measure of model.measures) {
    if (measure.vintages.length === 0) continue;
    const page = paths.measure(measure.id);
    const downloads = byMeasure.get(measure.id) ?? [];
    out[page] = serializeJsonLd(measureDatasetJsonLd({ measure, site: model.site, pageUrl: absolute(page), downloads }));
  }
  for (const plan of model.plans) {
    const measures = planMeasures(model, plan.id).filter((m) => m.vintages.length > 0);
    if (measures.length === 0) continue;
    const page = paths.downloads(plan.id);
    const downloads = links((path) => path.startsWith(`/downloads/${plan.id}/`) || path === paths.planZip(plan.id));
    out[page] = serializeJsonLd(planDatasetJsonLd({ plan, measures, site: model.site, pageUrl: absolute(page), downloads }));
  }
  return out;
}
