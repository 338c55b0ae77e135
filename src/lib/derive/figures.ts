/**
 * The figures a measure page states in words: the latest value, how it changed, and where each of
 * the plan's targets stands. Nothing here guesses: a missing or suppressed figure gives a null or a
 * status saying what is missing, never an estimate.
 */
import type { Period } from '../schemas/period.ts';
import type { MeasureMeta, Polarity } from '../schemas/measure.ts';
import type { Target } from '../schemas/plan.ts';
import { difference } from './decimal.ts';
import { yearEarlierPoint } from '../schemas/period.ts';
import { periodLabel } from '../schemas/period.ts';
import { parseMeasurePeriod, type MeasureSeries, type Series, type SeriesPoint } from './series.ts';

/** A published (not suppressed) figure and its period. */
export interface DatedValue {
  readonly period: Period;
  readonly value: number;
  readonly point: SeriesPoint;
}

/** Which way a figure moved. */
export type Direction = 'up' | 'down' | 'no change';

/** The word a sentence may use for a change: better/worse only when the measure's polarity says which way is better. */
export type DirectionWord = 'better' | 'worse' | 'up' | 'down' | 'no change';

/** How to describe a change to readers. */
export interface DirectionWords {
  readonly direction: Direction;
  /** Null for `no_judgement` measures and for no change. */
  readonly judgement: 'better' | 'worse' | null;
  /** The judgement when there is one, else the direction. */
  readonly word: DirectionWord;
}

/** A change from an earlier period to the latest published figure. */
export interface Change {
  /** The latest published figure. */
  readonly to: DatedValue;
  /** The earlier period's row; undefined when the series has no row for it. Its value is null when suppressed. */
  readonly from: SeriesPoint | undefined;
  /** `to - from`; null when the earlier figure is missing or suppressed. */
  readonly absolute: number | null;
  /** Change as a percentage of the earlier figure's size (so its sign is the direction); null when that figure is missing, suppressed or 0. */
  readonly percent: number | null;
  /** Null exactly when `absolute` is null. */
  readonly direction: DirectionWords | null;
  /** True when a series break (a change in recording practice) falls between the two periods. */
  readonly acrossSeriesBreak: boolean;
}

/** The newest point with a figure; suppressed rows are skipped. */
export function latestValue(series: Series): DatedValue | undefined {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const point = series.points[i]!;
    if (point.value !== null) return { period: point.period, value: point.value, point };
  }
  return undefined;
}

/** Direction and judgement words for a change of `delta`, respecting the measure's polarity. */
export function describeDirection(delta: number, polarity: Polarity): DirectionWords {
  if (delta === 0) return { direction: 'no change', judgement: null, word: 'no change' };
  const direction: Direction = delta > 0 ? 'up' : 'down';
  if (polarity === 'no_judgement') return { direction, judgement: null, word: direction };
  const better = (direction === 'down') === (polarity === 'lower_is_better');
  const judgement = better ? 'better' : 'worse';
  return { direction, judgement, word: judgement };
}

/** Whether a series break falls after `from` began and no later than `to` began. */
function breakBetween(meta: MeasureMeta, from: Period, to: Period): boolean {
  return meta.series_breaks.some((b) => {
    const start = parseMeasurePeriod(meta, b.period)?.start.getTime();
    return start !== undefined && start > from.start.getTime() && start <= to.start.getTime();
  });
}

/** The change from `from` (if any) to the latest figure `to`. */
function changeTo(meta: MeasureMeta, to: DatedValue, from: SeriesPoint | undefined): Change {
  const base = from?.value ?? null;
  const absolute = base === null ? null : difference(to.value, base);
  return {
    to,
    from,
    absolute,
    percent: base === null || base === 0 ? null : ((to.value - base) / Math.abs(base)) * 100,
    direction: absolute === null ? null : describeDirection(absolute, meta.polarity),
    acrossSeriesBreak: from !== undefined && breakBetween(meta, from.period, to.period),
  };
}

/**
 * Change on the same period a year earlier (period.ts yearEarlierPoint, the rule the chart summary
 * and cards use too); `from` is undefined when that period has no published figure, and then no
 * change is stated. Undefined when there is no latest figure.
 */
