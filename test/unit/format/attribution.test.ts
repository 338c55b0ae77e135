/**
 * Nothing invented (issue 14, items 3 and 5), checked against the real content: the source a plan
 * names is the plan's own word (test/fixtures/plan-text/, copied from the plans), the data publisher
 * comes only from releases, links the plans do not make are held apart as the site's own, counts name
 * what the plans name, a measure without figures says where the official series is (from SOURCES.md)
 * or that none is named, and quoted figures keep their source's qualifiers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { dataPublishers, measurePublishers, noFiguresSentences, planSources, planSourcesText } from '../../../src/lib/format/attribution.ts';
import { priorityCountText } from '../../../src/lib/format/counts.ts';
import { loadSite } from '../../../src/lib/build/load-site.ts';
import { actionSchema } from '../../../src/lib/schemas/action.ts';
import { measureSchema } from '../../../src/lib/schemas/measure.ts';
import { prioritySchema } from '../../../src/lib/schemas/priority.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PLAN_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'plan-text', 'performance-frameworks.txt'), 'utf8');
const SOURCES = readFileSync(join(ROOT, 'test', 'fixtures', 'reference-data', 'SOURCES.md'), 'utf8');
const QUOTED: Record<string, string>[] = parseCsv(readFileSync(join(ROOT, 'test', 'fixtures', 'reference-data', 'figures_quoted_in_web_pages.csv')), { columns: true });

const { model: loaded, diagnostics } = loadSite({ root: ROOT, today: new Date().toISOString().slice(0, 10) });
assert.ok(loaded, `the real content validates:\n${diagnostics.map((d) => d.message).join('\n')}`);
const model = loaded;
const measures = model.measures;
const bySlug = (slug: string) => measures.find((m) => m.id === slug)!;
const priority = (id: string) => model.priorities.find((p) => p.id === id)!;

/** The 2024-27 framework table as measure title -> source, exactly as the plan writes them. */
function framework2024(): Map<string, string> {
  const table = PLAN_TEXT.slice(PLAN_TEXT.indexOf('Thematic Area\tMeasure\tSource'), PLAN_TEXT.indexOf('# ncsp-partnership-strategy-2024-27.txt: strategic focus'));
  const rows = table.split('\n').slice(1).filter((line) => line.includes('\t'));
  return new Map(rows.map((line) => {
    const [, title, source] = line.split('\t');
    return [title!.trim(), source!.trim()];
  }));
}

describe('the source a plan names is kept apart from the data publisher', () => {
  test('every 2024-27 measure carries the source its framework row names, and only that', () => {
    const table = framework2024();
    assert.equal(table.size, 34);
    for (const [title, source] of table) {
      const measure = measures.find((m) => m.data.title === title && m.data.plans.includes('2024-27'));
      assert.ok(measure, `a measure titled "${title}"`);
      // Capitalisation is normalised ("Nottingham city Council" in one row); the words are the plan's.
      assert.equal(measure.data.plan_sources['2024-27']?.toLowerCase(), source.toLowerCase(), measure.id);
    }
  });

  test('the 2015-20 plan has no source column, so no 2015-20 measure claims a source', () => {
    // Its footnote iv says how ASB is measured; the measure's definition quotes it, and it names no agency.
    assert.ok(PLAN_TEXT.includes('Measured by volume of complaints about ASB and also by the Respect Survey'));
    for (const m of measures.filter((x) => x.data.plans.includes('2015-20'))) {
      assert.equal(m.data.plan_sources['2015-20'], undefined, `${m.id}: the 2015-20 plan names no source`);
    }
    assert.match(bySlug('anti-social-behaviour').data.definition, /Respect Survey/);
    assert.deepEqual(planSources(bySlug('sexual-offences').data), [{ plan: '2015-20', source: null }]);
    assert.equal(planSourcesText(bySlug('sexual-offences').data), 'Not stated in the plan');
    assert.equal(planSourcesText(bySlug('victim-based-crime').data), 'not stated in the plan (2015-20 plan); Nottinghamshire Police (2024-27 plan)');
  });

  test('the publisher of figures comes from the releases: ONS tables for the 2015-20 offence measures, never the police', () => {
    for (const slug of ['violence-against-the-person', 'sexual-offences', 'robbery', 'theft-from-the-person', 'shoplifting', 'burglary-dwelling', 'burglary-other']) {
      const publishers = measurePublishers(bySlug(slug), bySlug);
      assert.deepEqual(publishers.map((p) => p.publisher), ['Office for National Statistics'], slug);
      assert.match(publishers[0]!.dataset, /Police force area data tables/);
    }
    // A derived measure is published by whoever publishes its inputs.
    assert.deepEqual(measurePublishers(bySlug('victim-based-crime'), bySlug).map((p) => p.publisher), ['Office for National Statistics']);
    assert.deepEqual(measurePublishers(bySlug('marac-referrals'), bySlug), []);
    assert.deepEqual(
      dataPublishers([{ publisher: 'A', dataset: 'x' }, { publisher: 'A', dataset: 'x' }, { publisher: 'B', dataset: 'y' }]),
      [{ publisher: 'A', dataset: 'x' }, { publisher: 'B', dataset: 'y' }],
    );
  });

  test('the schema has no field that mixes the two, and refuses a source keyed by a plan the measure is not in', () => {
    const base = { title: 'T', plans: ['2024-27'], thematic_area: 'A', unit: 'count', polarity: 'no_judgement', definition: 'D' };
    assert.equal(measureSchema.safeParse({ ...base, source_agency: 'Police' }).success, false);
    const wrongPlan = measureSchema.safeParse({ ...base, plan_sources: { '2015-20': 'Police' } });
    assert.equal(wrongPlan.success, false);
    assert.match(JSON.stringify(wrongPlan.error?.issues), /plan_sources names a plan that is not in \\"plans\\"/);
  });
});

