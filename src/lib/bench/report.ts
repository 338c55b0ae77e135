/**
 * The benchmark's figures, its budgets and the table it prints. Plain functions over plain data,
 * so the verdicts can be tested without building anything.
 */
import type { PageWeight, ReadableWithoutJs } from './weight.ts';

/** One build of one size. */
export interface BuildRun {
  readonly code: number;
  /** Child process from spawn to exit: what `npm run build` costs, Node start-up included. */
  readonly wallMs: number;
  /** buildSite alone, inside the child. */
  readonly buildMs: number;
  /** buildSite's step times in milliseconds, by step name (data, astro, downloads, pagefind, ...). */
  readonly times?: Readonly<Record<string, number>>;
  readonly csvParses: number;
  /** Chart layouts against charts drawn by the data step (src/lib/charts/kinds/kind.ts); absent when it did not finish. */
  readonly charts?: { readonly geometries: number; readonly drawn: number; readonly previewFits: number; readonly headlineSeries?: number; readonly releases?: number; readonly records?: number };
  /** Peak of the summed RSS of the build's process tree (Node plus Pagefind), sampled. */
  readonly treeRssBytes: number;
  /** Largest single process's peak RSS (GNU time, else the Node process's own). */
  readonly maxRssBytes: number;
  /** Peak summed RSS within each step (data, astro, downloads, pagefind), where step times are known. */
  readonly peakPerStepBytes?: Record<string, number>;
}

/** Everything measured for one size, with medians over its repeats. */
export interface SizeResult {
  readonly measures: number;
  readonly periods: number;
  readonly vintages: number;
  readonly csvFiles: number;
  readonly rowsPerFile: number;
  readonly csvBytes: number;
  readonly runs: readonly BuildRun[];
  readonly median: {
    readonly wallMs: number;
    readonly buildMs: number;
    readonly times: Readonly<Record<string, number>>;
    /** max(tree peak, largest process peak): the memory the build needs. */
    readonly peakMemoryBytes: number;
  };
  readonly pages: number;
  readonly pagesPerSecond: number;
  readonly distBytes: number;
  readonly pagefindBytes: number;
  /**
   * `largestMeasure` is the measure page with the most HTML; `search` the search page before anyone searches
   * (Pagefind loads only then). Both are absent in results written before they were measured.
   */
  readonly weights: {
    readonly measure: PageWeight;
    readonly largestMeasure?: PageWeight;
    readonly plan: PageWeight;
    readonly home: PageWeight;
    readonly search?: PageWeight;
  };
  /** The heaviest HTML pages of the build (no budget; shows which pages grow with N). */
  readonly largestPages?: readonly { readonly page: string; readonly raw: number; readonly gzip: number }[];
  readonly readable: ReadableWithoutJs;
}

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export interface BudgetResult {
  readonly budget: string;
  readonly limit: string;
  readonly measured: string;
  readonly verdict: Verdict;
  /** Correctness budgets fail the run even in --quick mode; performance ones only in full runs. */
  readonly kind: 'correctness' | 'performance';
}

/** The limits, as issue 15 sets them for the benchmark's largest size (the time, memory and dist/ ones). */
export const BUDGETS = {
  measurePageGzip: 20 * 1024,
  enhancementJsGzip: 15 * 1024,
  /** 2,000 measures may take this many times as long as 50 (40 times the work, 12.5% slack). */
  growthRatio50to2000: 45,
  largestBuildMs: 60_000,
  peakMemoryBytes: 1.2 * 1024 ** 3,
  /** GitHub Pages refuses a published site over 1 GB; counted in decimal bytes, the stricter reading. */
  largestDistBytes: 1_000_000_000,
} as const;

