/** The line chart kind's words that are not the summary: its table caption. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineTableCaption } from '../../../../src/lib/charts/kinds/line.ts';
import * as fixtures from '../../../charts/fixtures.ts';

test('the table caption names the measure and its area once, and says when comparators are listed', () => {
  const one = { ...fixtures.yearly, title: 'Knife crime', areaName: 'Testshire' };
  assert.equal(lineTableCaption(one), 'Knife crime: Testshire, by period');
  assert.equal(lineTableCaption({ ...fixtures.comparators, title: 'Knife crime', areaName: 'Testshire' }), 'Knife crime: Testshire and comparators, by period');
  // A title that already ends with the area is not followed by it again.
  const named = { ...one, title: 'Recorded crime by offence group: Testshire police force area', areaName: 'Testshire police force area' };
  assert.equal(lineTableCaption(named), 'Recorded crime by offence group: Testshire police force area, by period');
});
