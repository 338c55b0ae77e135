/** Draws a sparkline: a card's small trend line and its latest value. */
import { SERIES_STYLES } from './style.ts';
import type { SparklineGeometry } from './sparkline.ts';
import { attrs, element, escapeXml } from './svg.ts';

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