/** The size the time budget is set for: 2,000 measures of 120 monthly periods in 3 releases. */
export const LARGEST = { measures: 2000, periods: 120, vintages: 3 } as const;

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians of a size's repeats (memory too: the noisy machine inflates single readings both ways). */
export function medianOf(runs: readonly BuildRun[]): SizeResult['median'] {
  const steps = [...new Set(runs.flatMap((r) => Object.keys(r.times ?? {})))];
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    buildMs: median(runs.map((r) => r.buildMs)),
    times: Object.fromEntries(steps.map((k) => [k, median(runs.map((r) => r.times?.[k] ?? NaN))])),
    peakMemoryBytes: median(runs.map((r) => Math.max(r.treeRssBytes, r.maxRssBytes))),
  };
}

/**
 * The growth limit for any pair of sizes: the 50-to-2,000 budget (45 for 40 times the measures)
 * scaled to their ratio, so `--sizes 50,500` is held to 11.25.
 */
export function growthLimit(small: number, large: number): number {
  return (BUDGETS.growthRatio50to2000 / (2000 / 50)) * (large / small);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : kb(bytes);
export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** Checks every budget against the sizes measured. */
export function checkBudgets(results: readonly SizeResult[]): BudgetResult[] {
  const out: BudgetResult[] = [];
  const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
  const at = (r: SizeResult) => `N=${r.measures}`;

  out.push({
    budget: 'every build succeeds',
    limit: 'exit code 0',
    measured: results.map((r) => `${at(r)}: ${r.runs.map((x) => x.code).join('/')}`).join('; '),
    verdict: verdict(results.every((r) => r.runs.every((x) => x.code === 0))),
    kind: 'correctness',
  });
  out.push({
    budget: 'each CSV read and parsed once per build',
    limit: 'CSV parses = CSV files',
    measured: results.map((r) => `${at(r)}: ${[...new Set(r.runs.map((x) => x.csvParses))].join('/')} of ${r.csvFiles}`).join('; '),
    verdict: verdict(results.every((r) => r.runs.every((x) => x.csvParses === r.csvFiles))),
    kind: 'correctness',
  });
  out.push({
    budget: 'each chart laid out once per chart drawn',
    limit: 'chart layouts = charts drawn',
    measured: results.map((r) => `${at(r)}: ${[...new Set(r.runs.map((x) => (x.charts ? `${x.charts.geometries} layouts for ${x.charts.drawn} charts` : 'not counted')))].join('/')}`).join('; '),
    verdict: verdict(results.every((r) => r.runs.every((x) => x.charts !== undefined && x.charts.geometries === x.charts.drawn))),
    kind: 'correctness',
  });
  out.push({
    budget: "each release's headline series built once",
    limit: 'headline series built <= releases',
    measured: results
      .map((r) => `${at(r)}: ${[...new Set(r.runs.map((x) => (x.charts?.headlineSeries !== undefined ? `${x.charts.headlineSeries} for ${x.charts.releases} releases` : 'not counted')))].join('/')}`)
      .join('; '),
    verdict: verdict(results.every((r) => r.runs.every((x) => x.charts?.headlineSeries !== undefined && x.charts.releases !== undefined && x.charts.headlineSeries <= x.charts.releases))),
    kind: 'correctness',
  });
  out.push({
    budget: "each measure's record built once",
    limit: 'measure records built = measures',
    measured: results.map((r) => `${at(r)}: ${[...new Set(r.runs.map((x) => (x.charts?.records !== undefined ? `${x.charts.records} for ${r.measures} measures` : 'not counted')))].join('/')}`).join('; '),
    verdict: verdict(results.every((r) => r.runs.every((x) => x.charts?.records === r.measures))),
    kind: 'correctness',
  });
  out.push({
    budget: 'JS needed to read chart, table and summary',
    limit: '0 bytes (all three in the HTML)',
    measured: results
      .map((r) => {
        const missing = (['chart', 'table', 'summary'] as const).filter((k) => !r.readable[k]);
        return `${at(r)}: ${missing.length ? `missing without JS: ${missing.join(', ')}` : '0 bytes'}`;
      })
      .join('; '),
    verdict: verdict(results.every((r) => r.readable.ok)),
    kind: 'correctness',
  });

  const worst = (f: (r: SizeResult) => number) => results.reduce((a, b) => (f(b) > f(a) ? b : a));
  // A page that was not built cannot be weighed: that fails the weight budgets rather than passing at 0 bytes.
  const unbuilt = results.filter((r) => r.weights.measure.html.raw === 0);
  const notBuilt = `not built (${unbuilt.map(at).join(', ')})`;
  const heaviest = worst((r) => r.weights.measure.total.gzip);
  out.push({
    budget: 'measure page with chart, HTML+CSS+JS gzip',
    limit: `<= ${kb(BUDGETS.measurePageGzip)}`,
    measured: unbuilt.length ? notBuilt : `${kb(heaviest.weights.measure.total.gzip)} (${at(heaviest)}, ${heaviest.weights.measure.page})`,
    verdict: verdict(!unbuilt.length && heaviest.weights.measure.total.gzip <= BUDGETS.measurePageGzip),
    kind: 'performance',
  });
  const withLargest = results.filter((r) => r.weights.largestMeasure !== undefined);
  if (withLargest.length > 0) {
    const largestOf = (r: SizeResult) => r.weights.largestMeasure!.total.gzip;
    const heaviestLargest = withLargest.reduce((a, b) => (largestOf(b) > largestOf(a) ? b : a));
    out.push({
      budget: 'largest measure page, HTML+CSS+JS gzip',
      limit: `<= ${kb(BUDGETS.measurePageGzip)}`,
      measured: unbuilt.length ? notBuilt : `${kb(largestOf(heaviestLargest))} (${at(heaviestLargest)}, ${heaviestLargest.weights.largestMeasure!.page})`,
      verdict: verdict(!unbuilt.length && withLargest.every((r) => largestOf(r) <= BUDGETS.measurePageGzip)),
      kind: 'performance',
    });
  }
  const mostJs = worst((r) => r.weights.measure.allJs.gzip);
  out.push({
    budget: 'enhancement JS on a measure page, gzip',
    limit: `<= ${kb(BUDGETS.enhancementJsGzip)}`,
    measured: unbuilt.length ? notBuilt : `${kb(mostJs.weights.measure.allJs.gzip)} (${at(mostJs)})`,
    verdict: verdict(!unbuilt.length && mostJs.weights.measure.allJs.gzip <= BUDGETS.enhancementJsGzip),
    kind: 'performance',
  });

  const comparable = results.filter((r) => r.periods === results[0]!.periods && r.vintages === results[0]!.vintages);
  const sorted = [...comparable].sort((a, b) => a.measures - b.measures);
  const small = sorted[0];
  const large = sorted.at(-1);
  if (small && large && large.measures > small.measures) {
    const ratio = large.median.wallMs / small.median.wallMs;
    const limit = growthLimit(small.measures, large.measures);
    out.push({
      budget: `build grows linearly (time N=${large.measures} / N=${small.measures})`,
      limit: `<= ${limit.toFixed(2)}x (${(large.measures / small.measures).toFixed(0)}x the measures)`,
      measured: `${ratio.toFixed(2)}x (${formatSeconds(large.median.wallMs)} / ${formatSeconds(small.median.wallMs)})`,
      verdict: verdict(ratio <= limit),
      kind: 'performance',
    });
  } else {
    out.push({ budget: 'build grows linearly', limit: 'needs two sizes', measured: '-', verdict: 'n/a', kind: 'performance' });
  }

  const largest = results.find((r) => r.measures === LARGEST.measures && r.periods === LARGEST.periods && r.vintages === LARGEST.vintages);
  out.push({
    budget: `${LARGEST.measures} x ${LARGEST.periods} x ${LARGEST.vintages} build time`,
    limit: `<= ${formatSeconds(BUDGETS.largestBuildMs)}`,
    measured: largest ? formatSeconds(largest.median.wallMs) : 'not run',
    verdict: largest ? verdict(largest.median.wallMs <= BUDGETS.largestBuildMs) : 'n/a',
    kind: 'performance',
  });
  const hungriest = worst((r) => r.median.peakMemoryBytes);
  out.push({
    budget: 'peak memory of a build',
    limit: `<= ${formatBytes(BUDGETS.peakMemoryBytes)}`,
    measured: `${formatBytes(hungriest.median.peakMemoryBytes)} (${at(hungriest)})`,
    verdict: verdict(hungriest.median.peakMemoryBytes <= BUDGETS.peakMemoryBytes),
    kind: 'performance',
  });
  out.push({
    budget: `${LARGEST.measures} x ${LARGEST.periods} x ${LARGEST.vintages} dist/ size`,
    limit: `<= ${(BUDGETS.largestDistBytes / 1e9).toFixed(2)} GB (10^9 bytes)`,
    measured: largest ? `${(largest.distBytes / 1e9).toFixed(2)} GB (10^9 bytes)` : 'not run',
    verdict: largest ? verdict(largest.distBytes <= BUDGETS.largestDistBytes) : 'n/a',
    kind: 'performance',
  });
  return out;
}

/** Whether the run should exit non-zero: any correctness failure, and in a full run any failure. */
export function failed(budgets: readonly BudgetResult[], quick: boolean): boolean {
  return budgets.some((b) => b.verdict === 'FAIL' && (!quick || b.kind === 'correctness'));
}

/** A plain-text table with columns padded to fit; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (text: string) => /^-?[\d.,]+(?: ?(?:KB|MB|GB|s|x|%))?$|^\d+ [/x] \d+$/.test(text);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The build table: one row per size. */
export function buildTable(results: readonly SizeResult[]): string {
  const steps = [...new Set(['data', 'astro', 'downloads', 'pagefind', ...results.flatMap((r) => Object.keys(r.median.times))])];
  return table(
    ['N', 'P x V', 'runs', 'build wall', 'pages', 'pages/s', 'peak memory', 'dist', 'Pagefind index', 'CSV parsed / files', ...steps],
    results.map((r) => [
      String(r.measures),
      `${r.periods} x ${r.vintages}`,
      String(r.runs.length),
      formatSeconds(r.median.wallMs),
      String(r.pages),
      r.pagesPerSecond.toFixed(1),
      formatBytes(r.median.peakMemoryBytes),
      formatBytes(r.distBytes),
      formatBytes(r.pagefindBytes),
      `${[...new Set(r.runs.map((x) => x.csvParses))].join('/')} / ${r.csvFiles}`,
      ...steps.map((k) => (r.median.times[k] === undefined || Number.isNaN(r.median.times[k]) ? '-' : formatSeconds(r.median.times[k]!))),
    ]),
  );
}

/** The page-weight table: gzip bytes of each weighed page, one row per size and page. */
export function weightTable(results: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    for (const [name, w] of Object.entries(r.weights)) {
      rows.push([
        String(r.measures),
        name,
        kb(w.html.gzip),
        `${kb(w.css.gzip)} + ${kb(w.inlineCss.gzip)} inline`,
        `${kb(w.js.gzip)} + ${kb(w.inlineJs.gzip)} inline`,
        kb(w.total.gzip),
        kb(w.html.raw),
      ]);
    }
  }
  return table(['N', 'page', 'HTML gz', 'CSS gz (linked + inline)', 'JS gz (linked + inline)', 'total gz', 'HTML raw'], rows);
}

/** The heaviest pages of each size. */
export function largestPagesTable(results: readonly SizeResult[]): string {
  return table(
    ['N', 'page', 'HTML raw', 'HTML gz'],
    results.flatMap((r) => (r.largestPages ?? []).map((p) => [String(r.measures), p.page, formatBytes(p.raw), formatBytes(p.gzip)])),
  );
}

export function budgetTable(budgets: readonly BudgetResult[], quick: boolean): string {
  return table(
    ['budget', 'limit', 'measured', 'verdict'],
    budgets.map((b) => [b.budget, b.limit, b.measured, quick && b.kind === 'performance' && b.verdict === 'FAIL' ? 'FAIL (not enforced in --quick)' : b.verdict]),
  );
}
