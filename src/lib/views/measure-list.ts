/**
 * The list of every measure (/measures/): each plan's measures grouped by thematic area, newest plan
 * first, then the supporting series. A large partnership has thousands (the benchmark's 2,000
 * measures made one page of 7,900 elements), so the list is paged (issue 16): page 1 stays at
 * /measures/, later pages at /measures/page/<n>/, and a group split between pages says it continues.
 */
import type { MeasureEntry, PageModel, PlanEntry } from '../derive/page-model.ts';
import { pageItems, type ListPage } from './paging.ts';

/**
 * Entries per page: an entry is three elements (item, link, source note), so a page stays near 700
 * elements with its headings. The real site's list (under 100 entries) is one page.
 */
export const MEASURE_LIST_PER_PAGE = 200;

/** One line of the list: a measure under a plan (and its thematic area), or a supporting series (no plan). */
export interface MeasureListEntry {
  readonly plan?: PlanEntry;
  readonly theme?: string;
  readonly measure: MeasureEntry;
}

/** The thematic area a measure is listed under in `plan`'s framework: that plan's own heading where it has one. */
export function thematicAreaIn(meta: Pick<MeasureEntry['data'], 'thematic_area' | 'thematic_area_by_plan'>, plan: string): string {
  return meta.thematic_area_by_plan?.[plan] ?? meta.thematic_area;
}

/** Every entry in list order: plans newest first, each plan's measures grouped by thematic area in the order areas first appear; then supporting series. */
export function measureListEntries(model: Pick<PageModel, 'plans' | 'measures'>): MeasureListEntry[] {
  const bySlug = new Map(model.measures.map((m) => [m.slug, m]));
  const plans = [...model.plans].sort((a, b) => b.data.period.start_year - a.data.period.start_year);
  const entries: MeasureListEntry[] = [];
  for (const plan of plans) {
    const themes = new Map<string, MeasureEntry[]>();
    for (const slug of plan.measures) {
      const measure = bySlug.get(slug);
      if (!measure) throw new Error(`plan ${plan.id} lists unknown measure "${slug}"`);
      const theme = thematicAreaIn(measure.data, plan.id);
      themes.set(theme, [...(themes.get(theme) ?? []), measure]);
    }
    for (const [theme, measures] of themes) entries.push(...measures.map((measure) => ({ plan, theme, measure })));
  }
  entries.push(...model.measures.filter((m) => m.data.supports).map((measure) => ({ measure })));
  return entries;
}

/** The list in pages of MEASURE_LIST_PER_PAGE (page 1 is /measures/). */
export function measureListPages(model: Pick<PageModel, 'plans' | 'measures'>): ListPage<MeasureListEntry>[] {
  return pageItems(measureListEntries(model), MEASURE_LIST_PER_PAGE);
}

/** A section of one page: a plan (or the supporting series, `plan` undefined) and its thematic groups. */
export interface MeasureListSection {
  readonly plan?: PlanEntry;
  /** Whether the section began on an earlier page. */
  readonly continued: boolean;
  readonly groups: readonly { readonly theme?: string; readonly continued: boolean; readonly entries: readonly MeasureListEntry[] }[];
}

/** One page's entries as sections and groups, each marked as continued when it began on the page before (whose last entry is `before`). */
export function measureListSections(entries: readonly MeasureListEntry[], before?: MeasureListEntry): MeasureListSection[] {
  const sections: { plan?: PlanEntry; continued: boolean; groups: { theme?: string; continued: boolean; entries: MeasureListEntry[] }[] }[] = [];
  let previous = before;
  for (const entry of entries) {
    const samePlan = previous !== undefined && previous.plan?.id === entry.plan?.id;
    const sameTheme = samePlan && previous!.theme === entry.theme;
    if (!samePlan || sections.length === 0) sections.push({ ...(entry.plan ? { plan: entry.plan } : {}), continued: samePlan, groups: [] });
    const section = sections.at(-1)!;
    if (!sameTheme || section.groups.length === 0) section.groups.push({ ...(entry.theme !== undefined ? { theme: entry.theme } : {}), continued: sameTheme, entries: [] });
    section.groups.at(-1)!.entries.push(entry);
    previous = entry;
  }
  return sections;
}

/** The number of the page each section (plan id, or "supporting") starts on, for the list's table of contents. */
export function sectionStartPages(pages: readonly ListPage<MeasureListEntry>[]): Map<string, number> {
  const starts = new Map<string, number>();
  for (const page of pages) {
    for (const entry of page.items) {
      const key = entry.plan?.id ?? 'supporting';
      if (!starts.has(key)) starts.set(key, page.number);
    }
  }
  return starts;
}
