/**
 * The views the data step computes once for the pages (src/lib/views/*.ts): plain JSON, no Date and
 * no Map, so what a page renders is exactly what .generated/ holds. Pages and components import
 * these types, format helpers and paths, never the read, validate or derive code.
 */
import type { ReleaseHistoryItem } from '../derive/release-history.ts';
import type { SocialImage } from '../sharing/social-meta.ts';
import type { TermGroup } from '../search/expand.ts';
import type { FilterNames } from '../search/facets.ts';
import type { SearchQuestionView } from '../search/questions.ts';
import type { NamedMeta } from '../sharing/citation.ts';
import type { BarChartView } from '../charts/kinds/bar.ts';
import type { LineTableView } from '../charts/kinds/line.ts';
import type { LeadChartView } from '../charts/kinds/registry.ts';

export type { BarChartView, BarTableView } from '../charts/kinds/bar.ts';
export type { ComparisonChartView } from '../charts/kinds/compare.ts';
export type { LineChartView, LineTableView } from '../charts/kinds/line.ts';
export type { ChartView, LeadChartView } from '../charts/kinds/registry.ts';
export type { ChartTable, ChartTableRow } from '../charts/kinds/line/table.ts';
export type { ReleaseHistoryItem, RevisionRow, FigureSpan } from '../derive/release-history.ts';
export type { SocialImage } from '../sharing/social-meta.ts';
export type { UpdateEntry } from '../updates/entries.ts';
export type { CatalogueEntry, MeasureFiles } from '../downloads/catalogue.ts';

/** A latest figure with its age, in words. */
export interface LatestView {
  /** The value formatted for its unit, e.g. "1,234" or "12.5%". */
  readonly valueText: string;
  /** "year ending June 2025". */
  readonly periodLabel: string;
  readonly provisional: boolean;
  /** True when more than twice the measure's frequency has passed since the period ended. */
  readonly outOfDate: boolean;
  /** The period, release date and age as one sentence. */
  readonly sentence: string;
}

/** A plan's target on a measure with its status. */
export interface TargetView {
  readonly plan: string;
  /** The target as the plan words it. */
  readonly text: string;
  /** True for a change-from-baseline target whose plan states no baseline period. */
  readonly noBaselinePeriod: boolean;
  readonly baselineNote?: string;
  /** e.g. "On track", capitalised for its tag. */
  readonly status: string;
  readonly reason: string;
}

/** A release as a measure page lists it. */
export interface ReleaseView extends ReleaseHistoryItem {
  /** Whether its revised figures are listed on a page of their own (paths.measureRelease). */
  readonly revisionsOnOwnPage: boolean;
  /** The sentence for figures this release only rounded differently; absent when there are none. */
  readonly roundedSentence?: string;
}

/** The figures block of a measure page: latest figure, the leading chart with its table, a breakdown. */
export interface FiguresView {
  readonly latest: Omit<LatestView, 'outOfDate' | 'sentence'> & { readonly unitWords?: string };
  /** Number of figures the current release revised. */
  readonly revisedCount: number;
  /** "Trend" or "How areas compare". */
  readonly chartHeading: string;
  readonly chart: LeadChartView;
  readonly breakdown?: { readonly heading: string; readonly chart: BarChartView };
}

/** What a measure page shows that is computed from its figures, and its sharing facts. */
export interface MeasurePageView {
  readonly slug: string;
  /** Why the page does or does not say better or worse, in the plans' words. */
  readonly direction: string;
  /**
   * The "Which way is better" row: the direction the plans set and, where the figure is not judged
   * (another area, a period after the plan), why, in one text that never says "better" without saying for what.
   */
  readonly whichWay: string;
  /** The latest figure's age; absent without a figure. */
  readonly age?: Pick<LatestView, 'outOfDate' | 'sentence'>;
  /** Absent when there is no latest figure to show. */
  readonly figures?: FiguresView;
  /** Plans that ended before the latest figure's period: the figure is not their result. */
  readonly endedBefore: readonly { readonly shortTitle: string; readonly periodLabel: string }[];
  readonly targets: readonly TargetView[];
  /** Data publishers, from the releases (a derived measure's come from its inputs). */
  readonly publishers: readonly { readonly publisher: string; readonly dataset: string }[];
  /** How often the measure is published ("Quarterly"); absent when its metadata sets no frequency. */
  readonly published?: string;
  readonly releases: readonly ReleaseView[];
  readonly citation: { readonly text: string; readonly metaTags: readonly NamedMeta[] };
  /** Where the measure has a chart to share: its preview image and embed code. */
  readonly socialImage?: SocialImage;
  readonly embedSnippet?: string;
}

