/**
 * Revisions people can see, on a built site: test/fixtures/valid/revisions/ laid over a copy of the
 * minimal root gives one measure four synthetic releases that add, revise and drop figures. The
 * measure page must show what each release changed in its HTML (JavaScript off), its chart must
 * draw an earlier release's line when the reader picks it (JavaScript off and on), /updates/ and the
 * feed must count each release's added and revised figures, every release must stay downloadable
 * byte for byte, and the page must pass axe with the history open and an earlier release drawn.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndServeRoot, FIXTURES, MINIMAL_ROOT, type ServedRoot } from '../support/fixture-roots.ts';

const OVERLAY = join(FIXTURES, 'valid', 'revisions');
const RELEASES_DIR = join(OVERLAY, 'data', 'measures', 'widget-thefts');
const MEASURE = '/measures/widget-thefts/';

test.describe.configure({ mode: 'serial' });

let output = '';
let served: ServedRoot | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  output = mkdtempSync(join(tmpdir(), 'snd-revisions-'));
  const root = join(output, 'root');
  cpSync(MINIMAL_ROOT, root, { recursive: true });
  cpSync(OVERLAY, root, { recursive: true });
  rmSync(join(root, 'README.md'));
  served = await buildAndServeRoot(root, join(output, 'build'));
  origin = served.origin;
});

test.afterAll(async () => {
  await served?.close();
  rmSync(output, { recursive: true, force: true });
});

/** Text of each cell of a table's body rows. */
async function bodyCells(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())),
  );
}

/** Whether each earlier release's line is drawn, by release date. */
async function drawnVintages(page: Page): Promise<Record<string, boolean>> {
  return page.locator('.vintage-line').evaluateAll((lines) =>
    Object.fromEntries(lines.map((line) => [line.getAttribute('data-vintage')!, getComputedStyle(line).display !== 'none'])),
  );
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the measure page lists every release newest first with what it added, revised and removed', async ({ page }) => {
    await page.goto(`${origin}${MEASURE}`);
    const releases = page.locator('#releases ~ .releases > li');
    await expect(releases).toHaveCount(4);
    expect(await releases.evaluateAll((items) => items.map((li) => li.getAttribute('data-release')))).toEqual([
      '2026-01-15',
      '2025-10-02',
      '2025-07-24',
      '2025-01-15',
    ]);
    expect((await page.locator('.release__counts').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '2 figures added, 2 removed compared with the release of 2 October 2025.',
      '2 figures revised compared with the release of 24 July 2025.',
      '2 figures added, 3 revised compared with the release of 15 January 2025.',
      '6 figures added (first release).',
    ]);
    // The current release is open; older ones are collapsed but their tables are in the HTML.
    expect(await page.locator('.release__details').evaluateAll((els) => els.map((d) => (d as HTMLDetailsElement).open))).toEqual([true, false, false, false]);
    const current = page.locator('[data-release="2026-01-15"]');
    await expect(current.locator('.release__figures').first()).toHaveText(/Testshire: 2025\s*England: 2025/);
    await expect(current.locator('.release__figures').nth(1)).toHaveText(/Testshire: 2021\s*England: 2021/);
    await expect(current.getByText("Published on this site on 15 January 2026; the publisher's own release date is not recorded here.")).toBeVisible();
  });

  test('each revised figure is a table row: period, area, value before and after, under the release that changed it', async ({ page }) => {
    await page.goto(`${origin}${MEASURE}`);
    const july = '[data-release="2025-07-24"] table.revisions';
    expect(await bodyCells(page, july)).toEqual([
      ['2022', 'Testshire', '110', '112'],
      ['2023', 'Testshire', '95', '100'],
      ['2023', 'England', '1,400', '1,420'],
    ]);
    await expect(page.locator(`${july} caption`)).toHaveText(/revised \(3\): the value in the release of 15 January 2025, and in this release of 24 July 2025/);
    await expect(page.locator(`${july} thead th`)).toHaveText(['Period', 'Area', 'Before', 'After']);
    expect(await bodyCells(page, '[data-release="2025-10-02"] table.revisions')).toEqual([
      ['2023', 'Testshire', '100', '101'],
      ['2024', 'Testshire', '90', '88'],
    ]);
    // Collapsed until the reader opens it, which needs no script.
    await expect(page.locator(july)).toBeHidden();
    await page.locator('[data-release="2025-07-24"] summary').click();
    await expect(page.locator(july)).toBeVisible();
    await expect(page.locator('[data-release="2025-01-15"] table.revisions')).toHaveCount(0);
  });

  test('the chart draws an earlier release beside the current line when the reader picks it', async ({ page }) => {
    await page.goto(`${origin}${MEASURE}`);
    const choices = page.locator('.chart__vintages input[type="radio"]');
    await expect(choices).toHaveCount(4);
    await expect(page.getByRole('radio', { name: 'Current release only' })).toBeChecked();
    expect(await drawnVintages(page)).toEqual({ '2025-10-02': false, '2025-07-24': false, '2025-01-15': false });
    await page.getByRole('radio', { name: 'As published on 15 January 2025' }).check();
    expect(await drawnVintages(page)).toEqual({ '2025-10-02': false, '2025-07-24': false, '2025-01-15': true });
    // The first release's Testshire line over the current release's periods: 2022 and 2023 as then published (2021 is no longer shown).
    const path = page.locator('.vintage-line[data-vintage="2025-01-15"] path');
    expect(((await path.getAttribute('d')) ?? '').match(/[ML]/g)).toHaveLength(2);
    await page.getByRole('radio', { name: 'As published on 2 October 2025' }).check();
    expect(await drawnVintages(page)).toEqual({ '2025-10-02': true, '2025-07-24': false, '2025-01-15': false });
    await page.getByRole('radio', { name: 'Current release only' }).check();
    expect(await drawnVintages(page)).toEqual({ '2025-10-02': false, '2025-07-24': false, '2025-01-15': false });
  });
});

