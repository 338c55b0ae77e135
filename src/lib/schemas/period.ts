/**
 * Periods as the data contract writes them, and as people read them.
 * A measure declares one frequency; every period in its files must have that form.
 * Dates are UTC midnights; `end` is exclusive (the first day after the period) so spans add up.
 */
import type { Frequency } from './measure.ts';

/** A period parsed from a CSV cell. */
export interface Period {
  /** The cell text, unchanged: the key used in data, downloads and URLs. */
  readonly text: string;
  readonly frequency: Frequency;
  /** First day of the period. */
  readonly start: Date;
  /** First day after the period. */
  readonly end: Date;
}

/** Outcome of parsing: a period, or the reason with the form that was expected. */
export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The expected form of a period, for error messages and the editors' guide. */
export function expectedForm(frequency: Frequency, intervalMonths?: number): string {
  switch (frequency) {
    case 'year':
      return 'a calendar year such as "2023"';
    case 'financial_year':
      return 'a financial year such as "2023-24" (April 2023 to March 2024)';
    case 'quarter':
      return 'a quarter such as "2023-Q1" (January to March 2023)';
    case 'month':
      return 'a month such as "2023-05"';
    case 'interval':
      return `a ${intervalMonths ?? 12}-month span such as "2024-07-01/2025-06-30"`;
  }
}

function utc(year: number, monthIndex: number, day = 1): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

function parseIsoDay(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = utc(y, mo, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo && date.getUTCDate() === d ? date : undefined;
}

/** Parse `text` as a period of `frequency`; intervals must be `intervalMonths` long (default 12). */
export function parsePeriod(text: string, frequency: Frequency, intervalMonths = 12): PeriodResult {
  const fail = (why = ''): PeriodResult => ({
    ok: false,
    message: `period "${text}" is not ${expectedForm(frequency, intervalMonths)}${why}`,
  });
  let start: Date | undefined;
  let end: Date | undefined;
  switch (frequency) {
    case 'year': {
      const m = /^(\d{4})$/.exec(text);
      if (!m) return fail();
      start = utc(Number(m[1]), 0);
      end = utc(Number(m[1]) + 1, 0);
      break;
    }
    case 'financial_year': {
      const m = /^(\d{4})-(\d{2})$/.exec(text);
      if (!m) return fail();
      const first = Number(m[1]);
      if ((first + 1) % 100 !== Number(m[2])) return fail(`: the second part must be the next year, "${first}-${String((first + 1) % 100).padStart(2, '0')}"`);
      start = utc(first, 3);
      end = utc(first + 1, 3);
      break;
    }
    case 'quarter': {
      const m = /^(\d{4})-Q([1-4])$/.exec(text);
      if (!m) return fail();
      start = utc(Number(m[1]), (Number(m[2]) - 1) * 3);
      end = utc(Number(m[1]), Number(m[2]) * 3);
      break;
    }
    case 'month': {
      const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
      if (!m) return fail();
      start = utc(Number(m[1]), Number(m[2]) - 1);
      end = utc(Number(m[1]), Number(m[2]));
      break;
    }
    case 'interval': {
      const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(text);
      if (!m) return fail();
      start = parseIsoDay(m[1]!);
      const last = parseIsoDay(m[2]!);
      if (!start || !last) return fail(': both ends must be real dates');
      end = utc(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1);
      const expectedEnd = utc(start.getUTCFullYear(), start.getUTCMonth() + intervalMonths, start.getUTCDate());
      if (end.getTime() !== expectedEnd.getTime()) {
        return fail(`: it must cover exactly ${intervalMonths} months`);
      }
      break;
    }
  }
  return { ok: true, period: { text, frequency, start, end } };
}

/** A UTC midnight as YYYY-MM-DD, the form observations carry their periods' ends in. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The period an observation's text names, from the first day and the first day after it that
 * validation recorded (see Observation.periodStart), without parsing the text again.
 */
export function periodFromDays(text: string, frequency: Frequency, start: string, end: string): Period {
  return { text, frequency, start: dayFromIso(start), end: dayFromIso(end) };
}

/** YYYY-MM-DD as a UTC midnight, by its digits: Date's own text parsing is several times slower, and every row's period comes through here. */
function dayFromIso(day: string): Date {
  return utc(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The period as people write it: "2023", "2023-24", "Q1 2023", "May 2023", "year ending June 2025". */
export function periodLabel(period: Period): string {
  const y = period.start.getUTCFullYear();
  switch (period.frequency) {
    case 'year':
    case 'financial_year':
      return period.text;
    case 'quarter':
      return `Q${Math.floor(period.start.getUTCMonth() / 3) + 1} ${y}`;
    case 'month':
      return `${MONTHS[period.start.getUTCMonth()]} ${y}`;
    case 'interval': {
      const last = new Date(period.end.getTime() - 86_400_000);
      const months =
        (period.end.getUTCFullYear() - period.start.getUTCFullYear()) * 12 + period.end.getUTCMonth() - period.start.getUTCMonth();
      const ending = `${MONTHS[last.getUTCMonth()]} ${last.getUTCFullYear()}`;
      return months === 12 ? `year ending ${ending}` : `${months} months ending ${ending}`;
    }
  }
}

/** A short label for crowded axes: "2023", "2023-24", "Q1 2023", "May 23", "YE Jun 25". */
export function shortPeriodLabel(period: Period): string {
  if (period.frequency === 'month') {
    return `${MONTHS[period.start.getUTCMonth()]!.slice(0, 3)} ${String(period.start.getUTCFullYear()).slice(2)}`;
  }
  if (period.frequency === 'interval') {
    const last = new Date(period.end.getTime() - 86_400_000);
    return `YE ${MONTHS[last.getUTCMonth()]!.slice(0, 3)} ${String(last.getUTCFullYear()).slice(2)}`;
  }
  return periodLabel(period); // years, financial years and quarters are already short
}

/** Orders periods by start, then end, for sorting series. */
export function comparePeriods(a: Period, b: Period): number {
  return a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime();
}

/** The same date a year earlier (a 29 February falls back to 1 March, which never starts or ends a period). */
function yearBefore(date: Date): Date {
  return utc(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate());
}

/**
 * The period a change in `latest` is measured against: the same period one year earlier (ONS's
 * convention for rolling years, quarters and months; for a calendar or financial year, the year
 * before). Never a nearer period: year ending June 2025 against year ending December 2024 would
 * compare overlapping months, and against year ending December 2023 an 18-month gap.
 */
export function periodYearEarlier(latest: Period): Period {
  const start = yearBefore(latest.start);
  const end = yearBefore(latest.end);
  const text = (() => {
    switch (latest.frequency) {
      case 'year':
        return String(start.getUTCFullYear());
      case 'financial_year':
        return `${start.getUTCFullYear()}-${String((start.getUTCFullYear() + 1) % 100).padStart(2, '0')}`;
      case 'quarter':
        return `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
      case 'month':
        return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
      case 'interval':
        return `${isoDay(start)}/${isoDay(new Date(end.getTime() - 86_400_000))}`;
    }
  })();
  return { text, frequency: latest.frequency, start, end };
}

/**
 * The point to compare `latest` with: the one for the same period a year earlier
 * (periodYearEarlier), or undefined when that period is not among `points`. Every change the site
 * states (chart summaries, measure pages, embeds, cards) is found here.
 */
export function yearEarlierPoint<T extends { period: Period }>(points: readonly T[], latest: T): T | undefined {
  const wanted = periodYearEarlier(latest.period);
  return points.find((p) => p.period.start.getTime() === wanted.start.getTime() && p.period.end.getTime() === wanted.end.getTime());
}
