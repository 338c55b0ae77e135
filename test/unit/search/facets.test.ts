/** Search filters: options from Pagefind's values, filtering (or within a filter, and across), and counts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFilters, buildFacets, facetCounts, filterValue, filterValues, hasSelection, passesFilters, type Membership } from '../../../src/lib/search/facets.ts';

describe('buildFacets', () => {
  const facets = buildFacets({
    agency: { 'Nottinghamshire Police': 16, 'Nottingham City Council': 14 },
    kind: { measure: 63, about: 4, plan: 2, priority: 13, action: 16 },
    plan: { '2015-20 plan': 18, '2024-27 strategy': 58 },
    theme: { 'Anti-Social Behaviour': 9, 'Anti-social behaviour': 1, Burglary: 1 },
    unknown: { x: 1 },
  });

  test('lists the known filters in a fixed order, ignoring others', () => {
    assert.deepEqual(facets.map((f) => f.name), ['kind', 'plan', 'theme', 'agency']);
  });

  test('names kinds for readers, in the order plan, priority, action, measure', () => {
    assert.deepEqual(facets[0]!.options.map((o) => [o.key, o.label]), [
      ['plan', 'Plan'],
      ['priority', 'Priority'],
      ['action', 'Action'],
      ['measure', 'Measure'],
      ['about', 'About this site'],
    ]);
  });

  test('puts the newest plan first', () => {
    assert.deepEqual(facets[1]!.options.map((o) => o.key), ['2024-27 strategy', '2015-20 plan']);
  });

  test('makes one option of values that differ only in case, keyed by the commoner spelling', () => {
    assert.deepEqual(facets[2]!.options, [
      { key: 'Anti-Social Behaviour', label: 'Anti-Social Behaviour', values: ['Anti-Social Behaviour', 'Anti-social behaviour'] },
      { key: 'Burglary', label: 'Burglary', values: ['Burglary'] },
    ]);
  });

  test('sorts other filters alphabetically and skips empty ones', () => {
    assert.deepEqual(facets[3]!.options.map((o) => o.key), ['Nottingham City Council', 'Nottinghamshire Police']);
    assert.deepEqual(buildFacets({ kind: {} }), []);
  });
});

describe('filtering and counting', () => {
  // Pages: m1 and m2 measures, p1 a priority, a1 an action; m1 and p1 in the 2024-27 strategy, m2 in 2015-20.
  const membership: Membership = new Map([
    ['kind', new Map([['measure', new Set(['m1', 'm2'])], ['priority', new Set(['p1'])], ['action', new Set(['a1'])]])],
    ['plan', new Map([['2024-27 strategy', new Set(['m1', 'p1', 'a1'])], ['2015-20 plan', new Set(['m2'])]])],
  ]);
  const results = [{ id: 'm1' }, { id: 'p1' }, { id: 'm2' }, { id: 'a1' }];
  const select = (entries: [string, string[]][]) => new Map(entries.map(([name, keys]) => [name, new Set(keys)]));

  test('with nothing chosen every result passes', () => {
    assert.deepEqual(applyFilters(results, new Map(), membership), results);
    assert.equal(hasSelection(new Map()), false);
    assert.equal(hasSelection(select([['kind', []]])), false);
  });

  test('options of one filter are alternatives; different filters narrow each other', () => {
    assert.deepEqual(applyFilters(results, select([['kind', ['measure', 'priority']]]), membership).map((r) => r.id), ['m1', 'p1', 'm2']);
    assert.deepEqual(
      applyFilters(results, select([['kind', ['measure']], ['plan', ['2024-27 strategy']]]), membership).map((r) => r.id),
      ['m1'],
    );
  });

  test('a choice no page has filters everything out', () => {
    assert.equal(passesFilters('m1', select([['plan', ['2030-33 plan']]]), membership), false);
  });

  test('counts each option against the other filters\' choices, so alternatives keep their counts', () => {
    const counts = facetCounts(results, select([['kind', ['measure']]]), membership);
    assert.deepEqual(Object.fromEntries(counts.get('kind')!), { measure: 2, priority: 1, action: 1 });
    assert.deepEqual(Object.fromEntries(counts.get('plan')!), { '2024-27 strategy': 1, '2015-20 plan': 1 });
  });

  test('counts only the results of the search', () => {
    const counts = facetCounts([{ id: 'm2' }], new Map(), membership);
    assert.deepEqual(Object.fromEntries(counts.get('kind')!), { measure: 1, priority: 0, action: 0 });
  });
});

describe('filterValue', () => {
  const naming = {
    theme: { names: { 'Anti-Social Behaviour': ['ASB'] }, leaveOut: [] },
    agency: { names: { 'Testshire Constabulary': ['Police', 'Testshire Constabulary via police.uk'] }, leaveOut: ['Not stated in the plan'] },
  };

  test('gives the listed name for another spelling, whatever its case, hyphens or "&"', () => {
    assert.equal(filterValue('theme', 'Anti-social behaviour', naming), 'Anti-Social Behaviour');
    assert.equal(filterValue('theme', 'anti social  behaviour', naming), 'Anti-Social Behaviour');
    assert.equal(filterValue('agency', 'police', naming), 'Testshire Constabulary');
    assert.equal(filterValue('agency', 'Testshire Constabulary via police.uk', naming), 'Testshire Constabulary');
  });

  test("drops a data publisher's dataset in brackets, and the site it was read through, from an agency, not from a theme", () => {
    assert.equal(filterValue('agency', 'Office for National Statistics (police recorded crime)', naming), 'Office for National Statistics');
    assert.equal(filterValue('agency', 'Police (recorded incidents)', naming), 'Testshire Constabulary');
    assert.equal(filterValue('theme', 'Violence (other)', naming), 'Violence (other)');
    assert.equal(filterValue('agency', 'Youth Board (Youth Statistics), via the Interactive Tool', naming), 'Youth Board');
    assert.equal(filterValue('agency', 'Testshire Health (Treatment System)', naming), 'Testshire Health');
    assert.equal(filterValue('agency', 'Riverford Police via police.uk', naming), 'Riverford Police');
  });

  test('leaves out values that name no agency, and keeps unlisted names as written', () => {
    assert.equal(filterValue('agency', 'Not Stated in the Plan', naming), null);
    assert.equal(filterValue('agency', '  ', naming), null);
    assert.equal(filterValue('agency', 'Probation Service', naming), 'Probation Service');
    assert.equal(filterValue('plan', '2020-23 plan', naming), '2020-23 plan');
  });

  test('filterValues names each once', () => {
    assert.deepEqual(filterValues('agency', ['Police', 'Testshire Constabulary', 'Not stated in the plan', 'Probation Service'], naming), ['Testshire Constabulary', 'Probation Service']);
  });
});
