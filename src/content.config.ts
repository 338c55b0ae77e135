/**
 * Thin adapter from content/ to Astro's content layer. The schemas live in src/lib/schemas so the
 * validator (npm run validate) and the site agree; this file only says where each collection lives.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { actionSchema } from './lib/schemas/action.ts';
import { measureSchema } from './lib/schemas/measure.ts';
import { planSchema } from './lib/schemas/plan.ts';
import { prioritySchema } from './lib/schemas/priority.ts';

// SND_ROOT lets the tests and the benchmark build another partnership's content with the same code.
const root = process.env.SND_ROOT ?? '.';
const plans = defineCollection({ loader: glob({ pattern: '*.mdx', base: `${root}/content/plans` }), schema: planSchema });
const priorities = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${root}/content/priorities` }),
  schema: prioritySchema,
});
const actions = defineCollection({ loader: glob({ pattern: '*/*.md', base: `${root}/content/actions` }), schema: actionSchema });
const measures = defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/content/measures` }), schema: measureSchema });

export const collections = { plans, priorities, actions, measures };
