/**
 * A priority of one plan: `content/priorities/<plan-id>/<slug>.mdx`. The folder names the plan,
 * the file name is the slug in its permanent URL `/plans/<plan-id>/priorities/<slug>/`.
 */
import { z } from 'zod';
import { slugSchema, textSchema } from './common.ts';

export const prioritySchema = z.strictObject({
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
  /** Group or groups the plan names as leading the priority. */
  lead_groups: z.array(textSchema).default([]),
  /** Delivery mechanisms, where the plan lists them. */
  delivery: z.array(textSchema).default([]),
  /** Measures that track the priority, by measure slug. */
  measures: z.array(slugSchema).default([]),
  /** Actions of the same plan that serve the priority, by action slug. */
  actions: z.array(slugSchema).default([]),
  /** Earlier slugs; each gets a permanent redirect. */
  redirect_from: z.array(slugSchema).default([]),
});

/** A validated priority's frontmatter. */
export type PriorityMeta = z.infer<typeof prioritySchema>;
