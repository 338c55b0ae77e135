/**
 * Turns zod issues and YAML syntax errors into diagnostics an editor can act on: where
 * (file:line:column from the YAML node), what is wrong in plain words, and what to write instead.
 * The one place author input meets the schemas: content frontmatter, site.yaml and releases.yaml
 * all word their problems here, so the same mistake reads the same in every file.
 */
import type { z } from 'zod';
import type { LocatedYaml, YamlSyntaxError } from '../read/yaml-position.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { closest } from './suggest.ts';

/** How to talk about the file being checked. */
export interface IssueWording {
  /** Who needs the required fields, e.g. "every measure" or "every release"; default "this file". */
  readonly subject?: string;
  /**
   * How many leading path steps pick an entry rather than a field: 0 for a file of fields,
   * 1 for releases.yaml, whose entries the line number already identifies.
   */
  readonly entryDepth?: number;
}

/** Validates `located.value` against `schema`; returns the data or positioned diagnostics. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  located: LocatedYaml,
  file: string,
  wording: IssueWording = {},
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  if (located.errors.length) return { diagnostics: syntaxDiagnostics(file, located) };
  const result = schema.safeParse(located.value ?? {}, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  return { diagnostics: issuesToDiagnostics(result.error.issues, located, file, schema, wording) };
}

/**
 * Words every issue of one parse. Fields missing from the same place are reported together, at
 * that place, so an empty file gets one line saying what it needs rather than one per field.
 */
export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  located: LocatedYaml,
  file: string,
  schema: z.ZodType,
  wording: IssueWording = {},
): Diagnostic[] {
  const misspelt = misspeltRequiredFields(issues, schema, located);
  const missingByParent = new Map<string, { parent: PropertyKey[]; fields: string[] }>();
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    if (misspelt.has(pathKey(issue.path))) continue;
    if (isMissingField(issue, located)) {
      const parent = issue.path.slice(0, -1);
      const group = missingByParent.get(pathKey(parent)) ?? { parent, fields: [] };
      group.fields.push(String(issue.path.at(-1)));
      missingByParent.set(pathKey(parent), group);
      continue;
    }
    diagnostics.push(...issueDiagnostics(issue, located, file, schema, wording));
  }
  for (const { parent, fields } of missingByParent.values()) {
    diagnostics.push({ file, ...located.locate(parent), message: missingFieldsMessage(parent, fields, schema, wording) });
  }
  return diagnostics;
}

/** A field absent from the file (not merely empty): zod has no value for it and YAML has no key. */
function isMissingField(issue: z.core.$ZodIssue, located: LocatedYaml): boolean {
  return (
    typeof issue.path.at(-1) === 'string' &&
    valueAt(located.value, issue.path) === undefined &&
    issue.code !== 'unrecognized_keys' &&
    !located.locateDetailed(issue.path).found
  );
}

/** `missing field "summary"; every priority needs title, order, kind and summary`. */
function missingFieldsMessage(parent: readonly PropertyKey[], fields: readonly string[], schema: z.ZodType, wording: IssueWording): string {
  const entryDepth = wording.entryDepth ?? 0;
  const parentPath = parent.slice(entryDepth);
  const names = fields.map((field) => fieldName([...parentPath, field]));
  const whoNeeds = parent.length <= entryDepth ? (wording.subject ?? 'this file') : fieldName(parentPath);
  const required = requiredKeys(schema, parent);
  const missing = names.length === 1 ? `missing field ${names[0]}` : `missing fields ${listInWords(fields.map((f) => `"${f}"`))}`;
  return `${missing}; ${whoNeeds} needs ${listInWords(required.length ? required : fields)}`;
}

/**
 * Paths of required fields that are "missing" only because an unknown field beside them is a
 * misspelling of them ("polarty"): the unknown-field message already names the fix, and a second
 * message saying the field is missing would send the editor to add a duplicate.
 */
function misspeltRequiredFields(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, located: LocatedYaml): Set<string> {
  const paths = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = allowedKeys(schema, issue.path);
    for (const key of issue.keys) {
      const suggestion = closest(key, allowed);
      if (suggestion) paths.add(pathKey([...issue.path, suggestion]));
    }
  }
  return new Set(
    issues
      .filter((issue) => paths.has(pathKey(issue.path)) && isMissingField(issue, located))
      .map((issue) => pathKey(issue.path)),
  );
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}

/**
 * YAML syntax errors in words. Only the first error on each line is kept: the parser's later
 * complaints about the same line are consequences of the first and only bury the fix.
 */
export function syntaxDiagnostics(file: string, located: LocatedYaml): Diagnostic[] {
  const seenLines = new Set<number>();
  return located.errors
    .filter((error) => (seenLines.has(error.line) ? false : (seenLines.add(error.line), true)))
    .map((error) => ({ file, ...openingOf(error, located), message: syntaxMessage(error, located.lineText(error.line)) }));
}

