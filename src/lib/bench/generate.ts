/**
 * A synthetic partnership for the benchmark: the invented county of Benchshire, with N measures of
 * P monthly periods in V releases each, comparators and a breakdown in every file, and two plans
 * whose priorities and actions link them. Written to disk exactly as editors write content/ and
 * data/, so the real build reads it unchanged. Deterministic: the same options give the same bytes.
 * Nothing here describes a real place; every name says "Benchshire" or "synthetic".
 */
import type { ComparatorKind, ContractColumn, ObservationStatus } from '../schemas/csv-contract.ts';
import { sha256Hex } from '../format/sha256.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What to generate. */
export interface GenerateOptions {
  /** Number of measures (N), each with a content file and a data folder. */
  readonly measures: number;
  /** Monthly periods in every release (P). */
  readonly periods: number;
  /** Releases per measure (V), one CSV file each, a month apart. */
  readonly vintages: number;
  /** Comparator areas with a row for every period (default 2: England and a similar-areas group). */
  readonly comparators?: number;
  /** Groups of the one breakdown column, each with a row for every period (default 2). */
  readonly breakdownGroups?: number;
  /**
   * The day the build runs (SND_TODAY), YYYY-MM-DD; the newest release is dated the 10th of this
   * month or, before the 10th, of the month before. Default 2026-01-15.
   */
  readonly today?: string;
}

/** What was written, for the report and to check the build read all of it. */
export interface GeneratedPartnership {
  readonly root: string;
  readonly today: string;
  readonly plans: number;
  readonly priorities: number;
  readonly actions: number;
  readonly measures: number;
  /** Measures in a plan's performance framework (the rest are supporting series). */
  readonly frameworkMeasures: number;
  readonly periods: number;
  readonly vintages: number;
  /** CSV files written: measures x vintages. */
  readonly csvFiles: number;
  /** Data rows in each CSV file: periods x (1 + comparators + breakdown groups). */
  readonly rowsPerFile: number;
  /** Bytes of CSV written. */
  readonly csvBytes: number;
  /** Slug of a measure with every feature (target, comparators, breakdown, caveats): the one to weigh. */
  readonly sampleMeasure: string;
  /** Id of the current plan. */
  readonly currentPlan: string;
}

export const BENCH_AREA = { name: 'Benchshire', code: 'E06999998' } as const;
const COMPARATORS = [
  { area_code: 'E92000001', label: 'England', kind: 'england' },
  { area_code: 'E99999901', label: 'Benchshire similar areas (synthetic)', kind: 'similar_group' },
  { area_code: 'E99999902', label: 'Benchshire core cities (synthetic)', kind: 'core_cities' },
  { area_code: 'E99999903', label: 'Other synthetic area', kind: 'other' },
] as const satisfies readonly { area_code: string; label: string; kind: ComparatorKind }[];
const BREAKDOWN_GROUPS = ['Under 25', '25 to 49', '50 and over', 'Not recorded'];
const PLANS = [
  { id: '2024-27', start: 2024, end: 2027, status: 'current' },
  { id: '2021-24', start: 2021, end: 2024, status: 'archived' },
] as const;
const THEMES = ['Acquisitive Crime', 'Serious Violence', 'Anti-social Behaviour', 'Domestic Abuse', 'Drugs and Alcohol', 'Reoffending', 'Hate Crime', 'Exploitation'];
const WORDS = [
  'burglary', 'robbery', 'vehicle', 'shoplifting', 'violence', 'injury', 'knife', 'weapon', 'nuisance', 'neighbourhood',
  'repeat', 'victims', 'referrals', 'treatment', 'completions', 'housing', 'employment', 'exploitation', 'county', 'lines',
  'night-time', 'economy', 'students', 'schools', 'hospital', 'admissions', 'helpline', 'calls', 'satisfaction', 'confidence',
  'fires', 'criminal', 'damage', 'arson', 'cycle', 'theft', 'fraud', 'online', 'harassment', 'stalking',
];
const UNITS = [
  { unit: 'count', unit_label: 'offences', scale: 400, decimals: 0 },
  { unit: 'rate_per_1000', scale: 8, decimals: 2 },
  { unit: 'percent', scale: 40, decimals: 1 },
  { unit: 'count', unit_label: 'incidents', scale: 900, decimals: 0 },
] as const;
const POLARITIES = ['lower_is_better', 'higher_is_better', 'no_judgement'] as const;

