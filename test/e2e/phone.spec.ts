/**
 * A resident on a phone (360 x 800, a common small Android screen) reads every figure without
 * scrolling sideways, and long lists stay light as releases multiply (issue 16):
 * - no table of up to four columns is wider than the screen (wider ones may scroll in their region);
 * - no two text labels of a chart overlap, and every line chart labels its first and latest period and
 *   at least three in all (every period where it has fewer), so the reader can tell the span;
 * - no page has more than 1,400 elements (Lighthouse warns above 800 and fails pages far above it).
 *
 * Against the benchmark's synthetic site (thousands of pages) set PHONE_SAMPLE=<n>: the crawl then
 * takes every list page (anything that is not one measure, action, priority or embed) and the n
 * largest HTML files, since those are where elements pile up. See README "Performance".
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, test } from '../support/crawl.ts';
import { dist, pageModel } from '../support/site.ts';
import { walkPages } from '../support/pager.ts';
import { hasFiguresPages, LONG_SERIES_PERIODS, NEWEST_PERIODS } from '../../src/lib/views/figures-page.ts';
import { paths } from '../../src/lib/schemas/paths.ts';
import type { MeasureEntry } from '../../src/lib/derive/page-model.ts';
import { MIN_X_LABELS } from '../../src/lib/charts/kinds/line/geometry.ts';

const PHONE = { width: 360, height: 800 } as const;
/** Tables with this many columns or fewer must fit the phone's screen. */
const FITTING_COLUMNS = 4;
const ELEMENT_LIMIT = 1_400;

/** One detail page among thousands: a measure (or a page of a long series' figures), action, priority or embed. */
function isDetailPage(path: string): boolean {
  return /^\/(measures\/[^/]+\/(figures\/(page\/\d+\/)?|compare\/(table\/(page\/\d+\/)?)?)?|plans\/[^/]+\/(actions|priorities)\/[^/]+\/|embed\/.+)$/.test(path);
}

function pagesToCheck(): string[] {
  const all = crawlPaths();
  const sample = Number(process.env.PHONE_SAMPLE ?? 0);
  if (!sample) return all;
  const bytes = (path: string) => statSync(join(dist, path, 'index.html')).size;
  const largest = [...all].sort((a, b) => bytes(b) - bytes(a)).slice(0, sample);
  return [...new Set([...all.filter((path) => !isDetailPage(path)), ...largest])].sort();
}

