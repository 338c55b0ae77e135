/**
 * A plan's three downloads written by the site's own writer (plan-stream.ts) from measures held in
 * memory, as the data step writes them from its workers' parts: for tests of what the files hold.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePlanDownloads, writeReleaseZipPart } from '../../src/lib/downloads/plan-stream.ts';
import type { PlanReadmeInput } from '../../src/lib/downloads/readme.ts';
import { breakdownColumns, tidyMeasureBytes } from '../../src/lib/downloads/tidy.ts';

/** The bytes of a plan's data.csv, datapackage.json and zip. */
export interface PlanFiles {
  readonly csv: Buffer;
  readonly datapackage: Buffer;
  readonly zip: Buffer;
}

/** Writes the plan's downloads in a temporary folder and returns their bytes. */
export async function planFiles(input: PlanReadmeInput): Promise<PlanFiles> {
  const work = mkdtempSync(join(tmpdir(), 'snd-plan-files-'));
  try {
    const breakdowns = breakdownColumns(input.measures);
    const parts = input.measures.map((measure, i) => {
      const file = join(work, `part-${i}.csv`);
      writeFileSync(file, tidyMeasureBytes(measure, breakdowns));
      return file;
    });
    const releases = input.measures.flatMap((measure, i) =>
      measure.data.derivation ? [] : measure.vintages.map((vintage, k) => {
        const folder = join(work, `releases-${i}`);
        mkdirSync(folder, { recursive: true });
        return writeReleaseZipPart(measure.id, vintage, join(folder, `${k}.deflated`));
      }),
    );
    const files = { csvFile: join(work, 'data.csv'), datapackageFile: join(work, 'datapackage.json'), zipFile: join(work, 'plan.zip') };
    await writePlanDownloads({ ...input, breakdowns, parts, releases, ...files });
    return { csv: readFileSync(files.csvFile), datapackage: readFileSync(files.datapackageFile), zip: readFileSync(files.zipFile) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
