/**
 * Checks a measure's releases.yaml: readable YAML, a list of entries that pass releaseSchema,
 * with every problem placed at the line and column of the field at fault. Matching entries to
 * CSV files is the data validator's job; this file only reads the list.
 */
import { decodeUtf8 } from '../read/text.ts';
import { parseLocatedYaml, type LocatedYaml, type YamlPosition } from '../read/yaml-position.ts';
import { releaseSchema, releasesFileSchema, type Release } from '../schemas/release.ts';
import type { Diagnostic } from './diagnostic.ts';
import { closest } from './suggest.ts';

/** One entry of releases.yaml whose vintage is a real date. */
export interface ListedRelease {
  /** The entry's vintage, YYYY-MM-DD. */
  readonly vintage: string;
  /** Where the vintage value is written, for messages about the entry as a whole. */
  readonly position: YamlPosition;
  /** The validated entry; absent when some other field is wrong (already reported). */
  readonly release?: Release;
}

/** What releases.yaml lists, or `undefined` entries when it cannot be read as a list at all. */
export interface ReleasesReadResult {
  /** Entries in file order; undefined when the file is unreadable, so callers skip matching it to CSV files. */
  readonly listed: readonly ListedRelease[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The fields a release may have, in the order the schema documents them. */
const RELEASE_FIELDS = Object.keys(releaseSchema.shape);
const REQUIRED_RELEASE_FIELDS = RELEASE_FIELDS.filter((field) => !releaseSchema.shape[field as keyof Release].isOptional());
const LIST_FORM = 'a list of releases, each starting "- vintage: YYYY-MM-DD"';

/** Reads and checks releases.yaml; `file` is its project-relative path, used in diagnostics. */
export function readReleases(file: string, bytes: Uint8Array): ReleasesReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const message = 'the file is not UTF-8 text from this character on; save it with UTF-8 encoding';
    return { listed: undefined, diagnostics: [{ file, line: decoded.line, column: decoded.column, message }] };
  }
  const yaml = parseLocatedYaml(decoded.text);
  if (yaml.errors.length) {
    return { listed: undefined, diagnostics: yaml.errors.map((e) => ({ file, ...positionOf(e), message: `YAML syntax: ${e.message}` })) };
  }
  const parsed = releasesFileSchema.safeParse(yaml.value ?? null);
  const diagnostics = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueDiagnostics(file, yaml, issue));
  return { listed: Array.isArray(yaml.value) ? listReleases(yaml) : undefined, diagnostics };
}

function positionOf(position: YamlPosition): YamlPosition {
  return { line: position.line, column: position.column };
}

/** Entries with a usable vintage; each is validated on its own so one bad entry spoils only itself. */
function listReleases(yaml: LocatedYaml): ListedRelease[] {
  const items = yaml.value as unknown[];
  return items.flatMap((item, index): ListedRelease[] => {
    const vintage = (item as { vintage?: unknown } | null)?.vintage;
    if (typeof vintage !== 'string' || !releaseSchema.shape.vintage.safeParse(vintage).success) return [];
    const release = releaseSchema.safeParse(item);
    const position = yaml.locate([index, 'vintage']);
    return [release.success ? { vintage, position, release: release.data } : { vintage, position }];
  });
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

/** Turns one zod issue into messages that name the field and say what to write. */
function issueDiagnostics(file: string, yaml: LocatedYaml, issue: Issue): Diagnostic[] {
  const at = (path: readonly PropertyKey[], message: string, target?: 'key'): Diagnostic => ({
    file,
    ...yaml.locate(path, target),
    message,
  });
  const [index, field] = issue.path;
  if (index === undefined) {
    const message =
      issue.code === 'too_small' ? `releases.yaml lists no releases; write ${LIST_FORM}` : `releases.yaml must be ${LIST_FORM}`;
    return [at([], message)];
  }
  if (issue.code === 'unrecognized_keys') {
    return (issue.keys ?? []).map((key) => at([...issue.path, key], unknownFieldMessage(key), 'key'));
  }
  if (field === undefined) {
    return [at(issue.path, `each release must be a set of fields (${RELEASE_FIELDS.join(', ')}), not ${describe(valueAt(yaml, issue.path))}`)];
  }
  if (!yaml.locateDetailed(issue.path).found) {
    return [at([index], `missing field "${String(field)}"; every release needs ${listInWords(REQUIRED_RELEASE_FIELDS)}`)];
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(yaml, issue.path);
    const message =
      value === null
        ? `"${String(field)}" is empty; write its text after the colon`
        : `"${String(field)}" must be text, but YAML reads it as ${describe(value)}${isScalar(value) ? '; put the value in double quotes' : ''}`;
    return [at(issue.path, message)];
  }
  return [at(issue.path, `"${String(field)}": ${issue.message}`)];
}

function unknownFieldMessage(key: string): string {
  const suggestion = closest(key, RELEASE_FIELDS);
  return `unknown field "${key}"; allowed fields are: ${RELEASE_FIELDS.join(', ')}${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

/** zod does not echo the input back, so read the offending value from the parsed YAML. */
function valueAt(yaml: LocatedYaml, path: readonly PropertyKey[]): unknown {
  let value: unknown = yaml.value;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[step];
  return value;
}

/** Says what YAML made of a value, in words; the number 3.0 prints as 3, so numbers are not echoed. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'a set of fields';
  return `the text ${JSON.stringify(value)}`;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

function listInWords(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}
