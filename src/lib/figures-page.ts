/**
 * Long series on a phone (issue 16). A measure page's table lists one row per period under the
 * chart; at 120 monthly periods with comparators that table alone is over a thousand elements, and
 * the page fails the 1,400-element phone budget. So a long series' page shows its newest periods
 * and links to every figure on pages of their own, /measures/<slug>/figures/ (and
 * /measures/<slug>/figures/page/<n>/), oldest first like the chart, so page addresses stay valid as
 * the series grows (pages are only added at the end). The chart still draws every point.
 */
import { chartTable, type ChartTable } from './charts/table.ts';
import type { ChartInput } from './charts/types.ts';
import { lineChartInput } from './derive/chart-input.ts';
import { judgedMeasure } from './derive/judgement.ts';
import { measurePageData } from './derive/measure-page.ts';
import { pageItems, type ListPage } from './paging.ts';
import { hasPublishedFigures } from './sharing/lead-chart.ts';
import { loadMeasureDetail, loadModel, type MeasureView } from './site-data.ts';

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
export function hasFiguresPages(view: MeasureView): boolean {
  // A long headline is never the one-period area comparison (a bar chart): its table is the line chart's.
  return hasPublishedFigures(view) && view.headline.length > LONG_SERIES_PERIODS;
}

/** The line chart input a measure page draws, built as the measure page builds it, so the figures pages list the same rows. */
export function figuresInput(view: MeasureView): ChartInput {
  const { site, plans, today } = loadModel();
  const data = measurePageData(judgedMeasure(view, plans, today).view, loadMeasureDetail(view.slug), site, plans, today);
  const input = lineChartInput(data);
  if (!input) throw new Error(`${view.slug}: a figures page was listed but the measure has no series to list`);
  return input;
}

/** A measure's full table split into figures pages, oldest rows first (page 1 is /measures/<slug>/figures/). */
export function figuresPages(table: ChartTable): ListPage<ChartTable['rows'][number]>[] {
  return pageItems(table.rows, FIGURES_PER_PAGE);
}

const pageCounts = new Map<string, number>();

/** How many figures pages a long measure has (0 for a short one); worked out once per build, since two routes ask. */
export function figuresPageCount(view: MeasureView): number {
  if (!hasFiguresPages(view)) return 0;
  let count = pageCounts.get(view.slug);
  if (count === undefined) {
    count = figuresPages(chartTable(figuresInput(view))).length;
    pageCounts.set(view.slug, count);
  }
  return count;
}
