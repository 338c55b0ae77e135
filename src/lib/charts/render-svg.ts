/**
 * Turns chart geometry into a self-contained SVG string: the one renderer used inline on pages
 * (via set:html), in snapshot tests and for PNG and social images. Styling is written as presentation
 * attributes so a downloaded or rasterised copy looks the same without the page's CSS.
 * Every piece of text and every attribute value passes through escapeXml: notes and labels come from
 * data files and are untrusted.
 */
import type { BarChartGeometry } from './bar-chart.ts';
import type { KeyItemGeometry, LineChartGeometry, LineSeriesGeometry, VintageLineGeometry } from './line-chart.ts';
import type { SparklineGeometry } from './sparkline.ts';
import { encodeDensePoints } from './dense-points.ts';
import { round1 } from './layout.ts';
import { BAR_COLOUR, FONT_FAMILY, GRID_COLOUR, MUTED_COLOUR, PROVISIONAL_DASHARRAY, SERIES_STYLES, TEXT_COLOUR, VINTAGE_STYLE } from './style.ts';

/** Accessible name and description of a chart, and the id its <title>/<desc> ids are built from. */
export interface SvgTextOptions {
  /** Unique on the page; <title> gets `${id}-title` and <desc> gets `${id}-desc`. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
}

/** Escapes text for XML content and double-quoted attributes (also safe inside HTML). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]!};`);
}

type AttributeValue = string | number | undefined | null | false;

// Attributes in the order given; empty, null, undefined and false values are left out.
function attrs(values: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

function element(name: string, attributes: Readonly<Record<string, AttributeValue>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${content}</${name}>`;
}

// Everything but the data points is hidden from assistive technology. While the SVG is a single
// role="img" this changes nothing; once the enhancement script makes the points explorable (role
// "group"), it stops screen readers reading out tick labels and key text between the values.
const HIDDEN = ' aria-hidden="true"';

/** Stroke width of every point marker. */
const MARKER_STROKE_WIDTH = 2;

// Text drawn over lines gets a white outline so it stays readable where it crosses them.
const HALO = { 'paint-order': 'stroke', stroke: '#FFFFFF', 'stroke-width': 4, 'stroke-linejoin': 'round' } as const;

function svgOpen(width: number, height: number, className: string, text: SvgTextOptions, fontSize: number, extraAttributes = ''): string {
  return (
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      class: `chart-svg ${className}`,
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${text.id}-title ${text.id}-desc`,
      'font-family': FONT_FAMILY,
      'font-size': fontSize,
      fill: TEXT_COLOUR,
    })}${extraAttributes}>\n` +
    `${element('title', { id: `${text.id}-title` }, escapeXml(text.title))}\n` +
    `${element('desc', { id: `${text.id}-desc` }, escapeXml(text.desc))}\n` +
    // An opaque background keeps downloads and PNGs readable on dark viewers.
    `${element('rect', { class: 'chart-background', width, height, fill: '#FFFFFF' })}`
  );
}

/** Renders a line chart's geometry as an accessible SVG string. */
export function renderLineChartSvg(geometry: LineChartGeometry, text: SvgTextOptions): string {
  const { plot, fontSize, smallFontSize } = geometry;
  const dense = markersCrowded(geometry);
  const periods = dense ? densePeriods(geometry) : [];
  const periodsAttribute = dense ? singleQuotedAttribute('data-periods', JSON.stringify(periods.map((p) => [p.x, p.periodLabel]))) : '';
  const parts: string[] = [svgOpen(geometry.width, geometry.height, 'chart-svg--line', text, fontSize, periodsAttribute)];

  // Value axis: title above, gridlines with labels at the left.
  parts.push(`<g class="axis axis--y"${HIDDEN}>`);
  parts.push(element('text', { class: 'axis-title', x: 0, y: geometry.yAxis.titleY, 'font-weight': 600 }, escapeXml(geometry.yAxis.title)));
  for (const tick of geometry.yAxis.ticks) {
    parts.push(
      `<g class="tick">${element('line', { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y, stroke: GRID_COLOUR, 'stroke-width': 1 })}` +
        `${element('text', { x: plot.left - 8, y: round1(tick.y + fontSize * 0.35), 'text-anchor': 'end' }, escapeXml(tick.label))}</g>`,
    );
  }
  parts.push('</g>');

  // Time axis: the zero line, then tick marks and labels at thinned periods.
  parts.push(`<g class="axis axis--x"${HIDDEN}>`);
  parts.push(element('line', { x1: plot.left, x2: plot.right, y1: geometry.xAxis.baselineY, y2: geometry.xAxis.baselineY, stroke: TEXT_COLOUR, 'stroke-width': 1.5 }));
  for (const tick of geometry.xAxis.ticks) {
    parts.push(
      `<g class="tick"${attrs({ 'data-period': tick.period })}>${element('line', { x1: tick.x, x2: tick.x, y1: plot.bottom, y2: plot.bottom + 5, stroke: TEXT_COLOUR, 'stroke-width': 1.5 })}` +
        `${element('text', { x: tick.labelX, y: geometry.xAxis.labelY, 'text-anchor': 'middle' }, escapeXml(tick.label))}</g>`,
    );
  }
  parts.push('</g>');

  if (geometry.references.length > 0) {
    parts.push(`<g class="references"${HIDDEN}>`);
    for (const reference of geometry.references) {
      parts.push(
        `<g${attrs({ class: `reference reference--${reference.kind}`, 'data-period': reference.period, 'data-value': reference.value })}>` +
          element('title', {}, escapeXml(`${reference.text} (${reference.periodLabel})`)) +
          element('line', {
            x1: plot.left,
            x2: plot.right,
            y1: reference.y,
            y2: reference.y,
            stroke: MUTED_COLOUR,
            'stroke-width': 1.5,
            'stroke-dasharray': reference.kind === 'target' ? '14 4 3 4' : undefined,
          }) +
          element(
            'text',
            { class: 'reference-label', fill: MUTED_COLOUR, 'font-size': smallFontSize },
            reference.label.lines.map((line) => element('tspan', { x: reference.label.x, y: line.y }, escapeXml(line.text))).join(''),
          ) +
          '</g>',
      );
    }
    parts.push('</g>');
  }

  if (geometry.breaks.length > 0) {
    parts.push(`<g class="series-breaks"${HIDDEN}>`);
    for (const seriesBreak of geometry.breaks) {
      parts.push(
        `<g${attrs({ class: 'series-break', 'data-period': seriesBreak.period, 'data-note': seriesBreak.note })}>` +
          element('title', {}, escapeXml(`Series break before ${seriesBreak.periodLabel}: ${seriesBreak.note}`)) +
          element('line', { x1: seriesBreak.x, x2: seriesBreak.x, y1: plot.top - 6, y2: plot.bottom, stroke: TEXT_COLOUR, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }) +
          element(
            'text',
            { x: seriesBreak.labelX, y: seriesBreak.labelY, 'text-anchor': seriesBreak.labelAnchor, 'font-size': smallFontSize, ...HALO },
            escapeXml('Series break'),
          ) +
          '</g>',
      );
    }
    parts.push('</g>');
  }

  // Suppressed values of the main series get a cross on the axis; comparators' gaps are in the table.
  const mainGaps = geometry.gaps.filter((gap) => gap.seriesKind === 'main');
  if (mainGaps.length > 0) {
    parts.push(`<g class="gaps"${HIDDEN}>`);
    for (const gap of mainGaps) {
      const cy = round1(geometry.xAxis.baselineY - 8);
      parts.push(
        `<g${attrs({ class: 'gap', 'data-series': gap.seriesKey, 'data-period': gap.period, 'data-note': gap.note })}>` +
          element('title', {}, escapeXml(`${gap.periodLabel}: suppressed${gap.note ? `. ${gap.note}` : ''}`)) +
          element('path', { d: crossPath(gap.x, cy), stroke: MUTED_COLOUR, 'stroke-width': 2, 'stroke-linecap': 'round' }) +
          '</g>',
      );
    }
    parts.push('</g>');
  }

  // Earlier releases sit under the current lines. display="none" keeps them out of downloads and
  // PNGs; the page's stylesheet shows the one the reader picks (data-vintage-index counts from 1).
  if (geometry.vintages.length > 0) {
    parts.push(`<g class="vintage-lines"${HIDDEN}>`);
    geometry.vintages.forEach((vintage, i) => parts.push(renderVintageLine(vintage, i + 1, dense)));
    parts.push('</g>');
  }

  for (const series of geometry.series) parts.push(renderSeries(series, fontSize, dense ? periods : undefined));

  if (geometry.key.length > 0) {
    parts.push(`<g${attrs({ class: 'chart-key', 'font-size': smallFontSize, 'aria-hidden': 'true' })}>`);
    for (const item of geometry.key) parts.push(renderKeyItem(item, smallFontSize));
    parts.push('</g>');
  }

  parts.push('</svg>');
  return parts.join('\n');
}

function crossPath(x: number, y: number): string {
  const [left, right, top, bottom] = [round1(x - 4), round1(x + 4), round1(y - 4), round1(y + 4)];
  return `M${left},${top}L${right},${bottom}M${right},${top}L${left},${bottom}`;
}

// A small pennant on a pole above a marker, for revised values.
function flagPath(x: number, markerTop: number): string {
  const top = round1(markerTop - 11);
  return `M${x},${round1(markerTop)}V${top}L${round1(x + 7)},${round1(top + 3)}L${x},${round1(top + 6)}`;
}

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

// A single-quoted attribute, so the JSON's double quotes need no escaping.
function singleQuotedAttribute(name: string, value: string): string {
  return ` ${name}='${value.replace(/[&<>']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": 'apos' }[char]!};`)}'`;
}

