/**
 * One row of a plan's action plan: `content/actions/<plan-id>/<slug>.md`.
 * The recommendation and agency are transcribed as the plan has them; status and progress are
 * recorded by the support team as partners report.
 */
import { z } from 'zod';
import { isoDateSchema, slugSchema, textSchema } from './common.ts';

/** Delivery status. `not_reported` until a partner reports: the site never guesses progress. */
export const actionStatusSchema = z.enum(['not_reported', 'not_started', 'in_progress', 'completed', 'ongoing'], {
  message: 'status must be one of: not_reported, not_started, in_progress, completed, ongoing',
});

export const actionSchema = z.strictObject({
  /** Short heading for the action, faithful to the recommendation. */
  title: textSchema,
  /** Position in the plan's action table, from 1. */
  order: z.number().int().positive(),
  /** Theme column of the action plan, e.g. "Acquisitive Crime". */
  theme: textSchema,
  /** The recommendation, word for word. */
  recommendation: textSchema,
  /** Lead agency as the plan names it; leave empty when the plan's cell is blank (shown as "not stated"). */
  lead_agency: z.string().trim().default(''),
  /** Current delivery status. */
  status: actionStatusSchema.default('not_reported'),
  /**
   * Measures this site relates to the action, by slug. The plans never link an action to a measure,
   * so these links are the site's own and pages label them "Related measures".
   */
  related_measures: z.array(slugSchema).default([]),
  /** Dated progress entries, oldest first. */
  progress: z
    .array(
      z.strictObject({
        /** Date of the update, YYYY-MM-DD. */
        date: isoDateSchema,
        /** Status after this update. */
        status: actionStatusSchema,
        /** What was reported, in plain English. */
        note: textSchema,
      }),
    )
    .default([]),
  /** Earlier slugs; each gets a permanent redirect. */
  redirect_from: z.array(slugSchema).default([]),
});

/** A validated action's frontmatter. */
export type ActionMeta = z.infer<typeof actionSchema>;
export type ActionStatus = z.infer<typeof actionStatusSchema>;
