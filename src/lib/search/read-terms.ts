/**
 * Reads content/search-terms.yaml for the build: each problem as a Diagnostic (file:line:column),
 * like every other content file, and the groups the search page ships to the browser.
 * A site without the file simply has no expansions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocatedYaml } from '../read/yaml-position.ts';
import { searchTermsSchema } from '../schemas/search-terms.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import type { TermGroup } from './expand.ts';
import type { FilterNames } from './facets.ts';
import type { SearchQuestion } from '../schemas/search-terms.ts';

const NO_FILTER_NAMES: FilterNames = { theme: { names: {}, leaveOut: [] }, agency: { names: {}, leaveOut: [] } };

/** Where the list lives, relative to the content root. */
export const SEARCH_TERMS_FILE = 'content/search-terms.yaml';

/** The groups, or the problems that stop the file being used. */
export interface SearchTermsResult {
  readonly groups: readonly TermGroup[];
  /** How the theme and agency filters name their values (see facets.ts filterValue). */
  readonly filterNames: FilterNames;
  /** Questions answered by measures' latest figures, each measure id with where the file names it. */
  readonly questions: readonly SearchQuestionTerms[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A question as the file lists it, with the line and column of each measure it leads with. */
export interface SearchQuestionTerms extends SearchQuestion {
  readonly leadWithAt: readonly { readonly line: number; readonly column: number }[];
}

/** Parses and validates the text of a search terms file. */
export function parseSearchTerms(text: string, file = SEARCH_TERMS_FILE): SearchTermsResult {
  const yaml = parseLocatedYaml(text);
  if (yaml.errors.length) {
    return { groups: [], filterNames: NO_FILTER_NAMES, questions: [], diagnostics: yaml.errors.map((e) => ({ file, line: e.line, column: e.column, message: e.message })) };
  }
  const parsed = searchTermsSchema.safeParse(yaml.value ?? {});
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue): Diagnostic => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // An unknown field is best shown at its own key, which zod leaves out of the path.
      const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const { line, column } = unknown === undefined ? yaml.locate(path) : yaml.locate([...path, unknown], 'key');
      const where = path.length ? `${path.join('.')}: ` : '';
      return { file, line, column, message: `${where}${issue.message}` };
    });
    return { groups: [], filterNames: NO_FILTER_NAMES, questions: [], diagnostics };
  }
  const { filter_names: names, filter_leave_out: leaveOut } = parsed.data;
  return {
    groups: parsed.data.groups.map((g) => (g.plan_terms ? { terms: g.terms, planTerms: g.plan_terms } : { terms: g.terms })),
    questions: parsed.data.questions.map((q, i) => ({ ...q, leadWithAt: q.lead_with.map((_, k) => yaml.locate(['questions', i, 'lead_with', k])) })),
    filterNames: {
      theme: { names: names.theme ?? {}, leaveOut: leaveOut.theme ?? [] },
      agency: { names: names.agency ?? {}, leaveOut: leaveOut.agency ?? [] },
    },
    diagnostics: [],
  };
}

/** Reads the search terms file under `root`; no file means no groups and no problems. */
export function readSearchTerms(root: string): SearchTermsResult {
  const path = join(root, SEARCH_TERMS_FILE);
  if (!existsSync(path)) return { groups: [], filterNames: NO_FILTER_NAMES, questions: [], diagnostics: [] };
  return parseSearchTerms(readFileSync(path, 'utf8'));
}

/** A question's measures that are not in `measureIds`, each as a Diagnostic where the file names it. */
export function unknownQuestionMeasures(questions: readonly SearchQuestionTerms[], measureIds: ReadonlySet<string>, file = SEARCH_TERMS_FILE): Diagnostic[] {
  return questions.flatMap((q, i) =>
    q.lead_with.flatMap((id, k) =>
      measureIds.has(id)
        ? []
        : [{ file, ...q.leadWithAt[k]!, message: `questions.${i}.lead_with.${k}: no measure "${id}": use the id of a file in content/measures/ (its name without .md)` }],
    ),
  );
}

/** The groups for the search page; throws with every problem when the file is invalid (the build checks first). */
export function loadSearchTerms(root: string): readonly TermGroup[] {
  const { groups, diagnostics } = readSearchTerms(root);
  if (diagnostics.length) {
    throw new Error(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  }
  return groups;
}
