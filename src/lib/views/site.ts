/**
 * The views that span measures, computed once by the data step from the page model: the home page's
 * cards, each plan page's cards, targets and framework figures, each priority's cards, and which
 * embed and release pages exist. A card is judged only in a direction its plan states.
 */
import { measurePublishers, planSourcesText } from '../format/attribution.ts';
import { renderSparklineSvg } from '../charts/sparkline-svg.ts';
import { sparklineGeometry } from '../charts/sparkline.ts';
import { describeSparklineChange } from '../charts/sparkline-words.ts';
import { sparklineInput } from '../charts/sparkline-input.ts';
import { aimArea, citationsJudging, directionNote, latestFigure, placeInPlan, planPeriod, splitAtPlanEnd, type PlanPeriod } from '../derive/judgement.ts';
import { releaseOnOwnPage } from '../derive/release-history.ts';
import { formatValue } from '../format/number.ts';
import type { MeasureEntry, PageModel, PlanEntry } from '../derive/page-model.ts';
import { hasPublishedFigures } from './figures-page.ts';
import type { CardView, PlanPageView, SiteViews, SparklineView, TargetView } from './types.ts';
import type { SearchQuestion } from '../schemas/search-terms.ts';
import type { Answer, SearchQuestionView } from '../search/questions.ts';

/** Trend cards a plan page shows at most: the framework table lists every measure. */
const CARD_LIMIT = 12;
/** Cards the home page shows when the current plan marks no headline measure. */
const HOME_CARDS = 6;

/**
 * Builds the cross-measure views; `planTargets` holds each measure's targets (MeasureViews.planTargets),
 * `search` the search terms file as read (validated with the rest of the content).
 */
