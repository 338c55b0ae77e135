/**
 * A performance measure: one entry in `content/measures/<slug>.md`. Its data lives apart, in
 * `data/measures/<slug>/`, so a measure page exists (saying "No data published yet") before any figure does.
 */
import { z } from 'zod';
import { COMPARATOR_KINDS, DOWNLOAD_COLUMNS, RESERVED_COLUMNS } from './csv-contract.ts';
import { isoDateSchema, planIdSchema, slugSchema, textSchema, urlSchema } from './common.ts';

/** How values are expressed; drives number formatting and range checks. */
export const unitSchema = z.enum(['count', 'percent', 'rate_per_1000', 'rate_per_100000', 'number'], {
  message: 'unit must be one of: count, percent, rate_per_1000, rate_per_100000, number',
});

/** Which direction is an improvement; `no_judgement` means the site never calls a change better or worse. */
export const polaritySchema = z.enum(['lower_is_better', 'higher_is_better', 'no_judgement'], {
  message: 'polarity must be one of: lower_is_better, higher_is_better, no_judgement',
});

/** How often the measure is published; every period in its CSV files must have this form. */
export const frequencySchema = z.enum(['year', 'financial_year', 'quarter', 'month', 'interval'], {
  message: 'frequency must be one of: year, financial_year, quarter, month, interval',
});

/** Kind of comparator area; the chart draws each kind in its own line style. */
export const comparatorKindSchema = z.enum(COMPARATOR_KINDS);

/** Column names for breakdowns must be valid CSV headers that cannot clash with the contract's own. */
const breakdownColumnSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'a breakdown column is lower-case letters, digits and underscores, e.g. "age_band"' })
  .refine((c) => !(RESERVED_COLUMNS as readonly string[]).includes(c) && !(DOWNLOAD_COLUMNS as readonly string[]).includes(c), {
    message: 'this name is already a standard column of the data files or downloads; choose another, e.g. "age_band"',
  });

export { RESERVED_COLUMNS };

/** Which period a mapped ONS table holds, relative to the workbook's edition. */
export const onsPeriodSchema = z.enum(['edition', 'previous', 'headings'], {
  message: 'period must be one of: edition (the table covers the edition\'s year), previous (the year before it), headings (each column heading names its own period)',
});

/** One figure series of an ONS police force area workbook: a table, a column, an area, a period. */
export const onsPfaMappingSchema = z.strictObject({
  /**
   * Words that all appear in the table's title cell (case, punctuation and [note n] markers ignored),
   * e.g. "police recorded crime by offence group and police force area number of offences".
   * Never a sheet name or table number: both change between editions. A list gives the wordings
   * different editions use (the March 2021 edition's titles differ); a table matching any is read.
   */
  table: z.union([textSchema, z.array(textSchema).min(1)]),
  /**
   * The column heading, without [note n] markers, line breaks or (for `headings`) its period,
   * e.g. "Robbery"; a list gives the wordings different editions use. Where a table has two
   * heading rows, the upper heading comes first ("Attempted murder Number of offences involving a
   * knife"). Leave out for `headings` tables whose headings are only a period ("Apr 2010 to Mar
   * 2011"); in a list, "" stands for such a period-only heading.
   */
  column: z.union([textSchema, z.array(z.union([textSchema, z.literal('')])).min(1)]).optional(),
  /**
   * Whose row: "partnership" (content/site.yaml area.code), "police_force_area" (site.yaml
   * area.police_force_area.code), or an ONS code such as "E92000001" for a comparator.
   */
  area: z.union([z.enum(['partnership', 'police_force_area']), z.string().regex(/^[EKNSW]\d{8}$/)], {
    message: 'area must be "partnership", "police_force_area" or an ONS area code such as "E92000001"',
  }),
  /** Heading of the column holding the area codes where a table has several, e.g. "Local Authority code"; default the first column headed "Area code". */
  area_column: textSchema.optional(),
  /** Which period the table holds: the edition's year, the previous year, or one per column heading. */
  period: onsPeriodSchema,
  /** For a breakdown series: the measure's breakdown column and the value its rows carry, e.g. { column: "offence_type", value: "Robbery" }. */
  breakdown: z.strictObject({ column: textSchema, value: textSchema }).optional(),
});

/** One validated ONS workbook mapping. */
export type OnsPfaMapping = z.infer<typeof onsPfaMappingSchema>;

