/**
 * `npm run new -- measure <slug>`: writes content/measures/<slug>.md with every required field
 * present but empty, each under a comment saying what to write. An empty field fails validation,
 * so a half-written measure can never be published by accident.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { slugSchema } from '../schemas/common.ts';
import { frequencySchema, polaritySchema, unitSchema } from '../schemas/measure.ts';
import { refuse, type ExitCode, type ScaffoldContext } from './context.ts';
import { existingContentFile, looseFrontmatter, planIds } from './project.ts';

/** Creates a measure file from the template, or refuses without writing. */
export function newMeasure(ctx: ScaffoldContext, slug: string): ExitCode {
  if (!slugSchema.safeParse(slug).success) {
    return refuse(
      ctx,
      `Refused: "${slug}" cannot be a measure's name: ${slugIssue(slug)}.`,
      'The name becomes the permanent address /measures/<name>/: use lower-case letters, digits and single hyphens, e.g. "knife-crime".',
    );
  }
  const existing = existingContentFile(ctx.root, 'content/measures', slug);
  if (existing) {
    return refuse(ctx, `Refused: ${existing} already exists.`, `Edit that file, or choose another name for the new measure.`);
  }
  const renamed = looseFrontmatter(ctx.root, 'content/measures').find(
    (m) => Array.isArray(m.data.redirect_from) && m.data.redirect_from.includes(slug),
  );
  if (renamed) {
    return refuse(
      ctx,
      `Refused: "${slug}" is an earlier name of the measure "${renamed.name}" (see redirect_from in content/measures/${renamed.name}.md), so its address already leads there.`,
      'Choose another name for the new measure.',
    );
  }
  const file = `content/measures/${slug}.md`;
  mkdirSync(dirname(join(ctx.root, file)), { recursive: true });
  writeFileSync(join(ctx.root, file), measureTemplate(slug, planIds(ctx.root)), { flag: 'wx' });
  ctx.out(`Created ${file}.`);
  ctx.out('Next:');
  ctx.out(`  1. Fill in each field in ${file}; the comment above each says what to write. Until every field is filled in, "npm run validate" reports it and nothing is published.`);
  ctx.out('  2. List the measure under "measures" in the priority it tracks (content/priorities/<plan>/<priority>.mdx).');
  ctx.out(`  3. When its first figures are published, run: npm run new -- release ${slug} <file.csv> --changes "First release."`);
  return 0;
}

/** Why a name is not a slug, in words. */
function slugIssue(slug: string): string {
  if (slug === '') return 'it is empty';
  if (/[A-Z]/.test(slug)) return 'it has capital letters';
  if (/\s/.test(slug)) return 'it has spaces';
  if (/--/.test(slug) || /^-|-$/.test(slug)) return 'hyphens must sit singly between letters or digits';
  return 'it has characters other than lower-case letters, digits and hyphens';
}

/** The new file's text: the required fields, empty, each with a comment; optional ones commented out. */
export function measureTemplate(slug: string, plans: readonly string[]): string {
  const planHint = plans.length ? `one or more of ${plans.map((p) => `"${p}"`).join(', ')}` : 'e.g. ["2024-27"]';
  return `---
# New measure "${slug}". Fill in every field below, then run "npm run validate".
# Empty fields fail the check, so nothing is published until all of them are filled in.

# Title as the plan's performance framework writes it, e.g. "Knife Crime".
title: ""
# Plans whose performance framework lists this measure, by plan id: ${planHint}.
plans: []
# Thematic area of the framework, e.g. "Serious Violence".
thematic_area: ""
# The source each plan's framework names, by plan id, copied from the plan, e.g. { "2024-27": "the source as the plan writes it" }.
# Leave a plan out where it names no source: the page says "not stated in the plan". Who publishes
# the figures comes from releases.yaml (publisher, dataset), not from here.
plan_sources: {}
# How values are expressed: one of ${unitSchema.options.join(', ')}.
unit: ""
# Which direction is better: one of ${polaritySchema.options.join(', ')}.
# Write lower_is_better or higher_is_better only where a plan says which way the measure should go,
# and quote it below; otherwise write no_judgement.
polarity: ""
# What is counted or measured, in plain English.
definition: ""

# Optional: remove the "# " to use a line.
# How often figures are published (required once the measure has data): one of ${frequencySchema.options.join(', ')}.
# frequency: financial_year
# Plural noun for counted things, used in sentences, e.g. "offences".
# unit_label: "offences"
# The plan's exact words on which way the measure should go, and where they are in the plan.
# direction: [{ plan: "2024-27", words: "Reduce Crime", where: "Partnership Approach 2024-27, Overall Aims" }]
# When the next release is expected, YYYY-MM-DD in quotes, if the publisher has said.
# next_update: "2026-07-24"
---
`;
}
