/**
 * Better or worse only where a plan says which way a measure should go: every `direction` citation in
 * content/measures/ quotes its plan's text exactly (test/fixtures/plan-text/<plan>.txt, copies of the
 * source plans), so a misquote or a citation of words the plan does not hold fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../../src/lib/read/frontmatter.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PLAN_TEXT = join(ROOT, 'test', 'fixtures', 'plan-text');
const SHARED_SEEDS = join(ROOT, '..', 'shared', 'seeds');
const MEASURES = join(ROOT, 'content', 'measures');

/** Line breaks and runs of spaces in the extracted plan text are layout, not words. */
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Citation {
  readonly plan: string;
  readonly words: string;
  readonly where: string;
}

function measures(): { slug: string; polarity: string; direction: Citation[] }[] {
  return readdirSync(MEASURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const split = splitFrontmatter(readFileSync(join(MEASURES, f), 'utf8'));
      if ('error' in split) throw new Error(`${f}: ${split.error}`);
      const data = parseYaml(split.yaml) as { polarity: string; direction?: Citation[] };
      return { slug: f.slice(0, -3), polarity: data.polarity, direction: data.direction ?? [] };
    });
}

const planText = (plan: string): string => normalise(readFileSync(join(PLAN_TEXT, `${plan}.txt`), 'utf8'));

describe('direction comes from the plans', () => {
  test('the plan texts are the source plans, unchanged', () => {
    const sources = { '2015-20': 'cdp-partnership-plan-2015-20.txt', '2024-27': 'ncsp-partnership-strategy-2024-27.txt' };
    for (const [plan, file] of Object.entries(sources)) {
      assert.ok(existsSync(join(PLAN_TEXT, `${plan}.txt`)), `test/fixtures/plan-text/${plan}.txt is missing`);
      // Outside the project's own checkout the shared seeds may be absent; the copy is then the reference.
      if (existsSync(join(SHARED_SEEDS, file))) {
        assert.equal(readFileSync(join(PLAN_TEXT, `${plan}.txt`), 'utf8'), readFileSync(join(SHARED_SEEDS, file), 'utf8'), file);
      }
    }
  });

  test('every cited direction is quoted exactly from its plan', () => {
    const all = measures().flatMap((m) => m.direction.map((c) => ({ slug: m.slug, ...c })));
    assert.ok(all.length >= 10, `only ${all.length} citations found`);
    for (const c of all) {
      assert.ok(existsSync(join(PLAN_TEXT, `${c.plan}.txt`)), `${c.slug}: no plan text for plan "${c.plan}"`);
      assert.ok(planText(c.plan).includes(normalise(c.words)), `${c.slug}: the ${c.plan} plan does not say "${c.words}"`);
      assert.ok(c.where.trim().length > 0, `${c.slug}: say where in the plan the words are`);
    }
  });

  test('every measure that says better or worse cites a plan', () => {
    for (const m of measures()) {
      if (m.polarity !== 'no_judgement') assert.ok(m.direction.length > 0, `${m.slug} judges with no plan's words`);
    }
  });

  test('the plans set no direction for the crime categories they only track, nor for sexual offences', () => {
    const bySlug = new Map(measures().map((m) => [m.slug, m]));
    // The 2015-20 plan tracks these "in order to understand the direction of travel"; the 2024-27
    // action plan sets out to "drive up the reporting of Sexual Violence".
    for (const slug of ['sexual-offences', 'domestic-violence-against-the-person', 'violence-against-the-person', 'robbery', 'theft-from-the-person', 'shoplifting', 'burglary-dwelling', 'burglary-other']) {
      assert.equal(bySlug.get(slug)?.polarity, 'no_judgement', slug);
      assert.ok(bySlug.get(slug)!.direction.some((c) => c.words.includes('direction of travel')), `${slug} does not say why no judgement is made`);
    }
    assert.ok(bySlug.get('sexual-offences')!.direction.some((c) => c.plan === '2024-27' && c.words.includes('drive up the reporting')));
  });

  test('a misquote is caught', () => {
    // The check above must be able to fail: a word changed is not in the plan.
    assert.equal(planText('2024-27').includes(normalise('Reduce All Crime')), false);
    assert.equal(planText('2015-20').includes(normalise('A 25% reduction in victim based crime by 2020.')), false);
  });
});
