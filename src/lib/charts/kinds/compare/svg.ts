/** Draws a comparison's geometry as one accessible SVG string; every piece of text is escaped. */
import { round1 } from '../../layout.ts';
import { BAR_COLOUR, FONT_FAMILY, GRID_COLOUR, MUTED_COLOUR, SERIES_STYLES, TEXT_COLOUR } from '../../style.ts';
import { escapeXml } from '../../svg.ts';
import { FONT, LABEL_X, LINE, OTHER_BAR, ROW, type ComparisonGeometry } from './geometry.ts';
import type { ComparedArea } from './input.ts';

function roleColour(role: ComparedArea['role']): string {
  return role === 'own' ? BAR_COLOUR : SERIES_STYLES.core_cities.colour;
}

/** The comparison as an accessible SVG string; every piece of text is escaped. */
export function renderComparisonSvg(g: ComparisonGeometry, text: { readonly id: string; readonly title: string; readonly desc: string }): string {
  const a = (values: Record<string, string | number | undefined>) =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
      .join('');
  const parts = [
    `<svg${a({ xmlns: 'http://www.w3.org/2000/svg', class: 'chart-svg chart-svg--compare', viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, role: 'img', 'aria-labelledby': `${text.id}-title ${text.id}-desc`, 'font-family': FONT_FAMILY, 'font-size': FONT, fill: TEXT_COLOUR })}>`,
    `<title id="${escapeXml(text.id)}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${escapeXml(text.id)}-desc">${escapeXml(text.desc)}</desc>`,
    `<rect class="chart-background" width="${g.width}" height="${g.height}" fill="#FFFFFF"/>`,
  ];
  for (const t of g.ticks) {
    parts.push(`<line x1="${t.x}" x2="${t.x}" y1="${g.barsTop - 4}" y2="${g.barsBottom}" stroke="${GRID_COLOUR}" aria-hidden="true"/>`);
    parts.push(`<text class="tick" x="${t.x}" y="${g.axisY}" text-anchor="middle" fill="${MUTED_COLOUR}" aria-hidden="true">${escapeXml(t.text)}</text>`);
  }
  parts.push(`<path class="bars-other" d="${g.otherBars}" fill="${OTHER_BAR}" aria-hidden="true"/>`);
  for (const bar of g.labelledBars) parts.push(`<rect class="bar bar--${bar.role}" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${ROW}" fill="${roleColour(bar.role)}" data-label="${escapeXml(bar.name)}" data-value="${bar.value}"/>`);
  if (g.reference) {
    const style = SERIES_STYLES.england;
    parts.push(`<line class="reference" x1="${g.reference.x}" x2="${g.reference.x}" y1="${g.barsTop - 14}" y2="${g.barsBottom}" stroke="${style.colour}" stroke-width="2" stroke-dasharray="${style.dasharray}"/>`);
    parts.push(`<text class="reference-label" x="${g.reference.x}" y="${g.barsTop - 20}" text-anchor="${g.reference.anchor}" fill="${style.colour}" font-weight="600">${escapeXml(g.reference.text)}</text>`);
  }
  for (const label of g.labels) {
    const colour = label.role === 'own' ? TEXT_COLOUR : roleColour(label.role);
    const firstY = label.y - ((label.lines.length - 1) * LINE) / 2 + FONT * 0.35;
    parts.push(`<line x1="${label.barX + 1}" y1="${label.barY}" x2="${LABEL_X - 4}" y2="${label.y}" stroke="${colour}" stroke-width="1" aria-hidden="true"/>`);
    parts.push(
      `<text class="area-label" x="${LABEL_X}" fill="${colour}"${label.role === 'own' ? ' font-weight="700"' : ''}>` +
        label.lines.map((line, i) => `<tspan x="${LABEL_X}" y="${round1(firstY + i * LINE)}">${escapeXml(line)}</tspan>`).join('') +
        '</text>',
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
