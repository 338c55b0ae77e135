/**
 * `npm run bench`: build cost and page weight, with budgets.
 * For each size it generates a synthetic partnership (src/lib/bench/generate.ts) in a temporary
 * folder, builds it exactly as `npm run build` does (validation, Astro, downloads, Pagefind) in a
 * fresh Node process per build, then weighs a measure page, a plan page, the home page and the search page.
 * Prints the tables and budget verdicts, and writes them as JSON to bench-results/<time>.json and
 * bench-results/latest.json. Exits 1 when a budget fails (in --quick, only correctness budgets).
 *
 *   npm run bench                        N = 50, 500, 2000; P = 120 monthly periods; V = 3 releases
 *   npm run bench -- --quick             N = 10, P = 24, V = 2: correctness only, for CI
 *   npm run bench -- --sizes 50,500      choose the sizes
 *   npm run bench -- --repeat 3          build each size 3 times and report medians
 *                                        (default: 3 for N <= 100, 1 for bigger sizes and in --quick)
 *   npm run bench -- --profile           also profile one build of the largest size (node --cpu-prof)
 *   --periods P, --vintages V, --comparators C, --breakdown-groups B, --keep (keep the temporary folder)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { servedAt } from '../lib/build/deployment.ts';
import type { ChildJob, ChildResult } from '../lib/bench/child.ts';
import { generatePartnership, type GeneratedPartnership } from '../lib/bench/generate.ts';
import { parseGnuTimeMaxRss, peakPerStep, sampleTreeRss } from '../lib/bench/memory.ts';
import { summariseProfiles, threadOf, type CpuProfile, type ProfileSummary } from '../lib/bench/profile.ts';
import {
  budgetTable,
  buildTable,
  checkBudgets,
  failed,
  formatBytes,
  formatSeconds,
  largestPagesTable,
  medianOf,
  table,
  weightTable,
  type BuildRun,
  type SizeResult,
} from '../lib/bench/report.ts';
import { countFiles, directorySize, largestMeasurePage, largestPages, readableWithoutJs, weighPage } from '../lib/bench/weight.ts';

const project = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const CHILD = join(project, 'src/lib/bench/child.ts');
const GNU_TIME = '/usr/bin/time';
/** A build that takes longer than this is stopped and reported as failed. */
const CHILD_TIMEOUT_MS = 15 * 60_000;

interface Options {
  readonly sizes: number[];
  readonly periods: number;
  readonly vintages: number;
  readonly comparators: number;
  readonly breakdownGroups: number;
  readonly repeat?: number;
  readonly quick: boolean;
  readonly profile: boolean;
  readonly keep: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      repeat: { type: 'string' },
      periods: { type: 'string' },
      vintages: { type: 'string' },
      comparators: { type: 'string' },
      'breakdown-groups': { type: 'string' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const int = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
    return n;
  };
  const quick = values.quick ?? false;
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => int(s.trim().replaceAll('_', ''), 0, 'sizes'))
    : quick
      ? [10]
      : [50, 500, 2000];
  if (sizes.some((n) => n < 1)) throw new Error('--sizes must list whole numbers of measures, e.g. --sizes 50,500');
  return {
    sizes,
    periods: int(values.periods, quick ? 24 : 120, 'periods'),
    vintages: int(values.vintages, quick ? 2 : 3, 'vintages'),
    comparators: int(values.comparators, 2, 'comparators'),
    breakdownGroups: int(values['breakdown-groups'], 2, 'breakdown-groups'),
    ...(values.repeat !== undefined ? { repeat: Math.max(1, int(values.repeat, 1, 'repeat')) } : {}),
    quick,
    profile: values.profile ?? false,
    keep: values.keep ?? false,
  };
}