describe('links the plans do not make are the site\'s own', () => {
  test('actions are never linked to measures as if a plan did: the field is related_measures', () => {
    const base = { title: 'T', order: 1, theme: 'X', recommendation: 'R' };
    assert.equal(actionSchema.safeParse({ ...base, measures: ['knife-crime'] }).success, false);
    assert.deepEqual(actionSchema.parse({ ...base, related_measures: ['knife-crime'] }).related_measures, ['knife-crime']);
  });

  test('2015-20: only the substance misuse row has a measure of its own; the shared cell\'s measures are related, not assigned', () => {
    const assigned = model.priorities.filter((p) => p.plan === '2015-20').flatMap((p) => p.data.measures.map((m) => `${p.slug}:${m}`));
    assert.deepEqual(assigned, ['drug-and-alcohol-misuse:successful-completions-from-treatment']);
    assert.deepEqual(priority('2015-20/burglary').data.related_measures, ['burglary-dwelling', 'burglary-other']);
  });

  test('2024-27: hate crime\'s measures sit in the framework\'s Crime & Safety area, so they are related, not assigned', () => {
    assert.deepEqual(priority('2024-27/hate-crime').data.measures, []);
    assert.deepEqual(priority('2024-27/hate-crime').data.related_measures, ['volume-of-hate-crime', 'hate-crime-repeat-victims']);
  });

  test('one action has no lead agency, as in the plan', () => {
    assert.deepEqual(model.actions.filter((a) => a.data.lead_agency === '').map((a) => a.id), ['2024-27/review-hate-crime-strategy']);
  });
});

describe('counts and lead groups name what the plans name', () => {
  test('six priorities and one area of focus; five priorities and one delivery area', () => {
    const kinds = (plan: string) => model.priorities.filter((p) => p.plan === plan).map((p) => p.data.kind);
    assert.equal(priorityCountText(kinds('2024-27')), 'six priorities and one area of focus');
    assert.equal(priorityCountText(kinds('2015-20')), 'five priorities and one delivery area');
    assert.equal(priorityCountText(['priority']), 'one priority');
    assert.equal(priorityCountText(['priority', 'area_of_focus', 'area_of_focus', 'delivery_area']), 'one priority, two areas of focus and one delivery area');
  });

  test('on domestic and sexual violence, each strategic focus point keeps the group the plan names for it', () => {
    const dsva = priority('2024-27/domestic-and-sexual-violence-and-abuse').data;
    const row = PLAN_TEXT.split('\n').find((line) => line.startsWith('Domestic Abuse & Sexual Violence\t'))!;
    const leads = row.split('\t')[2]!.split('*').map((s) => s.trim().replace(/\.$/, '')).filter(Boolean);
    assert.deepEqual(leads, ['DVSA Strategy Group', 'MARAC Steering Group', 'DVSA Strategy Group']);
    assert.deepEqual(dsva.focus_leads, leads);
    assert.equal(dsva.strategic_focus[1], 'Deliver a revised and improved MARAC model');
  });

  test('focus_leads must pair one group with each strategic focus point', () => {
    const base = { title: 'T', order: 1, kind: 'priority', summary: 'S', strategic_focus: ['a', 'b'] };
    assert.equal(prioritySchema.safeParse({ ...base, focus_leads: ['G'] }).success, false);
    assert.equal(prioritySchema.safeParse({ ...base, focus_leads: ['G', 'H'] }).success, true);
  });
});

