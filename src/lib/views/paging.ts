/**
 * Paging for lists that grow with every release and measure (the data catalogue, what's new):
 * a page holds a fixed number of items, so no page grows heavy however large the site becomes.
 * Page 1 lives at the list's own address; later pages at "<list>page/<n>/", addresses that stay
 * valid as the list grows (pages are only ever added at the end).
 */

/** One page of a paged list. */
export interface ListPage<T> {
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  readonly items: readonly T[];
}

/** Splits `items` into pages of at most `size`, in order; an empty list is one empty page. */
export function pageItems<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!(Number.isInteger(size) && size >= 1)) throw new Error(`page size must be a whole number of at least 1, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size) }));
}

/** Site path of page `n` of the list at `first` ("/data/"): page 1 is `first` itself, page 2 "/data/page/2/". */
export function pagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first}page/${n}/`;
}
