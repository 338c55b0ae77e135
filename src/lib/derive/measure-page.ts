/**
 * Everything a measure page shows that is computed from its figures: the current series split
 * into lines, the latest figure, the change on the previous period, revisions between releases,
 * and the status of each plan target on the measure. Run by the data step (src/lib/views/record.ts).
 */
import type { Measure } from '../schemas/model.ts';
import type { MeasureEntry, PlanEntry } from './page-model.ts';
import type { Site } from '../schemas/site.ts';
import type { Target } from '../schemas/plan.ts';
import { assessTarget, changeOnPreviousPeriod, latestValue, type Change, type DatedValue, type TargetAssessment } from './figures.ts';
import { releaseHistory, type ReleaseHistoryItem } from './release-history.ts';
import { revisedInCurrentVintage, type Revision } from './revisions.ts';
import { measureSeries, type MeasureSeries } from './series.ts';

/** A plan's target on this measure with its assessment. */
export interface TargetOnMeasure {
  readonly plan: PlanEntry;
  readonly target: Target;
  readonly assessment: TargetAssessment;
}

/** What the measure page renders from data. */
export interface MeasurePageData {
  readonly measure: Measure;
  /** Undefined when the measure has no frequency yet (no data). */
  readonly series?: MeasureSeries;
  readonly latest?: DatedValue;
  readonly change?: Change;
  /** Figures of the current release whose value differs from the previous release, by observation key. */
  readonly revised: ReadonlyMap<string, Revision>;
  /** Every release, newest first, with what it changed: what the page's release history shows. */
  readonly releases: readonly ReleaseHistoryItem[];
  readonly targets: readonly TargetOnMeasure[];
}

/**
 * Computes the measure page's figures from the measure with its releases (its `data` as `view`
 * holds it, e.g. with the judgement applied); `today` (YYYY-MM-DD) decides whether target periods have passed.
 */
export function measurePageData(view: MeasureEntry, measure: Measure, site: Site, plans: readonly PlanEntry[], today: string): MeasurePageData {
  const series = view.data.frequency && measure.vintages.length > 0 ? measureSeries(measure, site.area) : undefined;
  return {
    measure,
    ...(series ? { series } : {}),
    ...(series && latestValue(series.headline) ? { latest: latestValue(series.headline)! } : {}),
    ...(series && changeOnPreviousPeriod(series.headline, view.data) ? { change: changeOnPreviousPeriod(series.headline, view.data)! } : {}),
    revised: revisedInCurrentVintage(measure),
    releases: releaseHistory(measure),
    targets: targetsOnMeasure(view, series, plans, today),
  };
}

/** Every plan's targets on the measure with their status, judged by `view.data` (its polarity) on `today` (YYYY-MM-DD). */
export function targetsOnMeasure(view: MeasureEntry, series: MeasureSeries | undefined, plans: readonly PlanEntry[], today: string): TargetOnMeasure[] {
  return plans.flatMap((plan) =>
    plan.data.targets
      .filter((t) => t.measure === view.slug)
      .map((target) => ({
        plan,
        target,
        assessment: series
          ? assessTarget(target, series, view.data, new Date(`${today}T00:00:00Z`))
          : {
              status: target.kind === 'change_from_baseline' ? ('baseline not published' as const) : ('no data' as const),
              reason:
                target.kind === 'change_from_baseline'
                  ? `No figures for this measure are published, so the baseline${target.baseline_period ? ` (${target.baseline_period})` : ''} and progress cannot be shown.`
                  : 'No figures for this measure are published, so progress cannot be shown.',
              targetPeriodPassed: false,
            },
      })),
  );
}
