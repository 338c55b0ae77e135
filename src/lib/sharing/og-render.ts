/**
 * SVG to PNG with resvg. resvg draws text only with fonts it has loaded, and scanning every system
 * font on each image is what makes it slow, so it is given one sans-serif family (regular and bold)
 * found once per build. Liberation Sans comes first: it has Arial's metrics, which the chart
 * layout's text-width estimates assume, so labels fit as they do on the page.
 */
import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

/** A font family and the files of its regular and bold faces. */
interface FontChoice {
  readonly family: string;
  readonly files: readonly string[];
}

/** Where common systems keep a suitable family: Debian/Ubuntu, Fedora, macOS, Windows. */
const FONT_CHOICES: readonly FontChoice[] = [
  ...['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/liberation-sans'].map((dir) => ({
    family: 'Liberation Sans',
    files: [`${dir}/LiberationSans-Regular.ttf`, `${dir}/LiberationSans-Bold.ttf`],
  })),
  { family: 'Arial', files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'] },
  { family: 'Arial', files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
  { family: 'DejaVu Sans', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] },
];

let fontOptions: NonNullable<ResvgRenderOptions['font']> | undefined;

/** resvg's font settings: the first family whose files exist, else every system font (slower). */
export function pngFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (!fontOptions) {
    const choice = FONT_CHOICES.find((c) => c.files.every((file) => existsSync(file)));
    fontOptions = choice
      ? { loadSystemFonts: false, fontFiles: [...choice.files], defaultFontFamily: choice.family, sansSerifFamily: choice.family }
      : { loadSystemFonts: true };
  }
  return fontOptions;
}

/** Rasterises an SVG document at its own size, off the main thread (libuv's pool runs several at once). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, { font: pngFontOptions(), logLevel: 'off' });
  return image.asPng();
}
