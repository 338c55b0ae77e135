/** The "Which way is better" row of a measure page (whichWayIsBetter in src/lib/views/measure.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whichWayIsBetter } from '../../../src/lib/views/measure.ts';

const citation = { plan: '2024-27', words: 'Reduce Crime', where: 'Overall Aims' };

test('a judged figure: the note already opens with the direction, said once', () => {
  const text = 'Lower is better, as the plan sets the direction. The 2024-27 strategy says “Reduce Crime” (Overall Aims).';
  assert.equal(whichWayIsBetter('lower_is_better', { judges: true, text, citations: [citation] }), text);
});

test("a figure for another area or a later period: the aim's direction, then why this figure is not judged", () => {
  const text = 'The site does not call this figure better or worse: it is for Nottinghamshire police force area, a wider area than Nottingham, the area the plan\'s aim is about.';
  assert.equal(whichWayIsBetter('lower_is_better', { judges: false, text, citations: [citation] }), `Lower is better for the plan's aim. ${text}`);
  assert.equal(whichWayIsBetter('higher_is_better', { judges: false, text, citations: [citation] }).slice(0, 37), "Higher is better for the plan's aim. ");
});

test('no plan sets a direction: no judgement, whatever the measure file says', () => {
  const text = 'The site does not call a change better or worse: no plan says which way this measure should go.';
  const row = whichWayIsBetter('lower_is_better', { judges: false, text, citations: [] });
  assert.equal(row, `No judgement: a rise or fall is not in itself good or bad. ${text}`);
  assert.ok(!row.includes('Lower is better'));
});
