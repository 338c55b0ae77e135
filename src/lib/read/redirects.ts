/**
 * Redirects for renamed slugs, read from `redirect_from` in content frontmatter, so a partner's
 * old link keeps working. Used by astro.config.mjs; tolerant of invalid files, which the
 * validator reports separately.
 */
import { actionSchema } from '../schemas/action.ts';
import { measureSchema } from '../schemas/measure.ts';
import { planSchema } from '../schemas/plan.ts';
import { prioritySchema } from '../schemas/priority.ts';
import { paths } from '../paths.ts';
import { readCollection } from './content.ts';

/** Map of old path to new path for every redirect_from in content/. */
export function readRedirects(root: string): Record<string, string> {
  const redirects: Record<string, string> = {};
  const add = (olds: readonly string[], to: (old: string) => string, target: string) => {
    for (const old of olds) redirects[to(old)] = target;
  };
  for (const e of readCollection(root, 'content/measures', { extensions: ['.md', '.mdx'], depth: 1, schema: measureSchema }).entries) {
    add(e.data.redirect_from, paths.measure, paths.measure(e.id));
  }
  for (const e of readCollection(root, 'content/plans', { extensions: ['.mdx', '.md'], depth: 1, schema: planSchema }).entries) {
    add(e.data.redirect_from, paths.plan, paths.plan(e.id));
  }
  for (const e of readCollection(root, 'content/priorities', { extensions: ['.mdx', '.md'], depth: 2, schema: prioritySchema }).entries) {
    const [plan, slug] = e.id.split('/') as [string, string];
    add(e.data.redirect_from, (old) => paths.priority(plan, old), paths.priority(plan, slug));
  }
  for (const e of readCollection(root, 'content/actions', { extensions: ['.md', '.mdx'], depth: 2, schema: actionSchema }).entries) {
    const [plan, slug] = e.id.split('/') as [string, string];
    add(e.data.redirect_from, (old) => paths.action(plan, old), paths.action(plan, slug));
  }
  return redirects;
}
