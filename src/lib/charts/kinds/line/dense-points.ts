/**
 * A crowded line series' values for the enhancement script (data-points on its <g>), written by the
 * build and read by src/scripts/chart-enhance.ts; both use this file so the two sides cannot drift.
 *
 * A value's height is already in the series' drawn path, so it is written again only where the
 * path cannot give it back (a value joined to no neighbour is in no path). On a 120-period chart
 * with two comparators that leaves out about 2 KB of the page, most of the bytes that gzip could not
 * shrink: the heights are the least repetitive text on it.
 */

/** One period's entry: null (no value), the value label alone (height from the path), or [label, height or null, status, note]. */
export type DenseEntry = null | string | [label: string, y: number | null, status: string, note: string];

/** A value of a crowded series, as the renderer has it. */
export interface DenseValue {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly status?: string | undefined;
  readonly note: string;
}

// Positions are drawn to 0.1, so tenths are exact keys; a float sum such as 40.2 + 2.3 is not.
const key = (x: number) => Math.round(x * 10);

/**
 * The points a path visits, x (in tenths, as a key) to y, for paths of M, L, l and Z commands (what
 * the line renderer writes); a path with any other command gives nothing, so its values keep their height.
 */
export function pathHeights(paths: readonly string[]): Map<number, number> {
  const heights = new Map<number, number>();
  for (const d of paths) {
    if (!/^[MLlZ0-9.,\s-]*$/.test(d)) continue;
    let [x, y, startX, startY] = [0, 0, 0, 0];
    for (const [, command, args] of d.matchAll(/([MLlZ])([^MLlZ]*)/g)) {
      if (command === 'Z') {
        [x, y] = [startX, startY];
        continue;
      }
      // "2.4-13.9" is two numbers: a minus sign starts the second.
      const [a, b] = (args!.match(/-?[0-9.]+/g) ?? []).map(Number) as [number, number];
      if (command === 'l') [x, y] = [x + a, y + b];
      else [x, y] = [a, b];
      if (command === 'M') [startX, startY] = [x, y];
      heights.set(key(x), Math.round(y * 10) / 10);
    }
  }
  return heights;
}

/** The data-points JSON of a series: one entry per period of `periodXs` (the svg's data-periods), given the paths drawn for it. */
export function encodeDensePoints(values: readonly DenseValue[], periodXs: readonly number[], paths: readonly string[]): string {
  const heights = pathHeights(paths);
  const byX = new Map(values.map((v) => [key(v.x), v]));
  const entries: DenseEntry[] = periodXs.map((x) => {
    const value = byX.get(key(x));
    if (!value) return null;
    const fromPath = heights.get(key(x));
    const heightKnown = fromPath !== undefined && Math.abs(fromPath - value.y) < 0.05;
    if (heightKnown && !value.status && !value.note) return value.label;
    return [value.label, heightKnown ? null : value.y, value.status ?? '', value.note];
  });
  return JSON.stringify(entries);
}

/** One period's value read back: its height and words; undefined where the period has no value. */
export function decodeDenseEntry(entry: DenseEntry, x: number, heights: ReadonlyMap<number, number>): { y: number; label: string; status: string; note: string } | undefined {
  if (entry === null) return undefined;
  const [label, y, status, note] = typeof entry === 'string' ? [entry, null, '', ''] : entry;
  const height = y ?? heights.get(key(x));
  return height === undefined ? undefined : { y: height, label, status, note };
}
