/**
 * Thin adapter from content/ to Astro's content layer, for the two collections whose text pages
 * render (plans and priorities: getEntry and render). Actions and measures are read by the data step
 * (src/lib/validate/content.ts) with the same schemas and reach pages through its page model, so
 * Astro does not load them a second time. The schemas live in src/lib/schemas so the validator
 * (npm run validate) and the site agree; this file only says where each collection lives.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { planSchema } from './lib/schemas/plan.ts';
import { prioritySchema } from './lib/schemas/priority.ts';

// SND_ROOT lets the tests and the benchmark build another partnership's content with the same code.
const root = process.env.SND_ROOT ?? '.';
const plans = defineCollection({ loader: glob({ pattern: '*.mdx', base: `${root}/content/plans` }), schema: planSchema });
const priorities = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${root}/content/priorities` }),
  schema: prioritySchema,
});

export const collections = { plans, priorities };