/** Small seeded generator (mulberry32): the same seed always gives the same figures. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** YAML double-quoted scalar; JSON strings are valid YAML. */
const q = (text: string) => JSON.stringify(text);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "YYYY-MM" of month index (months since year 0). */
function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
}

/** Release dates, oldest first: the 10th of V consecutive months ending on or before `today`. */
export function releaseDates(today: string, vintages: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const newest = y * 12 + (m - 1) - (d < 10 ? 1 : 0);
  return Array.from({ length: vintages }, (_, i) => `${monthText(newest - (vintages - 1 - i))}-10`);
}

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
}

/** Writes the partnership into `root` (emptied first) and says what it wrote. */
export function generatePartnership(root: string, options: GenerateOptions): GeneratedPartnership {
  const n = options.measures;
  const periods = options.periods;
  const vintages = options.vintages;
  const comparators = COMPARATORS.slice(0, options.comparators ?? 2);
  const groups = BREAKDOWN_GROUPS.slice(0, options.breakdownGroups ?? 2);
  const today = options.today ?? '2026-01-15';
  if (!(n >= 1 && periods >= 2 && vintages >= 1)) throw new Error('generatePartnership: need at least 1 measure, 2 periods and 1 vintage');

  rmSync(root, { recursive: true, force: true });
  const write = (path: string, text: string) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  write('content/site.yaml', siteYaml());

  // Every tenth measure is a supporting series of the one before it (as rates support counts);
  // the others are in the current plan's framework, and every third of those also in the archived plan's.
  const slugs = Array.from({ length: n }, (_, i) => `bench-measure-${pad(i + 1, 4)}`);
  const supports = (i: number) => (i % 10 === 9 ? slugs[i - 1] : undefined);
  const plansOf = (i: number): string[] => (supports(i) ? [] : i % 3 === 0 ? [PLANS[0].id, PLANS[1].id] : [PLANS[0].id]);
  const inPlan = (planId: string) => slugs.filter((_, i) => plansOf(i).includes(planId));

  // Roughly the real site's proportions: a priority per 5 measures and an action per 4, shared between the plans.
  const priorityCount = Math.max(2, Math.ceil(n / 5));
  const actionCount = Math.max(2, Math.ceil(n / 4));
  let priorities = 0;
  let actions = 0;
  const dates = releaseDates(today, vintages);
  const lastMonth = monthIndexOf(dates.at(-1)!) - 1;
  const firstPeriod = monthText(lastMonth - periods + 1);

  PLANS.forEach((plan, p) => {
    const measures = inPlan(plan.id);
    const share = (total: number) => (p === 0 ? Math.ceil(total / 2) : Math.max(1, Math.floor(total / 2)));
    const planPriorities = share(priorityCount);
    const planActions = share(actionCount);
    const actionSlugs = Array.from({ length: planActions }, (_, a) => `bench-action-${pad(a + 1, 4)}`);
    for (let a = 0; a < planActions; a++) {
      const linked = measures.length ? [measures[a % measures.length]!, measures[(a + 1) % measures.length]!] : [];
      write(`content/actions/${plan.id}/${actionSlugs[a]}.md`, actionMd(a, linked, plan.status === 'archived'));
    }
    for (let r = 0; r < planPriorities; r++) {
      const ownMeasures = measures.filter((_, k) => k % planPriorities === r);
      const ownActions = actionSlugs.filter((_, k) => k % planPriorities === r);
      write(`content/priorities/${plan.id}/bench-priority-${pad(r + 1, 4)}.mdx`, priorityMdx(r, ownMeasures, ownActions));
    }
    priorities += planPriorities;
    actions += planActions;
    const targets = plan.status === 'current' ? measures.slice(0, 3) : [];
    write(`content/plans/${plan.id}.mdx`, planMdx(plan, targets, firstPeriod, monthText(lastMonth)));
  });

  let csvBytes = 0;
  for (let i = 0; i < n; i++) {
    const random = seededRandom(i + 1);
    const kind = UNITS[i % UNITS.length]!;
    write(`content/measures/${slugs[i]}.md`, measureMd(i, slugs[i]!, kind, plansOf(i), supports(i), comparators, groups.length > 0, random));
    const base = kind.scale * (0.6 + random() * 0.8);
    const trend = (random() - 0.5) * 0.004;
    const checksums = dates.map((date, v) => {
      const end = lastMonth - (vintages - 1 - v);
      const csv = measureCsv({ base, trend, kind, start: end - periods + 1, end, anchor: lastMonth, comparators, groups, vintage: v, seed: i + 1 });
      csvBytes += Buffer.byteLength(csv);
      write(`data/measures/${slugs[i]}/${date}.csv`, csv);
      return sha256Hex(csv);
    });
    write(`data/measures/${slugs[i]}/releases.yaml`, releasesYaml(dates, checksums));
  }

  return {
    root,
    today,
    plans: PLANS.length,
    priorities,
    actions,
    measures: n,
    frameworkMeasures: slugs.filter((_, i) => plansOf(i).length > 0).length,
    periods,
    vintages,
    csvFiles: n * vintages,
    rowsPerFile: periods * (1 + comparators.length + groups.length),
    csvBytes,
    sampleMeasure: slugs[0]!,
    currentPlan: PLANS[0].id,
  };
}

function monthIndexOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function siteYaml(): string {
  return [
    '# A made-up partnership for the benchmark (npm run bench): nothing here describes a real place.',
    'site_name: "Safer Benchshire Data (synthetic)"',
    'partnership: "Benchshire Community Safety Partnership (synthetic)"',
    'partnership_short: "BCSP"',
    '# A reserved example domain (RFC 2606): the synthetic site is never published.',
    'url: "https://benchshire.example/"',
    'description: "A synthetic partnership generated by the benchmark to measure build cost and page weight."',
    'area:',
    `  name: ${q(BENCH_AREA.name)}`,
    `  code: ${q(BENCH_AREA.code)}`,
    'licence:',
    '  name: "Open Government Licence v3.0"',
    '  short: "OGL v3.0"',
    '  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"',
    '',
  ].join('\n');
}

function planMdx(plan: (typeof PLANS)[number], targets: readonly string[], baseline: string, latest: string): string {
  const random = seededRandom(plan.start);
  const targetLines = targets.flatMap((measure, k) => [
    `  - text: ${q(`A ${5 * (k + 1)}% reduction in ${measure} by the end of the plan (synthetic)`)}`,
    `    measure: ${measure}`,
    '    kind: change_from_baseline',
    `    baseline_period: ${q(baseline)}`,
    `    target_period: ${q(latest)}`,
    `    change_percent: ${-5 * (k + 1)}`,
  ]);
  const paragraphs = Array.from({ length: 6 }, (_, k) => `## Section ${k + 1}\n\nThe Benchshire partnership will ${words(random, 40)}.`);
  return [
    '---',
    `title: ${q(`Benchshire Community Safety Partnership Plan ${plan.start} to ${plan.end} (synthetic)`)}`,
    `short_title: ${q(`${plan.id} plan`)}`,
    'partnership: "Benchshire Community Safety Partnership (synthetic)"',
    'period:',
    `  start_year: ${plan.start}`,
    `  end_year: ${plan.end}`,
    `  label: ${q(`${plan.start} to ${plan.end}`)}`,
    `status: ${plan.status}`,
    'statutory_aims:',
    '  - "Reduce crime and disorder in Benchshire (synthetic)"',
    '  - "Reduce reoffending (synthetic)"',
    ...(targetLines.length ? ['targets:', ...targetLines] : []),
    'partners:',
    '  - "Benchshire Constabulary (synthetic)"',
    '  - "Benchshire Council (synthetic)"',
    '  - "Benchshire Fire and Rescue (synthetic)"',
    `summary: ${q(`A synthetic ${plan.id} plan generated for the benchmark.`)}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

function priorityMdx(r: number, measures: readonly string[], actions: readonly string[]): string {
  const random = seededRandom(10_000 + r);
  const list = (key: string, items: readonly string[]) => (items.length ? [`${key}:`, ...items.map((s) => `  - ${s}`)] : []);
  return [
    '---',
    `title: ${q(`Benchshire priority ${r + 1}: ${THEMES[r % THEMES.length]}`)}`,
    `order: ${r + 1}`,
    `kind: ${r % 7 === 6 ? 'area_of_focus' : 'priority'}`,
    `summary: ${q(`A synthetic priority about ${words(random, 6)}.`)}`,
    'strategic_focus:',
    `  - ${q(`Focus on ${words(random, 8)}`)}`,
    `  - ${q(`Focus on ${words(random, 8)}`)}`,
    'lead_groups:',
    '  - "Benchshire Safer Streets Board (synthetic)"',
    ...list('measures', measures),
    ...list('actions', actions),
    '---',
    '',
    `The partnership will ${words(random, 60)}.`,
    '',
  ].join('\n');
}

function actionMd(a: number, measures: readonly string[], archived: boolean): string {
  const random = seededRandom(20_000 + a);
  const status = archived ? 'completed' : (['not_reported', 'not_started', 'in_progress', 'ongoing'] as const)[a % 4];
  return [
    '---',
    `title: ${q(`Benchshire action ${a + 1}: ${words(random, 4)}`)}`,
    `order: ${a + 1}`,
    `theme: ${q(THEMES[a % THEMES.length]!)}`,
    `recommendation: ${q(`The partnership should ${words(random, 20)} (synthetic).`)}`,
    `lead_agency: ${q(a % 5 === 4 ? '' : 'Benchshire Council (synthetic)')}`,
    `status: ${status}`,
    ...(measures.length ? ['related_measures:', ...measures.map((m) => `  - ${m}`)] : []),
    ...(status === 'in_progress'
      ? ['progress:', '  - date: "2025-06-30"', '    status: in_progress', `    note: ${q(`Synthetic progress note: ${words(random, 12)}.`)}`]
      : []),
    '---',
    '',
  ].join('\n');
}

function measureMd(
  i: number,
  slug: string,
  kind: (typeof UNITS)[number],
  plans: readonly string[],
  supports: string | undefined,
  comparators: readonly (typeof COMPARATORS)[number][],
  breakdown: boolean,
  random: () => number,
): string {
  return [
    '---',
    `title: ${q(`Benchshire ${words(random, 2)} ${i + 1} (synthetic)`)}`,
    ...(plans.length ? [`order: ${i + 1}`] : []),
    `plans: [${plans.map(q).join(', ')}]`,
    ...(supports ? [`supports: ${supports}`] : []),
    `thematic_area: ${q(THEMES[i % THEMES.length]!)}`,
    ...(plans.length ? [`plan_sources: { ${q(plans[0]!)}: "Benchshire Constabulary (synthetic)" }`] : []),
    `unit: ${kind.unit}`,
    ...('unit_label' in kind ? [`unit_label: ${q(kind.unit_label)}`] : []),
    `polarity: ${POLARITIES[i % POLARITIES.length]}`,
    // A judgement needs the plan's words; the synthetic plans' words are synthetic too.
    ...(POLARITIES[i % POLARITIES.length] === 'no_judgement'
      ? []
      : [`direction: [{ plan: ${q(plans[0] ?? PLANS[0].id)}, words: "Reduce crime (synthetic)", where: "Overall aims" }]`]),
    'frequency: month',
    `definition: ${q(`The number of ${words(random, 5)} recorded in Benchshire each month; the figures are synthetic.`)}`,
    `headline: ${i < 6 && plans.length > 0}`,
    ...(comparators.length
      ? ['comparators:', ...comparators.flatMap((c) => [`  - area_code: ${q(c.area_code)}`, `    label: ${q(c.label)}`, `    kind: ${c.kind}`])]
      : []),
    ...(breakdown ? ['breakdowns:', '  - column: age_band', '    label: "Age band"'] : []),
    'caveats:',
    `  - ${q(`Synthetic figures: ${words(random, 12)}.`)}`,
    ...(i % 50 === 7 ? [`redirect_from: ["${slug}-old"]`] : []),
    '---',
    '',
  ].join('\n');
}

/** One release: every period for the area, each comparator and each breakdown group. */
function measureCsv(p: {
  base: number;
  trend: number;
  kind: (typeof UNITS)[number];
  start: number;
  end: number;
  /** A month shared by every release, so a period's figure does not depend on which release holds it. */
  anchor: number;
  comparators: readonly (typeof COMPARATORS)[number][];
  groups: readonly string[];
  vintage: number;
  seed: number;
}): string {
  // The breakdown column only where the measure declares it (it does when there are groups): an
  // undeclared column is refused like any other unknown column.
  const breakdown = p.groups.length > 0;
  const header: readonly (ContractColumn | 'age_band')[] = ['period', 'value', 'area_code', 'area_name', ...(breakdown ? (['age_band'] as const) : []), 'status', 'note'];
  const lines = [header.join(',')];
  const groupCell = (group: string) => (breakdown ? `${group},` : '');
  // Comparators run a little above or below the area; breakdown groups share out its figure.
  const factor = (series: number) => (series === 0 ? 1 : series < 10 ? 0.7 + 0.15 * series : 1 / Math.max(1, p.groups.length));
  const value = (month: number, series: number) => {
    // Same figure for a period in every release, except the newest months, which later releases revise.
    const noise = seededRandom(p.seed * 7919 + month * 31 + series)();
    const revision = p.end - month < 2 ? 1 + 0.01 * (2 - (p.end - month)) * (p.vintage % 2 ? 1 : -1) : 1;
    const raw = p.base * (1 + p.trend * (month - p.anchor)) * (0.9 + 0.2 * noise) * factor(series) * revision;
    const capped = p.kind.unit === 'percent' ? Math.min(raw, 99) : raw;
    return Math.max(0, capped).toFixed(p.kind.decimals);
  };
  for (let month = p.start; month <= p.end; month++) {
    const period = monthText(month);
    const status: ObservationStatus | '' = p.end - month < 3 ? 'provisional' : '';
    const note = month === p.start ? 'Synthetic series starts' : '';
    lines.push(`${period},${value(month, 0)},,,${groupCell('')}${status},${note}`);
    p.comparators.forEach((c, k) => lines.push(`${period},${value(month, k + 1)},${c.area_code},,${groupCell('')}${status},`));
    p.groups.forEach((g, k) => lines.push(`${period},${value(month, 10 + k)},,,${groupCell(g)}${status},`));
  }
  return `${lines.join('\n')}\n`;
}

function releasesYaml(dates: readonly string[], checksums: readonly string[]): string {
  return dates
    .map((date, v) =>
      [
        `- vintage: ${date}`,
        `  sha256: ${checksums[v]}`,
        '  publisher: "Benchshire Statistics Office (synthetic)"',
        `  dataset: ${q(`Synthetic monthly table, release ${v + 1}`)}`,
        '  url: https://example.org/benchshire/synthetic',
        `  retrieved: ${date}`,
        '  licence: "Open Government Licence v3.0"',
        `  changes: ${q(v === 0 ? 'First release on this site.' : 'Adds the latest month and revises the two before it.')}`,
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}
