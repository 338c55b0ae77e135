/**
 * One worker of the data step's measure pool (pool.ts). For each of its measures in turn it reads
 * and validates the data folder and, when the content is valid, writes from those rows the
 * measure's views, downloads and parts of the plans' tidy CSVs, then lets the rows go: no thread
 * holds every row, and no row is written out to be read back. It replies once, with each measure's
 * problems, page-model facts and plan targets, and the downloads it wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { chartCounts } from '../charts/kinds/kind.ts';
import { measureFacts } from '../derive/build-model.ts';
import { seriesCounts } from '../derive/series.ts';
import { formerAddresses, measureArtefacts } from '../downloads/artefacts.ts';
import type { StoredArtefact } from '../downloads/catalogue.ts';
import { writeReleaseZipPart, type ReleaseZipPart } from '../downloads/plan-stream.ts';
import { tidyMeasureBytes } from '../downloads/tidy.ts';
import type { Measure } from '../schemas/model.ts';
import type { MeasureEntry } from '../derive/page-model.ts';
import { readMeasureFolder } from './load-site.ts';
import { recordCounts, type ModelIndex } from '../views/record.ts';
import { lightMeasure, releasePartFile, tidyPartFile, writeArtefacts, type MeasuresDone, type PoolSlice } from './data-step-pool.ts';
import { writeMeasureViews } from './write-views.ts';

const slice = workerData as PoolSlice;
const area = { name: slice.site.area.name, code: slice.site.area.code };
const skeleton = slice.output && new Map(slice.output.page.measures.map((m) => [m.slug, m]));

const done: MeasuresDone = { diagnostics: [], measures: [], csvParses: 0, charts: { geometries: 0, drawn: 0, previewFits: 0, headlineSeries: 0, releases: 0, records: 0 } };
let releases = 0;
for (const entry of slice.entries) {
  const { measure, diagnostics, csvParses } = readMeasureFolder(slice.root, entry, slice.folders.includes(entry.id), slice.site, slice.today);
  done.diagnostics.push(...diagnostics);
  done.csvParses += csvParses;
  releases += measure.vintages.length;
  const facts = measureFacts(measure, area);
  // A derived measure's release is computed by the pool's owner, which writes its views and files;
  // nothing is written for a measure with problems (the build stops, and its folder is removed).
  const written = slice.output && diagnostics.length === 0 && !measure.data.derivation ? writeMeasure(measure, facts) : undefined;
  // A measure a derivation uses goes back whole: the derived series is computed from its rows.
  const whole = slice.derivationInputs.includes(entry.id);
  done.measures.push({ measure: whole ? measure : lightMeasure(measure), facts, ...written });
}
// This thread's charts are all its measures' (the counts start at zero with the thread).
done.charts = { ...chartCounts, headlineSeries: seriesCounts.headlines, releases, records: recordCounts.built };
parentPort!.postMessage(done);

/** Writes one measure's views, downloads, tidy parts and deflated releases; its plan targets and what was written. */
function writeMeasure(
  measure: Measure,
  facts: Pick<MeasureEntry, 'vintages' | 'headline'>,
): { planTargets: MeasuresDone['measures'][number]['planTargets']; artefacts: StoredArtefact[]; releases: ReleaseZipPart[] } {
  const output = slice.output!;
  const { page, plans } = output;
  // The page model holds every measure's facts only once all are read; a measure's own views need
  // its own facts alone (a derived measure's, its inputs': those are written by the pool's owner).
  const view: MeasureEntry = { ...skeleton!.get(measure.id)!, ...facts };
  const index: ModelIndex = {
    model: page,
    measure: (slug) => {
      if (slug === measure.id) return view;
      throw new Error(`the views of "${measure.id}" asked for another measure's facts ("${slug}"), which its worker does not have`);
    },
  };
  const planTargets = writeMeasureViews(output.generated, index, measure, output.siteRoot);
  // Plans with the same breakdown columns get the same lines: written once per set of columns.
  const parts = new Map<string, Buffer>();
  for (const plan of plans) {
    if (!plan.slugs.includes(measure.id)) continue;
    const key = plan.breakdowns.join('\u0000');
    const bytes = parts.get(key) ?? tidyMeasureBytes(measure, plan.breakdowns);
    parts.set(key, bytes);
    writeFileSync(tidyPartFile(output.generated, plan.id, measure.id), bytes);
  }
  // Its release files go into the zip of every plan that holds it, deflated once here.
  const releases: ReleaseZipPart[] = [];
  if (parts.size > 0) {
    for (const vintage of measure.vintages) {
      const file = releasePartFile(output.generated, measure.id, vintage.date);
      mkdirSync(dirname(file), { recursive: true });
      releases.push(writeReleaseZipPart(measure.id, vintage, file));
    }
  }
  const artefacts = writeArtefacts(measureArtefacts(measure, { site: slice.site, measures: [] }, output.siteRoot), formerAddresses({ measures: [measure], plans: [] }), output.downloads);
  return { planTargets, artefacts, releases };
}
