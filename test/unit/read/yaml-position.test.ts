/** The YAML path-to-position helper shared by releases.yaml and content frontmatter. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLocatedYaml } from '../../../src/lib/read/yaml-position.ts';

const TEXT = ['- vintage: 2025-07-24', '  publisher:', '  tags:', '    - first', '    - second', ''].join('\n');

describe('parseLocatedYaml', () => {
  const yaml = parseLocatedYaml(TEXT);

  test('gives the plain value', () => {
    assert.deepEqual(yaml.value, [{ vintage: '2025-07-24', publisher: null, tags: ['first', 'second'] }]);
  });

  test('locates values, keys and list items', () => {
    assert.deepEqual(yaml.locate([0, 'vintage']), { line: 1, column: 12 });
    assert.deepEqual(yaml.locate([0, 'vintage'], 'key'), { line: 1, column: 3 });
    assert.deepEqual(yaml.locate([0, 'tags', 1]), { line: 5, column: 7 });
  });

  test('an empty value points just after its key', () => {
    assert.deepEqual(yaml.locateDetailed([0, 'publisher']), { line: 2, column: 13, found: true });
  });

  test('an absent path falls back to its deepest existing part and says so', () => {
    assert.deepEqual(yaml.locateDetailed([0, 'dataset']), { line: 1, column: 3, found: false });
    assert.deepEqual(yaml.locateDetailed([3, 'url']), { line: 1, column: 1, found: false });
  });

  test('shifts lines by the frontmatter offset', () => {
    const shifted = parseLocatedYaml(TEXT, 1);
    assert.deepEqual(shifted.locate([0, 'tags', 0]), { line: 5, column: 7 });
  });

  test('reports syntax errors with positions and no value', () => {
    const broken = parseLocatedYaml('title: ok\ntitle: again\n', 1);
    assert.equal(broken.value, undefined);
    assert.deepEqual(broken.errors, [{ line: 3, column: 1, message: 'Map keys must be unique' }]);
  });

  test('an empty text has no value and no errors', () => {
    const empty = parseLocatedYaml('');
    assert.deepEqual([empty.value, empty.errors, empty.locate(['x'])], [undefined, [], { line: 1, column: 1 }]);
  });
});
