/** Words the pages show for coded values, in one place so every page says the same thing. */
import type { ActionStatus } from '../schemas/action.ts';
import type { MeasureMeta, Polarity, Unit } from '../schemas/measure.ts';

/** Reader-facing name of an action status. */
export function actionStatusLabel(status: ActionStatus): string {
  return {
    not_reported: 'Not reported',
    not_started: 'Not started',
    in_progress: 'In progress',
    completed: 'Completed',
    ongoing: 'Ongoing',
  }[status];
}

/** What the polarity means for a reader. */
export function polarityLabel(polarity: Polarity): string {
  return {
    lower_is_better: 'Lower is better',
    higher_is_better: 'Higher is better',
    no_judgement: 'No judgement: a rise or fall is not in itself good or bad',
  }[polarity];
}

/** How often a measure is published, as its page says it ("Quarterly"); undefined for a measure with no frequency. */
export function frequencyLabel(meta: Pick<MeasureMeta, 'frequency' | 'interval_months' | 'year_type'>): string | undefined {
  switch (meta.frequency) {
    case undefined:
      return undefined;
    case 'year':
      // Some publishers label financial years with one year (the Youth Justice Board's 2023 is April 2023 to March 2024).
      return meta.year_type === 'financial' ? 'Yearly (financial years, each labelled by the publisher with a single year)' : 'Yearly (calendar year)';
    case 'financial_year':
      return 'Yearly (financial year, April to March)';
    case 'quarter':
      return 'Quarterly';
    case 'month':
      return 'Monthly';
    case 'interval':
      return `For rolling ${meta.interval_months ?? 12}-month periods`;
  }
}

/** Reader-facing name of a unit. */
export function unitLabel(unit: Unit, unitNoun?: string): string {
  return {
    count: unitNoun ? `Count (${unitNoun})` : 'Count',
    percent: 'Percentage',
    rate_per_1000: 'Rate per 1,000 people',
    rate_per_100000: 'Rate per 100,000 people',
    number: 'Number',
  }[unit];
}

/** "Not stated in the plan" for the action plan's blank agency cells, which the plan leaves empty. */
export function agencyLabel(agency: string): string {
  return agency.trim() === '' ? 'Not stated in the plan' : agency;
}

/** Made once: creating an Intl formatter costs far more than formatting, and pages format many dates. */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date written the way UK public bodies write it: "24 July 2025". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return LONG_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Text as a sentence: a full stop added unless it already ends with one (or "?" or "!"), so text
 * an editor or the data step ended with a full stop does not print as "inputs..".
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]["”’)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
