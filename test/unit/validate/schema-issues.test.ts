/**
 * How schema problems and YAML syntax errors are worded: each message names the field as the
 * editor sees it (list items counted from 1), says what YAML made of the value, and says what to
 * write. Content files, site.yaml and releases.yaml share this wording.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { parseLocatedYaml } from '../../../src/lib/read/yaml-position.ts';
import { actionSchema } from '../../../src/lib/schemas/action.ts';
import { siteSchema } from '../../../src/lib/schemas/site.ts';
import { releasesFileSchema } from '../../../src/lib/schemas/release.ts';
import { formatDiagnostic } from '../../../src/lib/format/diagnostics.ts';
import { fieldName, issuesToDiagnostics, missingFileMessage, validateWithSchema, type IssueWording } from '../../../src/lib/validate/schema-issues.ts';

/** A small schema with one field of each kind the content schemas use. */
const SAMPLE = z.strictObject({
  title: z.string().trim().min(1),
  order: z.number().int().positive(),
  status: z.enum(['draft', 'published']),
  tags: z.array(z.string()).min(1),
  period: z.strictObject({ start: z.number(), end: z.number() }),
  headline: z.boolean().default(false),
  note: z.string().optional(),
});

const VALID_SAMPLE = ['title: "A title"', 'order: 1', 'status: draft', 'tags: [a]', 'period: { start: 1, end: 2 }'];

/** The diagnostics for YAML `lines` as a file whose fields start on line 2, after its "---". */
function messages(lines: readonly string[], schema: z.ZodType = SAMPLE, wording: IssueWording = { subject: 'every sample' }): string[] {
  const located = parseLocatedYaml(lines.join('\n'), 1);
  const { data, diagnostics } = validateWithSchema(schema, located, 'content/sample.md', wording);
  if (diagnostics.length) assert.equal(data, undefined, 'refused input must not return data');
  return diagnostics.map(formatDiagnostic);
}

/** `lines` with the line starting `field:` replaced (or removed when `replacement` is undefined). */
function withField(field: string, replacement?: string): string[] {
  return VALID_SAMPLE.flatMap((line) => (line.startsWith(`${field}:`) ? (replacement === undefined ? [] : [replacement]) : [line]));
}

describe('validateWithSchema', () => {
  test('valid input returns the data and no diagnostics', () => {
    const located = parseLocatedYaml(VALID_SAMPLE.join('\n'), 1);
    const result = validateWithSchema(SAMPLE, located, 'content/sample.md');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.data?.headline, false);
  });

  test('wrong types say what YAML read and how to write the value', () => {
    assert.deepEqual(messages(withField('title', 'title: 3')), [
      'content/sample.md:2:8: "title" must be text, but YAML reads it as a number; put the value in double quotes',
    ]);
    assert.deepEqual(messages(withField('order', 'order: two')), [
      'content/sample.md:3:8: "order" must be a number, but YAML reads it as the text "two"; write digits without quotes, e.g. order: 2',
    ]);
    assert.deepEqual(messages(withField('order', 'order: "4"')), [
      'content/sample.md:3:8: "order" must be a number, but it is in quotes, which makes it text; remove the quotes: order: 4',
    ]);
    assert.deepEqual(messages(withField('order', 'order: 2.5')), ['content/sample.md:3:8: "order" must be a whole number (1, 2, 3 …), not 2.5']);
    assert.deepEqual(messages(withField('period', 'period: { start: .inf, end: 2 }')), [
      'content/sample.md:6:18: "start" in period must be an ordinary number, not Infinity',
    ]);
    assert.deepEqual(messages(withField('tags', 'tags: a')), [
      'content/sample.md:5:7: "tags" must be a list, but YAML reads it as the text "a"; write each item on its own line below it, starting "- "',
    ]);
    assert.deepEqual(messages(withField('period', 'period: 2024')), [
      'content/sample.md:6:9: "period" must be a set of fields on the lines below it, indented by two spaces, but YAML reads it as a number',
    ]);
    assert.deepEqual(messages([...VALID_SAMPLE, 'headline: yes']), [
      'content/sample.md:7:11: "headline" must be true or false, but YAML reads it as the text "yes"',
    ]);
    assert.deepEqual(messages([...VALID_SAMPLE, 'note: [a, b]']), [
      'content/sample.md:7:7: "note" must be a single piece of text, but YAML reads it as a list; write the text on the same line, after the colon',
    ]);
  });

  test('empty values are called empty, whatever their type', () => {
    assert.deepEqual(messages(withField('title', 'title:')), ['content/sample.md:2:7: "title" is empty; write its text after the colon']);
    assert.deepEqual(messages(withField('title', 'title: "   "')), ['content/sample.md:2:8: "title" is empty; write its text after the colon']);
    assert.deepEqual(messages(withField('order', 'order:')), ['content/sample.md:3:7: "order" is empty; write a number after the colon, e.g. order: 2']);
    assert.deepEqual(messages(withField('status', 'status:')), ['content/sample.md:4:8: "status" is empty; write one of: draft, published']);
  });

  test('a value outside a fixed list names the allowed values, and the likely one', () => {
    assert.deepEqual(messages(withField('status', 'status: publish')), [
      'content/sample.md:4:9: "status" is "publish", which is not allowed; did you mean "published"? The allowed values are: draft, published',
    ]);
    assert.deepEqual(messages(withField('status', 'status: live')), [
      'content/sample.md:4:9: "status" is "live", which is not allowed; write one of: draft, published',
    ]);
  });

  test('sizes and ranges are worded for numbers and lists', () => {
    assert.deepEqual(messages(withField('order', 'order: 0')), ['content/sample.md:3:8: "order" must be more than 0, not 0']);
    assert.deepEqual(messages(withField('tags', 'tags: []')), ['content/sample.md:5:7: "tags" needs at least 1 item; it has 0 items']);
  });

  test('missing fields are reported together, at their parent, with everything the parent needs', () => {
    assert.deepEqual(messages(withField('title')), ['content/sample.md:2:1: missing field "title"; every sample needs title, order, status, tags and period']);
    assert.deepEqual(messages([]), [
      'content/sample.md:2:1: missing fields "title", "order", "status", "tags" and "period"; every sample needs title, order, status, tags and period',
    ]);
    assert.deepEqual(messages(withField('period', 'period: { start: 1 }')), [
      'content/sample.md:6:9: missing field "end" in period; "period" needs start and end',
    ]);
  });

  test('unknown fields point at the key and suggest the nearest allowed name', () => {
    assert.deepEqual(messages([...VALID_SAMPLE, 'colour: red']), [
      'content/sample.md:7:1: unknown field "colour"; allowed fields are: title, order, status, tags, period, headline, note',
    ]);
    assert.deepEqual(messages(withField('period', 'period: { start: 1, end: 2, ned: 3 }')), [
      'content/sample.md:6:29: unknown field "ned" in period; did you mean "end"?',
    ]);
  });

  test('a misspelt required field is reported once, as the misspelling, not also as missing', () => {
    assert.deepEqual(messages(withField('status', 'staus: draft')), ['content/sample.md:4:1: unknown field "staus"; did you mean "status"?']);
  });

  test('list items are counted from 1, as an editor counts them', () => {
    const located = parseLocatedYaml(
      ['title: "t"', 'order: 1', 'theme: "w"', 'recommendation: "r"', 'progress:', '  - date: 2025-01-01', '    status: started', '    note: "n"'].join('\n'),
      1,
    );
    const { diagnostics } = validateWithSchema(actionSchema, located, 'content/actions/2024-27/a.md', { subject: 'every action' });
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'content/actions/2024-27/a.md:8:13: "status" in progress item 1 is "started", which is not allowed; write one of: not_reported, not_started, in_progress, completed, ongoing',
    ]);
  });

  test('fields that are not a set of fields at all', () => {
    assert.deepEqual(messages(['just a sentence']), [
      'content/sample.md:2:1: the fields must be written one per line as "name: value", but YAML reads this as the text "just a sentence"',
    ]);
  });
});

