/** How values and changes are written: the same text appears in charts, tables and summaries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatChange,
  formatTick,
  formatValue,
  formatValueOrSuppressed,
  percentChange,
  formatRevisedPair,
} from '../../../src/lib/format/number.ts';

test('counts: thousands separators, whole numbers as written, fractions to one decimal', () => {
  assert.equal(formatValue(1234, 'count'), '1,234');
  assert.equal(formatValue(1234567, 'count'), '1,234,567');
  assert.equal(formatValue(0, 'count'), '0');
  assert.equal(formatValue(12.46, 'count'), '12.5');
  // d3-format writes a true minus sign, which screen readers announce as "minus".
  assert.equal(formatValue(-5, 'count'), '\u22125');
});

test('percentages: one decimal place, small values keep two significant figures', () => {
  assert.equal(formatValue(12.345, 'percent'), '12.3%');
  assert.equal(formatValue(12, 'percent'), '12.0%');
  assert.equal(formatValue(100, 'percent'), '100.0%');
  assert.equal(formatValue(0.04, 'percent'), '0.04%');
  assert.equal(formatValue(0, 'percent'), '0.0%');
});

test('rates: one decimal place and the "per" base written out', () => {
  assert.equal(formatValue(4.5, 'rate_per_1000'), '4.5 per 1,000');
  assert.equal(formatValue(4.54, 'rate_per_1000'), '4.5 per 1,000');
  assert.equal(formatValue(0.043, 'rate_per_1000'), '0.043 per 1,000');
  assert.equal(formatValue(12.1, 'rate_per_100000'), '12.1 per 100,000');
  assert.equal(formatValue(1234.56, 'rate_per_100000'), '1,234.6 per 100,000');
});

test('plain numbers: up to two decimals, trailing zeros trimmed', () => {
  assert.equal(formatValue(3.14159, 'number'), '3.14');
  assert.equal(formatValue(2, 'number'), '2');
  assert.equal(formatValue(1234.5, 'number'), '1,234.5');
  assert.equal(formatValue(0.01234, 'number'), '0.0123');
});

test('suppressed values say so', () => {
  assert.equal(formatValueOrSuppressed(null, 'count'), 'Suppressed');
  assert.equal(formatValueOrSuppressed(7, 'percent'), '7.0%');
});

test('axis ticks are compact and leave the rate base to the axis title', () => {
  assert.equal(formatTick(1000, 'count'), '1,000');
  assert.equal(formatTick(0, 'count'), '0');
  assert.equal(formatTick(12.5, 'percent'), '12.5%');
  assert.equal(formatTick(40, 'percent'), '40%');
  assert.equal(formatTick(4, 'rate_per_1000'), '4');
  assert.equal(formatTick(0.5, 'rate_per_100000'), '0.5');
});

test('percentChange is relative to the earlier value, and undefined from zero', () => {
  assert.equal(percentChange(100, 92), -8);
  assert.equal(percentChange(50, 75), 50);
  assert.equal(percentChange(-10, -5), 50);
  assert.equal(percentChange(0, 5), null);
});

test('formatChange says fewer/more for counts and lower/higher otherwise', () => {
  assert.equal(formatChange(-8.2), '8% fewer');
  assert.equal(formatChange(3.4, 'count'), '3% more');
  assert.equal(formatChange(-8.2, 'rate_per_1000'), '8% lower');
  assert.equal(formatChange(12.5, 'number'), '13% higher');
  assert.equal(formatChange(1234.4), '1,234% more');
});

test('formatChange never says "0%" for a real change', () => {
  assert.equal(formatChange(0.3), 'less than 1% more');
  assert.equal(formatChange(-0.49, 'percent'), 'less than 1% lower');
  assert.equal(formatChange(0), 'no change');
});

test('a revision whose values would print alike gets the decimals that tell them apart', () => {
  assert.deepEqual(formatRevisedPair(5.1053, 5.10572, 'percent'), ['5.105%', '5.106%']);
  assert.deepEqual(formatRevisedPair(117.71, 117.74, 'rate_per_1000'), ['117.71 per 1,000', '117.74 per 1,000']);
  // Values that already print differently, equal values and suppressed ones are written as usual.
  assert.deepEqual(formatRevisedPair(32.94199476900628, 32.94199476900627, 'rate_per_1000'), ['32.94199476900628 per 1,000', '32.94199476900627 per 1,000']);
  assert.deepEqual(formatRevisedPair(811, 824, 'count'), ['811', '824']);
  assert.deepEqual(formatRevisedPair(5.1, 5.1, 'percent'), ['5.1%', '5.1%']);
  assert.deepEqual(formatRevisedPair(null, 12, 'count'), ['Suppressed', '12']);
});
