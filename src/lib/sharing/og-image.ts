/**
 * The social preview image of a chart as one SVG (1200 x 630, the size Open Graph and Twitter
 * cards expect): a coloured band with the title, the chart itself from the site's own renderer
 * (same geometry and styling as on the page, laid out larger), and a source line. Plain string
 * building; every piece of text goes through escapeXml, because titles and labels come from
 * content files. Rasterised to PNG by og-render.ts.
 */
import type { Box } from '../charts/kinds/kind.ts';
import { leadPreview, type LeadInput } from '../charts/kinds/registry.ts';
import { textWidth, wrapText } from '../charts/layout.ts';
import { FONT_FAMILY, MUTED_COLOUR, TEXT_COLOUR } from '../charts/style.ts';
import { escapeXml } from '../charts/svg.ts';

export type { Box } from '../charts/kinds/kind.ts';

/** Pixel size of every preview image. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The chart to draw: the measure's lead chart, the same input its page draws from. */
export type OgChart = LeadInput;

/** The words around the chart. */
export interface OgImageText {
  /** Large, in the band; wrapped to two lines at most. */
  readonly title: string;
  /** One line under the title, e.g. the area and latest figure. */
  readonly subtitle: string;
  /** Who published the figures, e.g. "Home Office"; shortened if it would crowd the footer. */
  readonly publisher: string;
  /** Short licence name, e.g. "OGL v3.0"; always shown in full. */
  readonly licence: string;
  /** Bottom right, in the brand colour. */
  readonly siteName: string;
  /** Band colour (#rrggbb) from content/site.yaml; the band's text is white. */
  readonly brand: string;
}

const MARGIN = 48;
const TITLE_SIZE = 52;
const TITLE_LEADING = 60;
const SUBTITLE_SIZE = 28;
const FOOTER_SIZE = 24;
const FOOTER_HEIGHT = 64;
/**
 * The chart layout's text-width estimate errs wide (by 11 to 20% in Liberation Sans and Arial, the
 * fonts the image is drawn in) so labels never overflow; in the band and footer that margin would
 * cut lines short, so widths there are counted at 90% of the estimate.
 */
const ESTIMATE_SHARE = 0.9;

