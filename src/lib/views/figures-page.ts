/**
 * Long series on a phone (issue 16). A measure page's table lists one row per period under the
 * chart; at 120 monthly periods with comparators that table alone is over a thousand elements, and
 * the page fails the 1,400-element phone budget. So a long series' page shows its newest periods
 * and links to every figure on pages of their own, /measures/<slug>/figures/ (and
 * /measures/<slug>/figures/page/<n>/), oldest first like the chart, so page addresses stay valid as
 * the series grows (pages are only added at the end). The chart still draws every point.
 */
import type { ChartTable } from '../charts/kinds/line/table.ts';
import type { MeasureEntry } from '../derive/page-model.ts';
import type { ListPage } from './paging.ts';

/**
 * Whether a measure has any published (non-suppressed) figure, read from the page model alone so
 * route lists need not load every measure's releases. Matches the measure page's test for showing
 * figures (a series with a latest value), which is computed from the same headline series.
 */
export function hasPublishedFigures(view: MeasureEntry): boolean {
  return view.data.frequency !== undefined && view.headline.some((point) => point.value !== null);
}

/**
 * A series with more periods than this is long. The real site's longest series has 23 periods
 * (knife crime in rolling quarters), so its tables stay whole; three years of monthly figures with
 * two comparators (about 36 x 7 elements) is still well inside the page's element budget.
 */
export const LONG_SERIES_PERIODS = 36;

/** Rows a long series' measure page shows under the chart: its newest two years of monthly figures. */
export const NEWEST_PERIODS = 24;

/** Rows per figures page: 60 rows of up to 11 elements (rate suffixes, compact and full periods) stay near 900 elements a page. */
export const FIGURES_PER_PAGE = 60;

/** Whether a measure's series is long enough to have figures pages (and a measure page that shows only its newest periods). */
export function hasFiguresPages(view: MeasureEntry): boolean {
  // A long headline is never the one-period area comparison (a bar chart): its table is the line chart's.
  return hasPublishedFigures(view) && view.headline.length > LONG_SERIES_PERIODS;
}

/** A long measure's headline periods, oldest first, each once: what its figures pages are counted by. */
function headlinePeriods(view: Pick<MeasureEntry, 'headline'>): string[] {
  return [...new Set(view.headline.map((point) => point.period))];
}

/**
 * How many figures pages a measure has (0 for a short one), from the page model alone: one page per
 * FIGURES_PER_PAGE headline periods. Route lists must not load every measure's releases (at 2,000
 * measures that alone would add about a minute to a build).
 */
export function figuresPageCount(view: MeasureEntry): number {
  return hasFiguresPages(view) ? Math.ceil(headlinePeriods(view).length / FIGURES_PER_PAGE) : 0;
}

/**
 * A long measure's full table split into its figures pages (page 1 is /measures/<slug>/figures/),
 * oldest rows first. Page n starts at the row of its first headline period, so the pages are the
 * ones figuresPageCount counts; a row only a comparator has stays with its neighbours in time.
 */
export function figuresPages(table: ChartTable, view: Pick<MeasureEntry, 'slug' | 'headline'>): ListPage<ChartTable['rows'][number]>[] {
  const periods = headlinePeriods(view);
  const count = Math.max(1, Math.ceil(periods.length / FIGURES_PER_PAGE));
  const starts = Array.from({ length: count }, (_, k) => (k === 0 ? 0 : table.rows.findIndex((row) => row.period === periods[k * FIGURES_PER_PAGE])));
  const missing = starts.indexOf(-1);
  if (missing >= 0) throw new Error(`${view.slug}: the table has no row for headline period ${periods[missing * FIGURES_PER_PAGE]}`);
  return starts.map((start, k) => ({ number: k + 1, count, items: table.rows.slice(start, starts[k + 1] ?? table.rows.length) }));
}