/**
 * Where the unclosed quote or bracket an error complains about was opened. The parser notices
 * only where the value ends (often lines later, or at the end of the file); the fix is at the opening.
 */
function openingOf(error: YamlSyntaxError, located: LocatedYaml): { line: number; column: number } {
  const here = { line: error.line, column: error.column };
  const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
  const bracket = /^Flow (sequence|mapping)/.exec(error.message)?.[1];
  if (!quote && !bracket) return here;
  const [open, close] = quote ? [quote, quote] : bracket === 'sequence' ? ['[', ']'] : ['{', '}'];
  for (let line = error.line; line >= 1; line--) {
    const column = unmatchedOpening(located.lineText(line), open!, close!);
    if (column !== undefined) return { line, column };
  }
  return here;
}

/** The 1-based column of the last opening character on `text` left unclosed, if any. */
function unmatchedOpening(text: string, open: string, close: string): number | undefined {
  const opened: number[] = [];
  const characters = Array.from(text);
  characters.forEach((character, index) => {
    if (open === close ? character === open && opened.length > 0 : character === close) opened.pop();
    else if (character === open) opened.push(index + 1);
  });
  return opened.at(-1);
}

/** The parser's message, reworded where it is cryptic for someone who does not write YAML daily. */
function syntaxMessage(error: YamlSyntaxError, lineText: string): string {
  if (error.message === 'Map keys must be unique') {
    const key = /^\s*(?:-\s+)?([^:#\s][^:#]*?)\s*:/.exec(lineText.slice(error.column - 1))?.[1];
    return key
      ? `"${key}" is written twice in the same place; keep one "${key}:" line and delete the other`
      : 'a field name is written twice in the same place; keep one and delete the other';
  }
  const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
  if (quote) return `a value opens with ${quote} but is never closed; add the closing ${quote} at the end of the value`;
  const flow = /^Flow (sequence|mapping).*end with an? ([\]}])/.exec(error.message);
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    // Usually a bracket meant as text: YAML reads a value starting "[" as a list, "{" as a set of fields.
    return `a value starting with "${open}" is never closed with "${close}"; add the "${close}", or put the whole value in double quotes if the bracket is part of the text`;
  }
  if (/implicit (?:map )?key|block sequence|indentation/i.test(error.message)) {
    // The parser's words ("implicit map key") mean nothing to an editor; these are the usual causes.
    return 'YAML syntax: this line does not fit the lines above it; check that it is indented like its neighbours, that list items start "- " and that each field has a colon after its name';
  }
  return `YAML syntax: ${error.message}`;
}

/** The message for a file that does not exist but must, listing what it needs. */
export function missingFileMessage(schema: z.ZodType): string {
  const required = requiredKeys(schema, []);
  return required.length ? `this file is missing; create it with the fields ${listInWords(required)}` : 'this file is missing';
}

/** Turns one zod issue about a field that is present into diagnostics that name it and say what to write. */
function issueDiagnostics(
  issue: z.core.$ZodIssue,
  located: LocatedYaml,
  file: string,
  schema: z.ZodType,
  wording: IssueWording = {},
): Diagnostic[] {
  const entryDepth = wording.entryDepth ?? 0;
  const at = (path: readonly PropertyKey[], message: string, target?: 'key'): Diagnostic => ({ file, ...located.locate(path, target), message });
  const fieldPath = issue.path.slice(entryDepth);
  const name = fieldName(fieldPath);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, issue.path);
    return issue.keys.map((key) => at([...issue.path, key], unknownFieldMessage(fieldName([...fieldPath, key]), allowed, key), 'key'));
  }
  const value = valueAt(located.value, issue.path);
  if (issue.path.length === entryDepth && issue.code === 'invalid_type' && issue.expected === 'object') {
    return [at(issue.path, `the fields must be written one per line as "name: value", but YAML reads this as ${describe(value)}`)];
  }
  return [at(issue.path, problemMessage(issue, name, value, issue.path.at(-1)))];
}

/** What is wrong with a value that is present, and how to write it. */
function problemMessage(issue: z.core.$ZodIssue, name: string, value: unknown, lastStep: PropertyKey | undefined): string {
  const key = typeof lastStep === 'string' ? lastStep : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(name, issue.expected, value, key);
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (value === null) return `${name} is empty; write one of: ${allowed.join(', ')}`;
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const written = typeof value === 'string' ? JSON.stringify(value) : describe(value);
      const fix = suggestion ? `did you mean "${suggestion}"? The allowed values are` : 'write one of';
      return `${name} is ${written}, which is not allowed; ${fix}: ${allowed.join(', ')}`;
    }
    case 'too_small':
      return sizeMessage(name, issue.origin, value, 'small', Number(issue.minimum), issue.inclusive ?? true);
    case 'too_big':
      return sizeMessage(name, issue.origin, value, 'big', Number(issue.maximum), issue.inclusive ?? true);
    default:
      return `${name}: ${issue.message}`;
  }
}

