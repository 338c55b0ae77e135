import { test } from 'node:test';
import assert from 'node:assert/strict';
import { temporalCoverage } from '../../../src/lib/downloads/json-ld.ts';
import { parsePeriod, type Period } from '../../../src/lib/schemas/period.ts';

// Found by the benchmark: a plan's JSON-LD covers every row of every measure, and
// Math.max(...periods) overflowed the call stack at 500 measures x 600 rows.
test('temporal coverage of hundreds of thousands of periods', () => {
  const month = (i: number) => {
    const r = parsePeriod(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 'month');
    if (!r.ok) throw new Error(r.message);
    return r.period;
  };
  const months = Array.from({ length: 120 }, (_, i) => month(i));
  const many: Period[] = [];
  for (let k = 0; k < 3000; k++) many.push(...months.slice().reverse());
  assert.equal(many.length, 360_000);
  assert.equal(temporalCoverage(many), '2000-01-01/2009-12-31');
});

// The plan download is written in chunks of lines from cells quoted once per measure; the bytes must
// be exactly the UTF-8 of the file written a record at a time.
test('tidy CSV bytes equal the tidy text across chunk boundaries, non-ASCII and formulas included', async () => {
  const { meta, measure, row, vintage } = await import('../../support/testshire.ts');
  const { tidyCsvBytes } = await import('../../support/read-tidy.ts');
  const { referenceTidyCsv: tidyCsv } = await import('../../support/read-tidy.ts');
  const rows = Array.from({ length: 5000 }, (_, i) =>
    row(`${2000 + Math.floor(i / 12)}`, i, { note: i % 997 === 0 ? '=cmd ünïcode "quoted", note' : '', periodLabel: i % 3 ? undefined : `Yr ${i}` }),
  );
  const measures = [measure('widget-thefts', meta({ frequency: 'year' }), [vintage('2022-07-01', rows)])];
  const bytes = tidyCsvBytes(measures);
  assert.deepEqual(Buffer.from(bytes), Buffer.from(tidyCsv(measures), 'utf8'));
  assert.equal(tidyCsv(measures).split('\r\n').length, 5002);
});
