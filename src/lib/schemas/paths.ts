/**
 * Permanent URL paths. Every link the site makes goes through these helpers, so a URL is written
 * once and `test/urls/published.txt` can be checked against the same rules.
 */

/** Joins the deployment base path (e.g. "/" or "/safer-nottingham/") and a site path. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

export const paths = {
  home: () => '/',
  plans: () => '/plans/',
  plan: (plan: string) => `/plans/${plan}/`,
  priority: (plan: string, slug: string) => `/plans/${plan}/priorities/${slug}/`,
  action: (plan: string, slug: string) => `/plans/${plan}/actions/${slug}/`,
  /** A long plan's own lists of every priority and action (src/lib/views/plan-lists.ts); page 2 on at "<this>page/<n>/". */
  planPriorities: (plan: string) => `/plans/${plan}/priorities/`,
  planActions: (plan: string) => `/plans/${plan}/actions/`,
  measures: () => '/measures/',
  measure: (slug: string) => `/measures/${slug}/`,
  measureCsv: (slug: string) => `/data/measures/${slug}.csv`,
  measureVintageCsv: (slug: string, vintage: string) => `/data/measures/${slug}/${vintage}.csv`,
  /** A release's own page: every figure it revised, for releases that revised too many to list on the measure page. */
  measureRelease: (slug: string, vintage: string) => `/measures/${slug}/releases/${vintage}/`,
  /** Every figure of a long series, when its measure page shows only the newest (src/lib/views/figures-page.ts); page 2 on at "<this>page/<n>/". */
  measureFigures: (slug: string) => `/measures/${slug}/figures/`,
  measureJson: (slug: string) => `/data/measures/${slug}.json`,
  /** Every partnership's figure for the measure, ranked (src/lib/views/comparison.ts); its table's pages at "<this>table/" and "<this>table/page/<n>/". */
  measureCompare: (slug: string) => `/measures/${slug}/compare/`,
  measureCompareTable: (slug: string) => `/measures/${slug}/compare/table/`,
  comparisonCsv: (slug: string) => `/data/comparisons/${slug}.csv`,
  comparisonVintageCsv: (slug: string, vintage: string) => `/data/comparisons/${slug}/${vintage}.csv`,
  embedMeasure: (slug: string) => `/embed/measures/${slug}/`,
  measureOgImage: (slug: string) => `/og/measures/${slug}.png`,
  downloads: (plan: string) => `/downloads/${plan}/`,
  planCsv: (plan: string) => `/downloads/${plan}/data.csv`,
  planDatapackage: (plan: string) => `/downloads/${plan}/datapackage.json`,
  planZip: (plan: string) => `/downloads/${plan}.zip`,
  data: () => '/data/',
  search: () => '/search/',
  about: () => '/about/',
  accessibility: () => '/about/accessibility/',
  publishing: () => '/about/publishing/',
  updates: () => '/updates/',
  updatesFeed: () => '/updates.xml',
} as const;

/** The breadcrumbs above every page inside a plan (Home, Plans, the plan), before the page's own. */
export function planCrumbs(plan: { readonly id: string; readonly data: { readonly short_title: string } }): { label: string; href: string }[] {
  return [
    { label: 'Home', href: paths.home() },
    { label: 'Plans', href: paths.plans() },
    { label: plan.data.short_title, href: paths.plan(plan.id) },
  ];
}
