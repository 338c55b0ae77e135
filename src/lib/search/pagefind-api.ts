/**
 * The part of Pagefind's browser API (pagefind/pagefind.js, written by the build) that the search
 * page uses. Pagefind publishes no types for it, so these follow its documentation for 1.6.
 */

/** Options given to pagefind.options() before the first search. */
export interface PagefindOptions {
  /** Run in the page rather than a web worker: our index is small, and the worker file is not deployed. */
  readonly noWorker?: boolean;
  /** Words in each result's excerpt. */
  readonly excerptLength?: number;
}

/** Filter values: one value, or several that must all match; `{ any: [...] }` for alternatives. */
export type PagefindFilters = Readonly<Record<string, string | readonly string[] | { readonly any: readonly string[] }>>;

/** The data of one result, loaded on demand (one small file per page). */
export interface PagefindResultData {
  /** The page's URL, with the site's base path. */
  readonly url: string;
  /** Text around the matches, HTML-escaped, with matched words in <mark>. */
  readonly excerpt: string;
  /** Metadata; `title` is the page's first h1. Raw text, never HTML. */
  readonly meta: Readonly<Record<string, string | undefined>>;
  /** The page's filter values (data-pagefind-filter). */
  readonly filters: Readonly<Record<string, readonly string[] | undefined>>;
}

/** One result of a search, before its data is loaded. */
export interface PagefindResult {
  readonly id: string;
  readonly score: number;
  data(): Promise<PagefindResultData>;
}

/** What pagefind.search() returns. */
export interface PagefindSearch {
  readonly results: readonly PagefindResult[];
}

/** The module /pagefind/pagefind.js. */
export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  /** Every filter with its values and how many pages carry each. */
  filters(): Promise<Record<string, Record<string, number>>>;
  /** A text search, or with `null` every page matching the filters. */
  search(query: string | null, options?: { readonly filters?: PagefindFilters }): Promise<PagefindSearch>;
}
