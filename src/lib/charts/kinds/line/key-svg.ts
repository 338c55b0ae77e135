/** Draws one entry of a line chart's key: its symbol and its words. */
import { round1 } from '../../layout.ts';
import { MUTED_COLOUR, SERIES_STYLES, TEXT_COLOUR } from '../../style.ts';
import { attrs, element, escapeXml } from '../../svg.ts';
import type { KeyItemGeometry } from './geometry-types.ts';
import { crossPath, flagPath } from './marks.ts';

/** A key entry as an SVG group. */
export function renderKeyItem(item: KeyItemGeometry, fontSize: number): string {
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
