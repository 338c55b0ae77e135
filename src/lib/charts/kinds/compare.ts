/**
 * The comparison kind in one place: every area's figure for one period, ranked from highest to
 * lowest as thin horizontal bars, the partnership and its comparators labelled (labels moved apart
 * so none overlap), the reference area (England and Wales) as a dashed line, and the words and tables
 * a page shows with it. It states where the partnership sits, never whether that is good or bad.
 * Computed once by the data step (src/lib/views/comparison.ts); pages only render the view.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { formatTick, formatValue } from '../../format/number.ts';
import type { Unit } from '../../schemas/measure.ts';
import { dodgeLabels, round1, textWidth, wrapText } from '../layout.ts';
import { escapeXml } from '../render-svg.ts';
import { BAR_COLOUR, FONT_FAMILY, GRID_COLOUR, MUTED_COLOUR, SERIES_STYLES, TEXT_COLOUR } from '../style.ts';

/** One area of the comparison. */
export interface ComparedArea {
  readonly code: string;
  /** As the publisher's table names it. */
  readonly name: string;
  /** Its police force area, as the table names it. */
  readonly group: string;
  /** Null where the publisher gives no figure (the marker is in `note`). */
  readonly value: number | null;
  readonly note: string;
  /** The site's own partnership, one of its comparators (core cities), or any other. */
  readonly role: 'own' | 'comparator' | 'other';
}

/** What a comparison is drawn from. */
export interface ComparisonInput {
  /** The measure's title, e.g. "Robbery: rate per 1,000 people". */
  readonly title: string;
  readonly unit: Unit;
  /** "year ending December 2024". */
  readonly periodLabel: string;
  /** "partnerships". */
  readonly areasAre: string;
  /** The table the areas' figures are from, e.g. "Table C4". */
  readonly table: string;
  readonly areas: readonly ComparedArea[];
  readonly reference?: { readonly name: string; readonly value: number; readonly table: string };
}

/** An area with its place: 1 for the highest figure; areas with equal figures share a place. */
export interface RankedArea extends ComparedArea {
  /** Undefined for an area without a figure. */
  readonly rank?: number;
  /** Whether another area has the same figure. */
  readonly tied: boolean;
}

/** Areas with a figure from highest to lowest (ties in the table's order), then those without. */
export function rankAreas(areas: readonly ComparedArea[]): RankedArea[] {
  const withValue = areas.filter((a) => a.value !== null).map((a, i) => ({ a, i }));
  withValue.sort((x, y) => y.a.value! - x.a.value! || x.i - y.i);
  const counts = new Map<number, number>();
  for (const { a } of withValue) counts.set(a.value!, (counts.get(a.value!) ?? 0) + 1);
  const ranked = withValue.map(({ a }) => ({ ...a, rank: 1 + withValue.filter((o) => o.a.value! > a.value!).length, tied: counts.get(a.value!)! > 1 }));
  return [...ranked, ...areas.filter((a) => a.value === null).map((a) => ({ ...a, tied: false }))];
}

/** "1st", "22nd", "313th". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The area's place in words: "the 25th highest of the 313 partnerships with a figure" (or "joint 25th highest"). */
export function placeWords(area: RankedArea, withFigure: number, areasAre: string): string {
  if (area.rank === undefined) return `not ranked: the publisher gives no figure for it (${area.note || 'no figure'})`;
  return `the ${area.tied ? 'joint ' : ''}${ordinal(area.rank)} highest of the ${withFigure} ${areasAre} with a figure`;
}

const WIDTH = 440;
const FONT = 14;
const ROW = 2;
const TOP = 40;
const BARS_LEFT = 4;
const BARS_RIGHT = 240;
const LABEL_X = 256;
const LABEL_WIDTH = WIDTH - LABEL_X - 4;
const LINE = FONT * 1.25;
const OTHER_BAR = '#B1B4B6';

/** A labelled area's label, placed. */
interface LabelGeometry {
  readonly lines: readonly string[];
  readonly y: number;
  readonly barX: number;
  readonly barY: number;
  readonly role: ComparedArea['role'];
}

/** Everything the SVG is drawn from, in viewBox units. */
export interface ComparisonGeometry {
  readonly width: number;
  readonly height: number;
  /** One path of the bars of every unlabelled area. */
  readonly otherBars: string;
  readonly labelledBars: readonly { readonly x: number; readonly y: number; readonly width: number; readonly role: ComparedArea['role']; readonly name: string; readonly value: number }[];
  readonly labels: readonly LabelGeometry[];
  readonly ticks: readonly { readonly x: number; readonly text: string }[];
  readonly barsTop: number;
  readonly barsBottom: number;
  /** Baseline of the value ticks' text, under the bars and labels. */
  readonly axisY: number;
  readonly reference?: { readonly x: number; readonly text: string; readonly anchor: 'start' | 'end' };
}

