/**
 * Draws a line chart's geometry as one accessible SVG string: the axes, references, series breaks and
 * suppressed values here; the lines, the earlier releases and the key from their own files.
 */
import { round1 } from '../../layout.ts';
import { GRID_COLOUR, MUTED_COLOUR, TEXT_COLOUR } from '../../style.ts';
import { attrs, element, escapeXml, HALO, HIDDEN, singleQuotedAttribute, svgOpen, type SvgTextOptions } from '../../svg.ts';
import type { LineChartGeometry } from './geometry-types.ts';
import { renderKeyItem } from './key-svg.ts';
import { crossPath } from './marks.ts';
import { densePeriods, markersCrowded, renderSeries } from './series-svg.ts';
import { renderVintageLine } from './vintage-svg.ts';

/** Renders a line chart's geometry as an accessible SVG string. */
export function renderLineChartSvg(geometry: LineChartGeometry, text: SvgTextOptions): string {
  const { plot, fontSize, smallFontSize } = geometry;
  const dense = markersCrowded(geometry);
  const periods = dense ? densePeriods(geometry) : [];
  const periodsAttribute = dense && !text.picture ? singleQuotedAttribute('data-periods', JSON.stringify(periods.map((p) => [p.x, p.periodLabel]))) : '';
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

  for (const series of geometry.series) parts.push(renderSeries(series, fontSize, dense ? periods : undefined, text.picture));

  if (geometry.key.length > 0) {
    parts.push(`<g${attrs({ class: 'chart-key', 'font-size': smallFontSize, 'aria-hidden': 'true' })}>`);
    for (const item of geometry.key) parts.push(renderKeyItem(item, smallFontSize));
    parts.push('</g>');
  }

  parts.push('</svg>');
  return parts.join('\n');
}