export function siteViews(
  model: PageModel,
  planTargets: ReadonlyMap<string, readonly TargetView[]>,
  search: Omit<SiteViews['search'], 'questions'> & { readonly questions?: readonly SearchQuestion[] },
): SiteViews {
  const bySlug = new Map(model.measures.map((m) => [m.slug, m]));
  const measure = (slug: string) => bySlug.get(slug)!;
  const planName = (id: string) => model.plans.find((p) => p.id === id)?.data.short_title ?? `${id} plan`;
  const periodOf = (id: string) => {
    const found = model.plans.find((p) => p.id === id);
    return found && planPeriod(found.data);
  };
  const latestOf = (m: MeasureEntry) => latestFigure(m, model.today);

  /** A measure's card as shown for `plan`; `judge` false where no verdict may be given. */
  function card(m: MeasureEntry, plan: string | undefined, judge = true): CardView {
    const latest = latestOf(m);
    const note = directionNote(m.data, planName, citationsJudging(latest?.period, periodOf, plan), aimArea(m, model.site));
    const judged = judge && note.judges;
    const input = sparklineInput(m);
    const geometry = input ? sparklineGeometry(judged ? input : { ...input, polarity: 'no_judgement' }) : undefined;
    const span = plan === undefined ? undefined : periodOf(plan);
    const afterPlan = span && latest && placeInPlan(latest.period, span) === 'after' ? span : undefined;
    const sparkline: SparklineView | undefined = geometry && {
      svg: renderSparklineSvg(geometry),
      assessment: geometry.assessment,
      arrow: geometry.direction === 'up' ? '▲' : geometry.direction === 'down' ? '▼' : '',
      ...(geometry.latest ? { latestLabel: geometry.latest.label } : {}),
      change: describeSparklineChange(geometry).trim(),
    };
    return {
      slug: m.slug,
      title: m.data.title,
      // Every figure says its area: the measure's own, else the partnership's.
      areaName: m.data.area?.name ?? model.site.area.name,
      ...(latest
        ? {
            latest: { valueText: formatValue(latest.value, m.data.unit), periodLabel: latest.periodLabel, outOfDate: latest.outOfDate, sentence: latest.sentence },
            ...(sparkline ? { sparkline } : {}),
            ...(afterPlan ? { afterPlanLastMonth: afterPlan.lastMonth } : {}),
            // A verdict cites the plan's words; a figure for another area than the aim's says why it has none.
            ...((judged && geometry?.assessment != null) || (judge && note.otherArea) ? { directionNote: note.text } : {}),
          }
        : {
            noFigures: {
              ...(m.data.plans.length > 0 ? { planSources: planSourcesText(m.data) } : {}),
              ...(m.data.official_series ? { officialPublisher: m.data.official_series.publisher } : {}),
            },
          }),
    };
  }

  const upToDate = (views: readonly MeasureEntry[]) => views.filter((m) => latestOf(m)?.outOfDate === false);

  function planView(plan: PlanEntry): PlanPageView {
    const measures = plan.measures.map(measure);
    const withData = measures.filter((m) => m.headline.length > 0);
    const pick = (views: readonly MeasureEntry[]) => {
      const headlines = views.filter((m) => m.data.headline);
      return views.length <= CARD_LIMIT ? views : (headlines.length > 0 ? headlines : views).slice(0, CARD_LIMIT);
    };
    // A plan whose period has ended is judged on its own period: later figures are shown apart, without a verdict.
    const period = planPeriod(plan.data);
    const ended = period.end.getTime() <= new Date(`${model.today}T00:00:00Z`).getTime();
    const splits = ended ? withData.map((m) => splitAtPlanEnd(m, period)) : [];
    const current = upToDate(withData);
    return {
      periodLabel: period.label,
      lastMonth: period.lastMonth,
      ended,
      measureCount: measures.length,
      withDataCount: withData.length,
      upToDateCount: current.length,
      cards: ended ? [] : pick(current).map((m) => card(m, plan.id)),
      withinPlan: pick(splits.flatMap((s) => (s.withinPlan ? [s.withinPlan] : []))).map((m) => card(m, plan.id)),
      afterPlan: pick(splits.flatMap((s) => (s.afterPlan ? [s.afterPlan] : []))).map((m) => card(m, plan.id, false)),
      targets: plan.data.targets.map((target) => {
        const found = (planTargets.get(target.measure) ?? []).find((t) => t.plan === plan.id && t.text === target.text);
        const base = found ?? {
          plan: plan.id,
          text: target.text,
          noBaselinePeriod: target.kind === 'change_from_baseline' && target.baseline_period === undefined,
          ...(target.baseline_note ? { baselineNote: target.baseline_note } : {}),
          status: '',
          reason: '',
        };
        return { ...base, measure: target.measure, measureTitle: measure(target.measure).data.title };
      }),
      frameworkLatest: Object.fromEntries(measures.flatMap((m) => {
        const text = frameworkLatest(m, period);
        return text ? [[m.slug, text]] : [];
      })),
      frameworkPublishers: Object.fromEntries(measures.flatMap((m) => {
        const publishers = [...new Set(measurePublishers(m, measure).map((p) => p.publisher))];
        return publishers.length > 0 ? [[m.slug, publishers.join('; ')]] : [];
      })),
    };
  }

  /**
   * The newest non-suppressed headline value as "1,234 (2023-24)", naming its area when it is not the
   * partnership's (the table's heading names that one), and saying when it is after the plan ended or out of date.
   */
  function frameworkLatest(m: MeasureEntry, span: PlanPeriod): string | undefined {
    const figure = latestOf(m);
    if (!figure) return undefined;
    const area = m.data.area && m.data.area.code !== model.site.area.code ? `, ${m.data.area.name}` : '';
    const after = placeInPlan(figure.period, span) === 'after' ? ', after this plan ended' : '';
    const old = figure.outOfDate ? ', out of date' : '';
    return `${formatValue(figure.value, m.data.unit)} (${figure.periodLabel}${area}${after}${old})`;
  }

  /** A measure as a search answer shows it: its latest figure with its area, period and age. */
  function answer(m: MeasureEntry): Answer {
    const latest = latestOf(m);
    const countable = m.data.unit === 'count' && m.data.unit_label;
    return {
      slug: m.slug,
      title: m.data.title,
      ...(latest && {
        latest: {
          valueText: formatValue(latest.value, m.data.unit),
          ...(countable ? { unitLabel: m.data.unit_label } : {}),
          // Every figure says its area: the measure's own, else the partnership's.
          areaName: m.data.area?.name ?? model.site.area.name,
          periodLabel: latest.periodLabel,
          sentence: latest.sentence,
        },
      }),
    };
  }
  const questions: SearchQuestionView[] = (search.questions ?? []).map((q) => ({
    about: q.about,
    asking: q.asking,
    answers: q.lead_with.map((slug) => answer(measure(slug))),
  }));

  const current = model.plans.find((p) => p.data.status === 'current') ?? model.plans[0];
  // An out-of-date figure (older than twice its measure's frequency) is never a headline.
  const homeWithData = current ? upToDate(current.measures.map(measure)) : [];
  const homeHeadline = homeWithData.filter((m) => m.data.headline);
  const homeShown = homeHeadline.length > 0 ? homeHeadline : homeWithData.slice(0, HOME_CARDS);

  return {
    home: { cards: homeShown.map((m) => card(m, current!.id)) },
    plans: Object.fromEntries(model.plans.map((p) => [p.id, planView(p)])),
    priorities: Object.fromEntries(
      model.priorities.map((p) => [
        p.id,
        { cards: p.data.measures.map((slug) => card(measure(slug), p.plan)), relatedCards: p.data.related_measures.map((slug) => card(measure(slug), p.plan)) },
      ]),
    ),
    embeds: model.measures.filter(hasPublishedFigures).map((m) => m.slug),
    releasePages: model.measures.flatMap((m) =>
      m.vintages.filter((v) => releaseOnOwnPage(v.changeCounts)).map((v) => ({ slug: m.slug, date: v.date })),
    ),
    search: { groups: search.groups, filterNames: search.filterNames, ...(questions.length > 0 ? { questions } : {}) },
  };
}