/** Everything on the loaded page a phone reader would trip over, one line each. */
async function phoneProblems(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ fitting, limit, fewest }) => {
      const problems: string[] = [];
      const screen = document.documentElement.clientWidth;
      const elements = document.getElementsByTagName('*').length;
      if (elements > limit) problems.push(`${elements} elements, more than ${limit}`);

      for (const table of document.querySelectorAll('table')) {
        const columns = table.tHead?.rows[0]?.cells.length ?? table.rows[0]?.cells.length ?? 0;
        if (columns > fitting) continue;
        const box = table.getBoundingClientRect();
        const region = table.closest('[role="region"]');
        const caption = table.caption?.textContent?.trim().slice(0, 60) ?? '(no caption)';
        if (box.right > screen + 0.5 || (region && region.scrollWidth > region.clientWidth + 0.5)) {
          problems.push(`table "${caption}" (${columns} columns) is ${Math.round(box.width)}px wide; the screen is ${screen}px`);
        }
      }

      // Text of one chart: every <text>, measured as drawn (browser font, scaled SVG).
      for (const svg of document.querySelectorAll('figure svg')) {
        const boxes = [...svg.querySelectorAll('text')]
          .map((text) => ({ text: (text.textContent ?? '').trim(), box: text.getBoundingClientRect() }))
          .filter(({ text, box }) => text !== '' && box.width > 0 && box.height > 0);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            // A pixel of tolerance: glyph boxes include line spacing, which may touch without ink overlapping.
            const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (overlapX > 1 && overlapY > 1) {
              problems.push(`chart "${svg.getAttribute('aria-labelledby') ?? svg.id}": labels "${boxes[i]!.text}" and "${boxes[j]!.text}" overlap`);
            }
          }
        }
      }

      // A line chart's time axis says when: its first and latest period are labelled, and at least
      // `fewest` periods in all (every period of a shorter series). Periods are told apart by where
      // they are drawn: each value's marker (or, in a crowded chart, data-periods) and each suppressed gap.
      for (const svg of document.querySelectorAll('figure svg.chart-svg--line')) {
        const name = svg.getAttribute('aria-labelledby') ?? svg.id;
        const dense = svg.getAttribute('data-periods');
        const xs = new Set<number>([
          ...(dense ? (JSON.parse(dense) as [number, string][]).map(([x]) => x) : []),
          ...[...svg.querySelectorAll('.series circle[cx]')].map((c) => Number(c.getAttribute('cx'))),
          ...[...svg.querySelectorAll('.gap path')].map((p) => Number(/^M([\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1] ?? NaN) + 4),
        ].filter(Number.isFinite).map((x) => Math.round(x * 10) / 10));
        const ticks = [...svg.querySelectorAll('.axis--x .tick line')].map((line) => Number(line.getAttribute('x1')));
        const labels = [...svg.querySelectorAll('.axis--x .tick text')].map((text) => (text.textContent ?? '').trim());
        if (xs.size === 0) continue;
        const first = Math.min(...xs);
        const latest = Math.max(...xs);
        if (!ticks.some((x) => Math.abs(x - first) < 0.15)) problems.push(`chart "${name}": its first period is not labelled (labels: ${labels.join(', ')})`);
        if (!ticks.some((x) => Math.abs(x - latest) < 0.15)) problems.push(`chart "${name}": its latest period is not labelled (labels: ${labels.join(', ')})`);
        if (ticks.length < Math.min(fewest, xs.size)) problems.push(`chart "${name}": ${ticks.length} time labels (${labels.join(', ')}) for ${xs.size} periods, fewer than ${Math.min(fewest, xs.size)}`);
      }
      return problems;
    },
    { fitting: FITTING_COLUMNS, limit: ELEMENT_LIMIT, fewest: MIN_X_LABELS },
  );
  return found.map((problem) => `${path}: ${problem}`);
}

test.beforeEach(async ({ shared }) => {
  await shared.setViewportSize(PHONE);
});

