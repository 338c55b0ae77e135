/**
 * `npm run new -- action <plan> <slug>`: writes content/actions/<plan>/<slug>.md with the next free
 * order number and status not_reported (the site never guesses progress). Text fields start empty
 * and fail validation until the editor transcribes the recommendation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planIdSchema, slugSchema } from '../schemas/common.ts';
import { closest } from '../validate/suggest.ts';
import { listInWords, refuse, type ExitCode, type ScaffoldContext } from './context.ts';
import { existingContentFile, looseFrontmatter, planIds } from './project.ts';

/** Creates an action file from the template, or refuses without writing. */
export function newAction(ctx: ScaffoldContext, plan: string, slug: string): ExitCode {
  const plans = planIds(ctx.root);
  if (!plans.includes(plan)) {
    const suggestion = closest(plan, plans);
    return refuse(
      ctx,
      `Refused: there is no plan "${plan}" (no content/plans/${plan}.mdx).` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
      plans.length ? `Plans: ${listInWords(plans)}.` : 'Add the plan first: content/plans/<plan-id>.mdx, e.g. 2024-27.mdx.',
      ...(planIdSchema.safeParse(plan).success ? [] : ['A plan id looks like "2024-27".']),
    );
  }
  if (!slugSchema.safeParse(slug).success) {
    return refuse(
      ctx,
      `Refused: "${slug}" cannot be an action's name.`,
      `The name becomes the permanent address /plans/${plan}/actions/<name>/: use lower-case letters, digits and single hyphens, e.g. "review-shoplifting-response".`,
    );
  }
  const folder = `content/actions/${plan}`;
  const existing = existingContentFile(ctx.root, folder, slug);
  if (existing) return refuse(ctx, `Refused: ${existing} already exists.`, 'Edit that file, or choose another name for the new action.');

  const actions = looseFrontmatter(ctx.root, folder);
  const renamed = actions.find((a) => Array.isArray(a.data.redirect_from) && a.data.redirect_from.includes(slug));
  if (renamed) {
    return refuse(
      ctx,
      `Refused: "${slug}" is an earlier name of the action "${renamed.name}" (see redirect_from in ${folder}/${renamed.name}.md).`,
      'Choose another name for the new action.',
    );
  }
  const order = nextOrder(actions.map((a) => a.data.order));
  const themes = [...new Set(actions.map((a) => a.data.theme).filter((t): t is string => typeof t === 'string'))].sort();
  const file = `${folder}/${slug}.md`;
  mkdirSync(join(ctx.root, folder), { recursive: true });
  writeFileSync(join(ctx.root, file), actionTemplate(slug, plan, order, themes), { flag: 'wx' });
  ctx.out(`Created ${file} (order ${order}, status not_reported).`);
  ctx.out('Next:');
  ctx.out(`  1. Fill in title, theme and recommendation in ${file}; until they are filled in, "npm run validate" reports them and nothing is published.`);
  ctx.out(`  2. List "${slug}" under "actions" in the priority it serves (content/priorities/${plan}/<priority>.mdx).`);
  return 0;
}

/** One more than the highest order already used, so the new action goes last in the plan's table. */
export function nextOrder(orders: readonly unknown[]): number {
  const used = orders.filter((o): o is number => typeof o === 'number' && Number.isInteger(o) && o > 0);
  return used.length ? Math.max(...used) + 1 : 1;
}

/** The new file's text. */
export function actionTemplate(slug: string, plan: string, order: number, themes: readonly string[]): string {
  const themeHint = themes.length ? ` Themes in this plan so far: ${themes.join('; ')}.` : '';
  return `---
# New action "${slug}" of plan ${plan}. Fill in the empty fields, then run "npm run validate".

# Short heading for the action, faithful to the recommendation.
title: ""
# Position in the plan's action table, from 1 (${order} puts it last).
order: ${order}
# Theme column of the action plan, as the plan writes it.${themeHint}
theme: ""
# The recommendation, word for word as the plan writes it.
recommendation: ""
# Lead agency as the plan names it; leave "" when the plan's cell is blank.
lead_agency: ""
# Delivery status: not_reported until a partner reports progress.
status: not_reported
# Measures this site relates to the action, by measure name, e.g. ["knife-crime"]. The plans do not
# link actions to measures, so pages show these as the site's own "Related measures".
related_measures: []
# Dated progress entries, oldest first. Each one looks like this (keep the date in quotes):
#   - date: "2026-07-24"
#     status: in_progress
#     note: "What the lead agency reported, in plain English."
progress: []
---
`;
}
