/**
 * A plan period: `content/plans/<plan-id>.mdx`. The frontmatter holds the structured facts
 * (aims, targets, partners); the MDX body holds the narrative as the plan wrote it.
 */
import { z } from 'zod';
import { isoDateSchema, slugSchema, textSchema } from './common.ts';

/** A headline target the plan sets against one measure. */
export const targetSchema = z.strictObject({
  /** The target as the plan words it, e.g. "A 20% reduction in victim-based crime by 2020". */
  text: textSchema,
  /** The measure the target is judged on. */
  measure: slugSchema,
  /** What kind of target: a percentage change from a baseline period, or a margin over a comparator. */
  kind: z.enum(['change_from_baseline', 'above_comparator'], {
    message: 'kind must be change_from_baseline or above_comparator',
  }),
  /** The baseline period, in the measure's period form, e.g. "2014-15". */
  baseline_period: z.string().optional(),
  /** What the plan says about the baseline, e.g. "To be confirmed when data is available". */
  baseline_note: z.string().optional(),
  /** The period by which the target should be met, e.g. "2019-20". */
  target_period: z.string().optional(),
  /** The change the target asks for, in percent: -20 is a 20% reduction, +5 is 5% above. */
  change_percent: z.number(),
  /** For above_comparator targets: the comparator's area_code in the measure's data. */
  comparator_area_code: z.string().optional(),
});

export const planSchema = z.strictObject({
  /** Title of the plan document, e.g. "Nottingham Crime & Drugs Partnership Plan 2015 to 2020". */
  title: textSchema,
  /** Short label used in navigation and filters, e.g. "2015-20 plan". */
  short_title: textSchema,
  /** The partnership's name when it published this plan. */
  partnership: textSchema,
  /** Years the plan covers, as the plan writes them. */
  period: z.strictObject({
    /** First year covered, e.g. 2015. */
    start_year: z.number().int().min(1998),
    /** Last year covered, e.g. 2020. */
    end_year: z.number().int().min(1998),
    /** The span as the document writes it, e.g. "2015 to 2020". */
    label: textSchema,
    /**
     * First day the plan covers, YYYY-MM-DD, where the plan fixes it (e.g. "2015-04-01" for a plan whose
     * first year is 2015/16); without it the plan period starts on 1 January of `start_year`.
     */
    start: isoDateSchema.optional(),
    /**
     * Last day the plan covers, YYYY-MM-DD, where the plan fixes it (e.g. "2020-03-31" for targets "by
     * March 2020"); without it the plan period ends on 31 December of `end_year`. Figures for later
     * periods are shown as "after this plan ended", never as the plan's results.
     */
    end: isoDateSchema.optional(),
  }),
  /**
   * The action plan as the plan names it, where it names it, e.g. "2024/25 NCSP Board Action Plan", and
   * what the plan says of it (quoted), e.g. that it "will be revised each year". Without it pages say
   * "action plan" and nothing more.
   */
  action_plan: z.strictObject({ title: textSchema, note: textSchema.optional() }).optional(),
  /** `current` for the plan in force; `archived` plans say so and link to the current one. */
  status: z.enum(['current', 'archived'], { message: 'status must be current or archived' }),
  /** Who chaired the board and wrote the foreword, as the plan names them. */
  chair: z.strictObject({ name: textSchema, role: textSchema }).optional(),
  /** The statutory aims, in the plan's words. */
  statutory_aims: z.array(textSchema).min(1),
  /** Headline targets; empty when the plan sets none. */
  targets: z.array(targetSchema).default([]),
  /** Partner agencies named by the plan. */
  partners: z.array(textSchema).min(1),
  /** One-paragraph summary for the plans list and metadata. */
  summary: textSchema,
  /** Earlier ids of this plan; each gets a permanent redirect. */
  redirect_from: z.array(z.string()).default([]),
});

/** A validated plan's frontmatter. */
export type PlanMeta = z.infer<typeof planSchema>;
export type Target = z.infer<typeof targetSchema>;
