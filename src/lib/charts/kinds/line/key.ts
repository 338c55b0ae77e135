/** The line chart's key: the symbols it uses, wrapped into rows below the plot. */
import { textWidth, round1 } from '../../layout.ts';
import type { ChartInput, ChartPoint } from '../../types.ts';
import { breakIndex, SERIES_BREAK_TEXT } from './breaks.ts';
import type { KeySymbol } from './geometry-types.ts';
import { mainSeries } from './lines.ts';

const KEY_TEXT: Readonly<Record<KeySymbol, string>> = {
  provisional: 'Provisional',
  revised: 'Revised',
  gap: 'Suppressed',
  break: SERIES_BREAK_TEXT,
};

/** The symbols the chart uses, in the order the key lists them. */
export function usedKeySymbols(
  input: ChartInput,
  pointLists: readonly (readonly ChartPoint[])[],
  periods: readonly ChartPoint['period'][],
): KeySymbol[] {
  const all = pointLists.flat();
  const main = mainSeries(input);
  const symbols: KeySymbol[] = [];
  if (all.some((p) => p.value !== null && p.status === 'provisional')) symbols.push('provisional');
  if (all.some((p) => p.value !== null && (p.revised === true || p.status === 'revised'))) symbols.push('revised');
  if (main?.points.some((p) => p.value === null)) symbols.push('gap');
  if (input.breaks.some((b) => breakIndex(b, periods) > 0)) symbols.push('break');
  return symbols;
}

/** The key's entries placed left to right, starting a new row where one would overflow. */
export function layoutKey(symbols: readonly KeySymbol[], width: number, fontSize: number): { rows: number; items: { symbol: KeySymbol; x: number; row: number; text: string }[] } {
  const items: { symbol: KeySymbol; x: number; row: number; text: string }[] = [];
  let row = 0;
  let cursor = 8;
  for (const symbol of symbols) {
    const text = KEY_TEXT[symbol];
    const itemWidth = 22 + textWidth(text, fontSize) + 18;
    if (cursor > 8 && cursor + itemWidth > width - 8) {
      row += 1;
      cursor = 8;
    }
    items.push({ symbol, x: round1(cursor), row, text });
    cursor += itemWidth;
  }
  return { rows: symbols.length === 0 ? 0 : row + 1, items };
}
