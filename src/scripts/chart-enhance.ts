/**
 * Progressive enhancement for build-time charts (figure[data-chart]). Without this script every chart is
 * already readable: an SVG image with a title, description, caption and a data table. With it:
 *  - the values become explorable: one tab stop per chart, arrow keys move between points
 *    (left/right along a line, up/down between lines), Home/End jump to the ends;
 *  - a tooltip (period, value, status, note) follows hover and focus; Escape hides it;
 *  - comparator lines can be hidden, and the choice is kept in the URL (?hide=england,core_cities)
 *    so a shared link shows the same view;
 *  - the chart can be downloaded as SVG or PNG.
 * A crowded line (too many values for a marker each) is built without per-value markers; its values
 * come from data-periods and data-points, and each gets a marker here that shows only while active.
 * All text from the page's data attributes is set with textContent, never parsed as HTML.
 * Plain DOM, no library: the charts are drawn by D3 at build time, and what is left for the browser is
 * small enough that d3-selection would be most of the bundle.
 */

import { decodeDenseEntry, pathHeights, type DenseEntry } from '../lib/charts/kinds/line/dense-points.ts';

const HIDE_PARAM = 'hide';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** How near (in viewBox units) the pointer must be to a point for its tooltip to show. */
const HOVER_RADIUS = 48;
/** Class of the markers this script adds to a crowded line, one per value. */
const DENSE_POINT_CLASS = 'point--dense';

type Point = SVGCircleElement;

interface ChartState {
  readonly figure: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly tooltip: HTMLDivElement;
  /** Points by series key, each sorted left to right; series in document order. */
  readonly series: ReadonlyMap<string, readonly Point[]>;
  /** The point holding the chart's single tab stop. */
  current: Point | undefined;
  /** Whether the pointer (rather than focus) is showing the tooltip. */
  hovering: boolean;
}

const charts: ChartState[] = [];
/** Whether the document-wide listeners are in place (added once however often enhanceCharts runs). */
let documentListening = false;

/** The series keys named in ?hide=, as a set. */
export function readHiddenSeries(search: string = location.search): Set<string> {
  const raw = new URLSearchParams(search).get(HIDE_PARAM) ?? '';
  return new Set(raw.split(',').map((key) => key.trim()).filter(Boolean));
}