for (const batch of batches(pagesToCheck(), 12)) {
  test(`at ${PHONE.width} x ${PHONE.height}, tables fit, chart labels stay apart and the page stays light: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      await page.goto(path);
      problems.push(...(await phoneProblems(page, path)));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('a measure table on a phone shows compact periods, keeps the full period for screen readers, and says which empty columns it left out', async ({ shared: page }) => {
  // Knife crime is counted in rolling years ("year ending December 2024") and its rows carry no status or note.
  await page.goto('/measures/knife-crime/');
  const region = page.locator('.data-table').first();
  const firstPeriod = region.locator('tbody th[scope="row"]').first();
  const full = firstPeriod.locator('span:not([aria-hidden])');
  const short = firstPeriod.locator('span[aria-hidden="true"]');
  await expect(full).toHaveText(/^year ending [A-Z][a-z]+ \d{4}$/);
  await expect(short).toHaveText(/^YE [A-Z][a-z]{2} \d{2}$/);
  await expect(short).toBeVisible();
  await expect(short).toHaveAttribute('aria-hidden', 'true');
  // Visually hidden, not display: none, so screen readers still read it.
  expect(await full.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  expect(await full.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await expect(region.locator('thead th')).not.toContainText(['Status']);
  await expect(region.locator('thead th')).not.toContainText(['Note']);
  await expect(region.locator('.data-table__omitted')).toHaveText('No row has a status or note.');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(full).toBeVisible();
  await expect(short).toBeHidden();
});

/** The full period label of each row of the page's first data table, in order. */
async function tablePeriods(page: Page): Promise<string[]> {
  return page
    .locator('.data-table')
    .first()
    .locator('tbody th[scope="row"]')
    .evaluateAll((cells) => cells.map((th) => (th.querySelector('span:not([aria-hidden])') ?? th).textContent!.trim()));
}

/** At most `n` of `items`, spread across the list (the benchmark has thousands; the real site a few dozen, all checked). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

const SAMPLED = Number(process.env.PHONE_SAMPLE ?? 0) > 0;

test("a long series' table lists its newest periods, every figure is on its figures pages, and the chart keeps every point; a short series' table lists every period", async ({ shared: page }) => {
  const model = pageModel();
  const charted = model.measures.filter((m) => new Set(m.headline.map((p) => p.period)).size > 1);
  const long = charted.filter(hasFiguresPages);
  const short = charted.filter((m) => !hasFiguresPages(m));
  expect(charted.length).toBeGreaterThan(5);
  // The benchmark's series are 120 months long; the real site's longest is 23 periods, so its tables stay whole.
  if (SAMPLED) expect(long.length, 'the benchmark build has long series').toBeGreaterThan(0);
  const published = (m: MeasureEntry) => m.headline.filter((p) => p.value !== null).length;

  for (const measure of spread(short, SAMPLED ? 5 : short.length)) {
    await page.goto(paths.measure(measure.slug));
    await expect(page.locator('.figures-link'), measure.slug).toHaveCount(0);
    const periods = await tablePeriods(page);
    expect(periods.length, `${measure.slug}: one row per period`).toBeGreaterThanOrEqual(new Set(measure.headline.map((p) => p.period)).size);
    expect(new Set(measure.headline.map((p) => p.period)).size).toBeLessThanOrEqual(LONG_SERIES_PERIODS);
  }

  for (const measure of spread(long, 4)) {
    await page.goto(paths.measure(measure.slug));
    await expect(page.locator('figure[data-chart="line"] .series--main circle.point'), `${measure.slug}: the chart keeps every point`).toHaveCount(published(measure));
    const newest = await tablePeriods(page);
    expect(newest.length, measure.slug).toBe(NEWEST_PERIODS);
    await expect(page.locator('.data-table caption').first()).toContainText(`newest ${NEWEST_PERIODS} of`);
    const link = page.locator('.figures-link a[href$="/figures/"]');
    await expect(link).toHaveCount(1);
    await expect(page.locator('.figures-link a[download]')).toHaveAttribute('href', paths.measureCsv(measure.slug));
    const stated = Number(/all (\d+) periods/.exec(await link.innerText())![1]);

    const every: string[] = [];
    const figuresPages = await walkPages(page, (await link.getAttribute('href'))!);
    for (const path of figuresPages) {
      await page.goto(path);
      every.push(...(await tablePeriods(page)));
      expect(await phoneProblems(page, path)).toEqual([]);
    }
    expect(every.length, `${measure.slug}: the figures pages hold every period`).toBe(stated);
    expect(new Set(every).size, `${measure.slug}: each period once`).toBe(every.length);
    expect(every.length).toBeGreaterThanOrEqual(new Set(measure.headline.map((p) => p.period)).size);
    expect(every.slice(-NEWEST_PERIODS), `${measure.slug}: the measure page shows the newest periods`).toEqual(newest);
  }
});

test('every measure is linked from the pages of the list of measures', async ({ shared: page }) => {
  const model = pageModel();
  const linked = new Set<string>();
  for (const path of await walkPages(page, paths.measures())) {
    await page.goto(path);
    for (const href of await page.locator('main a[href^="/measures/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) linked.add(href);
  }
  const listed = model.measures.filter((m) => m.data.plans.length > 0 || m.data.supports);
  expect(listed.length).toBeGreaterThan(5);
  expect(listed.map((m) => paths.measure(m.slug)).filter((href) => !linked.has(href)), 'measures no page of the list links').toEqual([]);
});

test("every priority and action of a plan is reachable from its page, directly or through the plan's own paged lists", async ({ shared: page }) => {
  const model = pageModel();
  for (const plan of model.plans) {
    await page.goto(paths.plan(plan.id));
    const linked = new Set(await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)));
    for (const [list, more] of [
      [paths.planPriorities(plan.id), plan.priorities.length],
      [paths.planActions(plan.id), plan.actions.length],
    ] as const) {
      // A plan page that lists only the first items links to the whole list, which is paged.
      if (linked.has(list)) {
        expect(more, `${plan.id}: only a long list has pages of its own`).toBeGreaterThan(30);
        for (const path of await walkPages(page, list)) {
          await page.goto(path);
          for (const href of await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) linked.add(href);
        }
      }
    }
    const items = [
      ...plan.priorities.map((id) => paths.priority(plan.id, id.slice(plan.id.length + 1))),
      ...plan.actions.map((id) => paths.action(plan.id, id.slice(plan.id.length + 1))),
    ];
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((href) => !linked.has(href)), `${plan.id}: priorities and actions no page links`).toEqual([]);
  }
});
