/**
 * Every downloadable file the site publishes, built in memory from the validated model: each
 * measure's releases byte for byte, its JSON, and each plan's tidy CSV, data package and zip.
 * The build writes them into the site; the catalogue page lists them with size and SHA-256.
 */
import type { Measure, SiteModel } from '../model.ts';
import { paths } from '../paths.ts';
import { utf8 } from './bytes.ts';
import { mediaTypeOf, type Artefact } from './catalogue.ts';
import { measureDatasetJsonLd, planDatasetJsonLd, serializeJsonLd } from './json-ld.ts';
import { measureJsonText } from './measure-json.ts';
import { planZip } from './zip.ts';

/** Measures whose figures belong to a plan's download: its framework measures and their supporting series. */
export function planMeasures(model: SiteModel, planId: string): Measure[] {
  const inPlan = new Set(model.measures.filter((m) => m.data.plans.includes(planId)).map((m) => m.id));
  return model.measures
    .filter((m) => inPlan.has(m.id) || (m.data.supports !== undefined && inPlan.has(m.data.supports)))
    .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.id.localeCompare(b.id));
}

/** All downloads; `siteUrl` is the absolute address of the site root (for citations inside files). */
export function buildArtefacts(model: SiteModel, siteUrl: string): Artefact[] {
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  const artefacts: Artefact[] = [];
  for (const measure of model.measures) {
    const current = measure.vintages.at(-1);
    if (!current) continue;
    artefacts.push({ path: paths.measureCsv(measure.id), bytes: current.bytes, updated: current.date, title: `${measure.data.title}: current release (CSV)` });
    if (!measure.data.derivation) {
      for (const v of measure.vintages) {
        artefacts.push({ path: paths.measureVintageCsv(measure.id, v.date), bytes: v.bytes, updated: v.date, title: `${measure.data.title}: release ${v.date} (CSV)` });
      }
    }
    artefacts.push({
      path: paths.measureJson(measure.id),
      bytes: utf8(measureJsonText(measure, model.site)),
      updated: current.date,
      title: `${measure.data.title}: metadata and current series (JSON)`,
    });
  }
  for (const plan of model.plans) {
    const measures = planMeasures(model, plan.id);
    const updated = measures.flatMap((m) => m.vintages.map((v) => v.date)).sort().at(-1);
    if (!updated) continue;
    const zip = planZip({ plan, measures, site: model.site, pageUrl: absolute(paths.downloads(plan.id)) });
    const file = (name: string) => zip.files.find((f) => f.name === name)!.bytes;
    artefacts.push(
      { path: paths.planCsv(plan.id), bytes: file('data.csv'), updated, title: `${plan.data.title}: all measures (CSV)` },
      { path: paths.planDatapackage(plan.id), bytes: file('datapackage.json'), updated, title: `${plan.data.title}: Frictionless Data Package` },
      { path: paths.planZip(plan.id), bytes: zip.bytes, updated, title: `${plan.data.title}: data, data package, README and checksums (zip)` },
    );
  }
  return artefacts;
}

/**
 * Serialised schema.org Dataset JSON-LD for each measure page and each plan's download page, keyed
 * by page path; computed with the artefacts because it lists them.
 */
export function buildJsonLd(model: SiteModel, artefacts: readonly Artefact[], siteUrl: string): Record<string, string> {
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const absolute = (path: string) => new URL(path.replace(/^\//, ''), root).href;
  const links = (keep: (path: string) => boolean) =>
    artefacts
      .filter((a) => keep(a.path))
      .map((a) => ({ contentUrl: absolute(a.path), encodingFormat: mediaTypeOf(a.path), name: a.title }));
  const out: Record<string, string> = {};
  for (const measure of model.measures) {
    if (measure.vintages.length === 0) continue;
    const page = paths.measure(measure.id);
    const own = [paths.measureCsv(measure.id), paths.measureJson(measure.id)];
    const downloads = links((path) => own.includes(path) || path.startsWith(`/data/measures/${measure.id}/`));
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
