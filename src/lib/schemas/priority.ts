/**
 * A priority of one plan: `content/priorities/<plan-id>/<slug>.mdx`. The folder names the plan,
 * the file name is the slug in its permanent URL `/plans/<plan-id>/priorities/<slug>/`.
 */
import { z } from 'zod';
import { slugSchema, textSchema } from './common.ts';

export const prioritySchema = z
  .strictObject({
  /** Name of the priority as the plan writes it, e.g. "Serious Violence". */
  title: textSchema,
  /** Position in the plan's own list, from 1. */
  order: z.number().int().positive(),
  /** `priority`, or an `area_of_focus` / `delivery_area` the plan names beside its priorities. */
  kind: z.enum(['priority', 'area_of_focus', 'delivery_area'], {
    message: 'kind must be priority, area_of_focus or delivery_area',
  }),
  /** One sentence for lists and search results. */
  summary: textSchema,
  /** Strategic focus points, each as the plan words it. */
  strategic_focus: z.array(textSchema).default([]),
  /** Group or groups the plan names as leading the priority, each once, as the plan spells it. */
  lead_groups: z.array(textSchema).default([]),
  /**
   * Which group leads which strategic focus point, where the plan pairs them row by row: one entry per
   * point, in `strategic_focus` order, e.g. ["DVSA Strategy Group", "MARAC Steering Group", ...].
   */
  focus_leads: z.array(textSchema).default([]),
  /** Delivery mechanisms, where the plan lists them. */
  delivery: z.array(textSchema).default([]),
  /** Measures the plan itself assigns to the priority (its framework row or thematic area), by slug. */
  measures: z.array(slugSchema).default([]),
  /**
   * Measures this site relates to the priority although the plan does not assign them to it (e.g. the
   * 2015-20 plan lists its crime categories in one cell shared by several areas); pages label them
   * "Related measures" and say the link is the site's own.
   */
  related_measures: z.array(slugSchema).default([]),
  /** Actions of the same plan that serve the priority, by action slug. */
  actions: z.array(slugSchema).default([]),
  /** Earlier slugs; each gets a permanent redirect. */
  redirect_from: z.array(slugSchema).default([]),
  })
  .refine((p) => p.focus_leads.length === 0 || p.focus_leads.length === p.strategic_focus.length, {
    message: 'focus_leads needs one group per strategic_focus point, in the same order; leave focus_leads out where the plan does not pair them',
    path: ['focus_leads'],
  });

/** A validated priority's frontmatter. */
export type PriorityMeta = z.infer<typeof prioritySchema>;