describe('YAML syntax errors', () => {
  test('a duplicated field names the field', () => {
    assert.deepEqual(messages([...VALID_SAMPLE, 'order: 2']), ['content/sample.md:7:1: "order" is written twice in the same place; keep one "order:" line and delete the other']);
  });

  test('an unclosed quote says which quote to add', () => {
    assert.deepEqual(messages(withField('title', 'title: "A title')), [
      'content/sample.md:2:8: a value opens with " but is never closed; add the closing " at the end of the value',
    ]);
  });

  test('an unclosed bracket says the value is read as a list', () => {
    assert.deepEqual(messages(withField('title', 'title: [draft')).slice(0, 1), [
      'content/sample.md:2:8: a value starting with "[" is never closed with "]"; add the "]", or put the whole value in double quotes if the bracket is part of the text',
    ]);
  });

  test('a mis-indented line is reported once, in words, without the parser jargon', () => {
    assert.deepEqual(messages(['tags:', '  - a', ' - b']), [
      'content/sample.md:4:1: YAML syntax: this line does not fit the lines above it; check that it is indented like its neighbours, that list items start "- " and that each field has a colon after its name',
    ]);
  });
});

describe('shared wording', () => {
  test('releases.yaml entries are named by field alone, their line already identifies the entry', () => {
    const located = parseLocatedYaml(['- vintage: 2025-07-24', '  publisher: 3'].join('\n'));
    const parsed = releasesFileSchema.safeParse(located.value);
    assert.equal(parsed.success, false);
    const lines = issuesToDiagnostics(parsed.error!.issues, located, 'data/measures/x/releases.yaml', releasesFileSchema, {
      subject: 'every release',
      entryDepth: 1,
    }).map(formatDiagnostic);
    assert.deepEqual(lines, [
      'data/measures/x/releases.yaml:2:14: "publisher" must be text, but YAML reads it as a number; put the value in double quotes',
      'data/measures/x/releases.yaml:1:3: missing fields "dataset", "url", "retrieved", "licence" and "changes"; every release needs vintage, publisher, dataset, url, retrieved, licence and changes',
    ]);
  });

  test('a missing file lists the fields it needs', () => {
    assert.equal(missingFileMessage(siteSchema), 'this file is missing; create it with the fields site_name, partnership, partnership_short, description, area and licence');
  });

  test('field names read as the editor sees them', () => {
    assert.equal(fieldName(['summary']), '"summary"');
    assert.equal(fieldName(['area', 'code']), '"code" in area');
    assert.equal(fieldName(['measures', 1]), 'item 2 of "measures"');
    assert.equal(fieldName(['derivation', 'terms', 0, 'measure']), '"measure" in derivation terms item 1');
  });
});
