import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS, checkBudgets, failed, growthLimit, median, medianOf, table, weightTable, type SizeResult } from '../../../src/lib/bench/report.ts';
import { moduleOf, stageOf, summariseProfiles, threadOf, type CpuProfile } from '../../../src/lib/bench/profile.ts';

const size = (n: number, wallMs: number, overrides: Partial<SizeResult> = {}): SizeResult => {
  const s = (gzip: number) => ({ raw: gzip * 4, gzip });
  const weight = { page: '/measures/m/', html: s(12_000), inlineCss: s(0), css: s(3_000), inlineJs: s(0), js: s(3_000), allJs: s(3_000), total: s(18_000), files: [], missing: [] };
  const run = { code: 0, wallMs, buildMs: wallMs - 500, times: { data: 1, astro: 2, downloads: 3, pagefind: 4 }, csvParses: n * 3, charts: { geometries: n * 2, drawn: n * 2, previewFits: n, headlineSeries: n * 3, releases: n * 3, records: n }, treeRssBytes: 1e9, maxRssBytes: 9e8 };
  return {
    measures: n, periods: 120, vintages: 3, csvFiles: n * 3, rowsPerFile: 600, csvBytes: 1, runs: [run], median: medianOf([run]),
    pages: n + 10, pagesPerSecond: 1, distBytes: 1, pagefindBytes: 1,
    weights: { measure: weight, plan: weight, home: weight }, readable: { chart: true, table: true, summary: true, ok: true },
    ...overrides,
  };
};
const verdictOf = (results: SizeResult[], prefix: string) => checkBudgets(results).find((b) => b.budget.startsWith(prefix))!;

