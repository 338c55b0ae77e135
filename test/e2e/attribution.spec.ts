/**
 * Nothing invented, on the built pages (issue 14, items 3 and 5): the source a plan names and the
 * data publisher are shown apart and labelled; links the plans do not make are labelled as the site's
 * own; no action page claims a reporting process; counts name what the plans name; a measure without
 * figures says who publishes the official series; quoted figures keep their qualifiers.
 */
import { expect, test, type Page } from '@playwright/test';

/** The definition beside a term of the page's "About this measure" list. */
function about(page: Page, term: string | RegExp) {
  return page.locator('#about-measure ~ dl dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

test.describe('the source a plan names and the data publisher', () => {
  test('a 2015-20 offence measure: the plan names no source, and ONS publishes the figures', async ({ page }) => {
    await page.goto('/measures/sexual-offences/');
    await expect(about(page, 'Source named in the plan')).toHaveText('Not stated in the plan');
    await expect(about(page, 'Data publisher')).toContainText('Office for National Statistics');
    await expect(about(page, 'Data publisher')).toContainText('Police force area data tables');
    await expect(page.locator('#about-measure ~ dl')).not.toContainText('Nottinghamshire Police');
  });

  test('a 2024-27 measure: the plan\'s source and the publisher are both shown, each labelled', async ({ page }) => {
    await page.goto('/measures/knife-crime/');
    await expect(about(page, 'Source named in the plan')).toHaveText('Nottinghamshire Police');
    await expect(about(page, 'Data publisher')).toContainText('Office for National Statistics');
  });

  test('a measure in both plans says what each plan names', async ({ page }) => {
    await page.goto('/measures/victim-based-crime/');
    await expect(about(page, 'Source named in the plan')).toHaveText(/2015-20 plan: not stated in the plan; 2024-27 strategy: Nottinghamshire Police/);
  });

  test('the plan\'s framework table has both columns', async ({ page }) => {
    await page.goto('/plans/2015-20/');
    const table = page.locator('table', { has: page.locator('th', { hasText: 'Source named in the plan' }) });
    await expect(table.locator('th', { hasText: 'Data publisher' })).toHaveCount(1);
    const row = table.locator('tr', { has: page.getByRole('link', { name: 'Sexual Offences', exact: true }) });
    await expect(row).toContainText('Not stated in the plan');
    await expect(row).toContainText('Office for National Statistics');
    await expect(row).not.toContainText('Nottinghamshire Police');
  });

  test('the measure JSON download keeps the two apart', async ({ request }) => {
    const doc = await (await request.get('/data/measures/sexual-offences.json')).json();
    expect(doc.source_agency).toBeUndefined();
    expect(doc.plan_sources).toEqual({});
    expect(doc.data_publisher.publisher).toBe('Office for National Statistics');
  });
});

test.describe('links the plans do not make', () => {
  test('a 2015-20 priority shows the shared cell\'s measures as the site\'s related measures', async ({ page }) => {
    await page.goto('/plans/2015-20/priorities/burglary/');
    await expect(page.getByRole('heading', { name: 'Related measures' })).toBeVisible();
    await expect(page.getByText('Linked here by this site, not by the plan')).toBeVisible();
    await expect(page.locator('#related-measures ~ ul, section:has(#related-measures)').getByRole('link', { name: 'Burglary Dwelling', exact: true })).toBeVisible();
  });

  test('an action\'s measures are labelled as the site\'s own, and no action page claims a reporting process', async ({ page }) => {
    await page.goto('/plans/2024-27/actions/adopt-vrp-monitoring-framework/');
    await expect(page.locator('dt', { hasText: 'Related measures' })).toContainText('linked by this site');
    for (const slug of ['adopt-vrp-monitoring-framework', 'review-hate-crime-strategy', 'review-shoplifting-response']) {
      await page.goto(`/plans/2024-27/actions/${slug}/`);
      await expect(page.locator('main')).not.toContainText('reports to the partnership board');
    }
  });

  test('the action with no lead agency says the plan leaves it blank', async ({ page }) => {
    await page.goto('/plans/2024-27/actions/review-hate-crime-strategy/');
    await expect(page.locator('dt', { hasText: 'Lead agency' }).locator('xpath=following-sibling::dd[1]')).toHaveText(/Not stated: the plan leaves this action’s agency cell blank/);
  });
});

test.describe('counts and lead groups', () => {
  test('home, plans and plan pages count what the plans name', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.priority-count')).toHaveText('The 2024-27 strategy names six priorities and one area of focus.');
    await page.goto('/plans/');
    await expect(page.locator('main')).toContainText('six priorities and one area of focus; 16 actions');
    await expect(page.locator('main')).toContainText('five priorities and one delivery area; 0 actions');
    await expect(page.locator('main')).not.toContainText(/\b[67] priorities/);
    await page.goto('/plans/2024-27/');
    await expect(page.locator('.priority-count')).toHaveText('The plan names six priorities and one area of focus.');
    await page.goto('/plans/2015-20/');
    await expect(page.locator('.priority-count')).toHaveText('The plan names five priorities and one delivery area.');
  });

  test('domestic and sexual violence: each focus point names the group that leads it', async ({ page }) => {
    await page.goto('/plans/2024-27/priorities/domestic-and-sexual-violence-and-abuse/');
    await expect(page.locator('li', { hasText: 'Deliver a revised and improved MARAC model' })).toContainText('Led by MARAC Steering Group.');
    await expect(page.locator('li', { hasText: 'Build on the success of the Consent Coalition.' })).toContainText('Led by DVSA Strategy Group.');
  });
});

test.describe('measures without figures still help', () => {
  test('no sentence is built from a missing value', async ({ page }) => {
    for (const slug of ['successful-completions-from-treatment', 'anti-social-behaviour', 'asb-repeat-victims']) {
      await page.goto(`/measures/${slug}/`);
      await expect(page.locator('#no-figures')).toContainText('No figures for this measure are held on this site yet.');
      await expect(page.locator('main')).not.toContainText('come from Not stated');
      await expect(page.locator('main')).not.toContainText('come from');
    }
  });

  test('the official series, its publisher and its link, from the reference notes', async ({ page }) => {
    await page.goto('/measures/numbers-in-treatment-adults/');
    const notice = page.locator('#no-figures');
    await expect(notice).toContainText('Official figures are published by Office for Health Improvement and Disparities (OHID)');
    await expect(notice.getByRole('link')).toHaveAttribute('href', 'https://www.ndtms.net/ViewIt/Adult');
    await page.goto('/measures/secondary-fires/');
    await expect(page.locator('#no-figures')).toContainText('FIRE0102');
  });

  test('where the reference notes name no series, the page says so', async ({ page }) => {
    await page.goto('/measures/set-referrals/');
    await expect(page.locator('#no-figures')).toContainText('No official published series for this measure is named');
    await expect(about(page, 'Source named in the plan')).toHaveText('Nottingham City Council');
  });

  test('a card without figures names the plan\'s source and the official publisher, labelled', async ({ page }) => {
    await page.goto('/plans/2024-27/priorities/domestic-and-sexual-violence-and-abuse/');
    const card = page.locator('.card-list li', { has: page.getByRole('link', { name: 'Volume of MARAC Referrals' }) });
    await expect(card).toContainText('Source named in the plan: Nottingham City Council.');
    await expect(card).toContainText('Official figures: SafeLives.');
  });
});

test('a quoted figure keeps its source\'s qualifiers', async ({ page }) => {
  await page.goto('/measures/marac-referrals/');
  const quoted = page.locator('section:has(#quoted) li');
  await expect(quoted).toContainText('a lower bound');
  await expect(quoted).toContainText('city and county MARACs combined');
  await expect(quoted).toContainText('not referrals');
  await page.goto('/measures/total-recorded-crime/');
  await expect(page.locator('section:has(#quoted) li').first()).toContainText('names no original source');
});
