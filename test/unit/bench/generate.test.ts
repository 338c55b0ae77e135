import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePartnership, releaseDates, seededRandom } from '../../../src/lib/bench/generate.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';

test('the synthetic partnership passes validation and has N measures of P periods in V releases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-bench-test-'));
  try {
    const g = generatePartnership(join(dir, 'root'), { measures: 12, periods: 6, vintages: 3, comparators: 2, breakdownGroups: 2 });
    const { model, diagnostics, csvParses } = loadSite({ root: g.root, today: g.today });
    assert.deepEqual(diagnostics, []);
    assert.ok(model);
    assert.equal(csvParses, g.csvFiles, 'each CSV parsed once');
    assert.equal(model.measures.length, 12);
    assert.equal(g.csvFiles, 12 * 3);
    assert.equal(g.rowsPerFile, 6 * (1 + 2 + 2));
    for (const m of model.measures) {
      assert.equal(m.vintages.length, 3, m.id);
      for (const v of m.vintages) {
        assert.equal(v.rows.length, g.rowsPerFile, `${m.id} ${v.date}`);
        const own = v.rows.filter((r) => r.areaCode === 'E06999998' && Object.keys(r.breakdown).length === 0);
        assert.equal(new Set(own.map((r) => r.period)).size, 6);
      }
    }
    assert.equal(model.plans.length, g.plans);
    assert.equal(model.priorities.length, g.priorities);
    assert.equal(model.actions.length, g.actions);
    assert.ok(model.measures.some((m) => m.data.supports), 'has a supporting series');
    assert.ok(model.plans.some((p) => p.data.targets.length > 0), 'has targets');
    const sample = model.measures.find((m) => m.id === g.sampleMeasure)!;
    assert.equal(sample.data.comparators.length, 2);
    assert.equal(sample.data.breakdowns.length, 1);
    // Everything says it is synthetic.
    assert.match(readFileSync(join(g.root, 'content/site.yaml'), 'utf8'), /Benchshire/);
    assert.equal(readdirSync(join(g.root, 'data/measures')).length, 12);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with no breakdown groups the files have no breakdown column, and still pass validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-bench-test-'));
  try {
    const g = generatePartnership(join(dir, 'root'), { measures: 4, periods: 3, vintages: 2, comparators: 1, breakdownGroups: 0 });
    const { model, diagnostics } = loadSite({ root: g.root, today: g.today });
    assert.deepEqual(diagnostics, []);
    assert.ok(model);
    assert.equal(g.rowsPerFile, 3 * (1 + 1));
    for (const m of model.measures) {
      assert.deepEqual(m.data.breakdowns, [], m.id);
      for (const v of m.vintages) {
        assert.deepEqual(v.columns, ['period', 'value', 'area_code', 'area_name', 'status', 'note'], v.file);
        assert.equal(v.rows.length, g.rowsPerFile, v.file);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generation is deterministic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snd-bench-test-'));
  try {
    const a = generatePartnership(join(dir, 'a'), { measures: 3, periods: 4, vintages: 2 });
    const b = generatePartnership(join(dir, 'b'), { measures: 3, periods: 4, vintages: 2 });
    const csv = (root: string) => readFileSync(join(root, 'data/measures/bench-measure-0002', `${releaseDates(a.today, 2)[1]}.csv`), 'utf8');
    assert.equal(csv(a.root), csv(b.root));
    assert.equal(a.csvBytes, b.csvBytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('releases are a month apart and never after today', () => {
  assert.deepEqual(releaseDates('2026-01-15', 3), ['2025-11-10', '2025-12-10', '2026-01-10']);
  assert.deepEqual(releaseDates('2026-01-05', 2), ['2025-11-10', '2025-12-10']);
  const r = seededRandom(7);
  const first = [r(), r()];
  const again = seededRandom(7);
  assert.deepEqual([again(), again()], first);
  assert.ok(first.every((x) => x >= 0 && x < 1));
});