test('median of odd and even counts', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('growth limit is 45x for 50 to 2,000 and scales with the size ratio', () => {
  assert.equal(growthLimit(50, 2000), BUDGETS.growthRatio50to2000);
  assert.equal(growthLimit(50, 500), 11.25);
});

test('budgets pass and fail on the measured figures', () => {
  const ok = [size(50, 2_000), size(2000, 55_000)];
  assert.ok(checkBudgets(ok).every((b) => b.verdict === 'PASS'), JSON.stringify(checkBudgets(ok), null, 1));
  assert.equal(verdictOf([size(50, 1_000), size(2000, 55_000)], 'build grows linearly').verdict, 'FAIL');
  assert.equal(verdictOf([size(50, 2_000), size(2000, BUDGETS.largestBuildMs + 1_000)], '2000 x 120 x 3 build time').verdict, 'FAIL');
  assert.equal(verdictOf([size(50, 6_000)], '2000 x 120 x 3').verdict, 'n/a');
  // dist/ against GitHub Pages' 1 GB, read as 10^9 bytes, at the largest size only.
  assert.equal(verdictOf([size(2000, 55_000, { distBytes: BUDGETS.largestDistBytes })], '2000 x 120 x 3 dist/').verdict, 'PASS');
  assert.equal(verdictOf([size(2000, 55_000, { distBytes: BUDGETS.largestDistBytes + 1 })], '2000 x 120 x 3 dist/').verdict, 'FAIL');
  assert.equal(verdictOf([size(50, 2_000, { distBytes: 2e9 })], '2000 x 120 x 3 dist/').verdict, 'n/a');
  // Peak memory: at the limit passes, a byte over fails.
  const rss = (bytes: number) => {
    const runs = [{ ...size(50, 2_000).runs[0]!, treeRssBytes: bytes, maxRssBytes: 1 }];
    return size(50, 2_000, { runs, median: medianOf(runs) });
  };
  assert.equal(verdictOf([rss(BUDGETS.peakMemoryBytes)], 'peak memory').verdict, 'PASS');
  assert.equal(verdictOf([rss(BUDGETS.peakMemoryBytes + 1)], 'peak memory').verdict, 'FAIL');
  assert.equal(verdictOf([size(50, 6_000)], 'build grows linearly').verdict, 'n/a');
  const parsedTwice = size(50, 6_000, { runs: [{ ...size(50, 1).runs[0]!, csvParses: 300 }] });
  assert.equal(verdictOf([parsedTwice], 'each CSV').verdict, 'FAIL');
  // A chart laid out twice (say, once for its page and again for its embed's height) fails, as does a build that did not count.
  const laidOutTwice = size(50, 6_000, { runs: [{ ...size(50, 1).runs[0]!, charts: { geometries: 101, drawn: 100, previewFits: 50, headlineSeries: 150, releases: 150 } }] });
  assert.equal(verdictOf([laidOutTwice], 'each chart laid out once').verdict, 'FAIL');
  const { charts: _charts, ...uncounted } = size(50, 1).runs[0]!;
  assert.equal(verdictOf([size(50, 6_000, { runs: [uncounted] })], 'each chart laid out once').verdict, 'FAIL');
  // A release's headline series built a second time (for the page after the page model) fails too.
  const builtTwice = size(50, 6_000, { runs: [{ ...size(50, 1).runs[0]!, charts: { geometries: 100, drawn: 100, previewFits: 50, headlineSeries: 200, releases: 150 } }] });
  assert.equal(verdictOf([builtTwice], "each release's headline").verdict, 'FAIL');
  assert.equal(verdictOf([size(50, 6_000)], "each release's headline").verdict, 'PASS');
  // A measure's record built twice (say, once more for its embed), or not counted, fails.
  const recordTwice = size(50, 6_000, { runs: [{ ...size(50, 1).runs[0]!, charts: { geometries: 100, drawn: 100, previewFits: 50, headlineSeries: 150, releases: 150, records: 51 } }] });
  assert.equal(verdictOf([recordTwice], "each measure's record").verdict, 'FAIL');
  assert.equal(verdictOf([laidOutTwice], "each measure's record").verdict, 'FAIL', 'a run that did not count records');
  assert.equal(verdictOf([size(50, 6_000)], "each measure's record").verdict, 'PASS');
  const noTable = size(50, 6_000, { readable: { chart: true, table: false, summary: true, ok: false } });
  const js = verdictOf([noTable], 'JS needed');
  assert.equal(js.verdict, 'FAIL');
  assert.match(js.measured, /missing without JS: table/);
});

test('--quick fails only on correctness; a full run on any failure', () => {
  const heavy = size(10, 5_000);
  const heavier = { ...heavy, weights: { ...heavy.weights, measure: { ...heavy.weights.measure, total: { raw: 1, gzip: BUDGETS.measurePageGzip + 1 } } } };
  const budgets = checkBudgets([heavier]);
  assert.equal(budgets.find((b) => b.budget.startsWith('measure page'))!.verdict, 'FAIL');
  assert.equal(failed(budgets, true), false);
  assert.equal(failed(budgets, false), true);
  const broken = checkBudgets([size(10, 5_000, { runs: [{ ...heavy.runs[0]!, code: 1 }] })]);
  assert.equal(failed(broken, true), true);
});

test('the largest measure page has its own budget line, failing when it alone is too heavy', () => {
  const typical = size(50, 6_000);
  assert.equal(checkBudgets([typical]).find((b) => b.budget.startsWith('largest measure page')), undefined, 'no line without the measurement');
  const largest = (gzip: number) => ({ ...typical.weights.measure, page: '/measures/big/', total: { raw: 1, gzip } });
  const within = verdictOf([size(50, 6_000, { weights: { ...typical.weights, largestMeasure: largest(BUDGETS.measurePageGzip) } })], 'largest measure page');
  assert.equal(within.verdict, 'PASS');
  assert.match(within.measured, /\/measures\/big\//);
  const over = verdictOf([size(50, 6_000, { weights: { ...typical.weights, largestMeasure: largest(BUDGETS.measurePageGzip + 1) } })], 'largest measure page');
  assert.equal(over.verdict, 'FAIL');
  // The typical page's own line is unaffected.
  assert.equal(verdictOf([size(50, 6_000, { weights: { ...typical.weights, largestMeasure: largest(BUDGETS.measurePageGzip + 1) } })], 'measure page with chart').verdict, 'PASS');
});

test('tables pad columns and right-align figures', () => {
  assert.equal(table(['name', 'size'], [['a', '1.0 KB'], ['longer', '10.0 KB']]), 'name   | size\n-------|--------\na      |  1.0 KB\nlonger | 10.0 KB');
});

test('CPU profile self time by function, module and stage', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
      { id: 2, callFrame: { functionName: 'renderLineChartSvg', url: 'file:///p/src/lib/charts/render-svg.ts', lineNumber: 9 } },
      { id: 3, callFrame: { functionName: 'parse', url: 'file:///p/node_modules/csv-parse/lib/sync.js', lineNumber: 0 } },
      { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    ],
    samples: [2, 2, 3, 4, 2],
    timeDeltas: [0, 1000, 1000, 1000, 1000],
    startTime: 0,
    endTime: 5000,
  };
  const s = summariseProfiles([profile]);
  assert.equal(s.totalMs, 4);
  assert.deepEqual(s.functions[0], { name: 'renderLineChartSvg src/lib/charts/render-svg.ts:10', ms: 2, share: 0.5 });
  assert.equal(s.modules.find((m) => m.name === 'csv-parse')!.ms, 1);
  assert.equal(s.stages[0]!.name, 'charts (src/lib/charts, d3)');
  assert.equal(moduleOf('file:///x/node_modules/@astrojs/mdx/dist/index.js', 'f'), '@astrojs/mdx');
  assert.equal(stageOf('(idle)', ''), 'idle (waiting on Pagefind, esbuild or disk)');
  assert.equal(stageOf('x', 'file:///x/node_modules/vite/dist/node/chunks/a.js'), 'bundling (vite, rolldown, esbuild)');
});

test('a measure page that was not built fails the weight budgets', () => {
  const zero = { raw: 0, gzip: 0 };
  const empty = { page: '/measures/m/', html: zero, inlineCss: zero, css: zero, inlineJs: zero, js: zero, allJs: zero, total: zero, files: [], missing: ['/measures/m/'] };
  const r = size(10, 5_000, { weights: { measure: empty, plan: empty, home: empty } });
  const b = verdictOf([r], 'measure page');
  assert.equal(b.verdict, 'FAIL');
  assert.match(b.measured, /not built/);
});

test('profile files are told apart by thread', () => {
  assert.equal(threadOf('CPU.20251123.080549.12345.0.001.cpuprofile'), 0);
  assert.equal(threadOf('CPU.20251123.080549.12345.3.002.cpuprofile'), 3);
  assert.equal(stageOf('svgToPng', 'file:///p/src/lib/sharing/og-render.ts'), 'social preview images (src/lib/sharing, resvg)');
});

test('the page-weight table lists the search page when it was weighed', () => {
  const typical = size(50, 6_000);
  const search = { ...typical.weights.home, page: '/search/' };
  const rows = weightTable([size(50, 6_000, { weights: { ...typical.weights, search } })]).split('\n');
  assert.ok(rows.some((row) => /\bsearch\b/.test(row)), rows.join('\n'));
  assert.ok(!weightTable([typical]).includes('search'), 'results written before the search page was weighed have no row for it');
});
