/** Every page the foundation promises exists with its heading, and readers can walk from home to a measure. */
import { expect, test } from '@playwright/test';
import { pageModel } from '../support/site.ts';

const model = pageModel();
const current = model.plans.find((p) => p.data.status === 'current')!;
const archived = model.plans.find((p) => p.data.status === 'archived')!;

const pages: [string, string | RegExp][] = [
  ['/', model.site.site_name],
  ['/plans/', 'Plans'],
  ['/plans/2024-27/', 'Nottingham Community Safety Partnership Strategy 2024/27'],
  ['/plans/2015-20/', 'Nottingham Crime & Drugs Partnership Plan 2015 to 2020'],
  ['/plans/2024-27/priorities/serious-violence/', 'Serious Violence'],
  ['/plans/2015-20/priorities/burglary/', 'Burglary'],
  ['/plans/2024-27/actions/review-shoplifting-response/', /shoplifting/i],
  ['/measures/', 'Measures'],
  ['/measures/knife-crime/', 'Knife Crime'],
  ['/measures/victim-based-crime/', 'Victim-Based Crime'],
  ['/about/', 'About this site'],
  ['/about/accessibility/', /Accessibility statement/],
  ['/data/', 'Data downloads'],
];

for (const [path, heading] of pages) {
  test(`${path} renders with its heading`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(heading);
  });
}

test('every priority, action and measure has its own page', async ({ page }) => {
  const paths = [
    ...model.priorities.map((p) => `/plans/${p.plan}/priorities/${p.slug}/`),
    ...model.actions.map((a) => `/plans/${a.plan}/actions/${a.slug}/`),
    ...model.measures.map((m) => `/measures/${m.slug}/`),
  ];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
});

test('the counts match the plans', async () => {
  const count = (plan: string) => model.plans.find((p) => p.id === plan)!;
  expect(count('2024-27').priorities).toHaveLength(7);
  expect(count('2024-27').actions).toHaveLength(16);
  expect(count('2024-27').measures).toHaveLength(34);
  expect(count('2015-20').priorities).toHaveLength(6); // five priorities and reoffending as a delivery area
});

test('a reader can go from home to a plan, a priority and one of its measures', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Read the whole/ }).click();
  await expect(page.locator('h1')).toHaveText(current.data.title);
  await page.getByRole('link', { name: 'Serious Violence', exact: true }).first().click();
  await expect(page.locator('h1')).toHaveText('Serious Violence');
  await page.getByRole('link', { name: 'Knife Crime' }).first().click();
  await expect(page.locator('h1')).toHaveText('Knife Crime');
  await expect(page.locator('dd').getByText('Nottinghamshire Police', { exact: true })).toBeVisible();
});

test('the archived plan says so and links to the current plan', async ({ page }) => {
  await page.goto(`/plans/${archived.id}/`);
  await expect(page.getByText('This plan is archived.')).toBeVisible();
  await page.getByRole('link', { name: current.data.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/plans/${current.id}/$`));
});

test('the action plan shows a blank agency as "Not stated"', async ({ page }) => {
  await page.goto('/plans/2024-27/');
  const row = page.locator('#action-plan ~ div table tr', { hasText: /hate crime/i });
  await expect(row.first()).toContainText('Not stated');
});

test('every figure card and framework figure says its area: the measure’s own, else the partnership’s', async ({ page }) => {
  const siteArea = model.site.area.name;
  for (const path of ['/', `/plans/${current.id}/`, `/plans/${archived.id}/`]) {
    await page.goto(path);
    // Measure cards (the same list style also lists priorities).
    const cards = page.locator('.card-list > li', { has: page.locator('h3 a[href*="measures/"]') });
    const count = await cards.count();
    expect(count, `${path} has measure cards`).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const slug = (await cards.nth(i).locator('h3 a').getAttribute('href'))!.match(/measures\/([^/]+)\/$/)![1]!;
      const area = model.measures.find((m) => m.slug === slug)!.data.area?.name ?? siteArea;
      await expect(cards.nth(i), `${path} card for ${slug}`).toContainText(`Area: ${area}`);
    }
  }
  // The framework table names the partnership's area in its heading and any other area in the cell.
  await page.goto(`/plans/${current.id}/`);
  const table = page.locator('table', { has: page.getByRole('columnheader', { name: `Latest figure (${siteArea} unless stated)` }) });
  await expect(table).toHaveCount(1);
  const elsewhere = model.measures.filter((m) => m.data.area && m.data.area.code !== model.site.area.code && m.data.plans.includes(current.id) && m.vintages.length > 0);
  expect(elsewhere.length, 'the current plan has a measure of another area with figures').toBeGreaterThan(0);
  for (const m of elsewhere) {
    const row = table.locator('tr', { has: page.locator(`a[href$="/measures/${m.slug}/"]`) });
    await expect(row.locator('td').last()).toContainText(m.data.area!.name);
  }
});

test("a plan's own text sits under “The plan in full”: its sections are subheadings, and no level is skipped", async ({ page }) => {
  for (const plan of model.plans) {
    await page.goto(`/plans/${plan.id}/`);
    const levels = await page.locator('main').evaluate((main) =>
      [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim(), inPlanText: h.closest('#plan-text') !== null })),
    );
    const inPlan = levels.filter((h) => h.inPlanText);
    expect(inPlan[0], `${plan.id}: the section's own heading`).toMatchObject({ level: 2, text: 'The plan in full' });
    expect(inPlan.length, `${plan.id}: the plan text has headings`).toBeGreaterThan(1);
    for (const h of inPlan.slice(1)) expect(h.level, `${plan.id}: "${h.text}" is below "The plan in full"`).toBeGreaterThan(2);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]!.level - levels[i - 1]!.level, `${plan.id}: "${levels[i - 1]!.text}" (h${levels[i - 1]!.level}) to "${levels[i]!.text}" (h${levels[i]!.level})`).toBeLessThanOrEqual(1);
    }
  }
});

test('a release history names the earliest and latest period of a run of ranged periods, never "X to Y to Z"', async ({ page }) => {
  let checked = 0;
  for (const m of model.measures.filter((x) => x.vintages.length > 1)) {
    await page.goto(`/measures/${m.slug}/`);
    // Text content, not inner text: earlier releases are in closed <details>, which have no inner text.
    const items = await page.locator('#releases').locator('xpath=..').locator('li:not(:has(li))').allTextContents();
    for (const item of items.map((t) => t.replace(/\s+/g, ' ')).filter((t) => /\d+ figures, /.test(t))) {
      const span = item.slice(item.indexOf(' figures, ') + 10);
      if (span.startsWith('the earliest for ')) checked++;
      else expect(span.split(' to ').length, `${m.slug}: "${item}"`).toBeLessThanOrEqual(2);
    }
  }
  expect(checked, 'some history lists a run of ranged periods, so the check above ran').toBeGreaterThan(0);
});