test('with JavaScript too, picking an earlier release draws its line', async ({ page }) => {
  await page.goto(`${origin}${MEASURE}`);
  await page.getByRole('radio', { name: 'As published on 24 July 2025' }).check();
  expect(await drawnVintages(page)).toEqual({ '2025-10-02': false, '2025-07-24': true, '2025-01-15': false });
});

test('the earlier line is drawn where the earlier release put its figures', async ({ page }) => {
  await page.goto(`${origin}${MEASURE}`);
  // Same x for the same period; the first release's 2023 (95) sits lower than the current 101 (SVG y grows downwards).
  const current = await page.locator('.series--main circle.point[data-period="2023"]').evaluate((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
  const d = (await page.locator('.vintage-line[data-vintage="2025-01-15"] path').getAttribute('d'))!;
  const points = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const earlier2023 = points.find(([x]) => x === current[0]);
  expect(earlier2023, `a vertex at x=${current[0]} in ${d}`).toBeDefined();
  expect(earlier2023![1]).toBeGreaterThan(current[1]!);
});

test('/updates/ and the feed say how many figures each release added, revised and removed', async ({ page, request }) => {
  await page.goto(`${origin}/updates/`);
  const counts = await page.locator('.updates-list .updates-counts').allTextContents();
  expect(counts).toEqual([
    '2 figures added, 2 removed.',
    '2 figures revised.',
    '2 figures added, 3 revised.',
    '6 figures added.',
  ]);
  const xml = await (await request.get(`${origin}/updates.xml`)).text();
  for (const text of counts) expect(xml).toContain(`<p>${text}</p>`);
});

test('every release stays downloadable byte for byte at its permanent address', async ({ request }) => {
  for (const date of ['2025-01-15', '2025-07-24', '2025-10-02', '2026-01-15']) {
    const response = await request.get(`${origin}/data/measures/widget-thefts/${date}.csv`);
    expect(response.status(), date).toBe(200);
    expect(sha256(await response.body()), date).toBe(sha256(readFileSync(join(RELEASES_DIR, `${date}.csv`))));
  }
});

test('axe finds no WCAG 2.2 AA problem with every release open and an earlier release drawn', async ({ page }) => {
  const requireFromAxeBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
  await page.addInitScript({ content: readFileSync(requireFromAxeBuilder.resolve('axe-core/axe.min.js'), 'utf8') });
  await page.goto(`${origin}${MEASURE}`);
  await page.locator('.release__details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
  await page.getByRole('radio', { name: 'As published on 15 January 2025' }).check();
  const options: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] };
  const { violations } = await page.evaluate(
    (opts) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
