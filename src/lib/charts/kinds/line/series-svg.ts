/**
 * Draws one series of a line chart: its line stretches, a marker per value (or, where values are too
 * close to tell apart, the values as data for the enhancement script), and its line-end label.
 */
import { round1 } from '../../layout.ts';
import { PROVISIONAL_DASHARRAY } from '../../style.ts';
import { attrs, element, escapeXml, singleQuotedAttribute } from '../../svg.ts';
import type { LineChartGeometry, LineSeriesGeometry } from './geometry-types.ts';
import { encodeDensePoints } from './dense-points.ts';
import { flagPath } from './marks.ts';

/** Stroke width of every point marker. */
const MARKER_STROKE_WIDTH = 2;

/** Full drawn width of a series' point marker: its diameter plus the 2-unit stroke. */
function markerWidth(series: LineSeriesGeometry): number {
  return 2 * series.style.markerRadius + MARKER_STROKE_WIDTH;
}

/**
 * Whether a line chart has more values than can be told apart as markers: in some series, values are
 * on average closer together than half a marker's drawn width, so each marker would cover its
 * neighbours' centres and the markers would merge into a thick band in which no single value can be
 * picked out, adding only weight to the page. Then the lines are drawn without a marker per value
 * (see renderSeries). The average, not the closest pair, decides, because rolling periods (years
 * ending each quarter after years ending in March) put a few values close together in an otherwise
 * readable series, whose markers are kept. The site's tightest chart (23 values across 250 units) is
 * at twice the limit; a 440-wide chart of 120 monthly values is at less than half of it.
 */
export function markersCrowded(geometry: LineChartGeometry): boolean {
  const plotWidth = geometry.plot.right - geometry.plot.left;
  return geometry.series.some((series) => (series.points.length * markerWidth(series)) / 2 > plotWidth);
}

/** Every period any series plots a value for, left to right: what data-periods lists. */
export function densePeriods(geometry: LineChartGeometry): { period: string; periodLabel: string; x: number }[] {
  const byPeriod = new Map<string, { period: string; periodLabel: string; x: number }>();
  for (const series of geometry.series) for (const point of series.points) byPeriod.set(point.period, { period: point.period, periodLabel: point.periodLabel, x: point.x });
  return [...byPeriod.values()].sort((a, b) => a.x - b.x);
}

/**
 * A crowded series' values for the enhancement script: one entry per period of data-periods (the
 * svg's), in the form of dense-points.ts, which leaves out each height the drawn `paths` give back.
 */
export function densePointsData(series: LineSeriesGeometry, periods: readonly { readonly x: number }[], paths: readonly string[]): string {
  return encodeDensePoints(
    series.points.map((point) => ({ x: point.x, y: point.y, label: point.label, status: point.status, note: point.note })),
    periods.map((p) => p.x),
    paths,
  );
}

/**
 * The same path with each line-to written relative to the point before (`l dx,dy`): a long series'
 * steps are short and alike, so the path is about a sixth smaller and compresses better. Coordinates
 * are rounded to 0.1 before and after, so the points drawn are the same. Only M, L and Z paths (what
 * d3's linear line writes) are rewritten; any other path is returned unchanged.
 */
export function relativePath(d: string): string {
  if (!/^[MLZ0-9.,\s-]*$/.test(d)) return d;
  let out = '';
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      // Closing returns to the subpath's start, which the next step counts from.
      out += 'Z';
      [x, y] = [startX, startY];
      continue;
    }
    const [nextX, nextY] = args!.split(',').map(Number) as [number, number];
    if (command === 'M') {
      out += `M${args}`;
      [startX, startY] = [nextX, nextY];
    } else {
      const dx = round1(nextX - x);
      const dy = round1(nextY - y);
      out += `l${dx}${dy < 0 ? '' : ','}${dy}`;
    }
    [x, y] = [nextX, nextY];
  }
  return out;
}

/**
 * A series as an SVG group; `densePeriods` is given when the chart is crowded (markersCrowded): no
 * marker per value then, and, unless the chart is drawn as a `picture`, its values as data instead.
 */
export function renderSeries(series: LineSeriesGeometry, fontSize: number, densePeriods?: readonly { readonly x: number }[], picture = false): string {
  const { style } = series;
  const dense = densePeriods !== undefined;
  const open = `<g${attrs({ class: `series series--${series.kind}`, 'data-series': series.key, 'data-series-label': series.label, 'data-kind': series.kind })}`;
  const paths = series.segments.map((segment) => (dense ? relativePath(segment.d) : segment.d));
  const parts: string[] = [dense && !picture ? `${open}${singleQuotedAttribute('data-points', densePointsData(series, densePeriods, paths))}>` : `${open}>`];
  for (const [i, segment] of series.segments.entries()) {
    // The main line's dash marks provisional stretches; comparators keep their own pattern, which is their identity.
    const dash = segment.provisional && series.kind === 'main' ? PROVISIONAL_DASHARRAY : style.dasharray;
    parts.push(
      element('path', {
        class: segment.provisional ? 'series-line series-line--provisional' : 'series-line',
        'aria-hidden': 'true',
        d: paths[i],
        fill: 'none',
        stroke: style.colour,
        'stroke-width': style.strokeWidth,
        'stroke-dasharray': dash,
        'stroke-linecap': style.linecap,
        'stroke-linejoin': 'round',
      }),
    );
  }
  for (const point of series.points) {
    // Crowded: only the values the key explains keep a marker, drawn as a picture; the script makes
    // the values explorable from data-points.
    if (dense && !point.provisional && !point.revised) continue;
    const base = dense ? 'marker' : 'point';
    const classes = [base, point.provisional ? `${base}--provisional` : '', point.revised ? `${base}--revised` : ''].filter(Boolean).join(' ');
    if (point.revised) {
      parts.push(element('path', { class: 'revised-flag', 'aria-hidden': 'true', d: flagPath(point.x, round1(point.y - style.markerRadius)), fill: style.colour, stroke: style.colour, 'stroke-width': 1.5, 'stroke-linejoin': 'round' }));
    }
    parts.push(
      element('circle', {
        class: classes,
        cx: point.x,
        cy: point.y,
        r: style.markerRadius,
        fill: point.provisional ? '#FFFFFF' : style.colour,
        stroke: style.colour,
        'stroke-width': MARKER_STROKE_WIDTH,
        'aria-hidden': dense ? 'true' : undefined,
        ...(dense
          ? {}
          : {
              'data-period': point.period,
              'data-period-label': point.periodLabel,
              'data-value': point.value,
              'data-label': point.label,
              'data-status': point.status,
              'data-note': point.note,
            }),
      }),
    );
  }
  if (series.endLabel) {
    const tspans = series.endLabel.lines.map((line) => element('tspan', { x: series.endLabel!.x, y: line.y }, escapeXml(line.text))).join('');
    parts.push(element('text', { class: 'series-label', 'aria-hidden': 'true', fill: style.colour, 'font-weight': 600, 'font-size': fontSize }, tspans));
  }
  parts.push('</g>');
  return parts.join('\n');
}
