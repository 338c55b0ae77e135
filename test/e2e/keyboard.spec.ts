/**
 * Keyboard-only journeys: a reader who cannot use a mouse gets from the home page to a plan, a
 * priority, a measure and its CSV download with Tab, Shift+Tab and Enter alone; every element
 * they land on is on screen and visibly different when focused; the skip link jumps past the
 * header into the main content. Also: reduced motion is honoured and each page has its landmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dist, pageModel } from '../support/site.ts';

/** Computed styles that can make focus visible. */
interface FocusLook {
  outline: string;
  outlineWidth: number;
  boxShadow: string;
  background: string;
  color: string;
  textDecoration: string;
}

interface Stop {
  /** Short description of the focused element, for failure messages. */
  describe: string;
  name: string;
  href: string | null;
  inViewport: boolean;
  /** The element focused before this one, now measured without focus. */
  previous?: { describe: string; focused: FocusLook; unfocused: FocusLook };
}

/**
 * Presses a key and reports where focus went. The page remembers how the focused element looked
 * while focused, so the next press can measure the same element unfocused: the comparison needs
 * no mouse and no script-driven focus, only the keys a reader would press.
 */
async function press(page: Page, key: 'Tab' | 'Shift+Tab'): Promise<Stop> {
  await page.keyboard.press(key);
  return page.evaluate(() => {
    const w = window as unknown as { __focusWalk?: { el: Element; describe: string; focused: FocusLook } };
    const look = (el: Element): FocusLook => {
      const cs = getComputedStyle(el);
      return {
        outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
        outlineWidth: cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth),
        boxShadow: cs.boxShadow,
        background: cs.backgroundColor,
        color: cs.color,
        textDecoration: cs.textDecorationLine,
      };
    };
    const el = document.activeElement ?? document.body;
    const before = w.__focusWalk;
    const previous = before && before.el !== el && before.el.isConnected
      ? { describe: before.describe, focused: before.focused, unfocused: look(before.el) }
      : undefined;
    const rect = el.getBoundingClientRect();
    const inViewport =
      rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
    const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ');
    const describe = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${name.slice(0, 60)}" on ${location.pathname}`;
    w.__focusWalk = { el, describe, focused: look(el) };
    return { describe, name, href: el.getAttribute('href'), inViewport, previous };
  });
}

/** Why an element's focused look is not visibly different from its unfocused look, or undefined if it is. */
function invisibleFocus(p: NonNullable<Stop['previous']>): string | undefined {
  const { focused: f, unfocused: u } = p;
  const outline = f.outlineWidth >= 2 && f.outline !== u.outline;
  const shadow = f.boxShadow !== 'none' && f.boxShadow !== u.boxShadow;
  const background = f.background !== u.background;
  if (outline || shadow || background) return undefined;
  return `${p.describe}: no visible focus indicator (focused ${JSON.stringify(f)} vs unfocused ${JSON.stringify(u)})`;
}

/**
 * Tabs forward until `wanted` is focused, checking every stop on the way: each must be on screen,
 * and each must look different while focused. Returns the problems found.
 */
async function tabTo(page: Page, wanted: (stop: Stop) => boolean, what: string, problems: string[]): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    const stop = await press(page, 'Tab');
    if (stop.previous) {
      const why = invisibleFocus(stop.previous);
      if (why) problems.push(why);
    }
    if (!stop.inViewport) problems.push(`${stop.describe}: focused but not on screen`);
    if (wanted(stop)) {
      // Measure the target itself too: step past it and come back with Shift+Tab.
      const next = await press(page, 'Tab');
      const why = next.previous && invisibleFocus(next.previous);
      if (why) problems.push(why);
      const back = await press(page, 'Shift+Tab');
      expect(back.describe, `Shift+Tab returns to ${what}`).toBe(stop.describe);
      expect(back.inViewport, `${back.describe} is on screen`).toBe(true);
      return;
    }
  }
  throw new Error(`${what} was never reached with the Tab key on ${page.url()}`);
}

/**
 * Follows the focused link with Enter and waits until the new page has loaded. Its stylesheets
 * are linked files, so measuring focus styles before `load` can read the browser's defaults: a
 * reader never sees that state, as linked stylesheets block rendering.
 */
async function follow(page: Page, url: RegExp): Promise<void> {
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(url);
  await page.waitForLoadState('load');
}

