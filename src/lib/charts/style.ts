/**
 * The charts' visual vocabulary, kept in one place so every chart, the PNG export and the key agree.
 * Each series kind has its own dash pattern as well as its own colour, so no meaning rests on colour alone.
 * Every stroke colour has at least 4.5:1 contrast with white (tested), so it can also colour label text.
 */
import type { SeriesKind } from './types.ts';

/** Stroke and label colour, dash pattern and widths for one kind of series. */
export interface SeriesStyle {
  readonly colour: string;
  /** SVG stroke-dasharray, or "" for a solid line. */
  readonly dasharray: string;
  readonly strokeWidth: number;
  /** Round caps turn a short-dash pattern into dots. */
  readonly linecap: 'butt' | 'round';
  readonly markerRadius: number;
  /** Words for the pattern, used in text descriptions ("dashed line"). */
  readonly patternName: string;
}

/** Styles by series kind. */
export const SERIES_STYLES: Readonly<Record<SeriesKind, SeriesStyle>> = {
  main: { colour: '#12436D', dasharray: '', strokeWidth: 3, linecap: 'round', markerRadius: 4.5, patternName: 'solid line' },
  england: { colour: '#801650', dasharray: '10 6', strokeWidth: 2.5, linecap: 'butt', markerRadius: 3.5, patternName: 'dashed line' },
  core_cities: { colour: '#1A7A6F', dasharray: '0.5 6', strokeWidth: 3, linecap: 'round', markerRadius: 3.5, patternName: 'dotted line' },
  similar_group: { colour: '#A3450B', dasharray: '12 5 0.5 5', strokeWidth: 2.5, linecap: 'round', markerRadius: 3.5, patternName: 'dash-dot line' },
  other: { colour: '#505A5F', dasharray: '4 3', strokeWidth: 2.5, linecap: 'butt', markerRadius: 3.5, patternName: 'short-dashed line' },
};

/**
 * Dash pattern for the main line's segment into a provisional value. Round caps lengthen each dash by
 * the stroke width, so the gap is written wider than it looks.
 */
export const PROVISIONAL_DASHARRAY = '4 7';

/** Near-black text and axis colour (GOV.UK text colour). */
export const TEXT_COLOUR = '#0B0C0C';
/** Secondary text and reference-line colour; 7:1 on white. */
export const MUTED_COLOUR = '#505A5F';
/** Gridlines are decoration (values are labelled and tabled), so they may be faint. */
export const GRID_COLOUR = '#DDE0E2';
/** An earlier release's line (drawn only on request), dotted so it never passes for the current one. */
export const VINTAGE_STYLE = { colour: '#6F3C97', dasharray: '0.5 5', strokeWidth: 2.5, markerRadius: 3 } as const;
/** Bars in bar charts. */
export const BAR_COLOUR = '#12436D';

/** System font stack: no web font to load, and it is named on the SVG so downloads keep it. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Every colour a chart draws with, for the contrast test. */
export const CHART_COLOURS: readonly string[] = [
  ...Object.values(SERIES_STYLES).map((style) => style.colour),
  TEXT_COLOUR,
  MUTED_COLOUR,
  BAR_COLOUR,
  VINTAGE_STYLE.colour,
];