export function changeOnPreviousPeriod(series: Series, meta: MeasureMeta): Change | undefined {
  const to = latestValue(series);
  if (!to) return undefined;
  const from = yearEarlierPoint(series.points.filter((p) => p.value !== null), to.point);
  return changeTo(meta, to, from);
}

/** A period as readers write it ("year ending March 2015"), or as given if it does not parse. */
function readablePeriod(meta: MeasureMeta, text: string): string {
  const period = parseMeasurePeriod(meta, text);
  return period ? periodLabel(period) : text;
}

/** Where a target stands. */
export type TargetStatus =
  | 'met'
  | 'missed'
  | 'on track'
  | 'not on track'
  | 'baseline not published'
  | 'comparator not published'
  | 'no data'
  | 'target figure not published'
  | 'not judged';

/** A target's status with the figures it rests on, so the page can show its working. */
export interface TargetAssessment {
  readonly status: TargetStatus;
  /** One plain-English sentence saying why, for the page. */
  readonly reason: string;
  /** The figure judged: the target period's when published, else the latest. */
  readonly judged?: DatedValue;
  /** The baseline figure (change_from_baseline) or the comparator's figure for the judged period (above_comparator). */
  readonly reference?: DatedValue;
  /** The value the judged figure must reach: at most this for a reduction, at least this otherwise. */
  readonly threshold?: number;
  /** Whether the judged figure must be at most (`down`) or at least (`up`) the threshold. */
  readonly aim?: 'down' | 'up';
  /** Whether the target period had ended by `today`. */
  readonly targetPeriodPassed: boolean;
}

const EPSILON = 1e-9;

/** Whether `value` reaches `threshold` in the direction of `aim`, allowing for float noise in the threshold. */
function reaches(value: number, threshold: number, aim: 'down' | 'up'): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(threshold));
  return aim === 'down' ? value <= threshold + slack : value >= threshold - slack;
}

/** `reference` moved by `changePercent`, computed as reference*(100+p)/100 so whole numbers stay exact. */
function thresholdFrom(reference: number, changePercent: number): number {
  return (reference * (100 + changePercent)) / 100;
}

/** The figure for `periodText` when published. */
function valueAt(series: Series, periodText: string): DatedValue | undefined {
  const point = series.points.find((p) => p.period.text === periodText);
  return point && point.value !== null ? { period: point.period, value: point.value, point } : undefined;
}

/** The target period has passed once `today` is on or after its first day after. */
function targetPeriodPassed(meta: MeasureMeta, target: Target, today: Date): boolean | undefined {
  if (target.target_period === undefined) return false;
  const period = parseMeasurePeriod(meta, target.target_period);
  return period ? today.getTime() >= period.end.getTime() : undefined;
}

/** Status words for a judgement: met/missed once the target period's own figure is in, else on track or not. */
function judgement(reached: boolean, final: boolean): TargetStatus {
  if (final) return reached ? 'met' : 'missed';
  return reached ? 'on track' : 'not on track';
}

/** Assesses one of a plan's targets against the measure's current series; `today` decides whether the target period has passed. */
export function assessTarget(target: Target, series: MeasureSeries, meta: MeasureMeta, today: Date): TargetAssessment {
  const passed = targetPeriodPassed(meta, target, today);
  if (passed === undefined) {
    return {
      status: 'not judged',
      reason: `The target period "${target.target_period}" is not a period of this measure's form.`,
      targetPeriodPassed: false,
    };
  }
  return target.kind === 'change_from_baseline'
    ? assessChangeFromBaseline(target, series, meta, passed)
    : assessAboveComparator(target, series, meta, passed);
}

