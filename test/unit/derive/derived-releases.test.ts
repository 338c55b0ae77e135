/**
 * Issue 22, item 4: a derived measure follows its inputs. It gets one computed release for each day
 * an input release changed it, dated by that release, and its history counts revisions like any
 * other measure's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveMeasures } from '../../../src/lib/derive/derived-measures.ts';
import { releaseHistory } from '../../../src/lib/derive/release-history.ts';
import type { ReadEntry } from '../../../src/lib/read/frontmatter.ts';
import { parseLocatedYaml } from '../../../src/lib/read/yaml-position.ts';
import type { MeasureMeta } from '../../../src/lib/schemas/measure.ts';
import type { Diagnostic } from '../../../src/lib/format/diagnostics.ts';
import { measure, meta, row, vintage } from '../../support/testshire.ts';

const dated = (day: string) => ({ release_date: { evidence: `Release date: ${day}`, url: 'https://www.ons.gov.uk/example' }, edition: `edition of ${day}` });

test('one computed release per input release that changes the derived series, dated by it', () => {
  const thefts = measure('widget-thefts', meta({ frequency: 'year' }), [
    vintage('2024-04-24', [row('2023', 100)], dated('2024-04-24')),
    vintage('2024-10-23', [row('2023', 104), row('2024', 120)], dated('2024-10-23')),
    // A file compiled on this site later, holding the same figures: it changes nothing.
    vintage('2026-11-23', [row('2023', 104), row('2024', 120)]),
  ]);
  const returns = measure('widget-returns', meta({ frequency: 'year', supports: 'net-widgets', plans: [] }), [
    vintage('2024-04-24', [row('2023', 10)], dated('2024-04-24')),
    vintage('2024-10-23', [row('2023', 10), row('2024', 12)], dated('2024-10-23')),
    vintage('2026-11-23', [row('2023', 10), row('2024', 12)]),
  ]);
  const net = measure('net-widgets', meta({ frequency: 'year', derivation: { formula: 'Thefts less returns', terms: [{ measure: 'widget-thefts', sign: '+' }, { measure: 'widget-returns', sign: '-' }] } }));
  const entries = [thefts, returns, net].map((m): ReadEntry<MeasureMeta> => ({ id: m.id, file: m.file, data: m.data, yaml: parseLocatedYaml('') }));
  const diagnostics: Diagnostic[] = [];
  const derived = deriveMeasures([thefts, returns, net], entries, diagnostics).find((m) => m.id === 'net-widgets')!;
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(derived.vintages.map((v) => v.date), ['2024-04-24', '2024-10-23']);
  assert.deepEqual(derived.vintages.map((v) => v.release.release_date?.evidence), ['Release date: 2024-04-24 (the input releases of that day)', 'Release date: 2024-10-23 (the input releases of that day)']);
  assert.deepEqual(derived.vintages[1]!.rows.map((r) => [r.period, r.value]), [['2023', 94], ['2024', 108]]);
  const history = releaseHistory(derived);
  assert.equal(history[0]!.countsText, '1 figure added, 1 revised');
  assert.deepEqual(history[0]!.revisions.map((r) => [r.period, r.before, r.after]), [['2023', '90', '94']]);
  assert.match(history[0]!.dating.text, /^Computed by this site from the figures .+ released on 23 October 2024 \(edition of 2024-10-23 edition\)\.$/);
});