/** The page URL with ?hide= set to `hidden` (sorted, commas unescaped so links stay readable), other parameters kept. */
export function urlWithHiddenSeries(href: string, hidden: ReadonlySet<string>): string {
  const url = new URL(href);
  url.searchParams.delete(HIDE_PARAM);
  const keys = [...hidden].sort().map(encodeURIComponent).join(',');
  const rest = url.searchParams.toString();
  const query = [rest, keys ? `${HIDE_PARAM}=${keys}` : ''].filter(Boolean).join('&');
  return `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}

function isVisible(point: Point): boolean {
  return point.closest('.series')?.getAttribute('display') !== 'none';
}

function describePoint(point: Point, withSeries: boolean): string[] {
  const data = point.dataset;
  const status = data.status && data.status !== 'final' ? data.status : '';
  return [
    withSeries ? (point.closest('.series') as SVGGElement | null)?.dataset.seriesLabel ?? '' : '',
    `${data.periodLabel ?? data.period ?? ''}: ${data.label ?? data.value ?? ''}`,
    status ? status.charAt(0).toUpperCase() + status.slice(1) : '',
    data.note ?? '',
  ].filter(Boolean);
}

function clearActive(chart: ChartState): void {
  for (const active of chart.svg.querySelectorAll<Point>('.point.is-active')) {
    active.classList.remove('is-active');
    setMarkerShown(active, false);
  }
}

function showTooltip(chart: ChartState, point: Point): void {
  clearActive(chart);
  point.classList.add('is-active');
  setMarkerShown(point, true);
  const lines = describePoint(point, chart.series.size > 1);
  chart.tooltip.replaceChildren(...lines.map((line) => element('span', line)));
  chart.tooltip.hidden = false;
  // Place above the point, kept inside the chart's frame.
  const frame = chart.tooltip.parentElement!.getBoundingClientRect();
  const target = point.getBoundingClientRect();
  const half = chart.tooltip.offsetWidth / 2;
  const centre = Math.min(Math.max(target.left + target.width / 2 - frame.left, half), frame.width - half);
  chart.tooltip.style.left = `${centre}px`;
  chart.tooltip.style.top = `${target.top - frame.top}px`;
}

function hideTooltip(chart: ChartState): void {
  chart.tooltip.hidden = true;
  clearActive(chart);
}

// Roving tab stop: exactly one point per chart is in the tab order.
function setCurrent(chart: ChartState, point: Point | undefined, focus: boolean): void {
  if (chart.current && chart.current !== point) chart.current.setAttribute('tabindex', '-1');
  chart.current = point;
  if (!point) return;
  point.setAttribute('tabindex', '0');
  if (focus) point.focus();
}

// The tab stop starts at the latest value of the main series, the figure the summary leads with.
function defaultPoint(chart: ChartState): Point | undefined {
  const main = chart.svg.querySelector('.series--main')?.getAttribute('data-series');
  const mainPoints = main ? chart.series.get(main) : undefined;
  const visible = (mainPoints ?? [...chart.series.values()].flat()).filter(isVisible);
  return visible[visible.length - 1] ?? [...chart.series.values()].flat().find(isVisible);
}

function visibleSeries(chart: ChartState): (readonly Point[])[] {
  return [...chart.series.values()].filter((points) => points.length > 0 && isVisible(points[0]!));
}

function nearestByX(points: readonly Point[], x: number): Point | undefined {
  let best: Point | undefined;
  for (const point of points) if (!best || Math.abs(point.cx.baseVal.value - x) < Math.abs(best.cx.baseVal.value - x)) best = point;
  return best;
}

function onKeydown(chart: ChartState, event: KeyboardEvent): void {
  const point = event.target as Element;
  if (!(point instanceof SVGCircleElement) || !point.classList.contains('point')) return;
  if (event.key === 'Escape') {
    hideTooltip(chart);
    return;
  }
  const lines = visibleSeries(chart);
  const lineIndex = lines.findIndex((points) => points.includes(point));
  const points = lines[lineIndex];
  if (!points) return;
  const index = points.indexOf(point);
  let next: Point | undefined;
  switch (event.key) {
    case 'ArrowRight':
      next = points[Math.min(index + 1, points.length - 1)];
      break;
    case 'ArrowLeft':
      next = points[Math.max(index - 1, 0)];
      break;
    case 'Home':
      next = points[0];
      break;
    case 'End':
      next = points[points.length - 1];
      break;
    case 'ArrowUp':
    case 'ArrowDown': {
      const other = lines[(lineIndex + (event.key === 'ArrowDown' ? 1 : lines.length - 1)) % lines.length];
      next = other ? nearestByX(other, point.cx.baseVal.value) : undefined;
      break;
    }
    default:
      return;
  }
  event.preventDefault();
  if (next) setCurrent(chart, next, true);
}

// The pointer in the SVG's viewBox units (what d3-selection's pointer() computes).
function pointerInSvg(event: PointerEvent, svg: SVGSVGElement): [number, number] {
  const matrix = svg.getScreenCTM();
  if (!matrix) return [Number.NaN, Number.NaN];
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return [point.x, point.y];
}

function onPointerMove(chart: ChartState, event: PointerEvent): void {
  const [x, y] = pointerInSvg(event, chart.svg);
  let best: Point | undefined;
  let bestDistance = HOVER_RADIUS;
  for (const points of visibleSeries(chart)) {
    for (const point of points) {
      const distance = Math.hypot(point.cx.baseVal.value - x, point.cy.baseVal.value - y);
      if (distance < bestDistance) [best, bestDistance] = [point, distance];
    }
  }
  chart.hovering = best !== undefined;
  if (best) showTooltip(chart, best);
  else restoreTooltip(chart);
}

// When the pointer leaves, the tooltip goes back to the focused point, if any.
function restoreTooltip(chart: ChartState): void {
  chart.hovering = false;
  const focused = document.activeElement;
  if (focused instanceof SVGCircleElement && chart.svg.contains(focused)) showTooltip(chart, focused);
  else hideTooltip(chart);
}

function applyHidden(hidden: ReadonlySet<string>): void {
  for (const chart of charts) {
    for (const group of chart.svg.querySelectorAll<SVGGElement>('.series:not(.series--main)')) {
      if (hidden.has(group.dataset.series ?? '')) group.setAttribute('display', 'none');
      else group.removeAttribute('display');
    }
    for (const toggle of chart.figure.querySelectorAll<HTMLInputElement>('input[data-series-toggle]')) toggle.checked = !hidden.has(toggle.value);
    if (chart.current && !isVisible(chart.current)) setCurrent(chart, defaultPoint(chart), false);
    hideTooltip(chart);
  }
}

function toggleSeries(key: string, show: boolean): void {
  const hidden = readHiddenSeries();
  if (show) hidden.delete(key);
  else hidden.add(key);
  history.replaceState(history.state, '', urlWithHiddenSeries(location.href, hidden));
  applyHidden(hidden);
}

/** The chart as a standalone SVG file: namespaced, with the page's font inlined and no focus state. */
export function serialiseSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('role', 'img');
  for (const element of clone.querySelectorAll('[tabindex], [aria-label]')) {
    element.removeAttribute('tabindex');
    element.removeAttribute('aria-label');
    element.removeAttribute('role');
  }
  for (const element of clone.querySelectorAll('.is-active')) element.classList.remove('is-active');
  // The markers this script added to crowded lines are not part of the drawing.
  for (const element of clone.querySelectorAll(`.${DENSE_POINT_CLASS}`)) element.remove();
  // Styles from the page's stylesheet do not travel with the file; carry the ones that change its look.
  const computed = getComputedStyle(svg);
  // A presentation attribute, not style="": the page's CSP blocks inline style attributes.
  clone.setAttribute('font-family', computed.fontFamily);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadSvg(chart: ChartState, name: string): void {
  save(new Blob([serialiseSvg(chart.svg)], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
}

// Draws the serialised SVG onto a canvas at twice its viewBox size, for a crisp PNG.
function downloadPng(chart: ChartState, name: string): void {
  const { width, height } = chart.svg.viewBox.baseVal;
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => blob && save(blob, `${name}.png`), 'image/png');
  };
  // A data: URL (not a blob: URL) so the canvas is never tainted and toBlob is allowed.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialiseSvg(chart.svg))}`;
}