/** Cuts `text` at a word and adds an ellipsis so it fits `maxWidth` at the given size. */
export function fitLine(text: string, fontSize: number, maxWidth: number, bold = false): string {
  const width = (line: string) => textWidth(line, fontSize, bold) * ESTIMATE_SHARE;
  if (width(text) <= maxWidth) return text;
  const words = text.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:.–-]+$/, '')}…`;
    if (width(candidate) <= maxWidth) return candidate;
  }
  // One long word: cut characters.
  let cut = text;
  while (cut.length > 1 && width(`${cut}…`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** "Source: <publisher>. Licence: <licence>." in `maxWidth`, shortening the publisher, never the licence. */
export function sourceLine(publisher: string, licence: string, maxWidth: number): string {
  const licencePart = ` Licence: ${licence}.`;
  const room = maxWidth - textWidth(licencePart, FOOTER_SIZE) * ESTIMATE_SHARE;
  const source = fitLine(`Source: ${publisher.replace(/\.$/, '')}.`, FOOTER_SIZE, room);
  return `${source}${licencePart}`;
}

/** The title as at most two lines, the second ending in an ellipsis when the title is longer. */
export function titleLines(title: string, maxWidth: number): string[] {
  const lines = wrapText(title, TITLE_SIZE, maxWidth / ESTIMATE_SHARE, true);
  if (lines.length <= 2) return lines;
  return [lines[0]!, fitLine(lines.slice(1).join(' '), TITLE_SIZE, maxWidth, true)];
}

/** Where the chart goes once the band (for this many title lines) and the footer are placed. */
export function chartBox(titleLineCount: number): Box {
  const bandHeight = bandLayout(titleLineCount).height;
  const top = bandHeight + 28;
  const bottom = OG_IMAGE_SIZE.height - FOOTER_HEIGHT - 16;
  return { x: MARGIN, y: top, width: OG_IMAGE_SIZE.width - 2 * MARGIN, height: bottom - top };
}

function bandLayout(titleLineCount: number): { titleBaselines: number[]; subtitleBaseline: number; height: number } {
  const first = 40 + Math.round(TITLE_SIZE * 0.8);
  const titleBaselines = Array.from({ length: titleLineCount }, (_, i) => first + i * TITLE_LEADING);
  const subtitleBaseline = titleBaselines.at(-1)! + 46;
  return { titleBaselines, subtitleBaseline, height: subtitleBaseline + 30 };
}

/** The chart's own SVG (its kind's preview fit) placed in the box: scaled uniformly, centred across; bars also centred down. */
function placedChart(chart: OgChart, box: Box): string {
  const placed = leadPreview(chart, box);
  const { svg } = placed;
  // Rounded down, so rounding never pushes the chart past its box.
  const scale = Math.floor(Math.min(box.width / placed.width, box.height / placed.height) * 1000) / 1000;
  const x = box.x + (box.width - placed.width * scale) / 2;
  const y = placed.centredDown ? box.y + (box.height - placed.height * scale) / 2 : box.y;
  return `<g transform="translate(${round2(x)} ${round2(y)}) scale(${scale})">\n${asGroup(svg)}\n</g>`;
}

/**
 * The chart's SVG document as a group with its drawing attributes. resvg draws a nested <svg> on a
 * layer of its own, clipped to its box, which cost about 5 ms of an image's 30; the chart already
 * fits its box. Its accessible name and data attributes serve the page's readers and script, not a picture.
 */
export function asGroup(svg: string): string {
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open || !svg.endsWith('</svg>')) throw new Error('a chart SVG must be one <svg> element');
  const kept = [...open[1]!.matchAll(/\s(font-family|font-size|fill)="([^"]*)"/g)].map(([, name, value]) => ` ${name}="${value}"`).join('');
  const body = svg
    .slice(open[0].length, -'</svg>'.length)
    .replace(/<title\b[^>]*>[\s\S]*?<\/title>|<desc\b[^>]*>[\s\S]*?<\/desc>/g, '')
    .replace(/\sdata-[\w-]+=(?:'[^']*'|"[^"]*")/g, '');
  return `<g${kept}>${body}</g>`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function textElement(content: string, attributes: Record<string, string | number>): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  return `<text${attrs}>${escapeXml(content)}</text>`;
}

/** The whole preview image as an SVG document. */
export function composeOgImageSvg(chart: OgChart, text: OgImageText): string {
  const { width, height } = OG_IMAGE_SIZE;
  const inner = width - 2 * MARGIN;
  const lines = titleLines(text.title, inner);
  const band = bandLayout(lines.length);
  const siteNameWidth = textWidth(text.siteName, FOOTER_SIZE, true) * ESTIMATE_SHARE;
  const footerBaseline = height - Math.round((FOOTER_HEIGHT - FOOTER_SIZE * 0.7) / 2);
  const brand = /^#[0-9a-fA-F]{6}$/.test(text.brand) ? text.brand : '#1d4f76';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}" fill="${TEXT_COLOUR}">`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<rect width="${width}" height="${band.height}" fill="${brand}"/>`,
    ...lines.map((line, i) => textElement(line, { x: MARGIN, y: band.titleBaselines[i]!, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: '#FFFFFF' })),
    textElement(fitLine(text.subtitle, SUBTITLE_SIZE, inner), { x: MARGIN, y: band.subtitleBaseline, 'font-size': SUBTITLE_SIZE, fill: '#FFFFFF' }),
    placedChart(chart, chartBox(lines.length)),
    `<line x1="${MARGIN}" x2="${width - MARGIN}" y1="${height - FOOTER_HEIGHT}" y2="${height - FOOTER_HEIGHT}" stroke="#DDE0E2" stroke-width="2"/>`,
    textElement(sourceLine(text.publisher, text.licence, inner - siteNameWidth - 32), { x: MARGIN, y: footerBaseline, 'font-size': FOOTER_SIZE, fill: MUTED_COLOUR }),
    textElement(text.siteName, { x: width - MARGIN, y: footerBaseline, 'font-size': FOOTER_SIZE, 'font-weight': 700, 'text-anchor': 'end', fill: brand }),
    '</svg>',
  ].join('\n');
}
