/**
 * What every chart's SVG is written with: escaping, attributes, and the opening every chart shares
 * (accessible name, description, opaque background). Styling is written as presentation attributes so
 * a downloaded or rasterised copy looks the same without the page's CSS. Every piece of text and every
 * attribute value passes through escapeXml: notes and labels come from data files and are untrusted.
 */
import { FONT_FAMILY, TEXT_COLOUR } from './style.ts';

/** Accessible name and description of a chart, and the id its <title>/<desc> ids are built from. */
export interface SvgTextOptions {
  /** Unique on the page; <title> gets `${id}-title` and <desc> gets `${id}-desc`. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  /**
   * Drawn as a picture (a preview image): without the data attributes that only the page's script
   * reads, which for a crowded chart cost more to write than the rest of its drawing.
   */
  readonly picture?: boolean;
}

/** Escapes text for XML content and double-quoted attributes (also safe inside HTML). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]!};`);
}

/** What an attribute may be given; empty, null, undefined and false leave it out. */
export type AttributeValue = string | number | undefined | null | false;

/** Attributes in the order given; empty, null, undefined and false values are left out. */
export function attrs(values: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** One element with its attributes, self-closed when it has no content. */
export function element(name: string, attributes: Readonly<Record<string, AttributeValue>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${content}</${name}>`;
}

// Everything but the data points is hidden from assistive technology. While the SVG is a single
// role="img" this changes nothing; once the enhancement script makes the points explorable (role
// "group"), it stops screen readers reading out tick labels and key text between the values.
export const HIDDEN = ' aria-hidden="true"';

// Text drawn over lines gets a white outline so it stays readable where it crosses them.
export const HALO = { 'paint-order': 'stroke', stroke: '#FFFFFF', 'stroke-width': 4, 'stroke-linejoin': 'round' } as const;

// A single-quoted attribute, so the JSON's double quotes need no escaping.
export function singleQuotedAttribute(name: string, value: string): string {
  return ` ${name}='${value.replace(/[&<>']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": 'apos' }[char]!};`)}'`;
}

/** The chart's <svg> opening, its <title> and <desc>, and an opaque background rectangle. */
export function svgOpen(width: number, height: number, className: string, text: SvgTextOptions, fontSize: number, extraAttributes = ''): string {
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
