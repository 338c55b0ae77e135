/**
 * One worker of the view pool (pool.ts): builds and writes the views of its slice of measures from
 * what the data step wrote to .generated/ (the page model and each measure's releases with rows),
 * and sends back their plan targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Measure } from '../model.ts';
import type { MeasureDetail, PageModel } from '../page-model.ts';
import type { ViewSlice } from './pool.ts';
import { modelIndex } from './measure.ts';
import { writeMeasureViews } from './write.ts';

const { generated, slugs, siteRoot } = workerData as ViewSlice;
const page = JSON.parse(readFileSync(join(generated, 'model.json'), 'utf8')) as PageModel;
const index = modelIndex(page);
const targets = slugs.map((slug) => {
  const detail = JSON.parse(readFileSync(join(generated, 'measures', `${slug}.json`), 'utf8')) as MeasureDetail;
  return [slug, writeMeasureViews(generated, index, measureFromDetail(index.measure(slug).data, detail), siteRoot)] as const;
});
parentPort!.postMessage(targets);

/** The measure as the data step had it, from its detail file (without the CSV bytes, which views never use). */
function measureFromDetail(data: Measure['data'], detail: MeasureDetail): Measure {
  return {
    id: detail.slug,
    file: `content/measures/${detail.slug}.md`,
    data,
    vintages: detail.vintages.map((v) => ({
      date: v.date,
      file: v.file,
      bytes: new Uint8Array(),
      sha256: v.sha256,
      columns: v.columns,
      rows: v.observations,
      release: v.release,
    })),
  };
}
