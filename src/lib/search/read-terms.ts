/**
 * Reads content/search-terms.yaml for the build: each problem as a Diagnostic (file:line:column),
 * like every other content file, and the groups the search page ships to the browser.
 * A site without the file simply has no expansions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocatedYaml } from '../read/yaml-position.ts';
import { searchTermsSchema } from '../schemas/search-terms.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import type { TermGroup } from './expand.ts';

/** Where the list lives, relative to the content root. */
export const SEARCH_TERMS_FILE = 'content/search-terms.yaml';

/** The groups, or the problems that stop the file being used. */
export interface SearchTermsResult {
  readonly groups: readonly TermGroup[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and validates the text of a search terms file. */
export function parseSearchTerms(text: string, file = SEARCH_TERMS_FILE): SearchTermsResult {
  const yaml = parseLocatedYaml(text);
  if (yaml.errors.length) {
    return { groups: [], diagnostics: yaml.errors.map((e) => ({ file, line: e.line, column: e.column, message: e.message })) };
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
    return { groups: [], diagnostics };
  }
  return { groups: parsed.data.groups.map((g) => ({ terms: g.terms })), diagnostics: [] };
}

/** Reads the search terms file under `root`; no file means no groups and no problems. */
export function readSearchTerms(root: string): SearchTermsResult {
  const path = join(root, SEARCH_TERMS_FILE);
  if (!existsSync(path)) return { groups: [], diagnostics: [] };
  return parseSearchTerms(readFileSync(path, 'utf8'));
}

/** The groups for the search page; throws with every problem when the file is invalid (the build checks first). */
export function loadSearchTerms(root: string): readonly TermGroup[] {
  const { groups, diagnostics } = readSearchTerms(root);
  if (diagnostics.length) {
    throw new Error(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  }
  return groups;
}
