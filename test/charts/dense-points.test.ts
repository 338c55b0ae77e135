/**
 * The crowded-chart values the build writes and the enhancement script reads back (dense-points.ts):
 * a height is left out only where the drawn path gives the same one back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDenseEntry, encodeDensePoints, pathHeights, type DenseEntry } from '../../src/lib/charts/kinds/line/dense-points.ts';

const values = [
  { x: 10, y: 50, label: '5', note: '' },
  { x: 12.3, y: 40.2, label: '6', note: '' },
  // Joined to no neighbour (the period after has no value), so in no path: its height must be written.
  { x: 17, y: 33.3, label: '7', note: '' },
  { x: 21.5, y: 20, label: '8', status: 'provisional', note: 'late' },
  { x: 23.9, y: 25.1, label: '9', note: '' },
];
const periodXs = [10, 12.3, 14.6, 17, 19.3, 21.5, 23.9];
const paths = ['M10,50l2.3-9.8', 'M21.5,20l2.4,5.1'];

function roundTrip(encoded: string, drawn: readonly string[]) {
  const heights = pathHeights(drawn);
  return (JSON.parse(encoded) as DenseEntry[]).map((entry, i) => decodeDenseEntry(entry, periodXs[i]!, heights));
}

test('heights on a drawn line are read from it; a lone value and a value with words keep theirs', () => {
  const encoded = encodeDensePoints(values, periodXs, paths);
  assert.deepEqual(JSON.parse(encoded), ['5', '6', null, ['7', 33.3, '', ''], null, ['8', null, 'provisional', 'late'], '9']);
  assert.deepEqual(roundTrip(encoded, paths), [
    { y: 50, label: '5', status: '', note: '' },
    { y: 40.2, label: '6', status: '', note: '' },
    undefined,
    { y: 33.3, label: '7', status: '', note: '' },
    undefined,
    { y: 20, label: '8', status: 'provisional', note: 'late' },
    { y: 25.1, label: '9', status: '', note: '' },
  ]);
});

test('a path the reader cannot follow (a curve) leaves every height written out', () => {
  const curved = ['M10,50C11,49,12,41,12.3,40.2'];
  const encoded = encodeDensePoints(values.slice(0, 2), periodXs, curved);
  assert.deepEqual(JSON.parse(encoded).slice(0, 2), [['5', 50, '', ''], ['6', 40.2, '', '']]);
  assert.deepEqual(roundTrip(encoded, curved).slice(0, 2).map((v) => v?.y), [50, 40.2]);
});

test('relative steps summed in floating point still find their period (40.2 + 2.3 is not 42.5 exactly)', () => {
  const heights = pathHeights(['M40.2,10l2.3,0.1l2.4-0.2L47.3,12Z']);
  assert.equal(heights.get(425), 10.1);
  assert.equal(heights.get(449), 9.9);
  assert.equal(heights.get(473), 12);
});
