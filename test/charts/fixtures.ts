/**
 * Synthetic chart inputs for tests. Every figure is invented; the area is "Testshire" so nobody
 * mistakes a fixture for real data.
 */
import { parsePeriod, type Period } from '../../src/lib/schemas/period.ts';
import type { Frequency } from '../../src/lib/schemas/measure.ts';
import type { BarChartInput, ChartInput, ChartPoint, ChartSeries, SparklineInput } from '../../src/lib/charts/types.ts';

/** Parses a period or fails the test loudly. */
export function period(text: string, frequency: Frequency, intervalMonths = 12): Period {
  const result = parsePeriod(text, frequency, intervalMonths);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

/** Points from [period text, value] pairs, plus optional per-point extras. */
export function points(
  frequency: Frequency,
  rows: readonly (readonly [string, number | null, Partial<Omit<ChartPoint, 'period' | 'value'>>?])[],
): ChartPoint[] {
  return rows.map(([text, value, extra]) => ({
    period: period(text, frequency),
    value,
    ...(value === null ? { status: 'suppressed' as const } : {}),
    ...extra,
  }));
}

function main(pointList: ChartPoint[], label = 'Testshire'): ChartSeries {
  return { key: 'testshire', label, kind: 'main', points: pointList };
}

const AREA = 'Testshire police force area';

/** Calendar years, counts, lower is better. */
export const yearly: ChartInput = {
  title: 'Knife crime',
  unit: 'count',
  unitLabel: 'knife crime offences',
  polarity: 'lower_is_better',
  areaName: AREA,
  series: [
    main(
      points('year', [
        ['2016', 812],
        ['2017', 905],
        ['2018', 1032],
        ['2019', 1141],
        ['2020', 987],
        ['2021', 1064],
        ['2022', 1341],
        ['2023', 1234],
      ]),
    ),
  ],
  breaks: [],
};

/** Financial years, a rate per 1,000, higher is better. */
export const financialYear: ChartInput = {
  title: 'Victims satisfied with service',
  unit: 'rate_per_1000',
  polarity: 'higher_is_better',
  areaName: 'Testshire',
  series: [
    main(
      points('financial_year', [
        ['2017-18', 4.2],
        ['2018-19', 4.6],
        ['2019-20', 5.1],
        ['2020-21', 3.9],
        ['2021-22', 4.4],
        ['2022-23', 4.8],
        ['2023-24', 5.3],
      ]),
    ),
  ],
  breaks: [],
};

/** Quarters, a percentage, no judgement. */
export const quarterly: ChartInput = {
  title: 'Share of incidents at night',
  unit: 'percent',
  polarity: 'no_judgement',
  areaName: 'Testshire',
  series: [
    main(
      points('quarter', [
        ['2022-Q1', 41.5],
        ['2022-Q2', 43.1],
        ['2022-Q3', 47.8],
        ['2022-Q4', 44.2],
        ['2023-Q1', 42.9],
        ['2023-Q2', 45.6],
        ['2023-Q3', 48.3],
        ['2023-Q4', 46.1],
        ['2024-Q1', 45.2],
      ]),
    ),
  ],
  breaks: [],
};

/** Thirty months of counts. */
export const monthly: ChartInput = {
  title: 'Antisocial behaviour incidents',
  unit: 'count',
  unitLabel: 'incidents',
  polarity: 'lower_is_better',
  areaName: 'Testshire',
  series: [
    main(
      points(
        'month',
        Array.from({ length: 30 }, (_, i) => {
          const month = new Date(Date.UTC(2023, i, 1));
          const text = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
          // A seasonal wave, deterministic.
          return [text, 1400 + Math.round(300 * Math.sin((i / 12) * 2 * Math.PI)) - i * 5] as const;
        }),
      ),
    ),
  ],
  breaks: [],
};

// Ten years of months from January 2015, as period texts.
const TEN_YEARS_OF_MONTHS = Array.from({ length: 120 }, (_, i) => {
  const month = new Date(Date.UTC(2015, i, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
});

/**
 * Ten years of monthly values with a comparator: too many to draw one marker each (the benchmark's
 * shape). The last two are provisional, one is revised with a note full of characters that need
 * escaping, so the markers kept and the compact data-points attribute are both exercised.
 */
export const denseMonthly: ChartInput = {
  title: 'Antisocial behaviour incidents, ten years',
  unit: 'count',
  unitLabel: 'incidents',
  polarity: 'lower_is_better',
  areaName: 'Testshire',
  series: [
    {
      key: 'england',
      label: 'England (scaled)',
      kind: 'england',
      points: points(
        'month',
        TEN_YEARS_OF_MONTHS.map((text, i) => [text, 1300 + Math.round(150 * Math.cos((i / 12) * 2 * Math.PI))] as const),
      ),
    },
    main(
      points(
        'month',
        TEN_YEARS_OF_MONTHS.map((text, i) => {
          const value = 1400 + Math.round(300 * Math.sin((i / 12) * 2 * Math.PI)) - i * 3;
          if (i === 60) return [text, value, { status: 'revised', revised: true, note: `Recount: "late" <records> & 'more'` }] as const;
          if (i >= 118) return [text, value, { status: 'provisional' }] as const;
          return [text, value] as const;
        }),
      ),
    ),
  ],
  breaks: [],
};

/** Rolling years ending each quarter (overlapping periods), a rate per 100,000. */
export const interval: ChartInput = {
  title: 'Hospital admissions for assault',
  unit: 'rate_per_100000',
  polarity: 'lower_is_better',
  areaName: 'Testshire',
  series: [
    main(
      points('interval', [
        ['2022-07-01/2023-06-30', 48.2],
        ['2022-10-01/2023-09-30', 47.5],
        ['2023-01-01/2023-12-31', 46.1],
        ['2023-04-01/2024-03-31', 44.8],
        ['2023-07-01/2024-06-30', 45.3],
        ['2023-10-01/2024-09-30', 43.9],
        ['2024-01-01/2024-12-31', 42.0],
        ['2024-04-01/2025-03-31', 41.2],
        ['2024-07-01/2025-06-30', 40.7],
      ]),
    ),
  ],
  breaks: [],
};

/** Yearly counts with two suppressed values, one the latest. */
export const suppressed: ChartInput = {
  ...yearly,
  title: 'Firearms offences',
  unitLabel: 'firearms offences',
  series: [
    main(
      points('year', [
        ['2017', 14],
        ['2018', 11],
        ['2019', null, { note: 'Fewer than 5 offences; suppressed to protect victims' }],
        ['2020', 9],
        ['2021', 12],
        ['2022', 8],
        ['2023', null, { note: 'Under data quality review' }],
      ]),
    ),
  ],
};

/** Financial years with a change in recording practice before 2021-22. */
export const seriesBreak: ChartInput = {
  title: 'Domestic abuse crimes',
  unit: 'count',
  unitLabel: 'domestic abuse crimes',
  polarity: 'no_judgement',
  areaName: AREA,
  series: [
    main(
      points('financial_year', [
        ['2017-18', 8120],
        ['2018-19', 8450],
        ['2019-20', 8730],
        ['2020-21', 9010],
        ['2021-22', 11240],
        ['2022-23', 11580],
        ['2023-24', 11320],
      ]),
    ),
  ],
  breaks: [{ period: '2021-22', note: 'Crime recording rules changed in April 2021' }],
};

/** A rate with England (dashed) and core cities (dotted) comparators. */
export const comparators: ChartInput = {
  title: 'Burglary rate',
  unit: 'rate_per_1000',
  polarity: 'lower_is_better',
  areaName: 'Testshire',
  series: [
    main(
      points('financial_year', [
        ['2019-20', 6.8],
        ['2020-21', 5.1],
        ['2021-22', 5.4],
        ['2022-23', 5.9],
        ['2023-24', 5.5],
      ]),
    ),
    {
      key: 'england',
      label: 'England',
      kind: 'england',
      points: points('financial_year', [
        ['2019-20', 4.9],
        ['2020-21', 3.8],
        ['2021-22', 4.0],
        ['2022-23', 4.3],
        ['2023-24', 4.1],
      ]),
    },
    {
      key: 'core_cities',
      label: 'Core cities average',
      kind: 'core_cities',
      points: points('financial_year', [
        ['2019-20', 7.2],
        ['2020-21', 5.6],
        ['2021-22', 5.8],
        ['2022-23', 6.3],
        ['2023-24', 6.0],
      ]),
    },
  ],
  breaks: [],
};

/** Counts with a baseline and a target. */
export const baselineTarget: ChartInput = {
  ...yearly,
  title: 'Serious violence',
  unitLabel: 'serious violence offences',
  series: [
    main(
      points('financial_year', [
        ['2019-20', 1200],
        ['2020-21', 1105],
        ['2021-22', 1150],
        ['2022-23', 1080],
        ['2023-24', 1010],
      ]),
    ),
  ],
  baseline: { period: period('2019-20', 'financial_year'), value: 1200, label: 'Baseline 2019-20' },
  target: { period: period('2025-26', 'financial_year'), value: 900, label: 'Target 2025-26' },
};

/** Quarterly counts whose latest values are provisional and one earlier value revised. */
export const provisionalRevised: ChartInput = {
  title: 'Drug offences',
  unit: 'count',
  unitLabel: 'drug offences',
  polarity: 'no_judgement',
  areaName: 'Testshire',
  series: [
    main(
      points('quarter', [
        ['2023-Q1', 402, { status: 'final' }],
        ['2023-Q2', 388, { status: 'final' }],
        ['2023-Q3', 415, { status: 'revised', revised: true, note: 'Revised after late recording' }],
        ['2023-Q4', 431, { status: 'final' }],
        ['2024-Q1', 397, { status: 'provisional' }],
        ['2024-Q2', 420, { status: 'provisional' }],
      ]),
    ),
  ],
  breaks: [],
};

/** A breakdown by age band at one period, one band suppressed. */
export const ageBands: BarChartInput = {
  title: 'Knife crime',
  unit: 'count',
  unitLabel: 'knife crime offences',
  areaName: AREA,
  period: period('2023-24', 'financial_year'),
  breakdownLabel: 'Age band',
  bars: [
    { label: 'Under 18', value: 187 },
    { label: '18 to 24', value: 412 },
    { label: '25 to 34', value: 356 },
    { label: '35 to 64', value: 268 },
    { label: '65 and over', value: null, status: 'suppressed', note: 'Fewer than 5 offences' },
  ],
};

/** A sparkline of the yearly counts. */
export const sparkline: SparklineInput = {
  unit: 'count',
  polarity: 'lower_is_better',
  points: yearly.series[0]!.points,
};
