/**
 * Issue 22: compare like with like. Every change the site states, on any page, is between a period
 * and the same period a year earlier; no verdict stands beside a figure for a wider area than the one
 * the plan's aim is about.
 */
import { expect, test } from '@playwright/test';
import { builtPages, pageModel } from '../support/site.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS.join('|');
/** A period as the site writes it in sentences (period.ts periodLabel). */
const PERIOD = `(?:year ending (?:${MONTH}) \\d{4}|\\d+ months ending (?:${MONTH}) \\d{4}|\\d{4}-\\d{2}|Q[1-4] \\d{4}|(?:${MONTH}) \\d{4}|\\d{4})`;
/** "In P ... , 5% fewer than in P'", "in P, down from 854 in P'", "the same as in P'", "no change from P'": no sentence end between. */
const CHANGE = new RegExp(`\\b[Ii]n (${PERIOD})\\b((?:(?!\\. )[^\\n]){0,200}?)(?:than in|(?:up|down) from \\S+ in|the same as in|compared with \\S+ in|no change from) (${PERIOD})\\b`, 'g');

/** A period's length in months and its last month (months since year 0), from its label. */
function span(label: string): { months: number; last: number } {
  const month = (name: string) => MONTHS.indexOf(name);
  let m = /^(?:year|(\d+) months) ending (\w+) (\d{4})$/.exec(label);
  if (m) return { months: m[1] ? Number(m[1]) : 12, last: Number(m[3]) * 12 + month(m[2]!) };
  m = /^(\d{4})-\d{2}$/.exec(label);
  if (m) return { months: 12, last: (Number(m[1]) + 1) * 12 + 2 };
  m = /^Q([1-4]) (\d{4})$/.exec(label);
  if (m) return { months: 3, last: Number(m[2]) * 12 + Number(m[1]) * 3 - 1 };
  m = /^(\w+) (\d{4})$/.exec(label);
  if (m) return { months: 1, last: Number(m[2]) * 12 + month(m[1]!) };
  return { months: 12, last: Number(label) * 12 + 11 };
}

/** A page's words, one block (paragraph, list item, cell, heading) a line; fetched, not rendered, so every page is read quickly. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<\/?(p|li|div|h[1-6]|td|th|tr|dd|dt|figcaption|caption|br|section|ul|ol|table|desc|title)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

test('every change on every page is against the same period a year earlier', async ({ request }) => {
  test.setTimeout(300_000);
  let changes = 0;
  const wrong: string[] = [];
  for (const path of builtPages()) {
    const text = pageText(await (await request.get(path)).text());
    for (const match of text.matchAll(CHANGE)) {
      changes++;
      const [latest, earlier] = [span(match[1]!), span(match[3]!)];
      if (latest.months !== earlier.months || latest.last - earlier.last !== 12) wrong.push(`${path}: "${match[0]}"`);
    }
  }
  expect(wrong, 'changes between periods that are not a year apart').toEqual([]);
  expect(changes, 'some page states a change, so the check above ran').toBeGreaterThan(0);
});

test('no verdict beside a figure for a wider area than the plan\'s aim', async ({ page }) => {
  test.setTimeout(300_000);
  const model = pageModel();
  const wider = model.measures.filter((m) => m.data.area && m.data.area.code !== model.site.area.code && m.data.polarity !== 'no_judgement');
  expect(wider.map((m) => m.slug), 'the real site has such measures (knife crime is for the force area)').toContain('knife-crime');
  const verdict = /This is (an improvement|a worse result)|\((an improvement|a worse result)\)|as the plan sets the direction/;
  for (const m of wider) {
    for (const path of [`/measures/${m.slug}/`, `/embed/measures/${m.slug}/`]) {
      const response = await page.goto(path);
      if (response?.status() !== 200) continue;
      const text = await page.locator('main, body').first().innerText();
      expect(text, `${path} gives no verdict`).not.toMatch(verdict);
      expect(text, `${path} says why`).toContain(`it is for ${m.data.area!.name}, a wider area than ${model.site.area.name}, the area the plan's aim is about.`);
    }
  }
  // Every card of those measures, wherever it is shown, carries no verdict either.
  let cards = 0;
  for (const path of builtPages().filter((p) => p === '/' || p.startsWith('/plans/'))) {
    await page.goto(path);
    for (const item of await page.locator('ul.card-list > li').all()) {
      const text = await item.innerText();
      if (!wider.some((m) => text.includes(`Area: ${m.data.area!.name}`))) continue;
      cards++;
      expect(text, `a card on ${path}`).not.toMatch(verdict);
      await expect(item.locator('.sparkline--better, .sparkline--worse')).toHaveCount(0);
    }
  }
  expect(cards, 'some page shows such a card').toBeGreaterThan(0);
});
