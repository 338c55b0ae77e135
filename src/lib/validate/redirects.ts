/**
 * Redirects for renamed slugs, read from `redirect_from` in content frontmatter, so a partner's
 * old link keeps working. Used by astro.config.mjs; tolerant of invalid files, which the
 * validator reports separately.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actionSchema } from '../schemas/action.ts';
import { measureSchema } from '../schemas/measure.ts';
import { planSchema } from '../schemas/plan.ts';
import { prioritySchema } from '../schemas/priority.ts';
import { paths } from '../schemas/paths.ts';
import { readCollection } from './content.ts';

/**
 * What a former id must look like to become an address. Plans' redirect_from is not checked as a
 * slug by its schema, and a value such as "../x" must never become a path.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Map of old path to new path for every redirect_from in content/. */
export function readRedirects(root: string): Record<string, string> {
  const redirects: Record<string, string> = {};
  const add = (olds: readonly string[], to: (old: string) => string, target: string) => {
    for (const old of olds) redirects[to(old)] = target;
  };
  for (const e of readCollection(root, 'content/measures', { extensions: ['.md', '.mdx'], depth: 1, schema: measureSchema }).entries) {
    add(e.data.redirect_from, paths.measure, paths.measure(e.id));
    // Partners' iframes hold the embeddable chart's address; only a measure with figures has one.
    if (e.data.derivation || existsSync(join(root, 'data/measures', e.id))) {
      add(e.data.redirect_from, paths.embedMeasure, paths.embedMeasure(e.id));
    }
  }
  // A plan's id is part of the address of its downloads page, priorities and actions, so renaming
  // a plan moves all of them: each old address gets a redirect, including a priority or action
  // renamed too (old plan and old slug together).
  const formerPlanIds = new Map<string, readonly string[]>();
  for (const e of readCollection(root, 'content/plans', { extensions: ['.mdx', '.md'], depth: 1, schema: planSchema }).entries) {
    const olds = e.data.redirect_from.filter((old) => SLUG.test(old));
    formerPlanIds.set(e.id, olds);
    add(olds, paths.plan, paths.plan(e.id));
    add(olds, paths.downloads, paths.downloads(e.id));
  }
  const inPlans = (plan: string) => [plan, ...(formerPlanIds.get(plan) ?? [])];
  for (const e of readCollection(root, 'content/priorities', { extensions: ['.mdx', '.md'], depth: 2, schema: prioritySchema }).entries) {
    const [plan, slug] = e.id.split('/') as [string, string];
    for (const inPlan of inPlans(plan)) {
      const olds = inPlan === plan ? e.data.redirect_from : [slug, ...e.data.redirect_from];
      add(olds, (old) => paths.priority(inPlan, old), paths.priority(plan, slug));
    }
  }
  for (const e of readCollection(root, 'content/actions', { extensions: ['.md', '.mdx'], depth: 2, schema: actionSchema }).entries) {
    const [plan, slug] = e.id.split('/') as [string, string];
    for (const inPlan of inPlans(plan)) {
      const olds = inPlan === plan ? e.data.redirect_from : [slug, ...e.data.redirect_from];
      add(olds, (old) => paths.action(inPlan, old), paths.action(plan, slug));
    }
  }
  return redirects;
}
