/** Words the pages build from coded values and editors' text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asSentence } from '../../../src/lib/format/labels.ts';

test('asSentence ends text with one full stop, never two', () => {
  assert.equal(asSentence('Synthetic monthly table, release 3'), 'Synthetic monthly table, release 3.');
  assert.equal(asSentence('Computed by this site from the published inputs.'), 'Computed by this site from the published inputs.');
  assert.equal(asSentence('Is it final?'), 'Is it final?');
  assert.equal(asSentence('It says “Reduce Crime.”'), 'It says “Reduce Crime.”');
  assert.equal(asSentence('Table P6 (2024)'), 'Table P6 (2024).');
  assert.equal(asSentence('trailing space. '), 'trailing space.');
});
