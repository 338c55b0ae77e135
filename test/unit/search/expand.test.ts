/** Query expansion from the curated word list: which queries one search runs, and how they rank. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  alsoSearchedFor,
  countSearchWords,
  expandQuery,
  isAbbreviation,
  MAX_VARIANTS,
  normaliseForMatching,
  queryParts,
  type TermGroup,
} from '../../../src/lib/search/expand.ts';

const GROUPS: TermGroup[] = [
  { terms: ['ASB', 'anti-social behaviour', 'anti social behaviour'] },
  { terms: ['DA', 'domestic abuse'] },
  { terms: ['DSVA', 'DVSA', 'domestic & sexual violence & abuse'] },
  { terms: ['MARAC', 'multi-agency risk assessment conference'] },
  { terms: ['knife', 'knives', 'sharp object'] },
  { terms: ['drugs', 'drug', 'substance use'] },
];

/** Just the query texts, for compact assertions. */
const queries = (query: string, groups = GROUPS) => expandQuery(query, groups).map((v) => v.query);

describe('normaliseForMatching', () => {
  test('ignores case, hyphens, apostrophes and spacing, and reads & as "and"', () => {
    assert.equal(normaliseForMatching('  Anti-Social   Behaviour '), 'antisocial behaviour');
    assert.equal(normaliseForMatching('antisocial behaviour'), 'antisocial behaviour');
    assert.equal(normaliseForMatching('Domestic & Sexual Violence'), 'domestic and sexual violence');
    assert.equal(normaliseForMatching('women’s aid'), 'womens aid');
  });
});

describe('isAbbreviation', () => {
  test('is true for terms written in capitals only', () => {
    assert.equal(isAbbreviation('ASB'), true);
    assert.equal(isAbbreviation('MARAC'), true);
    assert.equal(isAbbreviation('Prevent'), false);
    assert.equal(isAbbreviation('knife'), false);
    assert.equal(isAbbreviation('A'), false);
    assert.equal(isAbbreviation('2024'), false);
  });
});

describe('countSearchWords', () => {
  test('counts words as Pagefind does: hyphenated words are one, punctuation is dropped', () => {
    assert.equal(countSearchWords('anti-social behaviour'), 2);
    assert.equal(countSearchWords('domestic & sexual violence & abuse'), 4);
    assert.equal(countSearchWords('"MARAC"'), 1);
    assert.equal(countSearchWords('&'), 1);
  });
});