/** Runs one build in a fresh Node process and measures it from outside. */
async function runBuild(
  generated: GeneratedPartnership,
  work: string,
  label: string,
  extraNodeArgs: readonly string[] = [],
): Promise<BuildRun & { log: string; error?: string }> {
  const job: ChildJob = {
    root: generated.root,
    project,
    generated: join(work, 'generated'),
    staging: join(work, 'dist.partial'),
    dist: join(work, 'dist'),
    // Astro's content-layer cache, per build: nothing carries over from an earlier build or from the real site's.
    cacheDir: join(work, `astro-cache-${label}`),
  };
  // Every build starts from nothing, as on a fresh CI checkout: removing an earlier build's output
  // (a gigabyte at N=2,000) is not part of the time measured.
  for (const dir of [job.cacheDir!, job.generated, job.staging, job.dist]) rmSync(dir, { recursive: true, force: true });
  const jobFile = join(work, `job-${label}.json`);
  const resultFile = join(work, `result-${label}.json`);
  const timeFile = join(work, `time-${label}.txt`);
  const logFile = join(work, `build-${label}.log`);
  writeFileSync(jobFile, JSON.stringify(job));
  rmSync(resultFile, { force: true });

  const nodeArgs = [...extraNodeArgs, CHILD, jobFile, resultFile];
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const env = {
    ...process.env,
    SND_ROOT: job.root,
    SND_GENERATED_DIR: job.generated,
    SND_DIST: job.dist,
    SND_TODAY: generated.today,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const started = performance.now();
  // The working directory is the scratch folder, not the project: when the output folder lies outside
  // the working directory, Astro puts its server bundle in <cwd>/.astro/.prerender/, which builds
  // running side by side in the project (tests, other benchmarks) would delete under each other.
  // The bundle imports packages, so the scratch folder links to the project's node_modules.
  linkNodeModules(work);
  const child = spawn(command, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = sampleTreeRss(child.pid!);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const { peak: treeRssBytes, samples } = memory.stop();
  writeFileSync(logFile, log);

  const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult) : undefined;
  const gnuRss = useTime && existsSync(timeFile) ? parseGnuTimeMaxRss(readFileSync(timeFile, 'utf8')) : undefined;
  rmSync(job.cacheDir!, { recursive: true, force: true });
  return {
    code: result?.code ?? (exitCode || 2),
    wallMs,
    buildMs: result?.buildMs ?? wallMs,
    ...(result?.times ? { times: result.times } : {}),
    csvParses: result?.csvParses ?? -1,
    ...(result?.charts ? { charts: result.charts } : {}),
    treeRssBytes,
    maxRssBytes: Math.max(gnuRss ?? 0, result?.maxRssBytes ?? 0),
    ...(result?.times ? { peakPerStepBytes: peakPerStep(samples, result.startedAt, Object.entries(result.times)) } : {}),
    log,
    ...(result?.error ? { error: result.error } : {}),
  };
}

/** Makes `dir/node_modules` a link to the project's, once. */
function linkNodeModules(dir: string): void {
  const link = join(dir, 'node_modules');
  if (!existsSync(link)) symlinkSync(join(project, 'node_modules'), link, 'dir');
}

/** Removes the scratch folder, unlinking node_modules links first so nothing follows them. */
function removeScratch(scratch: string): void {
  for (const entry of readdirSync(scratch)) {
    const link = join(scratch, entry, 'node_modules');
    if (existsSync(link) && lstatSync(link).isSymbolicLink()) unlinkSync(link);
  }
  rmSync(scratch, { recursive: true, force: true });
}

/** Each size's generated partnership, kept for the profiling build. */
const partnerships = new Map<number, GeneratedPartnership>();

/** Generates, builds (repeatedly) and weighs one size. */
async function benchSize(n: number, o: Options, scratch: string): Promise<SizeResult> {
  const work = join(scratch, `n${n}`);
  mkdirSync(work, { recursive: true });
  let t = performance.now();
  const generated = generatePartnership(join(work, 'root'), {
    measures: n,
    periods: o.periods,
    vintages: o.vintages,
    comparators: o.comparators,
    breakdownGroups: o.breakdownGroups,
  });
  partnerships.set(n, generated);
  console.log(
    `\nN=${n}: generated ${generated.measures} measures, ${generated.priorities} priorities, ${generated.actions} actions, ` +
      `${generated.csvFiles} CSV files of ${generated.rowsPerFile} rows (${(generated.csvBytes / 1024 ** 2).toFixed(1)} MB) in ${formatSeconds(performance.now() - t)}`,
  );
  const repeat = o.repeat ?? (!o.quick && n <= 100 ? 3 : 1);
  const runs: BuildRun[] = [];
  for (let r = 1; r <= repeat; r++) {
    t = performance.now();
    const run = await runBuild(generated, work, `r${r}`);
    const steps = run.times ? Object.entries(run.times).map(([k, v]) => `${k} ${formatSeconds(v)}`).join(', ') : 'no step times';
    const memory = run.peakPerStepBytes ? `; peak memory by step: ${Object.entries(run.peakPerStepBytes).map(([k, v]) => `${k} ${v ? formatBytes(v) : 'not sampled'}`).join(', ')}` : '';
    console.log(`  build ${r}/${repeat}: exit ${run.code}, ${formatSeconds(run.wallMs)} (${steps}), ${run.csvParses} CSV parses, ${run.charts ? `${run.charts.geometries} chart layouts for ${run.charts.drawn} charts drawn (${run.charts.previewFits} preview images), ${run.charts.headlineSeries} headline series from ${run.charts.releases} releases, ${run.charts.records} measure records` : 'no chart counts'}${memory}`);
    if (run.code !== 0) {
      console.error(run.log.split('\n').slice(-40).join('\n'));
      if (run.error) console.error(run.error);
    }
    const { log: _log, error: _error, ...measured } = run;
    runs.push(measured);
  }
  const dist = join(work, 'dist');
  // The base path the synthetic partnership's build was served at: same environment, its own site.yaml.
  const { base } = servedAt(process.env, generated.root);
  const weigh = (page: string) => (existsSync(join(dist, page, 'index.html')) ? weighPage(dist, page, base) : emptyWeight(page));
  const measurePage = `/measures/${generated.sampleMeasure}/`;
  const measureHtml = existsSync(join(dist, measurePage, 'index.html')) ? readFileSync(join(dist, measurePage, 'index.html'), 'utf8') : '';
  const pages = countFiles(dist, '.html');
  const median = medianOf(runs);
  return {
    measures: n,
    periods: o.periods,
    vintages: o.vintages,
    csvFiles: countFiles(join(generated.root, 'data'), '.csv'),
    rowsPerFile: generated.rowsPerFile,
    csvBytes: generated.csvBytes,
    runs,
    median,
    pages,
    pagesPerSecond: pages / (median.wallMs / 1000),
    distBytes: directorySize(dist),
    pagefindBytes: directorySize(join(dist, 'pagefind')),
    weights: {
      measure: weigh(measurePage),
      // The sample is a typical measure page; the heaviest one (longest labels, most revisions) sets the budget's margin.
      largestMeasure: weigh(largestMeasurePage(dist) ?? measurePage),
      plan: weigh(`/plans/${generated.currentPlan}/`),
      home: weigh('/'),
      // Where the header's search box lands on every page (issue 23: it should keep still and paint soon).
      search: weigh('/search/'),
    },
    largestPages: largestPages(dist),
    readable: readableWithoutJs(measureHtml),
  };
}

function emptyWeight(page: string): ReturnType<typeof weighPage> {
  const zero = { raw: 0, gzip: 0 };
  return { page, html: zero, inlineCss: zero, css: zero, inlineJs: zero, js: zero, allJs: zero, total: zero, files: [], missing: [page] };
}

/** One more build of the largest size under `node --cpu-prof`, summarised. */
async function profileLargest(
  n: number,
  scratch: string,
  stamp: string,
): Promise<{ summary: ProfileSummary; workers?: ProfileSummary; times?: BuildRun['times']; wallMs: number; file?: string }> {
  const work = join(scratch, `n${n}`);
  const generated = partnerships.get(n)!;
  const profDir = join(work, 'cpu-profile');
  rmSync(profDir, { recursive: true, force: true });
  console.log(`\nProfiling one build of N=${n} (node --cpu-prof; slower than an unprofiled build)...`);
  const run = await runBuild(generated, work, 'profile', ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=1000']);
  const files = existsSync(profDir) ? readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const read = (f: string) => JSON.parse(readFileSync(join(profDir, f), 'utf8')) as CpuProfile;
  const main = files.filter((f) => threadOf(f) === 0);
  const workers = files.filter((f) => threadOf(f) !== 0);
  let kept: string | undefined;
  if (main[0]) {
    kept = join(project, 'bench-results', `profile-${stamp}-n${n}.cpuprofile`);
    copyFileSync(join(profDir, main[0]), kept);
  }
  return {
    summary: summariseProfiles(main.map(read), 20),
    ...(workers.length ? { workers: summariseProfiles(workers.map(read), 10) } : {}),
    ...(run.times ? { times: run.times } : {}),
    wallMs: run.wallMs,
    ...(kept ? { file: kept } : {}),
  };
}

function printProfile(p: Awaited<ReturnType<typeof profileLargest>>): void {
  const pct = (s: number) => `${(s * 100).toFixed(1)}%`;
  console.log(`\nCPU profile of the build's main thread (${formatSeconds(p.summary.totalMs)} sampled; build ${formatSeconds(p.wallMs)} under the profiler)`);
  if (p.times) console.log(`Step times: ${Object.entries(p.times).map(([k, v]) => `${k} ${formatSeconds(v)}`).join(', ')}`);
  console.log(`\nBy stage (self time)\n${table(['stage', 'self time', 'share'], p.summary.stages.map((s) => [s.name, formatSeconds(s.ms), pct(s.share)]))}`);
  console.log(`\nBy module (self time)\n${table(['module', 'self time', 'share'], p.summary.modules.map((s) => [s.name, formatSeconds(s.ms), pct(s.share)]))}`);
  console.log(`\nTop functions (self time)\n${table(['function', 'self time', 'share'], p.summary.functions.map((s) => [s.name, formatSeconds(s.ms), pct(s.share)]))}`);
  if (p.workers) {
    console.log(`\nWorker threads (${formatSeconds(p.workers.totalMs)} sampled: the data step, and any work beside Astro)`);
    console.log(table(['stage', 'self time', 'share'], p.workers.stages.map((s) => [s.name, formatSeconds(s.ms), pct(s.share)])));
    console.log(`\n${table(['module', 'self time', 'share'], p.workers.modules.map((s) => [s.name, formatSeconds(s.ms), pct(s.share)]))}`);
  }
  if (p.file) console.log(`\nFull profile of the main thread (open in Chrome DevTools, Performance tab): ${p.file}`);
}

async function main(): Promise<number> {
  const o = options();
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const scratch = mkdtempSync(join(tmpdir(), 'snd-bench-'));
  mkdirSync(join(project, 'bench-results'), { recursive: true });
  console.log(
    `Benchmark: sizes ${o.sizes.join(', ')}; ${o.periods} monthly periods x ${o.vintages} releases; ` +
      `${o.comparators} comparators, ${o.breakdownGroups} breakdown groups${o.quick ? '; --quick: correctness only' : ''}. ` +
      `Machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}. Scratch: ${scratch}`,
  );
  try {
    const results: SizeResult[] = [];
    for (const n of o.sizes) results.push(await benchSize(n, o, scratch));
    const budgets = checkBudgets(results);
    console.log(`\nBuild (medians of the runs)\n${buildTable(results)}`);
    console.log(`\nPage weight (gzip level 6; linked files are same-origin <link rel=stylesheet> and <script src> with their imports)\n${weightTable(results)}`);
    console.log(`\nLargest HTML pages\n${largestPagesTable(results)}`);
    console.log(`\nBudgets\n${budgetTable(budgets, o.quick)}`);
    const largest = Math.max(...o.sizes);
    const profile = o.profile ? await profileLargest(largest, scratch, stamp) : undefined;
    if (profile) printProfile(profile);

    const report = {
      startedAt: startedAt.toISOString(),
      quick: o.quick,
      machine: { node: process.version, cores: cpus().length, memoryBytes: totalmem(), loadAverageAtStart: loadavg() },
      parameters: { sizes: o.sizes, periods: o.periods, vintages: o.vintages, comparators: o.comparators, breakdownGroups: o.breakdownGroups, repeat: o.repeat ?? (o.quick ? 1 : 'default (3 for N <= 100, else 1)') },
      results,
      budgets,
      ...(profile ? { profile } : {}),
    };
    const text = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(join(project, 'bench-results', `${stamp}.json`), text);
    writeFileSync(join(project, 'bench-results', 'latest.json'), text);
    const bad = failed(budgets, o.quick);
    console.log(`\nWrote bench-results/${stamp}.json and bench-results/latest.json. ${bad ? 'A budget FAILED.' : 'All enforced budgets pass.'}`);
    return bad ? 1 : 0;
  } finally {
    if (o.keep) console.log(`Kept ${scratch}`);
    else removeScratch(scratch);
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.SND_DEBUG) console.error(error);
    process.exitCode = 2;
  }
}
