/** The data step's child process (see data-step.ts): runs the step on what the build sends it. */
import { reportDiagnostics } from '../format/diagnostics.ts';
import { prepareDataInPool } from './data-step-pool.ts';
import { serveStep } from './child-step.ts';
import { downloadsDir, type DataStepInput, type DataStepResult } from './data-step.ts';

/** The data step itself: validates, then writes on the pool; prints the problems when it refuses. */
export async function dataStep({ root, generated, day, siteRoot }: DataStepInput): Promise<DataStepResult> {
  const pooled = await prepareDataInPool(root, generated, day, siteRoot, downloadsDir(generated));
  if (!pooled.artefacts) {
    reportDiagnostics(pooled.diagnostics, console.error);
    return { csvParses: pooled.csvParses, charts: pooled.charts };
  }
  return { artefacts: pooled.artefacts, csvParses: pooled.csvParses, charts: pooled.charts };
}

if (import.meta.main) serveStep(dataStep);
