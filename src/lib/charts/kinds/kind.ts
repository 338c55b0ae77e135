/**
 * What every chart kind provides, and the one place a chart is laid out and drawn. A kind is one
 * module (kinds/<kind>.ts, its parts in kinds/<kind>/) owning its input, geometry, SVG, words, table
 * and, for a kind a measure can lead with, its preview-image fit and embed height; the registry
 * (registry.ts) lists the kinds, and every kind union is derived from it.
 */
import type { MeasurePageData } from '../../derive/measure-page.ts';
import type { Period } from '../../schemas/period.ts';
import type { SvgTextOptions } from '../svg.ts';

/** The words a chart carries: `desc` for the SVG and alt text, `summary` for the caption. */
export interface ChartWords {
  readonly desc: string;
  readonly summary: string;
}

/** A chart's size in viewBox units. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** A rectangle in preview-image pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Chart text (15 units) is drawn in a preview image at about twice its page size, so it stays legible in a small card. */
export const PREFERRED_PREVIEW_SCALE = 2;

/** A chart laid out for a preview image's box: its SVG and size, and whether it is centred down the box too. */
export interface PreviewChart extends ChartSize {
  readonly svg: string;
  readonly centredDown: boolean;
}

/** One chart kind: how its input is laid out, drawn, put into words and assembled into a page's view. */
export interface ChartKind<Kind extends string, Input, Geometry extends ChartSize, Facts, View extends { readonly kind: Kind }> {
  readonly kind: Kind;
  /** The layout at page size. */
  geometry(input: Input): Geometry;
  words(input: Input): ChartWords;
  svg(geometry: Geometry, text: SvgTextOptions): string;
  /** The view a page renders (SVG, words, table), from a layout and words computed once. */
  view(input: Input, facts: Facts, drawn: { readonly geometry: Geometry; readonly words: ChartWords }): View;
  /** Present on the kinds a measure can lead with: what its preview image and embed need. */
  readonly lead?: LeadKind<Input, Facts>;
}

/** A kind a measure can lead with: it has a preview image and an embed. */
export type LeadingChartKind<Kind extends string, Input, Geometry extends ChartSize, Facts, View extends { readonly kind: Kind }> = ChartKind<Kind, Input, Geometry, Facts, View> & {
  readonly lead: LeadKind<Input, Facts>;
};

/** What a kind a measure can lead with adds: its input from the measure, its preview image, its embed. */
export interface LeadKind<Input, Facts> {
  /** The input when the measure leads with this kind, else undefined. */
  input(data: MeasurePageData): Input | undefined;
  /** Names and ids the lead chart is drawn with on the measure's page and embed. */
  facts(slug: string, title: string): Facts;
  /** The chart laid out and drawn for a preview image's box (its own layout: the image is larger than a page column). */
  preview(input: Input, box: Box): PreviewChart;
  /** The line under the preview image's title: the area, and the latest figure or the period compared. */
  previewSubtitle(input: Input, latest: { readonly value: number; readonly period: Period }): string;
  /** Embed-frame pixels this kind adds beyond the chart, title, summary and fixed text (controls, toggles). */
  embedExtraPx(input: Input): number;
}

/**
 * How many layouts and drawings this thread made; the data step sums them over its threads and the
 * benchmark reports them. Each chart drawn is laid out once: geometries exceeding drawn means some
 * code laid a chart out again instead of reusing the layout (or the view's size).
 */
export const chartCounts: ChartCounts = { geometries: 0, drawn: 0, previewFits: 0, headlineSeries: 0, releases: 0, records: 0 };

/** Layouts and drawings counted by chartCounts. */
export interface ChartCounts {
  /** Page-size layouts (layOut). */
  geometries: number;
  /** Charts drawn into a view (drawChart). */
  drawn: number;
  /** Charts laid out and drawn for a preview image (each at the image's size, its own layout). */
  previewFits: number;
  /**
   * Headline series built (src/lib/derive/series.ts), against the releases read: each release's is
   * built once however many views use it, so never more series than releases.
   */
  headlineSeries: number;
  releases: number;
  /** Measure records built (src/lib/views/record.ts): one per measure whose views are written, however many views read it. */
  records: number;
}

/** The counts made since `before` (a copy of chartCounts taken earlier). */
export function chartCountsSince(before: ChartCounts): ChartCounts {
  return {
    geometries: chartCounts.geometries - before.geometries,
    drawn: chartCounts.drawn - before.drawn,
    previewFits: chartCounts.previewFits - before.previewFits,
    headlineSeries: chartCounts.headlineSeries - before.headlineSeries,
    releases: chartCounts.releases - before.releases,
    records: chartCounts.records - before.records,
  };
}

/** Two counts added together. */
export function addChartCounts(a: ChartCounts, b: ChartCounts): ChartCounts {
  return {
    geometries: a.geometries + b.geometries,
    drawn: a.drawn + b.drawn,
    previewFits: a.previewFits + b.previewFits,
    headlineSeries: a.headlineSeries + b.headlineSeries,
    releases: a.releases + b.releases,
    records: a.records + b.records,
  };
}

/** A chart's page-size layout: the one counted entry point. */
export function layOut<Kind extends string, Input, Geometry extends ChartSize, Facts, View extends { readonly kind: Kind }>(
  kind: ChartKind<Kind, Input, Geometry, Facts, View>,
  input: Input,
): Geometry {
  chartCounts.geometries++;
  return kind.geometry(input);
}

/** A chart laid out once and drawn into its view; `words` where they are already written. */
export function drawChart<Kind extends string, Input, Geometry extends ChartSize, Facts, View extends { readonly kind: Kind }>(
  kind: ChartKind<Kind, Input, Geometry, Facts, View>,
  input: Input,
  facts: Facts,
  words: ChartWords = kind.words(input),
): View {
  const geometry = layOut(kind, input);
  chartCounts.drawn++;
  return kind.view(input, facts, { geometry, words });
}

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

/** What every line or bar chart view carries. */
export interface ChartViewBase {
  readonly id: string;
  readonly title: string;
  /** Short description: the SVG's <desc> and the preview image's alt text. */
  readonly desc: string;
  /** Plain-English summary shown as the caption. */
  readonly summary: string;
  readonly downloadName: string;
  /** Rendered SVG whose every text is escaped (src/lib/charts/svg.ts), safe for set:html. */
  readonly svg: string;
  /** The SVG's own size in user units. */
  readonly width: number;
  readonly height: number;
}

/** Fails to compile when a switch over chart kinds leaves one out. */
export function unknownChartKind(kind: never): never {
  throw new Error(`unknown chart kind ${JSON.stringify(kind)}`);
}
