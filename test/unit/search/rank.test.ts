/** Merging the results of a search's variants, and ordering near-ties by how well titles fit. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mergeResults, rankByPartsHeld, rerankByTitle, titleCoverage } from '../../../src/lib/search/rank.ts';

describe('mergeResults', () => {
  test('lists each page once, at its best score per searched word', () => {
    const merged = mergeResults([
      { tier: 0, words: 1, results: [{ id: 'asb-measure', score: 18 }, { id: 'priority', score: 6 }] },
      { tier: 0, words: 2, results: [{ id: 'priority', score: 40 }, { id: 'asb-measure', score: 10 }] },
    ]);
    assert.deepEqual(merged, [
      { id: 'priority', tier: 0, score: 20 },
      { id: 'asb-measure', tier: 0, score: 18 },
    ]);
  });

  test('keeps the first-found order between equal scores', () => {
    const merged = mergeResults([{ tier: 0, words: 1, results: [{ id: 'a', score: 5 }, { id: 'b', score: 5 }] }]);
    assert.deepEqual(merged.map((r) => r.id), ['a', 'b']);
  });

  test('pages found only through a related word come after every page with the typed words', () => {
    const merged = mergeResults([
      { tier: 0, words: 1, results: [{ id: 'knife-crime', score: 18 }, { id: 'weapons', score: 2 }] },
      { tier: 1, words: 2, results: [{ id: 'hospital', score: 50 }, { id: 'weapons', score: 40 }] },
    ]);
    assert.deepEqual(merged, [
      { id: 'knife-crime', tier: 0, score: 18 },
      { id: 'weapons', tier: 0, score: 2 },
      { id: 'hospital', tier: 1, score: 25 },
    ]);
  });

  test("each plan term an everyday word stands for has its best page level with the others' best", () => {
    // "stabbings" searches "serious violence" (few pages, high scores) and "knife crime" (many pages).
    const variants = [
      { tier: 0 as const, words: 2, planTerm: true, results: [{ id: 'sv-priority', score: 40 }, { id: 'sv-measure', score: 36 }, { id: 'sv-action', score: 30 }] },
      { tier: 0 as const, words: 2, planTerm: true, results: [{ id: 'knife-crime', score: 20 }, { id: 'knife-rate', score: 10 }] },
    ];
    const merged = mergeResults(variants);
    assert.deepEqual(merged.map((r) => r.id).slice(0, 2), ['sv-priority', 'knife-crime']);
    assert.deepEqual(merged.map((r) => r.score), [20, 20, 18, 15, 10]);
    // Unmarked, the rarer term's second and third pages would come first.
    assert.deepEqual(mergeResults(variants.map(({ planTerm: _, ...v }) => v)).map((r) => r.id).slice(0, 3), ['sv-priority', 'sv-measure', 'sv-action']);
  });

  test('no variants, no results', () => {
    assert.deepEqual(mergeResults([]), []);
  });
});

describe('titleCoverage', () => {
  test('is the share of a title\'s words that were searched for', () => {
    assert.equal(titleCoverage('Knife Crime', ['knife']), 0.5);
    assert.equal(titleCoverage('Knife crime: rate per 100,000 people', ['knife']), 1 / 4);
    assert.equal(titleCoverage('Anti-Social Behaviour', ['ASB', 'anti-social', 'behaviour']), 1);
    assert.equal(titleCoverage('Burglary', ['knife']), 0);
    assert.equal(titleCoverage('', ['knife']), 0);
  });

  test('matches word forms by their start, as a rough stemmer', () => {
    assert.equal(titleCoverage('Knives', ['knive']), 1);
    assert.equal(titleCoverage('Drug offences', ['drugs']), 0.5);
  });
});

describe('rerankByTitle', () => {
  test('puts the page whose title is most nearly the search first among near-equal scores', () => {
    const ranked = rerankByTitle(
      [
        { id: 'percentage', tier: 0, score: 19.08, title: 'Knife crime: percentage of selected serious offences involving a knife' },
        { id: 'knife-crime', tier: 0, score: 18.66, title: 'Knife Crime' },
        { id: 'rate', tier: 0, score: 18.63, title: 'Knife crime: rate per 100,000 people' },
      ],
      ['knife'],
    );
    assert.deepEqual(ranked.map((r) => r.id), ['knife-crime', 'percentage', 'rate']);
  });

  test('never overturns a clear lead, nor the tiers', () => {
    const ranked = rerankByTitle(
      [
        { id: 'strong', tier: 0, score: 20, title: 'A long title that happens to mention knives once' },
        { id: 'weak', tier: 0, score: 10, title: 'Knife' },
        { id: 'related', tier: 1, score: 50, title: 'Knife' },
      ],
      ['knife'],
    );
    assert.deepEqual(ranked.map((r) => r.id), ['strong', 'weak', 'related']);
  });
});

describe('rankByPartsHeld', () => {
  test('puts pages holding more of the parts first, then by tier and the scores added up', () => {
    const ranked = rankByPartsHeld([
      { part: 'burglary', results: [{ id: 'burglary-measure', tier: 0, score: 9 }, { id: 'plan', tier: 0, score: 2 }] },
      { part: 'stabbings', results: [{ id: 'knife-measure', tier: 0, score: 8 }, { id: 'plan', tier: 1, score: 1 }, { id: 'related', tier: 1, score: 20 }] },
    ]);
    assert.deepEqual(ranked, [
      { id: 'plan', held: 2, tier: 0, score: 3 },
      { id: 'burglary-measure', held: 1, tier: 0, score: 9 },
      { id: 'knife-measure', held: 1, tier: 0, score: 8 },
      { id: 'related', held: 1, tier: 1, score: 20 },
    ]);
  });
});
