/**
 * Search filters as facets: which pages each filter value holds, which results pass the chosen
 * filters, and how many results each value would give. Values of one filter are alternatives
 * (Measure or Priority); different filters narrow each other (a Measure in the 2024-27 strategy).
 * Counting here rather than in Pagefind keeps that rule, and works on results merged from several queries.
 */

/** Filters the pages carry (see src/layouts/Base.astro), in the order the search page shows them. */
export const FILTERS = [
  { name: 'kind', legend: 'Type of page' },
  { name: 'plan', legend: 'Plan period' },
  { name: 'theme', legend: 'Thematic area' },
  { name: 'agency', legend: 'Lead or source agency' },
] as const;

/** Name of a filter, as in data-pagefind-filter and in the search page's URL. */
export type FilterName = (typeof FILTERS)[number]['name'];

/** For one filter: the name shown for each theme or agency, with its other spellings; values to leave out. */
export interface FilterNaming {
  /** Shown name -> other spellings, as content/search-terms.yaml lists them. */
  readonly names: Readonly<Record<string, readonly string[]>>;
  /** Values that name nothing this filter is about, e.g. "Not stated in the plan". */
  readonly leaveOut: readonly string[];
}

/** How the theme and agency filters name their values. */
export interface FilterNames {
  readonly theme: FilterNaming;
  readonly agency: FilterNaming;
}

/** Folds what does not change a name: case, "&" for "and", hyphens, punctuation and spacing ("Anti-social" is "anti social"). */
function nameKey(value: string): string {
  return value
    .toLocaleLowerCase('en-GB')
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The value a page files under a search filter, so one theme or agency is one choice however a
 * plan or data file writes it: the name content/search-terms.yaml gives it, matched whatever the
 * case or punctuation; an agency loses a dataset named after it in brackets and the site it was read
 * through ("Office for National Statistics (police recorded crime)" is the Office for National
 * Statistics, "Nottinghamshire Police via police.uk" is Nottinghamshire Police). Null when the value
 * names no theme or agency. Pages still show their own wording; only the filter is normalised.
 */
export function filterValue(filter: FilterName, value: string, naming: FilterNames): string | null {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (filter !== 'theme' && filter !== 'agency') return trimmed || null;
  const { names, leaveOut } = naming[filter];
  // The agency, not the dataset in brackets nor the site it was read through ("… via police.uk").
  const candidates = filter === 'agency' ? [trimmed, trimmed.replace(/\s*\([^()]*\)/g, '').replace(/,?\s+via\s.*$/i, '').trim()] : [trimmed];
  for (const candidate of candidates) {
    const key = nameKey(candidate);
    if (!key || leaveOut.some((v) => nameKey(v) === key)) return null;
    for (const [name, others] of Object.entries(names)) {
      if (nameKey(name) === key || others.some((other) => nameKey(other) === key)) return name;
    }
  }
  return candidates.at(-1) || null;
}

/** Each value through filterValue, without repeats or left-out values. */
export function filterValues(filter: FilterName, values: readonly string[], naming: FilterNames): string[] {
  return [...new Set(values.map((v) => filterValue(filter, v, naming)).filter((v): v is string => v !== null))];
}

/** How each kind of page is named to readers, in the order they are listed. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  plan: 'Plan',
  priority: 'Priority',
  action: 'Action',
  measure: 'Measure',
  about: 'About this site',
};

/** One choice in a filter: the values Pagefind holds for it (spellings that differ only in case are one choice). */
export interface FacetOption {
  /** Stable key, used in the URL: the kind ("measure") or the most used spelling of the value. */
  readonly key: string;
  /** What readers see. */
  readonly label: string;
  /** The values as pages wrote them. */
  readonly values: readonly string[];
}

/** A filter with its choices. */
export interface Facet {
  readonly name: FilterName;
  readonly legend: string;
  readonly options: readonly FacetOption[];
}

/** Chosen option keys by filter name. */
export type Selection = ReadonlyMap<string, ReadonlySet<string>>;

/** The pages (Pagefind ids) in each option, by filter name then option key. */
export type Membership = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

/** Orders a filter's options: kinds as listed above, newest plan first, the rest alphabetically. */
function compareOptions(name: FilterName, a: FacetOption, b: FacetOption): number {
  if (name === 'kind') {
    const order = Object.keys(KIND_LABELS);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    return rank(a.key) - rank(b.key) || a.key.localeCompare(b.key, 'en-GB');
  }
  if (name === 'plan') return b.key.localeCompare(a.key, 'en-GB');
  return a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });
}

/** Builds the facets from Pagefind's list of filter values and their page counts (pagefind.filters()). */
export function buildFacets(available: Readonly<Record<string, Readonly<Record<string, number>>>>): Facet[] {
  return FILTERS.flatMap(({ name, legend }) => {
    const counts = available[name];
    if (!counts || Object.keys(counts).length === 0) return [];
    // "Anti-Social Behaviour" and "Anti-social behaviour" are one theme written two ways.
    const bySpelling = new Map<string, [string, number][]>();
    for (const [value, count] of Object.entries(counts)) {
      const folded = value.toLocaleLowerCase('en-GB');
      bySpelling.set(folded, [...(bySpelling.get(folded) ?? []), [value, count]]);
    }
    const options = [...bySpelling.values()].map((spellings): FacetOption => {
      const [key] = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB'))[0]!;
      const label = name === 'kind' ? (KIND_LABELS[key] ?? key) : key;
      return { key, label, values: spellings.map(([value]) => value).sort() };
    });
    return [{ name, legend, options: options.sort((a, b) => compareOptions(name, a, b)) }];
  });
}

/** Whether a page passes every chosen filter, leaving out `except` (to count that filter's own options). */
export function passesFilters(id: string, selection: Selection, membership: Membership, except?: string): boolean {
  for (const [name, keys] of selection) {
    if (name === except || keys.size === 0) continue;
    const options = membership.get(name);
    let inAny = false;
    for (const key of keys) if (options?.get(key)?.has(id)) inAny = true;
    if (!inAny) return false;
  }
  return true;
}

/** The results that pass the chosen filters, in their ranked order. */
export function applyFilters<T extends { readonly id: string }>(results: readonly T[], selection: Selection, membership: Membership): T[] {
  return results.filter((r) => passesFilters(r.id, selection, membership));
}

/**
 * How many results each option would give: the results passing the other filters' choices that
 * are in the option. So choosing "Measure" leaves "Priority" showing how many priorities match.
 */
export function facetCounts(results: readonly { readonly id: string }[], selection: Selection, membership: Membership): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [name, options] of membership) {
    const passing = results.filter((r) => passesFilters(r.id, selection, membership, name));
    const byOption = new Map<string, number>();
    for (const [key, ids] of options) byOption.set(key, passing.filter((r) => ids.has(r.id)).length);
    counts.set(name, byOption);
  }
  return counts;
}

/** Whether any filter has a choice made. */
export function hasSelection(selection: Selection): boolean {
  return [...selection.values()].some((keys) => keys.size > 0);
}
