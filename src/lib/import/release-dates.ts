/**
 * The publisher's release date of each ONS edition, with the page that states it:
 * data/reference/ons_release_dates.csv, a copy of the reference file of the same name. A release is
 * only ever dated by a cited date; to import a new edition, add its row first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { isRealIsoDate } from '../schemas/common.ts';

export const RELEASE_DATES_FILE = 'data/reference/ons_release_dates.csv';

/** One cited release date. */
export interface ReleaseDate {
  /** e.g. "year ending March 2022". */
  readonly edition: string;
  readonly releaseDate: string;
  /** The words on the page, e.g. "Release date: 21 July 2022". */
  readonly evidence: string;
  readonly url: string;
  /** "own-page" where the edition's own bulletin states it; "next-release-of-previous" where the previous bulletin announced it. */
  readonly kind: string;
}

/** Reads the cited dates, the edition's own page first where an edition has two citations. */
export function readReleaseDates(root: string): { dates: ReleaseDate[] } | { problem: string } {
  const path = join(root, RELEASE_DATES_FILE);
  if (!existsSync(path)) return { problem: `${RELEASE_DATES_FILE} is missing; it lists each edition's release date with the page that states it.` };
  const records = parseCsv(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  const dates: ReleaseDate[] = [];
  for (const { record, info } of records) {
    const { edition, release_date: releaseDate, evidence, url, kind } = record;
    if (!edition || !releaseDate || !isRealIsoDate(releaseDate) || !evidence || !url?.startsWith('https://')) {
      return { problem: `${RELEASE_DATES_FILE}:${info.lines}:1: each row needs edition, release_date (YYYY-MM-DD), evidence and an https:// url.` };
    }
    dates.push({ edition, releaseDate, evidence, url, kind: kind ?? '' });
  }
  const rank = (d: ReleaseDate) => (d.kind === 'own-page' ? 0 : 1);
  return { dates: dates.sort((a, b) => rank(a) - rank(b)) };
}
