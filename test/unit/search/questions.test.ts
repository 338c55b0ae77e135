/** Questions answered by figures: which searches ask them, and how an answer's figure reads. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerFigureText, asksQuestion, questionAsked } from '../../../src/lib/search/questions.ts';

const CRIME = { about: ['crime', 'recorded crime', 'Nottingham'], asking: ['going up', 'up', 'figures', 'statistics'] };

describe('asksQuestion', () => {
  test('is true for a search made only of the question\'s words and common words', () => {
    for (const query of ['is crime going up', 'Crime figures', 'crime statistics', 'is recorded crime going up in Nottingham?', 'crime up']) {
      assert.equal(asksQuestion(query, CRIME), true, query);
    }
  });

  test('is false without a way of asking, without the subject, or with any other word', () => {
    for (const query of ['crime', 'statistics', 'is knife crime going up', 'crime figures for burglary', '']) {
      assert.equal(asksQuestion(query, CRIME), false, query);
    }
  });

  test('a quoted phrase is never a question', () => {
    assert.equal(questionAsked('"crime figures"', [CRIME]), undefined);
    assert.equal(questionAsked('crime figures', [CRIME]), CRIME);
  });
});

describe('answerFigureText', () => {
  test('says what was counted, where and when', () => {
    assert.equal(
      answerFigureText({ valueText: '32,599', unitLabel: 'offences', areaName: 'Nottingham', periodLabel: 'year ending June 2025', sentence: 'x' }),
      '32,599 offences in Nottingham, year ending June 2025',
    );
    assert.equal(answerFigureText({ valueText: '12.5%', areaName: 'Nottingham', periodLabel: '2024-25', sentence: 'x' }), '12.5% in Nottingham, 2024-25');
  });
});
