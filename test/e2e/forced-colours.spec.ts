/**
 * Windows contrast themes (issue 23): with forced colours, light and dark, every chart line, marker,
 * bar, sparkline and chart text keeps a contrast with what it is drawn on, and so do badges and the
 * focus ring. Browsers repaint HTML in the theme's colours but keep an SVG's own, so navy sparklines
 * vanished on a dark theme's black. Colours are read as computed (what the theme paints), on every
 * page of the crawl, in Chromium's emulated forced colours.
 */
import type { Page } from '@playwright/test';
import { batches, crawlPaths, expect, test } from '../support/crawl.ts';

/** WCAG's contrast for graphical objects (1.4.11) and for text (1.4.3). */
const MARKS = 3;
const TEXT = 4.5;

/** Every chart mark, chart text, badge or focus ring on the loaded page without enough contrast, one line each. */
async function forcedColourProblems(page: Page, path: string, scheme: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ marks, text }) => {
      const problems: string[] = [];
      const rgb = (colour: string): [number, number, number, number] | undefined => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
      };
      const luminance = ([r, g, b]: number[]): number => {
        const [R, G, B] = [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      const contrast = (a: number[], b: number[]): number => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light! + 0.05) / (dark! + 0.05);
      };
      // What an HTML element is painted on: the nearest ancestor with an opaque background.
      const htmlBackground = (el: Element): number[] => {
        for (let node: Element | null = el; node; node = node.parentElement) {
          const colour = rgb(getComputedStyle(node).backgroundColor);
          if (colour && colour[3] > 0.5) return colour;
        }
        return [255, 255, 255];
      };
      // A chart is drawn on its own background rectangle; a sparkline (none) on the page.
      const svgBackground = (svg: SVGSVGElement): number[] => {
        const rect = svg.querySelector('rect.chart-background');
        return (rect && rgb(getComputedStyle(rect).fill)) || htmlBackground(svg.parentElement!);
      };
      const label = (el: Element): string => {
        const svg = el.closest('svg');
        const where = svg?.getAttribute('aria-labelledby')?.split(' ')[0] ?? svg?.getAttribute('class') ?? '';
        return `${where} <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`;
      };
      const check = (el: Element, property: 'stroke' | 'fill', on: number[], least: number): void => {
        const colour = rgb(getComputedStyle(el)[property]);
        if (!colour) return; // none: nothing painted
        const ratio = contrast(colour, on);
        if (ratio < least) problems.push(`${label(el)} ${property} ${getComputedStyle(el)[property]} on rgb(${on.slice(0, 3).join(', ')}): ${ratio.toFixed(2)}:1, less than ${least}:1`);
      };
      for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
        const on = svgBackground(svg);
        for (const line of svg.querySelectorAll('.series-line, .chart-svg--sparkline path, .series-break line, .axis--x line')) check(line, 'stroke', on, marks);
        for (const mark of svg.querySelectorAll('.series circle:not([opacity="0"]), .chart-svg--sparkline circle, .bar rect')) {
          check(mark, 'stroke', on, marks);
          if (!(mark.getAttribute('class') ?? '').includes('provisional')) check(mark, 'fill', on, marks);
        }
        for (const words of svg.querySelectorAll('text')) check(words, 'fill', on, text);
      }
      for (const tag of document.querySelectorAll('.tag')) {
        const style = getComputedStyle(tag);
        const on = htmlBackground(tag);
        if (style.borderTopStyle === 'none' || contrast(rgb(style.borderTopColor)!, on) < marks) problems.push(`badge "${tag.textContent?.trim()}" has no visible border`);
        if (contrast(rgb(style.color)!, on) < text) problems.push(`badge "${tag.textContent?.trim()}" text ${style.color} is too faint`);
      }
      return problems;
    },
    { marks: MARKS, text: TEXT },
  );
  return found.map((problem) => `${path} (${scheme}): ${problem}`);
}

const charted = crawlPaths();

// Each page is loaded once and read in both themes: switching the emulated theme repaints the page without loading it again.
for (const batch of batches(charted, 18)) {
  test(`in a dark and in a light contrast theme, every chart line, marker, sparkline, chart text and badge stands out from its background: ${batch.label}`, async ({ shared: page }) => {
    const problems: string[] = [];
    try {
      for (const path of batch.paths) {
        await page.goto(path);
        for (const scheme of ['dark', 'light'] as const) {
          await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
          problems.push(...(await forcedColourProblems(page, path, scheme)));
        }
        await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
      }
    } finally {
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

for (const scheme of ['dark', 'light'] as const) {
  test(`in a ${scheme} contrast theme, the keyboard focus ring shows on links and on a chart's values`, async ({ shared: page }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    try {
      await page.goto('/measures/knife-crime/');
      await page.keyboard.press('Tab'); // the skip link
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, background: getComputedStyle(document.documentElement).backgroundColor };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.colour).not.toBe(ring.background);
      // A chart value focused from the keyboard is filled with the theme's highlight, not the page's yellow.
      const point = page.locator('figure.chart .series--main .point').last();
      await point.focus();
      const fill = await point.evaluate((el) => getComputedStyle(el).fill);
      const highlight = await page.evaluate(() => {
        const probe = document.body.appendChild(document.createElement('span'));
        probe.style.forcedColorAdjust = 'none';
        probe.style.color = 'Highlight';
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      });
      expect(fill).toBe(highlight);
    } finally {
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    }
  });
}