// `densePeriods` is given when the chart is crowded (markersCrowded): no marker per value then.
function renderSeries(series: LineSeriesGeometry, fontSize: number, densePeriods?: readonly { readonly x: number }[]): string {
  const { style } = series;
  const dense = densePeriods !== undefined;
  const open = `<g${attrs({ class: `series series--${series.kind}`, 'data-series': series.key, 'data-series-label': series.label, 'data-kind': series.kind })}`;
  const paths = series.segments.map((segment) => (dense ? relativePath(segment.d) : segment.d));
  const parts: string[] = [dense ? `${open}${singleQuotedAttribute('data-points', densePointsData(series, densePeriods, paths))}>` : `${open}>`];
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

function renderVintageLine(vintage: VintageLineGeometry, index: number, dense: boolean): string {
  const style = VINTAGE_STYLE;
  return (
    `<g${attrs({ class: 'vintage-line', 'data-vintage': vintage.date, 'data-vintage-index': index, display: 'none' })}>` +
    element('title', {}, escapeXml(`As published on ${vintage.label}`)) +
    (vintage.d
      ? element('path', { d: dense ? relativePath(vintage.d) : vintage.d, fill: 'none', stroke: style.colour, 'stroke-width': style.strokeWidth, 'stroke-dasharray': style.dasharray, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })
      : '') +
    vintage.dots.map((dot) => element('circle', { cx: dot.x, cy: dot.y, r: style.markerRadius, fill: style.colour })).join('') +
    '</g>'
  );
}

function renderKeyItem(item: KeyItemGeometry, fontSize: number): string {
  const main = SERIES_STYLES.main;
  const cx = round1(item.x + 9);
  let symbol: string;
  switch (item.symbol) {
    case 'provisional':
      symbol = element('circle', { cx, cy: item.y, r: main.markerRadius, fill: '#FFFFFF', stroke: main.colour, 'stroke-width': 2 });
      break;
    case 'revised':
      symbol =
        element('path', { d: flagPath(cx, round1(item.y - main.markerRadius + 3)), fill: main.colour, stroke: main.colour, 'stroke-width': 1.5, 'stroke-linejoin': 'round' }) +
        element('circle', { cx, cy: round1(item.y + 3), r: main.markerRadius, fill: main.colour, stroke: main.colour, 'stroke-width': 2 });
      break;
    case 'gap':
      symbol = element('path', { d: crossPath(cx, item.y), stroke: MUTED_COLOUR, 'stroke-width': 2, 'stroke-linecap': 'round' });
      break;
    case 'break':
      symbol = element('line', { x1: cx, x2: cx, y1: round1(item.y - 9), y2: round1(item.y + 9), stroke: TEXT_COLOUR, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' });
      break;
  }
  return `<g${attrs({ class: `key-item key-item--${item.symbol}` })}>${symbol}${element('text', { x: round1(item.x + 22), y: round1(item.y + fontSize * 0.35) }, escapeXml(item.text))}</g>`;
}

/** Renders a bar chart's geometry as an accessible SVG string. */
export function renderBarChartSvg(geometry: BarChartGeometry, text: SvgTextOptions): string {
  const parts: string[] = [svgOpen(geometry.width, geometry.height, 'chart-svg--bar', text, geometry.fontSize)];
  parts.push(element('line', { class: 'axis-zero', x1: geometry.zeroX, x2: geometry.zeroX, y1: geometry.top - 4, y2: geometry.bottom + 4, stroke: TEXT_COLOUR, 'stroke-width': 1.5 }));
  for (const bar of geometry.bars) {
    const suppressed = bar.value === null;
    parts.push(
      `<g${attrs({ class: suppressed ? 'bar bar--suppressed' : 'bar', 'data-label': bar.label, 'data-value': bar.value ?? undefined, 'data-status': bar.status, 'data-note': bar.note })}>` +
        element(
          'text',
          { class: 'bar-label', 'text-anchor': 'end' },
          bar.labelLines.map((line) => element('tspan', { x: geometry.labelX, y: line.y }, escapeXml(line.text))).join(''),
        ) +
        (suppressed ? '' : element('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: BAR_COLOUR })) +
        element(
          'text',
          {
            class: 'bar-value',
            x: bar.valueX,
            y: bar.valueY,
            'text-anchor': bar.valueAnchor,
            fill: suppressed ? MUTED_COLOUR : TEXT_COLOUR,
            'font-style': suppressed ? 'italic' : undefined,
            'font-weight': suppressed ? undefined : 600,
          },
          escapeXml(bar.valueText),
        ) +
        '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * Renders a sparkline. With a `title` it is an image in its own right; without one it is hidden from
 * assistive technology, because the text beside it (latest value and direction) says everything.
 */
export function renderSparklineSvg(geometry: SparklineGeometry, options: { readonly id?: string; readonly title?: string } = {}): string {
  const style = SERIES_STYLES.main;
  const labelled = options.title !== undefined && options.id !== undefined;
  const open = `<svg${attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'chart-svg chart-svg--sparkline',
    viewBox: `0 0 ${geometry.width} ${geometry.height}`,
    width: geometry.width,
    height: geometry.height,
    role: labelled ? 'img' : undefined,
    'aria-labelledby': labelled ? `${options.id}-title` : undefined,
    'aria-hidden': labelled ? undefined : 'true',
  })}>`;
  const parts = [open];
  if (labelled) parts.push(element('title', { id: `${options.id}-title` }, escapeXml(options.title!)));
  if (geometry.d) {
    parts.push(element('path', { d: geometry.d, fill: 'none', stroke: style.colour, 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  }
  if (geometry.end) {
    parts.push(
      element('circle', {
        cx: geometry.end.x,
        cy: geometry.end.y,
        r: 3,
        fill: geometry.latest?.provisional ? '#FFFFFF' : style.colour,
        stroke: style.colour,
        'stroke-width': 1.5,
      }),
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
