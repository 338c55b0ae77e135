/**
 * A small synthetic Testshire plan for the download tests, with the text most likely to break a
 * download: markup, quotes, line breaks, formula-like cells, a negative figure and numbers that
 * JavaScript would print in exponent form. Shared with a child process that rebuilds the zip in
 * another time zone.
 */
import type { Measure } from '../../src/lib/schemas/model.ts';
import { ENGLAND, measure, meta, plan, row, vintage } from './testshire.ts';

/** Markup and formula text that must come out inert everywhere. */
export const HOSTILE_NOTE = 'Includes <script>alert(1)</script> and "quoted" </svg> text, with a comma';
export const FORMULA_CELL = '=HYPERLINK("http://evil.example","click")';

export const PLAN = plan('2020-23', {
  targets: [{ text: '20% fewer widget thefts', measure: 'widget-thefts', kind: 'change_from_baseline', baseline_period: '2018-19', change_percent: -20 }],
});

const england = { areaCode: ENGLAND.code, areaName: ENGLAND.name };

export const WIDGETS: Measure = measure(
  'widget-thefts',
  meta({
    comparators: [{ area_code: ENGLAND.code, label: 'England', kind: 'england' }],
    breakdowns: [{ column: 'age_band', label: 'Age band' }],
    caveats: [`Caveat with ${HOSTILE_NOTE} & ${FORMULA_CELL}`],
    series_breaks: [{ period: '2020-21', note: 'New widget recording rules.' }],
  }),
  [
    vintage('2021-07-01', [row('2018-19', 1000), row('2019-20', 1100, { status: 'provisional' }), row('2019-20', 50000, england)]),
    vintage(
      '2022-07-01',
      [
        row('2018-19', 1000, { status: 'final', periodLabel: 'April 2018 to March 2019' }),
        row('2019-20', 1105, { status: 'revised', note: HOSTILE_NOTE }),
        row('2020-21', null, { note: 'Suppressed:\r\nsmall numbers' }),
        row('2021-22', 950.25, { note: FORMULA_CELL, source: '@SUM(A1)' }),
        row('2019-20', 51000, { ...england, note: '\tstarts with a tab' }),
        row('2021-22', 120, { breakdown: { age_band: '18-24' }, note: "'=already quoted" }),
        row('2021-22', 830.25, { breakdown: { age_band: '25+' }, note: '-5 looks like a formula' }),
      ],
      { changes: 'Revised 2019-20; added 2020-21 and 2021-22.' },
    ),
  ],
);

export const FEELING_SAFE: Measure = measure(
  'feeling-safe',
  meta({
    title: 'Feeling safe after dark',
    thematic_area: 'Public Confidence',
    plan_sources: { '2020-23': 'Testshire Survey Unit' },
    unit: 'percent',
    polarity: 'higher_is_better',
    frequency: 'interval',
    interval_months: 12,
    breakdowns: [{ column: 'sex', label: 'Sex' }],
  }),
  [
    vintage(
      '2022-03-15',
      [
        row('2020-10-01/2021-09-30', 61.5),
        row('2020-10-01/2021-09-30', 0.0000001, { breakdown: { sex: 'other' }, note: 'Tiny on purpose' }),
        row('2020-10-01/2021-09-30', -5, { breakdown: { sex: '=1+2' } }),
        row('2020-10-01/2021-09-30', 1.5e21, { breakdown: { sex: 'female' } }),
      ],
      { publisher: 'Testshire Survey Unit', dataset: 'Residents survey', url: 'https://survey.testshire.example/' },
    ),
  ],
);

export const NO_DATA: Measure = measure('widget-repeats', meta({ title: 'Repeat widget victims', caveats: ['Not yet collected.'] }));

/** The plan's measures in framework order. */
export const MEASURES: readonly Measure[] = [WIDGETS, FEELING_SAFE, NO_DATA];

export const PAGE_URL = 'https://safety.testshire.example/downloads/2020-23/';