/** One page of every figure of a long series: its share of the full table. */
export interface FiguresPageView {
  /** The rows of this page, captioned with the span they cover. */
  readonly table: LineTableView;
  /** "January 2016 to December 2020": the periods this page holds. */
  readonly span: string;
  /** Rows of the whole table, on every page together. */
  readonly totalRows: number;
  /** How many figures pages the series has. */
  readonly pageCount: number;
}

/** The embed page of a measure with figures: the chart the measure page leads with, alone. */
export interface EmbedView {
  readonly slug: string;
  readonly chart: LeadChartView;
  readonly areaName: string;
  readonly publisher: string;
  /** Date of the current release. */
  readonly updated: string;
  /** The plan's words behind the chart's verdict ("Lower is better, as the plan sets the direction. ..."), when it gives one. */
  readonly directionNote?: string;
}

/** Everything one measure's pages read, in .generated/views/measures/<slug>.json. */
export interface MeasureViews {
  readonly page: MeasurePageView;
  readonly embed?: EmbedView;
  /**
   * A long series' figures pages (/measures/<slug>/figures/...), oldest rows first; absent for a
   * short one. Written one file per page, so each page reads its own rows and not the measure's view.
   */
  readonly figuresPages?: readonly FiguresPageView[];
  /** The preview image's SVG, ready to rasterise (src/lib/build/preview-images.ts). */
  readonly ogSvg?: string;
  /** The plans' targets on this measure as a plan page lists them (without the page's judgement). */
  readonly planTargets: readonly TargetView[];
}

/** A small-multiple card of a measure. */
export interface CardView {
  readonly slug: string;
  readonly title: string;
  /** The area of its figures: the measure's own, else the partnership's. */
  readonly areaName: string;
  readonly latest?: Pick<LatestView, 'valueText' | 'periodLabel' | 'outOfDate' | 'sentence'>;
  readonly sparkline?: SparklineView;
  /** The plan's last month, when the figure is after the plan the cards are shown for ended. */
  readonly afterPlanLastMonth?: string;
  /** The direction note, shown only when the card judges. */
  readonly directionNote?: string;
  /** What a card without figures says instead. */
  readonly noFigures?: { readonly planSources?: string; readonly officialPublisher?: string };
}

/** A sparkline with its words. */
export interface SparklineView {
  readonly svg: string;
  readonly assessment: 'better' | 'worse' | null;
  readonly arrow: string;
  readonly latestLabel?: string;
  readonly change: string;
}

/** What a plan page computes: its period, its cards, its targets and its framework's latest figures. */
export interface PlanPageView {
  readonly periodLabel: string;
  readonly lastMonth: string;
  readonly ended: boolean;
  readonly measureCount: number;
  readonly withDataCount: number;
  readonly upToDateCount: number;
  /** A plan in force: cards of up-to-date figures. */
  readonly cards: readonly CardView[];
  /** An ended plan: figures within its period, and those after it ended. */
  readonly withinPlan: readonly CardView[];
  readonly afterPlan: readonly CardView[];
  readonly targets: readonly (TargetView & { readonly measure: string; readonly measureTitle: string })[];
  /** Latest figure per measure slug as the framework table writes it. */
  readonly frameworkLatest: Readonly<Record<string, string>>;
  /** The publishers of each measure's figures held ("Office for National Statistics; Home Office"), by slug; absent for a measure with none held. */
  readonly frameworkPublishers: Readonly<Record<string, string>>;
}

/** The views that span measures: home, plans, priorities and the lists of pages to make. */
export interface SiteViews {
  readonly home: { readonly cards: readonly CardView[] };
  readonly plans: Readonly<Record<string, PlanPageView>>;
  readonly priorities: Readonly<Record<string, { readonly cards: readonly CardView[]; readonly relatedCards: readonly CardView[] }>>;
  /** Measures with an embed page (those with a chart). */
  readonly embeds: readonly string[];
  /** Releases with a page of their own. */
  readonly releasePages: readonly { readonly slug: string; readonly date: string }[];
  /** content/search-terms.yaml as the search page (word groups) and every page's filters (names) use it. */
  readonly search: {
    readonly groups: readonly TermGroup[];
    readonly filterNames: FilterNames;
    /** Questions answered by measures' latest figures; absent when the word list has none. */
    readonly questions?: readonly SearchQuestionView[];
  };
}

