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
  /** Where the plans use these words with this meaning, so the next editor can check it. */
  source: z.string().trim().min(1, { message: 'say where the plans use these words, e.g. "2024-27 strategy, MARAC referrals measure"' }),
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

/** A validated group of equivalent search terms. */
export type SearchTermGroup = z.infer<typeof searchTermGroupSchema>;

/** The validated search word list. */
export type SearchTerms = z.infer<typeof searchTermsSchema>;
