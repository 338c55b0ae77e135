/**
 * Builds the measures' views on every core: the slugs are split between worker threads
 * (view-worker.ts), each reading the page model and its measures' releases from .generated/ and
 * writing their views there, while the thread that started them goes on with the downloads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TargetView } from './types.ts';

/** What one worker is given: the generated folder, its slugs and the public address for absolute links. */
export interface ViewSlice {
  readonly generated: string;
  readonly slugs: readonly string[];
  readonly siteRoot: string;
}

/** Each measure's targets as the plan pages list them, by slug: what the cross-measure views need back. */
export type PlanTargets = Map<string, readonly TargetView[]>;

/**
 * Starts the workers over `slugs` (split in contiguous slices, one per core, at most `workers`);
 * resolves when every view is written, with each measure's plan targets.
 */
export function buildViewsInWorkers(generated: string, slugs: readonly string[], siteRoot: string, workers = availableParallelism()): Promise<PlanTargets> {
  const count = Math.max(1, Math.min(workers, slugs.length));
  const size = Math.ceil(slugs.length / count);
  const slices = Array.from({ length: count }, (_, i) => slugs.slice(i * size, (i + 1) * size)).filter((slice) => slice.length > 0);
  return Promise.all(slices.map((slice) => runSlice({ generated, slugs: slice, siteRoot }))).then(
    (parts) => new Map(parts.flatMap((part) => part)),
  );
}

function runSlice(slice: ViewSlice): Promise<[string, readonly TargetView[]][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./view-worker.ts', import.meta.url), { workerData: slice });
    let reply: [string, readonly TargetView[]][] | undefined;
    worker.once('message', (message: [string, readonly TargetView[]][]) => (reply = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 || !reply) reject(new Error(`a view worker stopped with exit code ${code}`));
      else resolve(reply);
    });
  });
}
