/**
 * The search page (src/components/Search.astro). Pagefind's script and index load only once a
 * visitor searches: from ?q= on arrival (the header box), or on typing here. Each search runs the
 * typed query and its expansions from the word list (expand.ts), merges them (rank.ts), then filters
 * and counts in the browser (facets.ts). The URL follows every change, so a search can be shared.
 * All text from the index is set with textContent; excerpts are built from parts, never innerHTML.
 */
import { alsoSearchedFor, expandQuery, queryParts, type QueryVariant, type TermGroup } from '../lib/search/expand.ts';
import { excerptParts } from '../lib/search/excerpt.ts';
import {
  applyFilters,
  buildFacets,
  facetCounts,
  hasSelection,
  KIND_LABELS,
  type Facet,
  type Membership,
} from '../lib/search/facets.ts';
import type { Pagefind, PagefindResult, PagefindResultData } from '../lib/search/pagefind-api.ts';
import { answerFigureText, questionAsked, type Answer, type SearchQuestionView } from '../lib/search/questions.ts';
import { mergeResults, rankByPartsHeld, rerankByTitle, type RankedId } from '../lib/search/rank.ts';
import { readSearchState, writeSearchState } from '../lib/search/url-state.ts';

/** Results shown at a time; each needs its own small download. */
const PAGE_SIZE = 20;
/** Fewer pages than this holding every word, and pages holding some of the words are listed after them. */
const FEW_RESULTS = 3;
/** Pause in typing before searching, so each keystroke does not announce a new count. */
const TYPING_PAUSE_MS = 300;
/** Filters with long lists start folded away, unless one of their values is chosen. */
const FOLDED_FILTERS = new Set(['theme', 'agency']);

interface Engine {
  readonly pagefind: Pagefind;
  readonly facets: readonly Facet[];
  readonly membership: Membership;
}

interface Elements {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly status: HTMLElement;
  readonly also: HTMLElement;
  readonly filters: HTMLDetailsElement;
  readonly filterGroups: HTMLElement;
  readonly clear: HTMLButtonElement;
  readonly results: HTMLOListElement;
  readonly none: HTMLElement;
  readonly noneClear: HTMLButtonElement;
  readonly failed: HTMLElement;
  readonly more: HTMLButtonElement;
}

/** The search being shown: every merged result, the filtered ones, and how many are on the page. */
interface Shown {
  readonly query: string;
  readonly variants: readonly QueryVariant[];
  readonly merged: readonly RankedId[];
  /** When few or no pages hold every part of the query: the parts that found pages, whose pages follow. */
  readonly partial?: readonly string[];
  /** How many pages hold every part of the query. */
  readonly whole: number;
  /** Common words left out of the search ("in", "my"). */
  readonly leftOut: readonly string[];
  /** Pages that answer a question, shown first with their latest figure. */
  readonly pinned: ReadonlySet<string>;
  filtered: RankedId[];
  count: number;
}

/** Finds an element the component renders, by id. */
function byId<T extends HTMLElement>(root: HTMLElement, id: string): T {
  const element = root.querySelector<T>(`#${id}`);
  if (!element) throw new Error(`Search page: #${id} is missing`);
  return element;
}

/** Creates an element with a class and text. */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** "1 result" or "12 results". */
function results(count: number): string {
  return `${count} result${count === 1 ? '' : 's'}`;
}

/** Loads Pagefind from this site (never elsewhere), then learns which pages each filter value holds. */
async function loadEngine(): Promise<Engine> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ noWorker: true, excerptLength: 26 });
  const facets = buildFacets(await pagefind.filters());
  // Every filter value's pages at once: one at a time, these searches kept the first results waiting.
  const byValue = await Promise.all(
    facets.flatMap((facet) =>
      facet.options.flatMap((option) =>
        option.values.map(async (value) => ({ facet: facet.name, key: option.key, found: await pagefind.search(null, { filters: { [facet.name]: value } }) })),
      ),
    ),
  );
  const membership = new Map<string, Map<string, Set<string>>>(facets.map((f) => [f.name, new Map(f.options.map((o) => [o.key, new Set<string>()]))]));
  for (const { facet, key, found } of byValue) for (const result of found.results) membership.get(facet)!.get(key)!.add(result.id);
  return { pagefind, facets, membership };
}