describe('expandQuery', () => {
  test('an abbreviation also searches its full terms, ranked alongside it', () => {
    const variants = expandQuery('ASB', GROUPS);
    assert.deepEqual(variants, [
      { query: 'ASB', exact: true, tier: 0, words: 1, substituted: [], planTerm: false },
      { query: 'anti-social behaviour', exact: false, tier: 0, words: 2, substituted: ['anti-social behaviour'], planTerm: false },
    ]);
  });

  test('"anti social" and "anti-social" run once: they find the same pages', () => {
    assert.deepEqual(queries('asb'), ['asb', 'anti-social behaviour']);
  });

  test('a full term also searches its abbreviation, as a whole word', () => {
    const variants = expandQuery('Domestic Abuse', GROUPS);
    assert.deepEqual(
      variants.map((v) => [v.query, v.exact, v.tier]),
      [
        ['Domestic Abuse', false, 0],
        ['DA', true, 0],
      ],
    );
  });

  test('matching ignores case, hyphens and "&" against "and"', () => {
    assert.deepEqual(queries('Anti-Social Behaviour'), ['Anti-Social Behaviour', 'ASB']);
    assert.deepEqual(queries('domestic and sexual violence and abuse'), ['domestic and sexual violence and abuse', 'DSVA', 'DVSA']);
  });

  test('related everyday words rank after the typed words (tier 1)', () => {
    const variants = expandQuery('knife', GROUPS);
    assert.deepEqual(
      variants.map((v) => [v.query, v.tier, v.exact]),
      [
        ['knife', 0, false],
        ['knives', 1, false],
        ['sharp object', 1, false],
      ],
    );
  });

  test('terms inside a longer query are swapped in place, other words kept as typed', () => {
    assert.deepEqual(queries('knife crime Nottingham'), [
      'knife crime Nottingham',
      'knives crime Nottingham',
      'sharp object crime Nottingham',
    ]);
    assert.deepEqual(queries('MARAC referrals'), ['MARAC referrals', 'multi-agency risk assessment conference referrals']);
  });

  test('an abbreviation inside a longer query is not exact: Pagefind cannot quote part of a query', () => {
    assert.equal(expandQuery('DA victims', GROUPS).every((v) => !v.exact), true);
  });

  test('the longest listed term wins over a shorter one inside it', () => {
    const groups: TermGroup[] = [{ terms: ['violence', 'harm'] }, { terms: ['sexual violence', 'SV'] }];
    assert.deepEqual(queries('sexual violence', groups), ['sexual violence', 'SV']);
  });

  test('two terms in one query combine, typed query first, single swaps before double ones', () => {
    const variants = queries('ASB drugs');
    assert.equal(variants[0], 'ASB drugs');
    assert.deepEqual(variants.slice(1, 4), ['ASB drug', 'ASB substance use', 'anti-social behaviour drugs']);
    assert.ok(variants.length <= MAX_VARIANTS);
  });

  test('never runs more than the cap', () => {
    assert.equal(expandQuery('ASB DA knife drugs MARAC', GROUPS).length, MAX_VARIANTS);
    assert.equal(expandQuery('ASB DA knife', GROUPS, 3).length, 3);
  });

  test('a query in double quotes is an exact phrase and is not expanded', () => {
    assert.deepEqual(expandQuery('"domestic abuse"', GROUPS), [{ query: '"domestic abuse"', exact: false, tier: 0, words: 2, substituted: [], planTerm: false }]);
  });

  test('words not in the list are searched as typed, once', () => {
    assert.deepEqual(expandQuery('burglary', GROUPS), [{ query: 'burglary', exact: false, tier: 0, words: 1, substituted: [], planTerm: false }]);
    assert.deepEqual(queries('database'), ['database']); // "DA" is a whole word, never a prefix
  });

  test('an empty query runs nothing', () => {
    assert.deepEqual(expandQuery('   ', GROUPS), []);
  });

  test('with no list, only the typed query runs', () => {
    assert.deepEqual(queries('ASB', []), ['ASB']);
  });
});

describe('alsoSearchedFor', () => {
  test('names each other wording once, for the line under the results', () => {
    assert.deepEqual(alsoSearchedFor(expandQuery('knife', GROUPS)), ['knives', 'sharp object']);
    assert.deepEqual(alsoSearchedFor(expandQuery('ASB', GROUPS)), ['anti-social behaviour']);
    assert.deepEqual(alsoSearchedFor(expandQuery('burglary', GROUPS)), []);
  });
});

describe('common words and everyday words', () => {
  const EVERYDAY: TermGroup[] = [
    ...GROUPS,
    { terms: ['stabbing', 'stabbings', 'knife attack', 'a', 'b', 'c', 'd', 'e', 'f'], planTerms: ['serious violence', 'knife crime'] },
  ];

  test('leaves out common words, so "burglary in my area" needs no page to say "my"', () => {
    assert.deepEqual(queries('burglary in my area'), ['burglary area']);
    assert.deepEqual(queryParts('burglary in my area', GROUPS), { parts: ['burglary', 'area'], leftOut: ['in', 'my'] });
  });

  test('keeps a listed term whole, common words and all, and keeps a query of only common words', () => {
    assert.deepEqual(queryParts('what is anti social behaviour', GROUPS), { parts: ['anti social behaviour'], leftOut: ['what', 'is'] });
    assert.deepEqual(queries('who are we'), ['who are we']);
    assert.deepEqual(queryParts('"in my area"', GROUPS), { parts: ['"in my area"'], leftOut: [] });
  });

  test("an everyday word also searches the plans' terms first, ranked as if typed (tier 0), and its other everyday words after them (tier 1)", () => {
    const variants = expandQuery('stabbings', EVERYDAY);
    assert.deepEqual(variants.slice(0, 3).map((v) => v.query), ['stabbings', 'serious violence', 'knife crime']);
    // The typed word and the plans' terms rank together; the group's other everyday words after them.
    assert.deepEqual(variants.slice(0, 4).map((v) => v.tier), [0, 0, 0, 1]);
    assert.ok(variants.slice(3).every((v) => v.tier === 1));
    // Only the plans' own terms are marked, so each one's best page can rank level with the others'.
    assert.deepEqual(variants.slice(0, 4).map((v) => v.planTerm), [false, true, true, false]);
    assert.equal(variants.length, MAX_VARIANTS);
  });
});
