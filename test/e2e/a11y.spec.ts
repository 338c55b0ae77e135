/**
 * Accessibility gate: every page the sitemap lists (plus the embeddable charts, which it leaves
 * out as noindex) and the 404 page pass axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules with zero
 * violations, declare their language as British English and have the landmarks assistive
 * technology uses to jump around (banner, navigation, main, contentinfo). The accessibility
 * statement has the sections the UK regulations require.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { DESKTOP, batches, crawlPaths, expect, htmlFiles, isEmbed, sitemapPaths, test } from '../support/crawl.ts';
import { dist, pageModel } from '../support/site.ts';

/**
 * axe-core, the engine @axe-core/playwright's AxeBuilder drives (resolved through it, so both
 * always agree on the version). We load it once per page as an init script and call axe.run
 * ourselves: AxeBuilder re-sends the 500 kB engine over the wire on every analyze() and finishes
 * each run in a fresh blank page, which made this crawl take 1.8 minutes instead of 25 seconds on
 * one core. Init scripts are injected by the browser tooling, so the page's CSP does not block it.
 */
const requireFromAxeBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(requireFromAxeBuilder.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets we claim in the accessibility statement: WCAG 2.2 AA includes the 2.0 and 2.1 criteria. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the loaded page; returns one readable paragraph per failing element. */
async function axeViolations(page: Page, label: string): Promise<string[]> {
  const options: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  const { violations } = await page.evaluate(
    (opts) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${label}: ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n` +
        `  target: ${node.target.join(' ')}\n` +
        `  ${(node.failureSummary ?? '').replaceAll('\n', '\n  ')}`,
    ),
  );
}

/** Language and landmarks, which axe's WCAG tags alone do not require (they are best-practice rules there). */
async function structureProblems(page: Page, label: string): Promise<string[]> {
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    banner: document.querySelectorAll('body > header').length,
    nav: document.querySelectorAll('nav').length,
    main: document.querySelectorAll('main, [role="main"]').length,
    contentinfo: document.querySelectorAll('body > footer').length,
    h1: document.querySelectorAll('h1').length,
  }));
  const problems: string[] = [];
  if (facts.lang !== 'en-GB') problems.push(`${label}: <html lang> is ${JSON.stringify(facts.lang)}, not "en-GB"`);
  if (facts.main !== 1) problems.push(`${label}: ${facts.main} main landmarks, expected 1`);
  if (facts.h1 !== 1) problems.push(`${label}: ${facts.h1} <h1> elements, expected 1`);
  // An embedded chart sits inside a partner's page, which has its own header and footer.
  if (isEmbed(label)) return problems;
  if (facts.banner !== 1) problems.push(`${label}: ${facts.banner} top-level <header> (banner) landmarks, expected 1`);
  if (facts.nav < 1) problems.push(`${label}: no <nav> landmark`);
  if (facts.contentinfo !== 1) problems.push(`${label}: ${facts.contentinfo} top-level <footer> (contentinfo) landmarks, expected 1`);
  return problems;
}

const listed = sitemapPaths();
const pages = crawlPaths();

// Every test in this file shares the worker's page, so the engine is installed on it once.
const armed = new WeakSet<Page>();
test.beforeEach(async ({ shared }) => {
  // The worker's page may come from another crawl (reflow narrows it): check at desktop width here.
  await shared.setViewportSize(DESKTOP);
  if (armed.has(shared)) return;
  await shared.addInitScript(AXE_SOURCE);
  armed.add(shared);
});

test('the sitemap lists the pages the site has, and the crawl covers all of them', () => {
  // Guards the crawl itself: an empty or truncated sitemap would make every check below pass vacuously.
  expect(listed.length).toBeGreaterThan(100);
  expect(listed).toEqual(expect.arrayContaining(['/', '/about/accessibility/', '/measures/knife-crime/', '/data/']));
  expect(pages).toEqual(expect.arrayContaining(listed));
});

for (const batch of batches(pages)) {
  test(`no WCAG 2.2 AA violations: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    for (const path of batch.paths) {
      const response = await page.goto(path);
      if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
      problems.push(...(await structureProblems(page, path)), ...(await axeViolations(page, path)));
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
}

test('the 404 page has no WCAG 2.2 AA violations, whether asked for by name or reached from a missing URL', async ({ shared: page }) => {
  const problems: string[] = [];
  for (const path of ['/404.html', '/no-such-page/']) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText('Page not found');
    problems.push(...(await structureProblems(page, path)), ...(await axeViolations(page, path)));
  }
  expect(problems, problems.join('\n\n')).toEqual([]);
});

test('the accessibility statement follows the UK public sector model', async ({ shared: page }) => {
  await page.goto('/about/accessibility/');
  const headings = await page.locator('main :is(h2, h3)').allTextContents();
  // The sections the model statement (GOV.UK, under the 2018 accessibility regulations) requires.
  for (const required of [
    /^Feedback and contact information$/,
    /^Reporting accessibility problems with this website$/,
    /^Enforcement procedure$/,
    /^Technical information about this website's accessibility$/,
    /^Compliance status$/,
    /^Non-accessible content$/,
    /^Preparation of this accessibility statement$/,
  ]) {
    expect(headings.some((h) => required.test(h.trim())), `heading ${required} in ${JSON.stringify(headings)}`).toBe(true);
  }
  const main = page.locator('main');
  // The compliance status must be one of the three forms the regulations allow, naming the standard.
  await expect(main).toContainText(/This website is (fully|partially|not) compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/);
  // Enforcement: the EHRC is named and the reader is pointed to the Equality Advisory and Support Service.
  await expect(main.getByRole('link', { name: /Equality Advisory and Support Service/ })).toHaveAttribute('href', /equalityadvisoryservice\.com/);
  // Preparation: when the statement was prepared and when the site was last tested.
  await expect(main).toContainText(/This statement was prepared on \d{1,2} \w+ \d{4}/);
  await expect(main).toContainText(/This website was last tested on \d{1,2} \w+ \d{4}/);
  // It is reachable from every page's footer.
  await page.goto('/');
  await expect(page.locator('footer').getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', /\/about\/accessibility\/$/);
});

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('the brand colour in content/site.yaml has enough contrast for white header text', async ({ shared: page }) => {
  // site.yaml promises its brand colour is checked: the header band sets white text on it.
  const brand = pageModel().site.colours.brand;
  const ratio = (luminance('#ffffff') + 0.05) / (luminance(brand) + 0.05);
  expect(ratio, `contrast of white on ${brand}`).toBeGreaterThanOrEqual(4.5);
  // And the header really is drawn in that colour, so the check above is about what readers see.
  await page.goto('/');
  const background = await page.locator('body > header').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(brand.slice(i, i + 2), 16));
  expect(background).toBe(`rgb(${r}, ${g}, ${b})`);
});

test('no word runs into a link or other inline element (whitespace kept around elements)', () => {
  // Astro 7's default whitespace rules dropped the line break between "under the" and the licence
  // link, so screen readers read "theOpen Government Licence". Static check of every built page.
  const joined: string[] = [];
  for (const file of htmlFiles()) {
    const html = readFileSync(join(dist, file), 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
    for (const m of html.matchAll(/[A-Za-z0-9,;:.]<(a|code|strong|em|time|abbr)[\s>]|<\/(a|code|strong|em|time|abbr)>[A-Za-z0-9(]/g)) {
      joined.push(`${file}: …${html.slice(Math.max(0, m.index - 40), m.index + 40).replaceAll('\n', ' ')}…`);
    }
  }
  expect(joined, joined.slice(0, 20).join('\n')).toEqual([]);
});
