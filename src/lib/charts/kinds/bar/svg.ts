/** Draws a bar chart's geometry as one accessible SVG string. */
import { BAR_COLOUR, MUTED_COLOUR, TEXT_COLOUR } from '../../style.ts';
import { attrs, element, escapeXml, svgOpen, type SvgTextOptions } from '../../svg.ts';
import type { BarChartGeometry } from './geometry.ts';

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