export const measureSchema = z
  .strictObject({
  /** Full title as written in the plan's performance framework, e.g. "Knife Crime". */
  title: textSchema,
  /** Position in the performance framework table, from 1; orders measure lists and plan tables. */
  order: z.number().int().positive().optional(),
  /** Plans whose performance framework lists the measure, by plan id, e.g. ["2024-27"]; empty for a supporting series. */
  plans: z.array(planIdSchema).default([]),
  /**
   * For a supporting series that is not itself in a plan's framework (e.g. rates for comparing areas,
   * or an input of a derived measure): the slug of the measure whose page shows it.
   */
  supports: slugSchema.optional(),
  /** Thematic area of the framework, e.g. "Serious Violence". */
  thematic_area: textSchema,
  /**
   * Where a measure is in two plans whose frameworks group it differently, the heading each other plan
   * puts it under, keyed by plan id (e.g. { "2015-20": "Headline targets" }): a 2024-27 theme is not
   * applied to the 2015-20 framework.
   */
  thematic_area_by_plan: z.record(planIdSchema, textSchema).default({}),
  /**
   * The source each plan's performance framework names for this measure, keyed by plan id and copied
   * from the plan, e.g. { "2024-27": "Nottinghamshire Police" }. A plan left out names no source and the
   * site says "not stated in the plan"; never fill it in from the data. Who publishes the figures is a
   * separate fact: `publisher` and `dataset` of each release in releases.yaml, or `official_series`.
   */
  plan_sources: z.record(planIdSchema, textSchema).default({}),
  /** How values are expressed. */
  unit: unitSchema,
  /** What the plan compares where the unit alone would mislead, shown beside the unit (e.g. a target stated as a rate). */
  unit_note: textSchema.optional(),
  /** Plural noun for counted things, used in sentences: "1,234 offences". */
  unit_label: z.string().trim().min(1).optional(),
  /**
   * Which direction is better, or `no_judgement`. Better or worse may be said only where a plan states
   * the direction, so `lower_is_better` and `higher_is_better` need at least one `direction` citation.
   */
  polarity: polaritySchema,
  /**
   * What the plans say about which way this measure should move, quoted exactly: the ground of any
   * better/worse judgement, and, for `no_judgement` measures, the reason the site makes none (e.g. a
   * plan that only tracks the direction of travel, or that sets out to raise reporting).
   */
  direction: z
    .array(
      z.strictObject({
        /** The plan whose text is quoted, by plan id, e.g. "2024-27". */
        plan: planIdSchema,
        /** The plan's exact words, e.g. "Reduce Crime"; a test finds them in the plan's source text. */
        words: textSchema,
        /** Where in the plan the words are, e.g. "Partnership Approach 2024-27, Overall Aims". */
        where: textSchema,
      }),
    )
    .default([]),
  /** How often figures are published; required once the measure has data (the plans do not say). */
  frequency: frequencySchema.optional(),
  /** For `interval` frequency: the length of each period in months (12 for a rolling year). */
  interval_months: z.number().int().positive().optional(),
  /**
   * How the publisher's years run, where the period form does not say: a `year` series whose source
   * calls its single-year labels financial years (youth reoffending in LAIT) is `financial`, so the page
   * does not call them calendar years.
   */
  year_type: z.enum(['calendar', 'financial']).optional(),
  /** What is counted or measured, in plain English. */
  definition: textSchema,
  /** The area the figures describe when it is not the partnership's own area (e.g. a police force area). */
  area: z
    .strictObject({
      /** Area name as charts and tables show it, e.g. "Nottinghamshire police force area". */
      name: textSchema,
      /** ONS code of the area. */
      code: z.string().regex(/^[EKNSW]\d{8}$/, { message: 'expected an ONS area code such as "E23000019"' }),
      /** What readers must know about the area, shown beside the figures, e.g. that it is wider than the partnership's. */
      note: textSchema.optional(),
    })
    .optional(),
  /** Other areas in the same files, shown as comparators; keyed by the area_code used in the CSV. */
  comparators: z
    .array(
      z.strictObject({
        /** area_code of the comparator rows in the CSV. */
        area_code: textSchema,
        /** Label drawn beside the line, e.g. "England". */
        label: textSchema,
        /** Kind of comparator. */
        kind: comparatorKindSchema,
      }),
    )
    .default([]),
  /** Extra CSV columns that split the series, e.g. [{ column: "age_band", label: "Age band" }]. */
  breakdowns: z.array(z.strictObject({ column: breakdownColumnSchema, label: textSchema })).default([]),
  /** Changes in recording practice: the line is broken before `period` and `note` explains why. */
  series_breaks: z.array(z.strictObject({ period: textSchema, note: textSchema })).default([]),
  /** Shown on the home page when the measure has data. */
  headline: z.boolean().default(false),
  /** Caveats every reader should see beside the figures. */
  caveats: z.array(textSchema).default([]),
  /**
   * Where official figures for this measure are published, when none are on this site yet: the series
   * or table `name`, its `publisher` and, where the reference notes give one, a `url`. Taken only from
   * the reference notes; leave it out where nothing names the series and the page says so.
   */
  official_series: z
    .strictObject({
      name: textSchema,
      publisher: textSchema,
      url: urlSchema.optional(),
      /** Where the official series is published for a wider area than the measure's, e.g. "by region, not for Nottingham alone". */
      coverage: textSchema.optional(),
    })
    .optional(),
  /** A series computed from other measures' published series: `sum of terms`, each added or subtracted. */
  derivation: z
    .strictObject({
      /** The formula in words, shown on the page. */
      formula: textSchema,
      /** The input measures and their signs. */
      terms: z.array(z.strictObject({ measure: slugSchema, sign: z.enum(['+', '-']) })).min(2),
    })
    .optional(),
  /** Figures quoted in public web pages: context only, never plotted or downloaded as data. */
  quoted_figures: z
    .array(
      z.strictObject({
        period_label: textSchema,
        area_name: textSchema,
        value: z.number(),
        unit: textSchema,
        /** The page's own words giving the figure, exactly as written there. */
        quote: textSchema.optional(),
        /**
         * When the page's words were not kept: how the list the figure was taken from describes it
         * (../shared/reference-data/figures_quoted_in_web_pages.csv). Shown as a description, never
         * as a quotation. Give either this or `quote`.
         */
        recorded_as: textSchema.optional(),
        url: urlSchema,
        /**
         * What the source says that limits the figure, shown beside it: e.g. a lower bound ("more than"),
         * an area wider than the city, a different thing counted, or a page that names no original source.
         */
        qualifier: textSchema.optional(),
      })
      .refine((q) => (q.quote === undefined) !== (q.recorded_as === undefined), {
        message: 'give either quote (the page\'s exact words) or recorded_as (how the list of quoted figures describes the figure, when the words were not kept), not both and not neither',
      }),
    )
    .default([]),
  /**
   * Where the ONS "Police force area data tables" workbook publishes this measure's figures: one
   * entry per area (and breakdown value) the measure shows. `npm run import -- ons-pfa` reads them.
   */
  ons_pfa: z.array(onsPfaMappingSchema).default([]),
  /**
   * The reference line of the measure's comparison of every area (`npm run import -- ons-compare`):
   * where the same workbook gives the England and Wales (or England) figure for the same column,
   * e.g. Table P3's row K04000001. Left out, the comparison is drawn without one.
   */
  ons_pfa_reference: onsPfaMappingSchema.optional(),
  /**
   * The table and column of every police force area's figure for the measure's comparison, for a
   * force-level measure whose own series is not read with `ons-pfa` (e.g. knife crime per 100,000,
   * Table P7), with `area: "police_force_area"`. Measures mapped with `ons_pfa` need none.
   */
  ons_pfa_compare: onsPfaMappingSchema.optional(),
  /** When the next release is expected (YYYY-MM-DD), if the publisher has said. */
  next_update: isoDateSchema.optional(),
  /** Earlier slugs of this measure; each gets a permanent redirect. */
  redirect_from: z.array(slugSchema).default([]),
  })
  .refine((m) => Object.keys(m.plan_sources).every((plan) => m.plans.includes(plan)), {
    message: 'plan_sources names a plan that is not in "plans"; key each source by a plan listed in plans, e.g. plan_sources: { "2024-27": "the source as the plan writes it" }',
    path: ['plan_sources'],
  })
  .refine((m) => m.plans.length > 0 || m.supports !== undefined, {
    message: 'list the plans whose framework has this measure, e.g. plans: ["2024-27"], or name the measure it supports with supports: <slug>',
    path: ['plans'],
  })
  .refine((m) => m.polarity === 'no_judgement' || m.direction.length > 0, {
    message:
      'says which way is better, but no plan\'s words are cited for it: quote the plan with direction: [{ plan: "<plan id>", words: "<the plan\'s exact words, e.g. Reduce Crime>", where: "<section or table of the plan>" }], or write polarity: no_judgement',
    path: ['polarity'],
  });

/** A validated measure's metadata. */
export type MeasureMeta = z.infer<typeof measureSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Polarity = z.infer<typeof polaritySchema>;
export type Frequency = z.infer<typeof frequencySchema>;
/** One plan's words on which way a measure should move, with where they are. */
export type DirectionCitation = MeasureMeta['direction'][number];
