/**
 * Issue 22: release histories follow the publisher's timeline, not the order files reached this
 * site. Synthetic releases for the rule; then every measure of the real site, its counts checked
 * against a diff of its publisher-ordered files read straight from data/ (CSV parsed here, not by
 * the pipeline), with values equal to 12 significant figures taken as the same figure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import { comparisonBases, describeChangeCounts, releaseChangeCounts, sameValue, type ComparedVintage } from '../../../src/lib/derive/revisions.ts';
import { releaseHistory } from '../../../src/lib/derive/release-history.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import type { Observation } from '../../../src/lib/schemas/model.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dated = { evidence: 'Release date', url: 'https://www.ons.gov.uk/example' };
const row = (period: string, value: number | null) => ({ period, value, areaCode: 'E06000099', breakdown: {} }) as unknown as Observation;
const v = (date: string, rows: Observation[], release: ComparedVintage['release'] = {}): ComparedVintage => ({ date, rows, release });

test('values equal to 12 significant figures are the same figure', () => {
  assert.equal(sameValue({ value: 32.94199476900628 }, { value: 32.94199476900627 }), true);
  assert.equal(sameValue({ value: 32.9 }, { value: 33.1 }), false);
  assert.equal(sameValue({ value: 1234567.89012 }, { value: 1234567.89013 }), false, '12 significant figures, not 12 decimal places');
  assert.equal(sameValue({ value: null }, { value: 0 }), false);
});

test('a publisher-dated release is compared with the publisher\'s release before it, never with a file compiled here later', () => {
  const vintages = [
    v('2022-07-21', [row('2015-16', 33.1)], { release_date: dated, edition: 'year ending March 2022' }),
    v('2023-07-20', [row('2015-16', 33.1), row('2022-23', 20)], { release_date: dated, edition: 'year ending March 2023' }),
    // Compiled on this site from an older edition (2015-16 as ONS first published it).
    v('2026-11-23', [row('2015-16', 32.9)]),
    // The newest edition published here again, byte for byte.
    v('2026-12-01', [row('2015-16', 33.1), row('2022-23', 20)], { edition: 'year ending March 2023' }),
  ];
  assert.deepEqual(comparisonBases(vintages), ['first', 0, 'compiled', 1]);
  const counts = releaseChangeCounts(vintages);
  assert.deepEqual(counts.map((c) => [c.added, c.revised, c.removed, c.compiled ?? false]), [[1, 0, 0, false], [1, 0, 0, false], [0, 0, 0, true], [0, 0, 0, false]]);
  assert.equal(describeChangeCounts(counts[2]!), "Not compared: compiled on this site from the publisher's tables");
  // Before any publisher-dated release, the site's own releases are compared in order.
  assert.deepEqual(comparisonBases([v('2020-01-01', []), v('2021-01-01', []), v('2022-01-01', [], { release_date: dated })]), ['first', 0, 1]);
});

describe('the real site: every release history count is a diff of the publisher-ordered files', () => {
  const site = loadSite({ root: ROOT, today: '2026-12-07' });
  assert.ok(site.model, site.diagnostics.map((d) => d.message).join('\n'));
  const model = site.model;
  const page = buildPageModel(model, '2026-12-07').page;

  /** A release file's figures by period, area and breakdown, read here with csv-parse. */
  function figures(slug: string, date: string): Map<string, number | null> {
    const records = parseCsv(readFileSync(join(ROOT, 'data', 'measures', slug, `${date}.csv`)), { columns: true, bom: true }) as Record<string, string>[];
    const known = new Set(['period', 'value', 'period_label', 'area_name', 'status', 'note', 'source']);
    return new Map(records.map((r) => {
      const key = JSON.stringify(Object.entries(r).filter(([k]) => !known.has(k)).sort().concat([['period', r.period!]]));
      return [key, r.value === '' ? null : Number(r.value)];
    }));
  }

  for (const measure of model.measures.filter((m) => m.vintages.length > 1 && !m.data.derivation)) {
    test(measure.id, () => {
      const releases = parseYaml(readFileSync(join(ROOT, 'data', 'measures', measure.id, 'releases.yaml'), 'utf8')) as { vintage: string; release_date?: unknown; edition?: string; backfilled?: boolean }[];
      const byDate = [...releases].sort((a, b) => a.vintage.localeCompare(b.vintage));
      const counts = page.measures.find((m) => m.slug === measure.id)!.vintages.map((x) => x.changeCounts);
      const history = releaseHistory(measure).reverse();
      byDate.forEach((release, i) => {
        const c = counts[i]!;
        assert.deepEqual(history[i]!.counts, c, 'the page and the page model agree');
        const publisherBefore = byDate.slice(0, i).filter((r) => r.release_date).at(-1);
        if (release.release_date) {
          if (!publisherBefore) return;
          // Diff against the publisher's previous release, whatever this site published in between.
          const [before, after] = [figures(measure.id, String(publisherBefore.vintage)), figures(measure.id, String(release.vintage))];
          const close = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Number(a.toPrecision(12)) === Number(b.toPrecision(12)));
          const changed = [...after].filter(([k, x]) => before.has(k) && !close(before.get(k)!, x)).length;
          assert.equal(c.revised + (c.rounded ?? 0), changed, `${release.vintage}: revised (and only rounded) against ${publisherBefore.vintage}`);
          assert.equal(c.added, [...after.keys()].filter((k) => !before.has(k)).length, `${release.vintage}: added`);
          assert.equal(c.removed + (c.notCarriedForward ?? 0), [...before.keys()].filter((k) => !after.has(k)).length, `${release.vintage}: removed`);
        } else if (publisherBefore && !release.edition) {
          // A file compiled here after the publisher's releases: nothing counted as revised or removed.
          assert.deepEqual([c.added, c.revised, c.removed, c.compiled], [0, 0, 0, true], `${release.vintage} is compiled`);
        }
      });
    });
  }
});
