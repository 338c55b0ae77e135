/**
 * The search word list (`content/search-terms.yaml`): groups of words that mean the same thing in
 * the plans, so a search for one also finds pages that use another (ASB finds "anti-social behaviour").
 * Validated at build time like the rest of content/; the browser only ever receives valid groups.
 */
import { z } from 'zod';
import { normaliseForMatching } from '../format/normalise.ts';

/**
 * One word or phrase as people type it or the plans write it, e.g. "ASB" or "anti-social behaviour".
 * Letters, digits, spaces, hyphens, apostrophes and "&" only: quotes and other punctuation would
 * change what the search engine does with the query.
 */
export const searchTermSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(60, { message: 'keep a term under 60 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’&-]*$/u, {
    message: 'use letters, digits, spaces, hyphens, apostrophes and "&" only, e.g. "anti-social behaviour"',
  });

/** Words that mean the same thing; a search for any of them also searches for the others. */
export const searchTermGroupSchema = z.strictObject({
  /**
   * Two or more terms. Write abbreviations in capitals (ASB, MARAC): they then match whole words only,
   * so "DA" never finds "data", and pages using the full term rank as high as pages using the abbreviation.
   */
  terms: z
    .array(searchTermSchema)
    .min(2, { message: 'list at least two terms that mean the same thing' })
    .superRefine((terms, ctx) => {
      const seen = new Set<string>();
      terms.forEach((term, index) => {
        const key = normaliseForMatching(term);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `"${term}" is listed twice in this group` });
        seen.add(key);
      });
    }),
  /**
   * For everyday words the plans do not use (stabbing, nuisance neighbours): the plans' own terms they
   * stand for. A search for any of the terms also searches for these, and ranks their pages as if typed.
   */
  plan_terms: z.array(searchTermSchema).min(1, { message: 'list at least one term the plans use' }).optional(),
  /** Where the plans use these words with this meaning, so the next editor can check it. */
  source: z.string().trim().min(1, { message: 'say where the plans use these words, e.g. "2024-27 strategy, MARAC referrals measure"' }),
}).superRefine((group, ctx) => {
  const own = new Set(group.terms.map(normaliseForMatching));
  group.plan_terms?.forEach((term, index) => {
    if (own.has(normaliseForMatching(term))) ctx.addIssue({ code: 'custom', path: ['plan_terms', index], message: `"${term}" is already one of this group's terms` });
  });
});

/** A word or phrase of a question, as people type it ("going up", "statistics"). */
const questionWordSchema = searchTermSchema;

/**
 * A kind of question whose answer is a few measures' latest figures ("is crime going up"): a search made
 * only of `about` and `asking` words (and common words such as "is") leads with the `lead_with` measures,
 * each showing its latest figure.
 */
export const searchQuestionSchema = z.strictObject({
  /** What the question is about: a search must hold one of these ("crime"). */
  about: z.array(questionWordSchema).min(1, { message: 'list at least one word the question is about, e.g. crime' }),
  /** How people ask it: a search must hold one of these ("going up", "figures", "statistics"). */
  asking: z.array(questionWordSchema).min(1, { message: 'list at least one way of asking, e.g. going up' }),
  /** Measure ids (content/measures/<id>.md) whose figures answer it, in the order shown. */
  lead_with: z.array(z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'write a measure id, e.g. total-recorded-crime' })).min(1, { message: 'list at least one measure id' }),
});

/** A name as a search filter shows it: any text a plan or data file might use, on one line. */
const filterValueSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(120, { message: 'keep a filter name under 120 characters' })
  .regex(/^[^\n]+$/, { message: 'write the name on one line' });

/**
 * For one filter: the name it shows, then every other way the plans and data files write that name.
 * Pages keep their own wording; only the filter merges them.
 */
const filterNamesSchema = z.record(filterValueSchema, z.array(filterValueSchema).min(1, { message: 'list at least one other spelling of this name' }));

/** Filters whose names can be merged: thematic area and lead or source agency (see search/facets.ts). */
const namedFiltersSchema = z.strictObject({ theme: filterNamesSchema.optional(), agency: filterNamesSchema.optional() });

/** The whole file: a list of groups, no term in two groups (a search must expand one way only). */
export const searchTermsSchema = z
  .strictObject({
    groups: z.array(searchTermGroupSchema),
    /** Questions answered by measures' latest figures (see searchQuestionSchema). */
    questions: z.array(searchQuestionSchema).default([]),
    /** One name per theme or agency in the search filters, with the other spellings it stands for. */
    filter_names: namedFiltersSchema.default({}),
    /** Values that name no theme or agency (e.g. "Not stated in the plan"): left out of those filters. */
    filter_leave_out: z.strictObject({ theme: z.array(filterValueSchema).optional(), agency: z.array(filterValueSchema).optional() }).default({}),
  })
  .superRefine((file, ctx) => {
    const owner = new Map<string, number>();
    file.groups.forEach((group, groupIndex) => {
      group.terms.forEach((term, termIndex) => {
        const key = normaliseForMatching(term);
        const first = owner.get(key);
        if (first !== undefined && first !== groupIndex) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', groupIndex, 'terms', termIndex],
            message: `"${term}" is already in group ${first + 1}; a term can belong to one group only`,
          });
        }
        if (first === undefined) owner.set(key, groupIndex);
      });
    });
  });

/** A validated question answered by measures' figures. */
export type SearchQuestion = z.infer<typeof searchQuestionSchema>;

/** A validated group of equivalent search terms. */
export type SearchTermGroup = z.infer<typeof searchTermGroupSchema>;

/** The validated search word list. */
export type SearchTerms = z.infer<typeof searchTermsSchema>;
