/** The search page's URL (shareable searches) and Pagefind excerpts turned into safe text parts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeEntities, excerptParts } from '../../../src/lib/search/excerpt.ts';
import { MAX_QUERY_LENGTH, readSearchState, writeSearchState } from '../../../src/lib/search/url-state.ts';

describe('search state in the URL', () => {
  test('reads the query and repeated filters, ignoring unknown parameters', () => {
    const state = readSearchState(new URLSearchParams('q=++knife++crime+&kind=measure&kind=priority&plan=2024-27+strategy&utm=x&theme='));
    assert.equal(state.query, 'knife crime');
    assert.deepEqual([...state.selection].map(([name, keys]) => [name, [...keys]]), [
      ['kind', ['measure', 'priority']],
      ['plan', ['2024-27 strategy']],
    ]);
  });

  test('writes a stable query string that reads back the same', () => {
    const selection = new Map([['plan', new Set(['2015-20 plan'])], ['kind', new Set(['priority', 'measure'])]]);
    const text = writeSearchState({ query: 'anti-social behaviour', selection });
    assert.equal(text, '?q=anti-social+behaviour&kind=measure&kind=priority&plan=2015-20+plan');
    const back = readSearchState(new URLSearchParams(text));
    assert.equal(back.query, 'anti-social behaviour');
    assert.deepEqual([...back.selection.get('kind')!], ['measure', 'priority']);
  });

  test('an empty state writes nothing, and very long queries are cut short', () => {
    assert.equal(writeSearchState({ query: '', selection: new Map() }), '');
    assert.equal(readSearchState(new URLSearchParams({ q: 'x'.repeat(5000) })).query.length, MAX_QUERY_LENGTH);
  });
});

describe('excerptParts', () => {
  test('splits marked words from plain text and decodes the escaped characters', () => {
    assert.deepEqual(excerptParts('The <mark>knife</mark> crime &amp; <mark>knives</mark>&#39; data &lt;b&gt;'), [
      { text: 'The ', marked: false },
      { text: 'knife', marked: true },
      { text: ' crime & ', marked: false },
      { text: 'knives', marked: true },
      { text: "' data <b>", marked: false },
    ]);
  });

  test('drops any other markup rather than interpreting it', () => {
    assert.deepEqual(excerptParts('a <img src=x onerror=alert(1)>b'), [{ text: 'a b', marked: false }]);
  });

  test('joins adjacent runs and skips empty ones', () => {
    assert.deepEqual(excerptParts('<mark>anti</mark><mark>social</mark>'), [{ text: 'antisocial', marked: true }]);
    assert.deepEqual(excerptParts(''), []);
  });

  test('decodes numeric references and leaves unknown ones alone', () => {
    assert.equal(decodeEntities('&#x27;&#8217;&quot;&nbsp;&bogus;&#0;'), '\'’"\u00a0&bogus;&#0;');
  });
});