// An HTML element with a class (or none) and text set as text, never parsed.
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function addControls(chart: ChartState): void {
  const name = chart.figure.dataset.chartName || chart.figure.id || 'chart';
  const controls = chart.figure.appendChild(element('div', '', 'chart__controls'));
  const comparators = [...chart.svg.querySelectorAll<SVGGElement>('.series:not(.series--main)')];
  if (comparators.length > 0) {
    const fieldset = controls.appendChild(element('fieldset', '', 'chart__toggles'));
    fieldset.append(element('legend', 'Comparison lines shown'));
    for (const group of comparators) {
      const key = group.dataset.series ?? '';
      const label = fieldset.appendChild(element('label'));
      const input = label.appendChild(element('input'));
      input.type = 'checkbox';
      input.value = key;
      input.setAttribute('data-series-toggle', '');
      input.checked = true;
      input.addEventListener('change', () => toggleSeries(key, input.checked));
      label.append(element('span', group.dataset.seriesLabel ?? key));
    }
  }
  const downloads = controls.appendChild(element('div', '', 'chart__downloads'));
  button(downloads, 'Download chart (SVG)', () => downloadSvg(chart, name));
  button(downloads, 'Download chart (PNG)', () => downloadPng(chart, name));
  if (chart.series.size > 0) {
    controls.append(element('p', 'Tab to the chart, then use the arrow keys to move between values.', 'chart__hint'));
  }
}

function button(parent: HTMLElement, text: string, action: () => void): void {
  const node = parent.appendChild(element('button', text, 'chart__button'));
  node.type = 'button';
  node.addEventListener('click', action);
}

/** A crowded chart's periods as the build writes them on its svg (data-periods): [x, period label]. */
type DensePeriod = [number, string];
/** Radius of the focus marker drawn on a crowded line (a little larger than the main line's markers). */
const DENSE_MARKER_RADIUS = 5;

