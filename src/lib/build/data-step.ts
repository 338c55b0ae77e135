/**
 * The build's data step in a child process of its own (child-step.ts, data-step-child.ts): validate
 * content and data, then write the page model, every page's view and every download below the
 * generated folder, on a pool of worker threads (src/lib/build/data-step-pool.ts). Problems are printed by
 * the child, as `npm run validate` prints them; the parent learns only that the step refused.
 */
import { join } from 'node:path';
import type { ChartCounts } from '../charts/kinds/kind.ts';
import type { StoredArtefact } from '../downloads/catalogue.ts';
import { runStepInChild } from './child-step.ts';

/** Where the data step writes the downloads, below the generated folder; the build moves them into the site. */
export function downloadsDir(generated: string): string {
  return join(generated, 'downloads');
}

/** What the data step is given. */
export interface DataStepInput {
  readonly root: string;
  readonly generated: string;
  /** The build's date, YYYY-MM-DD. */
  readonly day: string;
  /** The public address absolute links are written with. */
  readonly siteRoot: string;
}

/** What the data step did: the downloads it wrote (none when it refused) and the CSV files it parsed. */
export interface DataStepResult {
  readonly artefacts?: StoredArtefact[];
  readonly csvParses: number;
  /** Chart layouts and drawings (src/lib/charts/kinds/kind.ts), summed over the step's threads. */
  readonly charts: ChartCounts;
}

/** Runs the data step in a child process with `env`; resolves when it has ended and its memory is back. */
export function runDataStep(input: DataStepInput, env: Readonly<Record<string, string | undefined>>): Promise<DataStepResult> {
  // The step's code is loaded by the child alone: this process stays small while Astro runs beside it.
  return runStepInChild<DataStepResult>(new URL('./data-step-child.ts', import.meta.url), input, env);
}
