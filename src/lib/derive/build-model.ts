/**
 * Turns the validated SiteModel into the JSON the pages read (see page-model.ts): links resolved
 * both ways, plans' contents ordered as the plans order them, and each measure's headline series.
 */
import { comparisonBases, releaseChangeCounts, rowsByKey, sameFigure, type ReleaseChangeCounts } from './revisions.ts';
import { currentVintage, headlineSeries, ownArea } from './series.ts';
import { observationKey } from './keys.ts';
import type { Measure, Observation, SiteModel, Vintage } from '../schemas/model.ts';
import type { MeasureEntry, PageModel, VintageInfo } from './page-model.ts';

/** Facts of a release without its rows. */
function vintageInfo(v: Vintage, changeCounts: ReleaseChangeCounts): VintageInfo {
  return { date: v.date, file: v.file, sha256: v.sha256, bytes: v.bytes.byteLength, rows: v.rows.length, release: v.release, changeCounts };
}

/** Every release's facts, oldest first, each with its counts against the release before. */
function vintageInfos(measure: Measure): VintageInfo[] {
  const counts = releaseChangeCounts(measure.vintages);
  return measure.vintages.map((v, i) => vintageInfo(v, counts[i]!));
}

/**
 * When `row`'s figure was first published as it stands now: the earliest release holding it at the same
 * value with no release since giving another value. A release without the figure (one that covered
 * other periods) neither starts nor breaks that run; one that only rounded it (see sameFigure) does not break it.
 */
function firstReleasedAt(vintages: readonly Vintage[], row: Observation): string | undefined {
  const key = observationKey(row);
  let first: string | undefined;
  // On the publisher's timeline: a file compiled on this site is not a release of the figure.
  const bases = comparisonBases(vintages);
  for (let i = vintages.length - 1; i >= 0; i--) {
    if (bases[i] === 'compiled' && i !== vintages.length - 1) continue;
    const same = rowsByKey(vintages[i]!.rows).get(key);
    if (!same) continue;
    // The same rule as revisions: a value another release only rounded is the same figure.
    if (!sameFigure(same, row)) break;
    first = vintages[i]!.date;
  }
  return first;
}

/** What the page model holds of one measure that only its releases' rows give: worked out where the rows are. */
export type MeasureFacts = Pick<MeasureEntry, 'vintages' | 'headline'>;

/** A measure's release facts and headline series, from its releases with rows. */
export function measureFacts(measure: Measure, siteArea: { name: string; code: string }): MeasureFacts {
  const vintage = currentVintage(measure);
  const headline = measure.data.frequency ? headlineSeries(measure.data, vintage, ownArea(measure.data, siteArea)) : undefined;
  return {
    vintages: vintageInfos(measure),
    headline: (headline?.points ?? []).map((p, i, points) => {
      const latest = p.value !== null && !points.slice(i + 1).some((q) => q.value !== null);
      const firstReleased = latest && !measure.data.derivation ? firstReleasedAt(measure.vintages, p.observation) : undefined;
      return {
        period: p.observation.period,
        value: p.value,
        ...(p.observation.status ? { status: p.observation.status } : {}),
        ...(firstReleased ? { firstReleased } : {}),
      };
    }),
  };
}

/**
 * Builds the page model. `facts` gives each measure's
 * MeasureFacts when they were worked out elsewhere (the build's measure pool, where the rows are);
 * by default they are worked out here from the measure's rows.
 */
export function buildPageModel(
  model: SiteModel,
  today: string,
  facts: (measure: Measure) => MeasureFacts = (measure) => measureFacts(measure, { name: model.site.area.name, code: model.site.area.code }),
): { page: PageModel } {
  const byOrder = <T extends { data: { order: number } }>(a: T, b: T) => a.data.order - b.data.order;
  const priorities = [...model.priorities].sort(byOrder);
  const actions = [...model.actions].sort(byOrder);

  const measures: MeasureEntry[] = model.measures.map((measure: Measure) => {
    const { vintages, headline } = facts(measure);
    return {
      slug: measure.id,
      data: measure.data,
      priorities: priorities.filter((p) => p.data.measures.includes(measure.id)).map((p) => p.id),
      relatedPriorities: priorities.filter((p) => p.data.related_measures.includes(measure.id)).map((p) => p.id),
      actions: actions.filter((a) => a.data.related_measures.includes(measure.id)).map((a) => a.id),
      vintages,
      headline,
      derived: measure.data.derivation !== undefined,
    };
  });

  const page: PageModel = {
    site: model.site,
    today,
    plans: model.plans.map((plan) => ({
      id: plan.id,
      data: plan.data,
      priorities: priorities.filter((p) => p.plan === plan.id).map((p) => p.id),
      actions: actions.filter((a) => a.plan === plan.id).map((a) => a.id),
      measures: model.measures
        .filter((m) => m.data.plans.includes(plan.id))
        .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity))
        .map((m) => m.id),
    })),
    priorities: priorities.map(({ id, plan, slug, data }) => ({ id, plan, slug, data })),
    actions: actions.map(({ id, plan, slug, data }) => ({
      id,
      plan,
      slug,
      data,
      priorities: priorities.filter((p) => p.plan === plan && p.data.actions.includes(slug)).map((p) => p.id),
    })),
    measures,
  };
  return { page };
}
