/**
 * The search page's state in its URL (?q=knife&kind=measure&plan=2024-27+strategy), so a search,
 * filters included, can be bookmarked and shared. The header search box writes ?q= the same way.
 */
import { FILTERS, type Selection } from './facets.ts';

/** What a search page URL asks for. */
export interface SearchState {
  readonly query: string;
  /** Chosen option keys by filter name; a filter may be repeated (?kind=measure&kind=priority). */
  readonly selection: Selection;
}

/** Longest query read from a URL: enough for any real search, and a bound on the work it causes. */
export const MAX_QUERY_LENGTH = 200;

/** Reads the query and filter choices from a URL's search parameters. */
export function readSearchState(params: URLSearchParams): SearchState {
  const query = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const selection = new Map<string, Set<string>>();
  for (const { name } of FILTERS) {
    const keys = params.getAll(name).map((k) => k.trim()).filter(Boolean);
    if (keys.length) selection.set(name, new Set(keys));
  }
  return { query, selection };
}

/** Writes a search state as a URL query string ("?q=knife&kind=measure"), or "" when empty. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { name } of FILTERS) {
    for (const key of [...(state.selection.get(name) ?? [])].sort()) params.append(name, key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
