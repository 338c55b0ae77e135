/** The small marks a line chart draws both on the plot and in its key: a suppressed value's cross, a revised value's flag. */
import { round1 } from '../../layout.ts';

/** A cross centred on (x, y), for a suppressed value. */
export function crossPath(x: number, y: number): string {
  const [left, right, top, bottom] = [round1(x - 4), round1(x + 4), round1(y - 4), round1(y + 4)];
  return `M${left},${top}L${right},${bottom}M${right},${top}L${left},${bottom}`;
}

/** A small pennant on a pole above a marker, for revised values. */
export function flagPath(x: number, markerTop: number): string {
  const top = round1(markerTop - 11);
  return `M${x},${round1(markerTop)}V${top}L${round1(x + 7)},${round1(top + 3)}L${x},${round1(top + 6)}`;
}
