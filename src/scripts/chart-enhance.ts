/**
 * Progressive enhancement for build-time charts (figure[data-chart]). Without this script every chart is
 * already readable: an SVG image with a title, description, caption and a data table. With it:
 *  - the values become explorable: one tab stop per chart, arrow keys move between points
 *    (left/right along a line, up/down between lines), Home/End jump to the ends;
 *  - a tooltip (period, value, status, note) follows hover and focus; Escape hides it;
 *  - comparator lines can be hidden, and the choice is kept in the URL (?hide=england,core_cities)
 *    so a shared link shows the same view;
 *  - the chart can be downloaded as SVG or PNG.
 * All text from the page's data attributes is set with textContent, never parsed as HTML.
 * Only d3-selection is used, to keep the bundle small.
 */
import { pointer, select, selectAll, type Selection } from 'd3-selection';

const HIDE_PARAM = 'hide';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** How near (in viewBox units) the pointer must be to a point for its tooltip to show. */
const HOVER_RADIUS = 48;

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

function showTooltip(chart: ChartState, point: Point): void {
  selectAll<Point, unknown>(chart.svg.querySelectorAll<Point>('.point.is-active')).classed('is-active', false);
  point.classList.add('is-active');
  const lines = describePoint(point, chart.series.size > 1);
  const tooltip = select(chart.tooltip);
  tooltip.selectAll('span').remove();
  for (const line of lines) tooltip.append('span').text(line);
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
  selectAll<Point, unknown>(chart.svg.querySelectorAll<Point>('.point.is-active')).classed('is-active', false);
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

function onPointerMove(chart: ChartState, event: PointerEvent): void {
  const [x, y] = pointer(event, chart.svg);
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
    select(chart.svg)
      .selectAll<SVGGElement, unknown>('.series:not(.series--main)')
      .attr('display', function () {
        return hidden.has(this.dataset.series ?? '') ? 'none' : null;
      });
    select(chart.figure)
      .selectAll<HTMLInputElement, unknown>('input[data-series-toggle]')
      .property('checked', function () {
        return !hidden.has(this.value);
      });
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

function addControls(chart: ChartState): void {
  const name = chart.figure.dataset.chartName || chart.figure.id || 'chart';
  const controls = select(chart.figure).append('div').attr('class', 'chart__controls');
  const comparators = select(chart.svg).selectAll<SVGGElement, unknown>('.series:not(.series--main)').nodes();
  if (comparators.length > 0) {
    const fieldset = controls.append('fieldset').attr('class', 'chart__toggles');
    fieldset.append('legend').text('Comparison lines shown');
    for (const group of comparators) {
      const key = group.dataset.series ?? '';
      const label = fieldset.append('label');
      label
        .append('input')
        .attr('type', 'checkbox')
        .attr('value', key)
        .attr('data-series-toggle', '')
        .property('checked', true)
        .on('change', function () {
          toggleSeries(key, this.checked);
        });
      label.append('span').text(group.dataset.seriesLabel ?? key);
    }
  }
  const downloads = controls.append('div').attr('class', 'chart__downloads');
  button(downloads, 'Download chart (SVG)', () => downloadSvg(chart, name));
  button(downloads, 'Download chart (PNG)', () => downloadPng(chart, name));
  if (chart.series.size > 0) {
    controls.append('p').attr('class', 'chart__hint').text('Tab to the chart, then use the arrow keys to move between values.');
  }
}

function button(parent: Selection<HTMLDivElement, unknown, null, undefined>, text: string, action: () => void): void {
  parent.append('button').attr('type', 'button').attr('class', 'chart__button').text(text).on('click', action);
}

function enhance(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('svg.chart-svg');
  const frame = svg?.parentElement;
  if (!svg || !frame || figure.dataset.enhanced === 'true') return;
  figure.dataset.enhanced = 'true';

  const series = new Map<string, Point[]>();
  for (const group of svg.querySelectorAll<SVGGElement>('.series')) {
    const points = [...group.querySelectorAll<Point>('circle.point')].sort((a, b) => a.cx.baseVal.value - b.cx.baseVal.value);
    series.set(group.dataset.series ?? '', points);
  }
  const tooltip = select(frame).append('div').attr('class', 'chart__tooltip').attr('aria-hidden', 'true').property('hidden', true).node()!;
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
    select(svg)
      .on('keydown', (event: KeyboardEvent) => onKeydown(chart, event))
      .on('focusin', (event: FocusEvent) => {
        const target = event.target;
        if (target instanceof SVGCircleElement && target.classList.contains('point')) {
          setCurrent(chart, target, false);
          if (!chart.hovering) showTooltip(chart, target);
        }
      })
      .on('focusout', () => {
        if (!chart.hovering) hideTooltip(chart);
      })
      .on('pointermove pointerdown', (event: PointerEvent) => onPointerMove(chart, event))
      // A touch ends with pointerleave; keep the tapped value's tooltip until the next tap elsewhere.
      .on('pointerleave', (event: PointerEvent) => {
        if (event.pointerType !== 'touch') restoreTooltip(chart);
      });
  }
  addControls(chart);
}

/** Enhances every chart figure under `root`; safe to call more than once. */
export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) enhance(figure);
  applyHidden(readHiddenSeries());
  // Escape anywhere hides any open tooltip (WCAG 1.4.13: content on hover must be dismissible).
  select(document)
    .on('keydown.chart-tooltip', (event: KeyboardEvent) => {
      if (event.key === 'Escape') for (const chart of charts) hideTooltip(chart);
    })
    .on('pointerdown.chart-tooltip', (event: PointerEvent) => {
      for (const chart of charts) if (!chart.svg.contains(event.target as Node)) restoreTooltip(chart);
    });
}
