/** Draws an earlier release's line, hidden until the reader chooses that release. */
import { VINTAGE_STYLE } from '../../style.ts';
import { attrs, element, escapeXml } from '../../svg.ts';
import type { VintageLineGeometry } from './geometry-types.ts';
import { relativePath } from './series-svg.ts';

/** An earlier release's line as an SVG group; `index` counts from 1, as the page's stylesheet does. */
export function renderVintageLine(vintage: VintageLineGeometry, index: number, dense: boolean): string {
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
