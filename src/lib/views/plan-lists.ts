/**
 * A plan's priorities and action plan on a phone (issue 16): a plan page lists them whole while they
 * are short (the real plans name 6 to 7 priorities and 16 actions); a plan with hundreds shows the
 * first few on its page and every one on paged lists of their own, /plans/<plan>/priorities/ and
 * /plans/<plan>/actions/ (page 2 on at ".../page/<n>/"), so every item stays one link away.
 */
import { pageItems, type ListPage } from './paging.ts';

/** Priorities or actions a plan page lists in full; a longer list shows this many and links to the rest. */
export const PLAN_PAGE_LIST_LIMIT = 30;

/** Items per page of a plan's own priorities or actions list: 100 action rows (about seven elements each) stay near 900 elements. */
export const PLAN_LIST_PER_PAGE = 100;

/** What a plan page shows of a list: the items it lists, and whether the whole list has pages of its own. */
export interface PlanPageList<T> {
  readonly shown: readonly T[];
  readonly total: number;
  readonly paged: boolean;
}

/** The part of a plan's list its page shows: all of a short list, the first PLAN_PAGE_LIST_LIMIT of a long one. */
export function planPageList<T>(items: readonly T[]): PlanPageList<T> {
  const paged = hasOwnListPages(items.length);
  return { shown: paged ? items.slice(0, PLAN_PAGE_LIST_LIMIT) : items, total: items.length, paged };
}

/** Whether a list of this many priorities or actions gets pages of its own. */
export function hasOwnListPages(count: number): boolean {
  return count > PLAN_PAGE_LIST_LIMIT;
}

/** A long list's own pages (page 1 at /plans/<plan>/<list>/); none for a short list, which the plan page holds whole. */
export function planListPages<T>(items: readonly T[]): ListPage<T>[] {
  return hasOwnListPages(items.length) ? pageItems(items, PLAN_LIST_PER_PAGE) : [];
}