function assessChangeFromBaseline(target: Target, series: MeasureSeries, meta: MeasureMeta, passed: boolean): TargetAssessment {
  if (target.baseline_period === undefined) {
    return {
      status: 'baseline not published',
      reason: target.baseline_note ?? 'The plan does not name a baseline period.',
      targetPeriodPassed: passed,
    };
  }
  const baseline = valueAt(series.headline, target.baseline_period);
  if (!baseline) {
    return {
      status: 'baseline not published',
      reason: `No figure for the baseline period (${readablePeriod(meta, target.baseline_period)}) is published, so progress cannot be measured.`,
      targetPeriodPassed: passed,
    };
  }
  const aim = target.change_percent < 0 ? 'down' : target.change_percent > 0 ? 'up' : aimFromPolarity(meta.polarity);
  if (!aim) {
    return {
      status: 'not judged',
      reason: 'The target asks for no change and the measure does not say which direction is better.',
      reference: baseline,
      targetPeriodPassed: passed,
    };
  }
  const atTarget = target.target_period === undefined ? undefined : valueAt(series.headline, target.target_period);
  if (passed && !atTarget) return targetFigureMissing(meta, target, baseline);
  const judged = (passed ? atTarget : undefined) ?? latestValue(series.headline);
  if (!judged || judged.period.start.getTime() <= baseline.period.start.getTime()) {
    return { status: 'no data', reason: 'No figure has been published since the baseline.', reference: baseline, targetPeriodPassed: passed };
  }
  const threshold = thresholdFrom(baseline.value, target.change_percent);
  const final = passed && judged === atTarget;
  return {
    status: judgement(reaches(judged.value, threshold, aim), final),
    reason: final
      ? `Judged on the figure for the target period ${judged.period.text}.`
      : `Judged on the latest figure, ${judged.period.text}, against the baseline ${baseline.period.text}.`,
    judged,
    reference: baseline,
    threshold,
    aim,
    targetPeriodPassed: passed,
  };
}

/**
 * Once the target period has ended, only its own figure can say whether the target was met: a later
 * period's figure is not the plan's result, so none is used in its place.
 */
function targetFigureMissing(meta: MeasureMeta, target: Target, reference?: DatedValue): TargetAssessment {
  return {
    status: 'target figure not published',
    reason: `The target period (${readablePeriod(meta, target.target_period ?? '')}) has ended and its figure is not published; figures for later periods are not used to judge this target.`,
    ...(reference ? { reference } : {}),
    targetPeriodPassed: true,
  };
}

function aimFromPolarity(polarity: Polarity): 'down' | 'up' | undefined {
  if (polarity === 'lower_is_better') return 'down';
  if (polarity === 'higher_is_better') return 'up';
  return undefined;
}

/** above_comparator: the own figure must be at least comparator*(100+change_percent)/100 for the same period. */
function assessAboveComparator(target: Target, series: MeasureSeries, meta: MeasureMeta, passed: boolean): TargetAssessment {
  const comparator = target.comparator_area_code === undefined
    ? undefined
    : series.comparators.find((c) => c.areaCode === target.comparator_area_code);
  if (!comparator || comparator.points.every((p) => p.value === null)) {
    return {
      status: 'comparator not published',
      reason: `No figures are published for the comparator area ${target.comparator_area_code ?? '(not named by the target)'}.`,
      targetPeriodPassed: passed,
    };
  }
  // Judge on the newest period both lines have a figure for; the target period's when it is in.
  const shared = series.headline.points
    .filter((p) => p.value !== null && valueAt(comparator, p.period.text))
    .map((p): DatedValue => ({ period: p.period, value: p.value!, point: p }));
  const atTarget = passed ? shared.find((d) => d.period.text === target.target_period) : undefined;
  if (passed && target.target_period !== undefined && !atTarget) return targetFigureMissing(meta, target);
  const judged = atTarget ?? shared.at(-1);
  if (!judged) {
    return {
      status: latestValue(series.headline) ? 'comparator not published' : 'no data',
      reason: `No period has figures for both ${series.headline.areaName} and ${comparator.label}.`,
      targetPeriodPassed: passed,
    };
  }
  const reference = valueAt(comparator, judged.period.text)!;
  const threshold = thresholdFrom(reference.value, target.change_percent);
  const final = atTarget !== undefined;
  return {
    status: judgement(reaches(judged.value, threshold, 'up'), final),
    reason: final
      ? `Judged on the figures for the target period ${judged.period.text}.`
      : `Judged on the latest period with figures for both areas, ${judged.period.text}.`,
    judged,
    reference,
    threshold,
    aim: 'up',
    targetPeriodPassed: passed,
  };
}
