/**
 * Synthetic fixtures for derivation and download tests: the invented county of Testshire, with
 * figures chosen to be easy to check by hand. Metadata goes through the real schemas so defaults
 * are applied exactly as the validator applies them.
 */
import { createHash } from 'node:crypto';
import type { Measure, Observation, Plan, Vintage } from '../../src/lib/schemas/model.ts';
import { isoDay, parsePeriod } from '../../src/lib/schemas/period.ts';
import { measureSchema, type MeasureMeta } from '../../src/lib/schemas/measure.ts';
import { planSchema } from '../../src/lib/schemas/plan.ts';
import { releaseSchema, type Release } from '../../src/lib/schemas/release.ts';
import { siteSchema } from '../../src/lib/schemas/site.ts';

export const TESTSHIRE = { code: 'E06999999', name: 'Testshire' } as const;
export const ENGLAND = { code: 'E92000001', name: 'England' } as const;

export const SITE = siteSchema.parse({
  site_name: 'Safer Testshire Data',
  partnership: 'Testshire Community Safety Partnership',
  partnership_short: 'TCSP',
  description: 'Synthetic partnership for tests.',
  area: TESTSHIRE,
  licence: {
    name: 'Open Government Licence v3.0',
    short: 'OGL v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
  contact: { email: 'data@testshire.example' },
});

/** A measure's metadata with test defaults; `overrides` are schema input. */
export function meta(overrides: Record<string, unknown> = {}): MeasureMeta {
  // The plan named as the source is the measure's own first plan; a supporting series (no plans) names none.
  const plans = (overrides.plans as string[] | undefined) ?? ['2020-23'];
  return measureSchema.parse({
    title: 'Widget thefts',
    plans: ['2020-23'],
    thematic_area: 'Acquisitive Crime',
    plan_sources: plans.length > 0 ? { [plans[0]!]: 'Testshire Constabulary' } : {},
    unit: 'count',
    polarity: 'lower_is_better',
    direction: [{ plan: '2020-23', words: 'Reduce widget theft', where: 'Overall aims' }],
    frequency: 'financial_year',
    definition: 'Widgets reported stolen in Testshire.',
    ...overrides,
  });
}

let nextLine = 2;

/** The days validation records for `period`, whatever its form (the forms never overlap). */
function periodDays(period: string): Pick<Observation, 'periodStart' | 'periodEnd'> {
  for (const frequency of ['year', 'financial_year', 'quarter', 'month'] as const) {
    const parsed = parsePeriod(period, frequency);
    if (parsed.ok) return { periodStart: isoDay(parsed.period.start), periodEnd: isoDay(parsed.period.end) };
  }
  const interval = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (!interval) return { periodStart: '', periodEnd: '' };
  const dayAfter = new Date(`${interval[2]}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  return { periodStart: interval[1]!, periodEnd: isoDay(dayAfter) };
}

/** A headline row for Testshire unless `fields` say otherwise. */
export function row(period: string, value: number | null, fields: Partial<Observation> = {}): Observation {
  return {
    period,
    ...periodDays(fields.period ?? period),
    areaCode: TESTSHIRE.code,
    areaName: TESTSHIRE.name,
    breakdown: {},
    value,
    ...(value === null ? { status: 'suppressed' as const } : {}),
    note: '',
    source: '',
    line: nextLine++,
    ...fields,
  };
}

/** A release of `rows` on `date`; the bytes stand in for the committed CSV. */
export function vintage(date: string, rows: readonly Observation[], release: Partial<Release> = {}): Vintage {
  const bytes = new TextEncoder().encode(`synthetic ${date} ${rows.length} rows\n`);
  return {
    date,
    file: `data/measures/test/${date}.csv`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    columns: ['period', 'value'],
    rows,
    release: releaseSchema.parse({
      vintage: date,
      publisher: 'Testshire Statistics Office',
      dataset: 'Widget crime tables',
      url: 'https://stats.testshire.example/widgets',
      retrieved: date,
      licence: 'Open Government Licence v3.0',
      changes: 'First release.',
      ...release,
    }),
  };
}

/** A measure entry. */
export function measure(id: string, data: MeasureMeta, vintages: readonly Vintage[] = []): Measure {
  return { id, file: `content/measures/${id}.md`, data, vintages };
}

/** A plan entry with test defaults; `overrides` are schema input. */
export function plan(id: string, overrides: Record<string, unknown> = {}): Plan {
  return {
    id,
    file: `content/plans/${id}.mdx`,
    data: planSchema.parse({
      title: 'Testshire Community Safety Plan 2020 to 2023',
      short_title: '2020-23 plan',
      partnership: SITE.partnership,
      period: { start_year: 2020, end_year: 2023, label: '2020 to 2023' },
      status: 'current',
      statutory_aims: ['Reduce widget crime.'],
      partners: ['Testshire Constabulary'],
      summary: 'A synthetic plan for tests.',
      ...overrides,
    }),
  };
}