/** Runs one variant; an exact one keeps the pages a whole-word search finds, with the ordinary search's scores. */
async function runVariant(pagefind: Pagefind, variant: QueryVariant): Promise<PagefindResult[]> {
  const ordinary = await pagefind.search(variant.query);
  if (!variant.exact) return [...ordinary.results];
  const whole = await pagefind.search(`"${variant.query}"`);
  const scores = new Map(ordinary.results.map((r) => [r.id, r.score]));
  return whole.results.map((r) => ({ id: r.id, score: scores.get(r.id) ?? r.score, data: () => r.data() }));
}

/** "burglary", "burglary or area", "burglary, area or night": the parts a partial search found. */
function orList(parts: readonly string[]): string {
  const quoted = parts.map((p) => `“${p}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Pages in the index found by searching for a measure's title: the page at the answer's address. */
async function findAnswers(
  pagefind: Pagefind,
  answers: readonly (Answer & { readonly href: string })[],
): Promise<{ answer: Answer; href: string; result: PagefindResult }[]> {
  const found = await Promise.all(
    answers.map(async (answer) => {
      const { results } = await pagefind.search(answer.title);
      for (const result of results.slice(0, 5)) {
        if ((await result.data()).url === answer.href) return { answer, href: answer.href, result };
      }
      return undefined;
    }),
  );
  return found.filter((f) => f !== undefined);
}

/** Starts the search page; does nothing on pages without it. */
export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const ui: Elements = {
    form: byId(root, 'search-form'),
    input: byId(root, 'search-query'),
    status: byId(root, 'search-status'),
    also: byId(root, 'search-also'),
    filters: byId(root, 'search-filters'),
    filterGroups: byId(root, 'search-filter-groups'),
    clear: byId(root, 'search-clear'),
    results: byId(root, 'search-results'),
    none: byId(root, 'search-none'),
    noneClear: byId(root, 'search-none-clear'),
    failed: byId(root, 'search-failed'),
    more: byId(root, 'search-more'),
  };
  const groups = JSON.parse(root.dataset.searchTerms ?? '[]') as TermGroup[];
  const questions = JSON.parse(root.dataset.searchQuestions ?? '[]') as (SearchQuestionView & { readonly answers: readonly (Answer & { readonly href: string })[] })[];
  byId(root, 'search-nojs').hidden = true;
  byId(root, 'search-app').hidden = false;
  const initial = readSearchState(new URLSearchParams(window.location.search));
  // Side by side on wide screens the filters stay open; on narrow ones they fold away unless a link chose some.
  ui.filters.open = window.matchMedia('(min-width: 48em)').matches || initial.selection.size > 0;

  const selection = new Map<string, Set<string>>([...initial.selection].map(([name, keys]) => [name, new Set(keys)]));
  const dataCache = new Map<string, Promise<PagefindResultData>>();
  let resultById = new Map<string, PagefindResult>();
  let engine: Promise<Engine> | undefined;
  let filtersDrawn = false;
  let shown: Shown | undefined;
  let sequence = 0;
  let typingTimer: number | undefined;

  /** Keeps the address bar in step, so the search can be bookmarked or shared. */
  const syncUrl = (query: string) => {
    const search = writeSearchState({ query, selection: selection });
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  };

  const getEngine = () => {
    engine ??= loadEngine().catch((error: unknown) => {
      engine = undefined; // a later search tries again
      throw error;
    });
    return engine;
  };

  const dataFor = (id: string): Promise<PagefindResultData> => {
    let data = dataCache.get(id);
    if (!data) {
      data = resultById.get(id)!.data();
      dataCache.set(id, data);
    }
    return data;
  };

  /** Draws the filters once Pagefind says what they are; choices from the URL that no page has are dropped. */
  const drawFilters = ({ facets }: Engine) => {
    if (filtersDrawn) return;
    filtersDrawn = true;
    ui.filters.hidden = false;
    for (const [name, keys] of selection) {
      const facet = facets.find((f) => f.name === name);
      for (const key of keys) if (!facet?.options.some((o) => o.key === key)) keys.delete(key);
    }
    for (const facet of facets) {
      const fieldset = make('fieldset', 'search-filter');
      fieldset.dataset.filter = facet.name;
      const legend = make('legend', FOLDED_FILTERS.has(facet.name) ? 'visually-hidden' : undefined, facet.legend);
      const list = make('ul', 'search-filter__options');
      facet.options.forEach((option, index) => {
        const item = make('li');
        const box = make('input');
        box.type = 'checkbox';
        box.id = `filter-${facet.name}-${index}`;
        box.name = facet.name;
        box.value = option.key;
        box.checked = selection.get(facet.name)?.has(option.key) ?? false;
        const label = make('label', undefined, option.label);
        label.htmlFor = box.id;
        label.append(' ', make('span', 'search-filter__count'));
        item.append(box, label);
        list.append(item);
      });
      fieldset.append(legend, list);
      if (FOLDED_FILTERS.has(facet.name)) {
        const fold = make('details', 'search-filter-fold');
        fold.open = (selection.get(facet.name)?.size ?? 0) > 0;
        fold.append(make('summary', undefined, facet.legend), fieldset, make('p', 'search-filter-fold__empty', 'None for this search.'));
        ui.filterGroups.append(fold);
      } else {
        ui.filterGroups.append(fieldset);
      }
    }
  };

  /**
   * Writes each option's count for the current search. Options that would give nothing are dimmed in
   * the short lists, and left out of the long folded ones (unless chosen) so those stay readable.
   */
  const drawCounts = (membership: Membership) => {
    const counts = facetCounts(shown?.merged ?? [], selection, membership);
    for (const box of ui.filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const count = counts.get(box.name)?.get(box.value) ?? 0;
      const label = box.labels?.[0];
      const counter = label?.querySelector('.search-filter__count');
      if (counter) counter.textContent = `(${count})`;
      label?.classList.toggle('is-empty', count === 0);
      const item = box.closest('li');
      if (item && FOLDED_FILTERS.has(box.name)) item.hidden = count === 0 && !box.checked && document.activeElement !== box;
    }
    for (const fold of ui.filterGroups.querySelectorAll<HTMLDetailsElement>('.search-filter-fold')) {
      const empty = fold.querySelector<HTMLElement>('.search-filter-fold__empty');
      if (empty) empty.hidden = fold.querySelector('li:not([hidden])') !== null;
    }
    ui.clear.hidden = !hasSelection(selection);
  };

  /** A measure's latest figure, with its area, period and age, for a result that answers a question. */
  const answerFigure = (answer: Answer): HTMLParagraphElement => {
    const figure = make('p', 'search-result__figure');
    if (!answer.latest) {
      figure.textContent = 'No figures for this measure yet.';
      return figure;
    }
    figure.append(make('strong', undefined, 'Latest figure:'), ` ${answerFigureText(answer.latest)}. `, make('span', 'search-result__age', answer.latest.sentence));
    return figure;
  };

  /** The answers of the question the shown search asks, by page address. */
  let answersByHref = new Map<string, Answer>();

  /** One result: its title as a link, its type and plan period, and the excerpt with matches marked. */
  const resultItem = (data: PagefindResultData): HTMLLIElement => {
    const item = make('li', 'search-result');
    const heading = make('h3', 'search-result__title');
    const link = make('a', undefined, data.meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    const meta = make('p', 'search-result__meta');
    const kind = data.filters.kind?.[0];
    if (kind) meta.append(make('span', 'tag', KIND_LABELS[kind] ?? kind));
    const plans = data.filters.plan ?? [];
    if (plans.length) meta.append(' ', make('span', undefined, plans.join(', ')));
    const excerpt = make('p', 'search-result__excerpt');
    for (const part of excerptParts(data.excerpt)) excerpt.append(part.marked ? make('mark', undefined, part.text) : part.text);
    const answer = answersByHref.get(data.url);
    item.append(heading, meta, ...(answer ? [answerFigure(answer)] : []), excerpt);
    return item;
  };

  /** Adds the next page of results; the first page is re-ordered by how well titles fit the search. */
  const showMore = async (mine: number, focusFirst: boolean) => {
    if (!shown) return;
    const current = shown;
    const slice = current.filtered.slice(current.count, current.count + PAGE_SIZE);
    const loaded = await Promise.all(slice.map(async (r) => ({ ...r, data: await dataFor(r.id) })));
    if (mine !== sequence || current !== shown) return;
    const searchedWords = current.variants.flatMap((v) => v.query.replace(/"/g, '').split(/\s+/));
    // The first page: answers first, then by how well titles fit (not when ranked by how many words a page holds).
    const titled = loaded.map((r) => ({ ...r, title: r.data.meta.title ?? '' }));
    const rest = titled.filter((r) => !current.pinned.has(r.id));
    const ordered =
      current.count === 0
        ? [...titled.filter((r) => current.pinned.has(r.id)), ...(current.partial ? rest : rerankByTitle(rest, searchedWords))]
        : loaded;
    const items = ordered.map((r) => resultItem(r.data));
    ui.results.append(...items);
    current.count += slice.length;
    const left = current.filtered.length - current.count;
    ui.more.hidden = left <= 0;
    ui.more.textContent = `Show ${Math.min(PAGE_SIZE, left)} more ${left === 1 ? 'result' : 'results'}`;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  /** Applies the chosen filters to the search just run and draws results, counts and status. */
  const redraw = async (mine: number, membership: Membership) => {
    if (!shown) return;
    shown.filtered = applyFilters(shown.merged, selection, membership);
    shown.count = 0;
    ui.results.replaceChildren();
    ui.more.hidden = true;
    drawCounts(membership);
    await showMore(mine, false);
    if (mine !== sequence) return;
    const total = shown.merged.length;
    const found = shown.filtered.length;
    const filtered = hasSelection(selection);
    const quoted = `“${shown.query}”`;
    let message: string;
    const withFilters = filtered ? ` with the filters you chose (${total} without them)` : '';
    if (found > 0 && shown.partial && shown.whole === 0) {
      const most = shown.partial.length > 1 ? ', those with the most of them first' : '';
      message = `No page has all of these words: showing ${results(found)} about ${orList(shown.partial)}${withFilters}${most}.`;
    } else if (found > 0 && shown.partial) {
      const pages = shown.whole === 1 ? '1 page has' : `${shown.whole} pages have`;
      message = `${results(found)} for ${quoted}${withFilters}: ${pages} all of these words, then pages about ${orList(shown.partial)}.`;
    } else if (found > 0) message = `${results(found)} for ${quoted}${withFilters}.`;
    else if (filtered && total > 0) message = `No results for ${quoted} with the filters you chose. There are ${results(total)} without them.`;
    else message = `No results for ${quoted}.`;
    ui.none.hidden = found > 0;
    ui.noneClear.hidden = !(filtered && total > 0);
    ui.results.hidden = found === 0;
    ui.status.textContent = message;
    const also = alsoSearchedFor(shown.variants);
    const notes = [
      ...(also.length ? [`Also searched for: ${also.join(', ')}.`] : []),
      ...(shown.leftOut.length ? [`Common words left out: ${shown.leftOut.join(', ')}.`] : []),
    ];
    ui.also.hidden = notes.length === 0;
    ui.also.textContent = notes.join(' ');
  };

  /** Runs a search for `query` and shows it; a newer search makes an older one stop quietly. */
  const search = async (query: string) => {
    const mine = ++sequence;
    window.clearTimeout(typingTimer);
    syncUrl(query);
    ui.failed.hidden = true;
    if (!query) {
      shown = undefined;
      const ready = engine ? await engine.catch(() => undefined) : undefined;
      if (mine !== sequence) return;
      if (ready) drawCounts(ready.membership);
      ui.results.replaceChildren();
      ui.results.hidden = true;
      ui.none.hidden = true;
      ui.more.hidden = true;
      ui.also.hidden = true;
      ui.status.textContent = '';
      return;
    }
    ui.results.setAttribute('aria-busy', 'true');
    // Only a slow first load (about 75 kB) is worth a message; a quick one would just be read out twice.
    const slow = window.setTimeout(() => {
      if (mine === sequence) ui.status.textContent = 'Loading search…';
    }, 600);
    try {
      const loaded = await getEngine();
      window.clearTimeout(slow);
      if (mine !== sequence) return;
      drawFilters(loaded);
      syncUrl(query); // choices no page has were dropped
      const variants = expandQuery(query, groups);
      const { parts, leftOut } = queryParts(query, groups);
      const question = questionAsked(query, questions);
      const [lists, pinned] = await Promise.all([
        Promise.all(variants.map(async (variant) => ({ variant, found: await runVariant(loaded.pagefind, variant) }))),
        question ? findAnswers(loaded.pagefind, question.answers) : Promise.resolve([]),
      ]);
      if (mine !== sequence) return;
      // Each page's excerpt comes from the first variant that found it, so it marks the typed words where it can.
      resultById = new Map();
      const remember = (found: readonly PagefindResult[]) => {
        for (const r of found) if (!resultById.has(r.id)) resultById.set(r.id, r);
      };
      for (const { found } of lists) remember(found);
      let merged: RankedId[] = mergeResults(lists.map(({ variant, found }) => ({ tier: variant.tier, words: variant.words, results: found, planTerm: variant.planTerm })));
      let partial: string[] | undefined;
      const whole = merged.length;
      if (whole < FEW_RESULTS && parts.length > 1) {
        // Few or no pages hold every part: search each part alone, and rank pages by how many parts they hold.
        const byPart = await Promise.all(
          parts.map(async (part) => {
            const partLists = await Promise.all(expandQuery(part, groups).map(async (variant) => ({ variant, found: await runVariant(loaded.pagefind, variant) })));
            for (const { found } of partLists) remember(found);
            return { part, results: mergeResults(partLists.map(({ variant, found }) => ({ tier: variant.tier, words: variant.words, results: found, planTerm: variant.planTerm }))) };
          }),
        );
        if (mine !== sequence) return;
        const matched = byPart.filter((p) => p.results.length > 0);
        if (matched.length > 0 && rankByPartsHeld(matched).length > whole) {
          merged = rankByPartsHeld(matched);
          partial = matched.map((p) => p.part);
        }
      }
      for (const { result } of pinned) if (!resultById.has(result.id)) resultById.set(result.id, result);
      const pinnedIds = new Set(pinned.map((p) => p.result.id));
      answersByHref = new Map(pinned.map((p) => [p.href, p.answer]));
      merged = [...pinned.map((p) => ({ id: p.result.id, tier: 0 as const, score: p.result.score })), ...merged.filter((r) => !pinnedIds.has(r.id))];
      shown = { query, variants, merged, ...(partial ? { partial } : {}), whole, leftOut, pinned: pinnedIds, filtered: [], count: 0 };
      await redraw(mine, loaded.membership);
    } catch (error) {
      window.clearTimeout(slow);
      if (mine !== sequence) return;
      console.error('Search could not run:', error);
      shown = undefined;
      ui.results.replaceChildren();
      ui.none.hidden = true;
      ui.more.hidden = true;
      ui.failed.hidden = false;
      if (!filtersDrawn) ui.filters.hidden = true;
      ui.status.textContent = 'Search could not load. Please try again, or browse the plans and measures.';
    } finally {
      if (mine === sequence) ui.results.removeAttribute('aria-busy');
    }
  };

  /** The query in the box, tidied. */
  const typedQuery = () => ui.input.value.replace(/\s+/g, ' ').trim();

  const clearFilters = () => {
    selection.clear();
    for (const box of ui.filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
    void search(typedQuery());
    // The clear buttons hide once nothing is chosen, so keep the keyboard user in the filters.
    ui.filterGroups.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  };

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(typedQuery());
  });
  ui.input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void search(typedQuery()), TYPING_PAUSE_MS);
  });
  ui.filterGroups.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const keys = selection.get(box.name) ?? new Set<string>();
    if (box.checked) keys.add(box.value);
    else keys.delete(box.value);
    selection.set(box.name, keys);
    // Searching again is quick (the index is loaded) and keeps one path from query to page.
    void search(typedQuery());
  });
  ui.clear.addEventListener('click', clearFilters);
  ui.noneClear.addEventListener('click', clearFilters);
  ui.more.addEventListener('click', () => void showMore(sequence, true));

  ui.input.value = initial.query;
  if (initial.query) void search(initial.query);
}