/** The geometry of a comparison: ranked bars, dodged labels, reference line and value ticks. */
export function comparisonGeometry(input: ComparisonInput): ComparisonGeometry {
  const ranked = rankAreas(input.areas).filter((a) => a.rank !== undefined);
  const values = ranked.map((a) => a.value!);
  const all = input.reference ? [...values, input.reference.value] : values;
  const x = scaleLinear()
    .domain([Math.min(0, min(all) ?? 0), max(all) ?? 1])
    .range([BARS_LEFT, BARS_RIGHT])
    .nice(4);
  const barsTop = TOP;
  const barsBottom = barsTop + ranked.length * ROW;
  const zero = x(0);
  let otherBars = '';
  const labelledBars: ComparisonGeometry['labelledBars'][number][] = [];
  const wanted: { lines: string[]; y: number; barX: number; barY: number; role: ComparedArea['role'] }[] = [];
  ranked.forEach((a, i) => {
    const y = barsTop + i * ROW;
    const left = round1(Math.min(zero, x(a.value!)));
    const width = round1(Math.abs(x(a.value!) - zero));
    if (a.role === 'other') {
      otherBars += `M${left} ${round1(y)}h${width}v${ROW}h${-width}z`;
      return;
    }
    labelledBars.push({ x: left, y: round1(y), width, role: a.role, name: a.name, value: a.value! });
    const lines = wrapText(`${a.name} ${formatValue(a.value!, input.unit).replace(/ per .*/, '')}`, FONT, LABEL_WIDTH, a.role === 'own');
    wanted.push({ lines, y: y + ROW / 2, barX: round1(left + width), barY: round1(y + ROW / 2), role: a.role });
  });
  const placed = dodgeLabels(
    wanted.map((w) => ({ y: w.y, height: w.lines.length * LINE + 2 })),
    barsTop,
    Math.max(barsBottom, barsTop + wanted.reduce((sum, w) => sum + w.lines.length * LINE + 2, 0)),
  );
  const labels = wanted.map((w, i) => ({ lines: w.lines, y: round1(placed[i]!), barX: w.barX, barY: w.barY, role: w.role }));
  const labelsBottom = Math.max(0, ...labels.map((l, i) => l.y + (wanted[i]!.lines.length * LINE) / 2));
  const axisY = round1(Math.max(barsBottom, labelsBottom) + 18);
  const ticks = x.ticks(4).map((t) => ({ x: round1(x(t)), text: formatTick(t, input.unit) }));
  const reference = input.reference
    ? (() => {
        const rx = round1(x(input.reference.value));
        const text = `${input.reference.name} ${formatValue(input.reference.value, input.unit).replace(/ per .*/, '')}`;
        // The label runs away from the chart's edge it would cross.
        const anchor: 'start' | 'end' = rx + textWidth(text, FONT) > WIDTH - 4 ? 'end' : 'start';
        return { x: rx, text, anchor };
      })()
    : undefined;
  return { width: WIDTH, height: round1(axisY + 8), otherBars, labelledBars, labels, ticks, barsTop, barsBottom: round1(barsBottom), axisY, ...(reference ? { reference } : {}) };
}

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

/** A comparison drawn for a page: SVG and its words. */
export interface ComparisonChartView {
  readonly kind: 'compare';
  readonly id: string;
  readonly title: string;
  /** The SVG's <desc>. */
  readonly desc: string;
  /** The caption: what is drawn, and where the partnership sits. */
  readonly summary: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The words of a comparison: the SVG's description and the caption. */
export function comparisonWords(input: ComparisonInput): { desc: string; summary: string; position?: string } {
  const ranked = rankAreas(input.areas);
  const withFigure = ranked.filter((a) => a.rank !== undefined).length;
  const own = ranked.find((a) => a.role === 'own');
  const position = own
    ? own.rank === undefined
      ? `${input.table} gives no figure for ${own.name} for the ${input.periodLabel} (${own.note || 'no figure'}), so it is not ranked.`
      : `${own.name}'s figure in ${input.table}, ${formatValue(own.value!, input.unit)}, is ${placeWords(own, withFigure, input.areasAre)} (${input.periodLabel}).`
    : undefined;
  const drawn = `${withFigure} ${input.areasAre} ranked from the highest figure to the lowest, ${input.periodLabel}`;
  const reference = input.reference ? ` The dashed line is the figure for ${input.reference.name} (${input.reference.table}), ${formatValue(input.reference.value, input.unit)}.` : '';
  const labelled = ranked.filter((a) => a.role === 'comparator' && a.rank !== undefined).map((a) => `${a.name} ${ordinal(a.rank!)}`);
  const comparators = labelled.length ? ` Also labelled: ${labelled.join(', ')}.` : '';
  return {
    desc: `${input.title}: ${drawn}.${position ? ` ${position}` : ''}${reference}`,
    summary: `${drawn}.${position ? ` ${position}` : ''}${reference}${comparators}`,
    ...(position ? { position } : {}),
  };
}

/** A comparison chart drawn for a page. */
export function comparisonChartView(input: ComparisonInput, facts: { readonly id: string; readonly title: string }): ComparisonChartView {
  const { desc, summary } = comparisonWords(input);
  const geometry = comparisonGeometry(input);
  return {
    kind: 'compare',
    id: facts.id,
    title: facts.title,
    desc,
    summary,
    svg: renderComparisonSvg(geometry, { id: `${facts.id}-svg`, title: facts.title, desc }),
    width: geometry.width,
    height: geometry.height,
  };
}
