/**
 * Golden-folder tests for content validation. Each folder under test/fixtures/invalid/content/ is
 * a whole project root (test/fixtures/valid/minimal/ with one thing broken); expected.txt holds the
 * exact `path:line:column: message` lines the pipeline must report, and nothing may be published.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { formatDiagnostic } from '../../../src/lib/format/diagnostics.ts';
import { caseNames, expectedLines, INVALID_CONTENT, MINIMAL_ROOT, TODAY } from '../../support/fixture-roots.ts';

describe('the minimal project root', () => {
  test('is valid and holds exactly what the broken cases are built from', () => {
    const { model, diagnostics } = loadSite({ root: MINIMAL_ROOT, today: TODAY });
    assert.deepEqual(diagnostics.map(formatDiagnostic), []);
    assert.ok(model);
    assert.equal(model.site.area.code, 'E06999999');
    assert.deepEqual(model.plans.map((p) => p.id), ['2024-27']);
    assert.deepEqual(model.priorities.map((p) => p.id), ['2024-27/safer-widgets']);
    assert.deepEqual(model.actions.map((a) => a.id), ['2024-27/count-the-widgets']);
    assert.deepEqual(
      model.measures.map((m) => [m.id, m.vintages.map((v) => v.date)]),
      [
        ['lamp-post-complaints', []],
        ['widget-thefts', ['2025-07-24']],
      ],
    );
  });
});

describe('invalid content is refused with exactly the expected diagnostics', () => {
  const names = caseNames(INVALID_CONTENT);

  test('there are cases to run', () => {
    // A moved fixture folder would otherwise make this suite pass by running nothing.
    assert.ok(names.length >= 40, `only ${names.length} cases found in ${INVALID_CONTENT}`);
  });

  for (const name of names) {
    test(name, () => {
      const root = join(INVALID_CONTENT, name);
      const { model, diagnostics } = loadSite({ root, today: TODAY });
      assert.deepEqual(diagnostics.map(formatDiagnostic), expectedLines(root));
      assert.equal(model, undefined, 'a site with problems must not produce a model to publish');
    });
  }
});

describe('diagnostics are written for editors', () => {
  const lines = caseNames(INVALID_CONTENT).flatMap((name) => expectedLines(join(INVALID_CONTENT, name)));

  test('every line is path:line:column: message with a project-relative path', () => {
    for (const line of lines) assert.match(line, /^(?:content|data)\/[^:\s]+:\d+:\d+: \S/, line);
  });

  test('no line speaks zod or parser jargon', () => {
    // The raw wording these replaced: "expected string, found number 3", "Invalid input", "Map keys must be unique".
    for (const line of lines) {
      assert.doesNotMatch(line, /Invalid input|expected (?:string|number|int|array|object|boolean)\b|received|found (?:string|number)|Map keys|implicit|\[\d+\]/, line);
    }
  });
});
