/**
 * Building blocks shared by every content and data schema.
 * Messages are written for the support team, who edit these files by hand:
 * each says what is expected, so the validator can print it next to file:line:column.
 */
import { z } from 'zod';

/** A URL-safe identifier: lower case letters, digits and single hyphens, e.g. `knife-crime`. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'use lower-case letters, digits and single hyphens only, e.g. "knife-crime"',
  });

/** A plan period identifier such as `2024-27` (first year, then the last two digits of the end year). */
export const planIdSchema = z.string().regex(/^\d{4}-\d{2}$/, {
  message: 'a plan id looks like "2024-27"',
});

/**
 * A calendar date written YYYY-MM-DD that really exists (2023-02-30 is refused). Astro's content
 * layer reads an unquoted 2025-06-01 in frontmatter as a Date, where the validator's YAML 1.2
 * parser reads text; both must pass the same schema, so a Date becomes its YYYY-MM-DD text.
 */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isRealIsoDate, {
    message: 'expected a real date written YYYY-MM-DD, e.g. "2025-07-24"',
  }),
);

/** Whether `text` is a YYYY-MM-DD date that exists in the calendar. */
export function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An absolute http(s) URL. */
export const urlSchema = z.url({ protocol: /^https?$/, message: 'expected a full web address starting https://' });

/** Non-empty trimmed text. */
export const textSchema = z.string().trim().min(1, { message: 'must not be empty' });
