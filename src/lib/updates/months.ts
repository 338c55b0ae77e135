/**
 * What's new by calendar month, for the /updates/ page's headings. Apart from entries.ts, which
 * builds the entries from the page model in the data step, so the page runs none of that.
 */
import type { UpdateEntry } from './entries.ts';

/** Entries of one calendar month, for the page's headings. */
export interface MonthOfUpdates {
  /** YYYY-MM. */
  readonly month: string;
  /** e.g. "November 2026". */
  readonly label: string;
  readonly entries: readonly UpdateEntry[];
}

/** Splits entries (already newest first) into calendar months, newest month first. */
export function groupByMonth(entries: readonly UpdateEntry[]): MonthOfUpdates[] {
  const months: { month: string; label: string; entries: UpdateEntry[] }[] = [];
  for (const entry of entries) {
    const month = entry.date.slice(0, 7);
    let group = months.at(-1);
    if (group?.month !== month) {
      group = { month, label: monthLabel(month), entries: [] };
      months.push(group);
    }
    group.entries.push(entry);
  }
  return months;
}

/** "2026-11" as "November 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