const model = pageModel();
const plan = model.plans.find((p) => p.data.status === 'current')!;
// A priority of the current plan with a measure that has published figures, so there is a download.
const journey = model.priorities
  .filter((p) => p.plan === plan.id)
  .map((priority) => ({
    priority,
    measure: model.measures.find((m) => m.vintages.length > 0 && !m.derived && priority.data.measures.includes(m.slug)),
  }))
  .find((j) => j.measure)!;
const { priority, measure } = { priority: journey.priority, measure: journey.measure! };

test(`keyboard only: home -> ${plan.id} -> ${priority.slug} -> ${measure.slug} -> its CSV`, async ({ page }) => {
  const problems: string[] = [];
  await page.goto('/');

  await tabTo(page, (s) => s.href?.endsWith(`/plans/${plan.id}/`) === true && /^Read the whole/.test(s.name), 'the link to the current plan', problems);
  await follow(page, new RegExp(`/plans/${plan.id}/$`));
  await expect(page.locator('h1')).toHaveText(plan.data.title);

  await tabTo(page, (s) => s.href?.endsWith(`/priorities/${priority.slug}/`) === true, `the link to ${priority.data.title}`, problems);
  await follow(page, new RegExp(`/priorities/${priority.slug}/$`));
  await expect(page.locator('h1')).toHaveText(priority.data.title);

  await tabTo(page, (s) => s.href?.endsWith(`/measures/${measure.slug}/`) === true, `the link to ${measure.data.title}`, problems);
  await follow(page, new RegExp(`/measures/${measure.slug}/$`));
  await expect(page.locator('h1')).toHaveText(measure.data.title);

  await tabTo(page, (s) => s.href?.endsWith(`/data/measures/${measure.slug}.csv`) === true, 'the current release download', problems);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${measure.slug}.csv`);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.equals(readFileSync(join(dist, 'data/measures', `${measure.slug}.csv`)))).toBe(true);

  expect(problems, problems.join('\n')).toEqual([]);
});

test('the skip link is the first stop, is visible when focused, and moves focus to the main content', async ({ page }) => {
  for (const path of ['/', `/measures/${measure.slug}/`]) {
    await page.goto(path);
    const stop = await press(page, 'Tab');
    expect(stop.name).toBe('Skip to main content');
    expect(stop.inViewport, `${stop.describe} is on screen`).toBe(true);
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab lands inside main, past the header, navigation, search and breadcrumbs.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
  }
});

test('every stop on the measure page is visible and has a focus indicator', async ({ page }) => {
  // The richest page type (tables, downloads, releases): walk all of it, forwards, to the footer.
  const problems: string[] = [];
  await page.goto(`/measures/${measure.slug}/`);
  await tabTo(page, (s) => s.href?.endsWith('/about/publishing/') === true, 'the "How we publish" link in the footer', problems);
  expect(problems, problems.join('\n')).toEqual([]);
});

test.describe('with reduced motion requested', () => {
  test.use({ reducedMotion: 'reduce' });
  test('no element animates or transitions', async ({ page }) => {
    const problems: string[] = [];
    for (const path of ['/', `/plans/${plan.id}/`, `/measures/${measure.slug}/`, '/search/']) {
      await page.goto(path);
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      // Tab once so focus styles (a common home of transitions) are in play too.
      await page.keyboard.press('Tab');
      const moving = await page.evaluate(() => {
        const found: string[] = [];
        for (const animation of document.getAnimations()) {
          if (animation.playState === 'running') found.push(`running animation ${(animation as CSSAnimation).animationName ?? animation.id}`);
        }
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const cs = getComputedStyle(el, pseudo);
            const durations = [...cs.transitionDuration.split(','), ...(cs.animationName === 'none' ? [] : cs.animationDuration.split(','))];
            if (durations.some((d) => parseFloat(d) > 0)) {
              found.push(`<${el.tagName.toLowerCase()}${pseudo ?? ''} class="${el.getAttribute('class') ?? ''}"> transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`);
            }
          }
          if (getComputedStyle(el).scrollBehavior === 'smooth') found.push(`<${el.tagName.toLowerCase()}> scrolls smoothly`);
        }
        return found;
      });
      problems.push(...moving.map((m) => `${path}: ${m}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
