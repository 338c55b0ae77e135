/**
 * Checks a measure's releases.yaml: readable YAML, a list of entries that pass releaseSchema,
 * with every problem placed at the line and column of the field at fault. Matching entries to
 * CSV files is the data validator's job; this file only reads the list.
 */
import type { z } from 'zod';
import { decodeUtf8 } from '../read/text.ts';
import { parseLocatedYaml, type LocatedYaml, type YamlPosition } from '../read/yaml-position.ts';
import { releaseSchema, releasesFileSchema, type Release } from '../schemas/release.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { describe, issuesToDiagnostics, syntaxDiagnostics } from './schema-issues.ts';

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
const LIST_FORM = 'a list of releases, each starting "- vintage: YYYY-MM-DD"';

/** Reads and checks releases.yaml; `file` is its project-relative path, used in diagnostics. */
export function readReleases(file: string, bytes: Uint8Array): ReleasesReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const message = 'the file is not UTF-8 text from this character on; save it with UTF-8 encoding';
    return { listed: undefined, diagnostics: [{ file, line: decoded.line, column: decoded.column, message }] };
  }
  const yaml = parseLocatedYaml(decoded.text);
  if (yaml.errors.length) return { listed: undefined, diagnostics: syntaxDiagnostics(file, yaml) };
  const parsed = releasesFileSchema.safeParse(yaml.value ?? null);
  const diagnostics = parsed.success ? [] : releasesDiagnostics(file, yaml, parsed.error.issues);
  return { listed: Array.isArray(yaml.value) ? listReleases(yaml) : undefined, diagnostics };
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

/** Problems with the file as a whole are worded here; problems with a release's fields, as for every other file. */
function releasesDiagnostics(file: string, yaml: LocatedYaml, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fieldIssues: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const [index, field] = issue.path;
    if (index === undefined) {
      const message =
        issue.code === 'too_small' ? `releases.yaml lists no releases; write ${LIST_FORM}` : `releases.yaml must be ${LIST_FORM}`;
      diagnostics.push({ file, ...yaml.locate([]), message });
    } else if (field === undefined && issue.code === 'invalid_type') {
      const message = `each release must be a set of fields (${RELEASE_FIELDS.join(', ')}), not ${describe(valueAt(yaml, issue.path))}`;
      diagnostics.push({ file, ...yaml.locate(issue.path), message });
    } else {
      fieldIssues.push(issue);
    }
  }
  return [...diagnostics, ...issuesToDiagnostics(fieldIssues, yaml, file, releasesFileSchema, { subject: 'every release', entryDepth: 1 })];
}

/** zod does not echo the input back, so read the offending value from the parsed YAML. */
function valueAt(yaml: LocatedYaml, path: readonly PropertyKey[]): unknown {
  let value: unknown = yaml.value;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[step];
  return value;
}
