/**
 * One benchmark build in its own process: `node src/lib/bench/child.ts <job.json> <result.json>`.
 * A fresh process per build keeps Astro's and Vite's in-memory caches, and the environment
 * variables the pages read, from carrying over between measurements. Writes what the parent cannot
 * see from outside: buildSite's step times, CSV parse and chart counts, and this process's own peak RSS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ChartCounts } from '../charts/kinds/kind.ts';
import { buildSite, type BuildPaths } from '../build/site.ts';
import { formatDiagnostic } from '../format/diagnostics.ts';

/** What the parent writes to job.json. */
export type ChildJob = BuildPaths;

/** What the child writes to result.json. */
export interface ChildResult {
  readonly code: number;
  /** buildSite's step times in milliseconds, by step. */
  readonly times?: Readonly<Record<string, number>>;
  readonly csvParses: number;
  /** Chart layouts against charts drawn, when the data step ran to the end. */
  readonly charts?: ChartCounts;
  /** buildSite from call to return, in milliseconds (no Node start-up). */
  readonly buildMs: number;
  /** When buildSite was called, ms since the epoch: lines the parent's memory samples up with the steps. */
  readonly startedAt: number;
  /** Peak resident set size of this process (not Pagefind's own process), in bytes. */
  readonly maxRssBytes: number;
  readonly error?: string;
}

if (import.meta.main) {
  const [jobFile, resultFile] = process.argv.slice(2);
  if (!jobFile || !resultFile) throw new Error('usage: child.ts <job.json> <result.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ChildJob;
  const started = performance.now();
  const startedAt = Date.now();
  let result: ChildResult;
  try {
    const built = await buildSite(job, {
      log: console.log,
      report: (diagnostics) => diagnostics.forEach((d) => console.error(formatDiagnostic(d))),
      clock: () => performance.now(),
      // As `npm run build` dates it (src/cli/report.ts today): SND_TODAY, else today in the UK.
      today: process.env.SND_TODAY ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
      env: process.env,
      counters: { csvParses: 0 },
      showPagesTheData: ({ root, generated }) => {
        process.env.SND_ROOT = root;
        process.env.SND_GENERATED_DIR = generated;
      },
    });
    result = {
      code: built.code,
      ...(built.times ? { times: built.times } : {}),
      csvParses: built.csvParses,
      ...(built.charts ? { charts: built.charts } : {}),
      buildMs: performance.now() - started,
      startedAt,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } catch (error) {
    result = {
      code: 2,
      csvParses: -1,
      buildMs: performance.now() - started,
      startedAt,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  writeFileSync(resultFile, JSON.stringify(result));
  // Exit now: a lingering handle must not add to the wall time (--cpu-prof still writes its profile).
  process.exit(result.code);
}
