/**
 * What a page renders of a chart: plain JSON (no Date, no Map), computed once by the data step.
 * One member per chart kind; `ChartView['kind']` is what every switch over kinds must cover.
 */
import type { ChartTable } from '../table.ts';

/** Names and ids a chart is drawn with on a page. */
export interface ChartFacts {
  /** Unique on the page; the figure gets this id and the SVG's <title>/<desc> ids derive from it. */
  readonly id: string;
  /** Accessible name of the chart. */
  readonly title: string;
  /** File name (without extension) for the chart's downloads. */
  readonly downloadName: string;
  /** Id of the table's scrolling region, where the page links to it. */
  readonly tableId?: string;
}

interface ChartViewBase {
  readonly id: string;
  readonly title: string;
  /** Short description: the SVG's <desc> and the preview image's alt text. */
  readonly desc: string;
  /** Plain-English summary shown as the caption. */
  readonly summary: string;
  readonly downloadName: string;
  /** Rendered SVG whose every text is escaped (render-svg.ts), safe for set:html. */
  readonly svg: string;
  /** The SVG's own size in user units. */
  readonly width: number;
  readonly height: number;
}

/** A line chart's table: the rows, and the unit suffix visually hidden on a phone. */
export interface LineTableView {
  readonly caption: string;
  readonly id?: string;
  /** " per 100,000" for a rate, else "". */
  readonly unitSuffix: string;
  readonly table: ChartTable;
  /**
   * Set when the table lists only a long series' newest periods (src/lib/views/figures-page.ts): how many
   * rows it shows and how many the chart draws; every row is on the measure's figures pages.
   */
  readonly newest?: { readonly shown: number; readonly total: number };
}

/** A line chart (a trend), with the earlier releases a reader may draw beside it. */
export interface LineChartView extends ChartViewBase {
  readonly kind: 'line';
  /** Earlier releases offered for comparison, newest first (empty on previews and embeds). */
  readonly vintages: readonly { readonly date: string; readonly label: string }[];
  readonly table: LineTableView;
}

/** A bar chart's table: one row per bar. */
export interface BarTableView {
  readonly caption: string;
  /** What the rows are, e.g. "area" or "age band". */
  readonly rowsAre: string;
  readonly rows: readonly { readonly label: string; readonly value: string; readonly note: string }[];
  readonly hasNote: boolean;
}

/** A bar chart (areas or a breakdown at one period). */
export interface BarChartView extends ChartViewBase {
  readonly kind: 'bar';
  readonly table: BarTableView;
}

/** Any chart a page shows. */
export type ChartView = LineChartView | BarChartView;

/** Fails to compile when a switch over chart kinds leaves one out. */
export function unknownChartKind(kind: never): never {
  throw new Error(`unknown chart kind ${JSON.stringify(kind)}`);
}