describe('a measure without figures still helps', () => {
  const empty = measures.filter((m) => m.vintages.length === 0 && !m.data.derivation);

  test('its sentences say nothing is held here yet and never interpolate a missing value', () => {
    assert.ok(empty.length > 20);
    for (const m of empty) {
      const text = noFiguresSentences(m.data).join(' ');
      assert.match(text, /^No figures for this measure are held on this site yet\./, m.id);
      assert.doesNotMatch(text, /not stated|undefined|null|come from/i, m.id);
      if (m.data.official_series) assert.ok(text.includes(m.data.official_series.publisher) && text.includes(m.data.official_series.name), m.id);
      else assert.match(text, /No official published series for this measure is named/, m.id);
    }
  });

  test('every official series named is one the reference notes name, with the link where they give one', () => {
    // The identifier of each series as SOURCES.md writes it.
    const named: Record<string, RegExp> = {
      'binary-reoffending-rate': /MoJ proven reoffending by local authority/,
      'frequency-of-reoffending': /MoJ proven reoffending by local authority/,
      'channel-referrals': /supported through the Prevent programme/,
      'channel-cases': /supported through the Prevent programme/,
      'channel-cases-closed-positive-outcome': /supported through the Prevent programme/,
      'hospital-admissions-violent-injury': /hospital admissions for violence \(indicator 11201\)/,
      'marac-referrals': /SafeLives MARAC data/,
      'numbers-in-treatment-adults': /https:\/\/www\.ndtms\.net\/ViewIt\/Adult/,
      'numbers-in-treatment-young-people': /numbers in treatment for Nottingham/,
      'secondary-fires': /FIRE0102 is by fire and rescue authority/,
      'successful-completions-from-treatment': /drug treatment successful completions \(90244\/90245\)/,
      'volume-of-hate-crime': /Home Office publishes hate crime\s+by police force area only/,
      'atr-drr-successful-completions': /ATR\/DRR completions \(Community Performance Quarterly\)/,
      'offenders-housed-3-months-from-release': /accommodation\/employment after release; ATR\/DRR completions \(Community Performance Quarterly\)/,
      'offenders-in-employment-3-months-from-release': /accommodation\/employment after release; ATR\/DRR completions \(Community Performance Quarterly\)/,
    };
    // The 2015-20 ASB measure names none: the plan measures ASB by complaints and the Respect Survey,
    // which ONS's police-recorded ASB incidents are not (issue 22).
    assert.equal(bySlug('anti-social-behaviour').data.official_series, undefined);
    // The Home Office publishes Channel figures by region: each Channel measure says so.
    for (const slug of ['channel-referrals', 'channel-cases', 'channel-cases-closed-positive-outcome']) assert.match(bySlug(slug).data.official_series?.coverage ?? '', /by region/, slug);
    assert.match(SOURCES, /Prevent\/Channel regional referrals/);
    const withSeries = empty.filter((m) => m.data.official_series).map((m) => m.id).sort();
    assert.deepEqual(withSeries, Object.keys(named).sort());
    for (const [slug, pattern] of Object.entries(named)) assert.match(SOURCES, pattern, slug);
    assert.equal(bySlug('numbers-in-treatment-adults').data.official_series?.url, 'https://www.ndtms.net/ViewIt/Adult');
  });
});

describe('quoted figures keep their source\'s qualifiers', () => {
  const quoted = measures.flatMap((m) => m.data.quoted_figures.map((q) => ({ measure: m.id, ...q })));

  test('every quoted figure is a row of the reference file, and carries what its note says limits it', () => {
    assert.ok(quoted.length >= 20);
    for (const q of quoted) {
      const row = QUOTED.find((r) => r.source_url === q.url && Number(r.value) === q.value);
      assert.ok(row, `${q.measure} ${q.value}: in figures_quoted_in_web_pages.csv`);
      const qualifier = q.qualifier ?? '';
      if (row.qualifier !== 'as stated') assert.ok(qualifier.length > 0, `${q.measure} ${q.value}: the source's qualifier "${row.qualifier}" is shown`);
      if (/original source not named/.test(row.note!) || row.source_url!.includes('liquisearch')) assert.match(qualifier, /names no original source/, `${q.measure} ${q.value}`);
      if (/not the Home Office official series/.test(row.note!)) assert.match(qualifier, /not the Home Office official series/, `${q.measure} ${q.value}`);
      if (/unreliable/.test(row.note!)) assert.match(qualifier, /unreliable/, `${q.measure} ${q.value}`);
    }
  });

  test('MARAC: a lower bound, city and county combined, cases not referrals', () => {
    const [marac] = bySlug('marac-referrals').data.quoted_figures;
    assert.match(marac!.qualifier!, /More than 2,720: a lower bound/);
    assert.match(marac!.qualifier!, /city and county MARACs combined/);
    assert.match(marac!.qualifier!, /not referrals/);
  });
});