/** A value of the wrong kind: say what YAML made of it and how to write the kind wanted. */
function typeMessage(name: string, expected: string, value: unknown, key: string | undefined): string {
  const example = key ?? 'the field';
  const readsAs = `YAML reads it as ${describe(value)}`;
  switch (expected) {
    case 'string':
      if (value === null) return `${name} is empty; write its text after the colon`;
      if (typeof value === 'number' || typeof value === 'boolean') return `${name} must be text, but ${readsAs}; put the value in double quotes`;
      return `${name} must be a single piece of text, but ${readsAs}; write the text on the same line, after the colon`;
    case 'number':
    case 'int':
      if (value === null) return `${name} is empty; write a number after the colon, e.g. ${example}: 2`;
      if (typeof value === 'number') {
        return expected === 'int' ? `${name} must be a whole number (1, 2, 3 …), not ${value}` : `${name} must be an ordinary number, not ${value}`;
      }
      if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) {
        return `${name} must be a number, but it is in quotes, which makes it text; remove the quotes: ${example}: ${value.trim()}`;
      }
      return `${name} must be a number, but ${readsAs}; write digits without quotes, e.g. ${example}: 2`;
    case 'array':
      if (value === null) return `${name} is empty; write each item on its own line below it, starting "- ", or write [] for none`;
      return `${name} must be a list, but ${readsAs}; write each item on its own line below it, starting "- "`;
    case 'object':
      if (value === null) return `${name} is empty; write its fields on the lines below it, indented by two spaces`;
      return `${name} must be a set of fields on the lines below it, indented by two spaces, but ${readsAs}`;
    case 'boolean':
      return `${name} must be true or false, but ${readsAs}`;
    default:
      return `${name} has the wrong kind of value: expected ${expected}, but ${readsAs}`;
  }
}

/** Too short, too few or out of range, in the words that fit the kind of value. */
function sizeMessage(name: string, origin: string, value: unknown, direction: 'small' | 'big', limit: number, inclusive: boolean): string {
  if (origin === 'string') {
    if (direction === 'small' && limit <= 1) return `${name} is empty; write its text after the colon`;
    return `${name} must be ${direction === 'small' ? 'at least' : 'at most'} ${limit} characters long`;
  }
  if (origin === 'array') {
    const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
    const count = Array.isArray(value) ? `; it has ${items(value.length)}` : '';
    return `${name} needs ${direction === 'small' ? 'at least' : 'at most'} ${items(limit)}${count}`;
  }
  const bound = direction === 'small' ? (inclusive ? `${limit} or more` : `more than ${limit}`) : inclusive ? `${limit} or less` : `less than ${limit}`;
  return `${name} must be ${bound}${typeof value === 'number' ? `, not ${value}` : ''}`;
}

/** `unknown field "x"`, with the likely intended name, or the names allowed when none is close. */
function unknownFieldMessage(name: string, allowed: readonly string[], key: string): string {
  const suggestion = closest(key, allowed);
  if (suggestion) return `unknown field ${name}; did you mean "${suggestion}"?`;
  return `unknown field ${name}${allowed.length ? `; allowed fields are: ${allowed.join(', ')}` : ''}`;
}

/**
 * Names a field the way an editor reads the file, counting list items from 1:
 * `"summary"`, `"code" in area`, `item 2 of "measures"`, `"date" in progress item 1`.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (last === undefined) return 'the file';
  const parent = path.slice(0, -1);
  if (typeof last === 'number') return parent.length ? `item ${last + 1} of "${plainPath(parent)}"` : `item ${last + 1}`;
  return parent.length ? `"${String(last)}" in ${plainPath(parent)}` : `"${String(last)}"`;
}

function plainPath(path: readonly PropertyKey[]): string {
  return path.map((step) => (typeof step === 'number' ? `item ${step + 1}` : String(step))).join(' ');
}

/** Says what YAML made of a value, in words; the number 3.0 prints as 3, so numbers are not echoed. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'a set of fields';
  return `the text ${JSON.stringify(value)}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** zod does not echo the input of every issue, so read the offending value from the parsed YAML. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[step];
  return value;
}

type ObjectDef = { type?: string; shape?: Record<string, z.ZodType>; element?: unknown };

/** The object schema found by following `path` through objects and arrays, if there is one. */
function objectAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): ObjectDef | undefined {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const def = (node as { def?: ObjectDef })?.def;
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') node = def.element;
    else return undefined;
  }
  const def = (unwrap(node) as { def?: ObjectDef })?.def;
  return def?.type === 'object' ? def : undefined;
}

/** Field names the schema allows at `path`, for "did you mean" hints. */
function allowedKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  return Object.keys(objectAt(schema, path)?.shape ?? {});
}

/** Fields without a default that must be written at `path`, in schema order. */
function requiredKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  return Object.entries(objectAt(schema, path)?.shape ?? {})
    .filter(([, field]) => !field.isOptional())
    .map(([key]) => key);
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && ['optional', 'default', 'nullable', 'prefault'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
