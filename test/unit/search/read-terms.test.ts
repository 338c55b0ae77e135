/** The search word list: its schema, the problems editors see (file:line:column), and the list itself. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { expandQuery } from '../../../src/lib/search/expand.ts';
import { loadSearchTerms, parseSearchTerms, readSearchTerms, unknownQuestionMeasures } from '../../../src/lib/search/read-terms.ts';
import { questionAsked } from '../../../src/lib/search/questions.ts';
import { searchTermsSchema } from '../../../src/lib/schemas/search-terms.ts';

const root = new URL('../../..', import.meta.url).pathname;

/** The messages of a file's problems as "line:column: message". */
function problems(text: string): string[] {
  return parseSearchTerms(text).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

describe('content/search-terms.yaml', () => {
  const { groups, diagnostics } = readSearchTerms(root);
  const groupOf = (term: string) => groups.find((g) => g.terms.includes(term))?.terms ?? [];

  test('is valid', () => {
    assert.deepEqual(diagnostics, []);
  });

  test('maps the abbreviations and everyday words people use to the plans\' terms', () => {
    assert.ok(groupOf('ASB').includes('anti-social behaviour'));
    assert.ok(groupOf('DA').includes('domestic abuse'));
    assert.ok(groupOf('DSVA').includes('domestic & sexual violence & abuse'));
    assert.ok(groupOf('VAWG').includes('violence against women and girls'));
    assert.ok(groupOf('MARAC').includes('multi-agency risk assessment conference'));
    assert.ok(groupOf('NTE').includes('night-time economy'));
    assert.ok(groupOf('knife').includes('sharp object'));
    assert.ok(groupOf('drugs').includes('substance use'));
    assert.ok(groupOf('Prevent').includes('radicalisation'));
  });

  test('names the search filters\' agencies and themes one way each', () => {
    const { filterNames } = readSearchTerms(root);
    assert.ok(filterNames.agency.names['Nottinghamshire Police']?.includes('Police'));
    assert.ok(filterNames.theme.names['Anti-Social Behaviour']?.includes('Anti-social behaviour'));
    assert.ok(filterNames.agency.leaveOut.includes('Not stated in the plan'));
  });

  test('ties everyday words to the plans\' own terms: stabbing to knife crime, nuisance neighbours to anti-social behaviour', () => {
    const planTermsOf = (term: string) => groups.find((g) => g.terms.includes(term))?.planTerms ?? [];
    assert.ok(planTermsOf('stabbing').includes('knife crime'));
    assert.ok(planTermsOf('stabbings').includes('serious violence'));
    assert.ok(planTermsOf('nuisance neighbours').includes('anti-social behaviour'));
    assert.ok(planTermsOf('mugging').includes('robbery'));
    assert.ok(planTermsOf('break-in').includes('burglary'));
    assert.ok(groups.filter((g) => g.planTerms).length >= 20);
  });

  test('every question leads with measures the site has, and "is crime going up" asks one', () => {
    const { questions } = readSearchTerms(root);
    const measureIds = new Set(readdirSync(join(root, 'content/measures')).map((f) => f.replace(/\.md$/, '')));
    assert.deepEqual(unknownQuestionMeasures(questions, measureIds), []);
    for (const query of ['is crime going up', 'crime figures', 'crime statistics', 'how much crime is there in Nottingham']) {
      assert.deepEqual(questionAsked(query, questions)?.lead_with, ['total-recorded-crime', 'victim-based-crime'], query);
    }
    assert.equal(questionAsked('is knife crime going up', questions), undefined);
  });

  test('gives no meaning the plans do not spell out (SERAC, ATR and DRR are searched as written)', () => {
    for (const term of ['SERAC', 'ATR', 'DRR']) assert.deepEqual(groupOf(term), [], term);
  });

  test('works with the expansion: "MARAC" also searches the full name', () => {
    assert.deepEqual(
      expandQuery('MARAC', groups).map((v) => v.query),
      ['MARAC', 'multi-agency risk assessment conference'],
    );
  });
});

describe('searchTermsSchema', () => {
  const group = (terms: string[], source = 'A plan') => ({ terms, source });

  test('accepts groups of two or more terms with a source', () => {
    assert.equal(searchTermsSchema.safeParse({ groups: [group(['ASB', 'anti-social behaviour'])] }).success, true);
    assert.equal(searchTermsSchema.safeParse({ groups: [] }).success, true);
  });

  test('refuses a group of one, a term in two groups, a term twice, and punctuation that changes a search', () => {
    const failures = (groups: unknown[]) => searchTermsSchema.safeParse({ groups }).error?.issues.map((i) => i.path.join('.')) ?? [];
    assert.deepEqual(failures([group(['ASB'])]), ['groups.0.terms']);
    assert.deepEqual(failures([group(['ASB', 'anti-social behaviour']), group(['asb', 'nuisance'])]), ['groups.1.terms.0']);
    assert.deepEqual(failures([group(['knife', 'Knife'])]), ['groups.0.terms.1']);
    assert.deepEqual(failures([group(['"DA"', 'domestic abuse'])]), ['groups.0.terms.0']);
    assert.deepEqual(failures([group(['DA', 'domestic abuse*'])]), ['groups.0.terms.1']);
    assert.deepEqual(failures([group(['DA', 'domestic abuse'], ' ')]), ['groups.0.source']);
  });
});

describe('parseSearchTerms', () => {
  test('positions each problem where the editor wrote it', () => {
    const text = ['groups:', '  - terms: [ASB, anti-social behaviour]', '    source: plan', '  - terms: [knife]', '    source: plan', ''].join('\n');
    assert.deepEqual(problems(text), ['4:12: groups.1.terms: list at least two terms that mean the same thing']);
  });

  test('names an unknown field at its key', () => {
    const text = ['groups:', '  - terms: [DA, domestic abuse]', '    source: plan', '    meaning: x', ''].join('\n');
    assert.deepEqual(problems(text), ['4:5: groups.0: Unrecognized key: "meaning"']);
  });

  test('reports YAML mistakes with their position and no groups', () => {
    const result = parseSearchTerms('groups:\n  - terms: [DA, domestic abuse\n');
    assert.deepEqual(result.groups, []);
    assert.equal(result.diagnostics.length > 0, true);
    assert.equal(result.diagnostics[0]!.file, 'content/search-terms.yaml');
  });

  test('returns the groups\' terms when valid', () => {
    assert.deepEqual(parseSearchTerms('groups:\n  - terms: [DA, domestic abuse]\n    source: plan\n'), {
      groups: [{ terms: ['DA', 'domestic abuse'] }],
      filterNames: { theme: { names: {}, leaveOut: [] }, agency: { names: {}, leaveOut: [] } },
      questions: [],
      diagnostics: [],
    });
  });

  test('returns everyday words with the plan terms they stand for', () => {
    const text = ['groups:', '  - terms: [stabbing, stabbings]', '    plan_terms: [knife crime]', '    source: plan', ''].join('\n');
    assert.deepEqual(parseSearchTerms(text).groups, [{ terms: ['stabbing', 'stabbings'], planTerms: ['knife crime'] }]);
  });

  test('refuses a plan term that is already one of the group\'s terms, where written', () => {
    const text = ['groups:', '  - terms: [stabbing, knife crime]', '    plan_terms: [Knife Crime]', '    source: plan', ''].join('\n');
    assert.deepEqual(problems(text), ['3:18: groups.0.plan_terms.0: "Knife Crime" is already one of this group\'s terms']);
  });

  test('returns questions with where each measure id is written, and names an unknown measure there', () => {
    const text = ['groups: []', 'questions:', '  - about: [crime]', '    asking: [going up]', '    lead_with: [total-crime, victim-based-crime]', ''].join('\n');
    const { questions, diagnostics } = parseSearchTerms(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(questions.map((q) => q.lead_with), [['total-crime', 'victim-based-crime']]);
    assert.deepEqual(unknownQuestionMeasures(questions, new Set(['victim-based-crime'])), [
      {
        file: 'content/search-terms.yaml',
        line: 5,
        column: 17,
        message: 'questions.0.lead_with.0: no measure "total-crime": use the id of a file in content/measures/ (its name without .md)',
      },
    ]);
  });

  test('refuses a question without a way of asking, or a measure id that is not an id', () => {
    const text = ['groups: []', 'questions:', '  - about: [crime]', '    asking: []', '    lead_with: [Total Crime]', ''].join('\n');
    assert.deepEqual(problems(text).sort(), [
      '4:13: questions.0.asking: list at least one way of asking, e.g. going up',
      '5:17: questions.0.lead_with.0: write a measure id, e.g. total-recorded-crime',
    ].sort());
  });

  test('returns the filter names and the values to leave out', () => {
    const text = ['groups: []', 'filter_names:', '  agency:', '    "Testshire Constabulary": [Police]', 'filter_leave_out:', '  agency: [Not stated in the plan]', ''].join('\n');
    assert.deepEqual(parseSearchTerms(text).filterNames, {
      theme: { names: {}, leaveOut: [] },
      agency: { names: { 'Testshire Constabulary': ['Police'] }, leaveOut: ['Not stated in the plan'] },
    });
  });

  test('refuses a filter name with no other spelling, or a filter that cannot be renamed, where written', () => {
    const text = ['groups: []', 'filter_names:', '  agency:', '    "Testshire Constabulary": []', '  plan:', '    x: [y]', ''].join('\n');
    assert.deepEqual(problems(text).sort(), [
      '5:3: filter_names: Unrecognized key: "plan"',
      '4:31: filter_names.agency.Testshire Constabulary: list at least one other spelling of this name',
    ].sort());
  });
});

describe('readSearchTerms and loadSearchTerms', () => {
  test('a site without the file has no expansions and no problems', () => {
    const empty = mkdtempSync(join(tmpdir(), 'snd-terms-'));
    try {
      assert.deepEqual(readSearchTerms(empty), { groups: [], filterNames: { theme: { names: {}, leaveOut: [] }, agency: { names: {}, leaveOut: [] } }, questions: [], diagnostics: [] });
      assert.deepEqual(loadSearchTerms(empty), []);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
