/**
 * Arithmetic on published figures without binary floating-point noise: 0.3 - 0.1 must read 0.2,
 * not 0.19999999999999998, in a page or a download. Results are rounded to the most decimal places
 * any input was written with, which is exact for sums and differences of the figures as published.
 */

/** Decimal places in the shortest form of `value`, e.g. 12.5 -> 1, 3 -> 0, 1e-7 -> 7. */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponentText] = String(value).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  return Math.max(0, fraction.length - exponent);
}

/** `value` rounded to `places` decimals (0-100). */
export function roundTo(value: number, places: number): number {
  // Sums of figures with at most `places` decimals sit within float noise of the exact decimal,
  // so toFixed's binary rounding of true halves never matters here.
  const rounded = Number(value.toFixed(Math.min(Math.max(places, 0), 100)));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Sum of signed terms, exact to the precision of the terms. */
export function signedSum(terms: readonly { value: number; sign: '+' | '-' }[]): number {
  const places = Math.max(0, ...terms.map((t) => decimalPlaces(t.value)));
  const total = terms.reduce((sum, t) => (t.sign === '+' ? sum + t.value : sum - t.value), 0);
  return roundTo(total, places);
}

/** `later - earlier`, exact to the precision of the two figures. */
export function difference(later: number, earlier: number): number {
  return signedSum([
    { value: later, sign: '+' },
    { value: earlier, sign: '-' },
  ]);
}