// The build's JSON, or an empty list if it cannot be read (the chart then stays a picture).
function parseList<T>(json: string | undefined): T[] {
  try {
    const parsed: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

/**
 * A crowded series (data-points, see markersCrowded in src/lib/charts/kinds/line/series-svg.ts) is built with no
 * marker per value. Each value gets one here, invisible until it is the active one, so focus and
 * tooltips move from value to value, each with its own accessible name, exactly as on a short series.
 */
function addDensePoints(group: SVGGElement, periods: readonly DensePeriod[]): void {
  const label = group.querySelector('.series-label');
  // Heights not written in data-points are read from the series' own line (see dense-points.ts).
  const heights = pathHeights([...group.querySelectorAll('path.series-line')].map((path) => path.getAttribute('d') ?? ''));
  parseList<DenseEntry>(group.dataset.points).forEach((entry, i) => {
    const period = periods[i];
    const value = period ? decodeDenseEntry(entry, period[0], heights) : undefined;
    if (!value || !period) return;
    const circle = document.createElementNS(SVG_NS, 'circle');
    circle.setAttribute('class', `point ${DENSE_POINT_CLASS}`);
    circle.setAttribute('cx', String(period[0]));
    circle.setAttribute('cy', String(value.y));
    circle.setAttribute('r', String(DENSE_MARKER_RADIUS));
    circle.setAttribute('opacity', '0');
    circle.dataset.periodLabel = period[1];
    circle.dataset.label = value.label;
    if (value.status) circle.dataset.status = value.status;
    if (value.note) circle.dataset.note = value.note;
    group.insertBefore(circle, label);
  });
}

// A crowded series' marker shows only while it is the active value.
function setMarkerShown(point: Point, shown: boolean): void {
  if (point.classList.contains(DENSE_POINT_CLASS)) point.setAttribute('opacity', shown ? '1' : '0');
}

function enhance(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('svg.chart-svg');
  const frame = svg?.parentElement;
  if (!svg || !frame || figure.dataset.enhanced === 'true') return;
  figure.dataset.enhanced = 'true';

  const series = new Map<string, Point[]>();
  const densePeriods = svg.dataset.periods ? parseList<DensePeriod>(svg.dataset.periods) : [];
  for (const group of svg.querySelectorAll<SVGGElement>('.series')) {
    if (group.dataset.points) addDensePoints(group, densePeriods);
    const points = [...group.querySelectorAll<Point>('circle.point')].sort((a, b) => a.cx.baseVal.value - b.cx.baseVal.value);
    series.set(group.dataset.series ?? '', points);
  }
  const tooltip = frame.appendChild(element('div', '', 'chart__tooltip'));
  tooltip.setAttribute('aria-hidden', 'true');
  tooltip.hidden = true;
  const chart: ChartState = { figure, svg, tooltip, series, current: undefined, hovering: false };
  charts.push(chart);

  const points = [...series.values()].flat();
  if (points.length > 0) {
    // Once its points can be explored one by one, the chart is a group of images, not a single image.
    svg.setAttribute('role', 'group');
    const withSeries = series.size > 1;
    for (const point of points) {
      point.setAttribute('tabindex', '-1');
      point.setAttribute('role', 'img');
      point.setAttribute('aria-label', describePoint(point, withSeries).join('. '));
    }
    setCurrent(chart, defaultPoint(chart), false);
    svg.addEventListener('keydown', (event) => onKeydown(chart, event));
    svg.addEventListener('focusin', (event) => {
      const target = event.target;
      if (target instanceof SVGCircleElement && target.classList.contains('point')) {
        setCurrent(chart, target, false);
        setMarkerShown(target, true);
        if (!chart.hovering) showTooltip(chart, target);
      }
    });
    svg.addEventListener('focusout', (event) => {
      const target = event.target;
      if (target instanceof SVGCircleElement && !target.classList.contains('is-active')) setMarkerShown(target, false);
      if (!chart.hovering) hideTooltip(chart);
    });
    svg.addEventListener('pointermove', (event) => onPointerMove(chart, event));
    svg.addEventListener('pointerdown', (event) => onPointerMove(chart, event));
    // A touch ends with pointerleave; keep the tapped value's tooltip until the next tap elsewhere.
    svg.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') restoreTooltip(chart);
    });
  }
  addControls(chart);
}

/** Enhances every chart figure under `root`; safe to call more than once. */
export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) enhance(figure);
  applyHidden(readHiddenSeries());
  if (documentListening) return;
  documentListening = true;
  // Escape anywhere hides any open tooltip (WCAG 1.4.13: content on hover must be dismissible).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') for (const chart of charts) hideTooltip(chart);
  });
  document.addEventListener('pointerdown', (event) => {
    for (const chart of charts) if (!chart.svg.contains(event.target as Node)) restoreTooltip(chart);
  });
}
