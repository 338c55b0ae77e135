/**
 * Turns zod issues into diagnostics an editor can act on: where (file:line:column from the YAML
 * node), what is wrong, and what to write instead. The one place author input meets the schemas.
 */
import type { z } from 'zod';
import type { LocatedYaml } from '../read/yaml-position.ts';
import type { Diagnostic } from './diagnostic.ts';
import { closest } from './suggest.ts';

/** Validates `located.value` against `schema`; returns the data or positioned diagnostics. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  located: LocatedYaml,
  file: string,
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  if (located.errors.length) {
    return { diagnostics: located.errors.map((e) => ({ file, ...e, message: `YAML syntax: ${e.message}` })) };
  }
  const result = schema.safeParse(located.value ?? {}, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  return {
    diagnostics: result.error.issues.flatMap((issue) => issueDiagnostics(issue, located, file, schema)),
  };
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function issueDiagnostics(issue: z.core.$ZodIssue, located: LocatedYaml, file: string, schema: z.ZodType): Diagnostic[] {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, allowed);
      return {
        file,
        ...located.locate([...issue.path, key]),
        message:
          `unknown field "${where ? `${where}.` : ''}${key}"` +
          (suggestion ? `; did you mean "${suggestion}"?` : allowed.length ? `; allowed fields are: ${allowed.join(', ')}` : ''),
      };
    });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ file, ...located.locate(issue.path), message: `missing required field "${where}"` }];
  }
  const prefix = where ? `"${where}": ` : '';
  const message =
    issue.code === 'invalid_type' ? `expected ${issue.expected}, found ${describe(issue.input)}` : issue.message;
  return [{ file, ...located.locate(issue.path), message: prefix + message }];
}

function describe(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'a set of fields' : `${typeof input} ${JSON.stringify(input)}`;
}

/** Field names the schema allows at `path`, for "did you mean" hints. */
function allowedKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } })?.def;
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array') node = def.element;
    else return [];
  }
  const def = (unwrap(node) as { def?: { type?: string; shape?: Record<string, unknown> } })?.def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && ['optional', 'default', 'nullable', 'prefault'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
