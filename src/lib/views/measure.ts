/**
 * One measure's views, computed once by the data step: what its page, its embed page, its release
 * pages, its preview image and the plan pages' target lists show. Every choice (which chart leads,
 * whether a figure is judged, what a target's status is) is made here, not in the pages.
 */
import { barChartView } from '../charts/kinds/bar.ts';
import { breakdownChartInput } from '../charts/kinds/bar/input.ts';
import { earlierVintages } from '../charts/kinds/line/input.ts';
import { leadChart, leadChartView, type LeadChart, type LeadChartView } from '../charts/kinds/registry.ts';
import { measurePublishers } from '../format/attribution.ts';
import { judgedMeasure, placeInPlan, planPeriod } from '../derive/judgement.ts';
import { measurePageData, targetsOnMeasure, type MeasurePageData, type TargetOnMeasure } from '../derive/measure-page.ts';
import { releaseOnOwnPage, roundedText } from '../derive/release-history.ts';
import { frequencyLabel, polarityLabel } from '../format/labels.ts';
import type { Polarity } from '../schemas/measure.ts';
import type { DirectionNote } from '../derive/judgement.ts';
import { formatValue } from '../format/number.ts';
import type { Measure } from '../schemas/model.ts';
import type { MeasureEntry, PageModel } from '../derive/page-model.ts';
import { paths } from '../schemas/paths.ts';
import { periodLabel } from '../schemas/period.ts';
import { citationMetaTags, measureCitation, type CitationFacts } from '../sharing/citation.ts';
import { embedHeight } from '../sharing/embed-height.ts';
import { embedFrameTitle, embedSnippet } from '../sharing/embed-snippet.ts';
import { hasPublishedFigures } from './figures-page.ts';
import { measureOgText } from '../sharing/measure-og.ts';
import { composeOgImageSvg, OG_IMAGE_SIZE } from '../sharing/og-image.ts';
import { absoluteUrl } from '../sharing/urls.ts';
import { sliceRows } from '../charts/kinds/line/table.ts';
import { figuresPages, hasFiguresPages, NEWEST_PERIODS } from './figures-page.ts';
import type { FiguresPageView, FiguresView, LineTableView, MeasureViews, TargetView } from './types.ts';

/** Lookups over the page model that every measure's views use; built once per data step. */
export interface ModelIndex {
  readonly model: PageModel;
  readonly measure: (slug: string) => MeasureEntry;
}

/** Builds the lookups once. */
export function modelIndex(model: PageModel): ModelIndex {
  const bySlug = new Map(model.measures.map((m) => [m.slug, m]));
  return {
    model,
    measure: (slug) => {
      const found = bySlug.get(slug);
      if (!found) throw new Error(`unknown measure "${slug}"`);
      return found;
    },
  };
}

function targetView(t: TargetOnMeasure): TargetView {
  return {
    plan: t.plan.id,
    text: t.target.text,
    noBaselinePeriod: t.target.kind === 'change_from_baseline' && t.target.baseline_period === undefined,
    ...(t.target.baseline_note ? { baselineNote: t.target.baseline_note } : {}),
    status: t.assessment.status[0]!.toUpperCase() + t.assessment.status.slice(1),
    reason: t.assessment.reason,
  };
}

/**
 * A long series' chart with only its newest rows in the table under it (src/lib/views/figures-page.ts):
 * at 120 monthly periods the whole table alone breaks a phone's element budget. Short series and
 * bar charts are returned as they are.
 */
function withNewestRows(chart: LeadChartView, long: boolean): LeadChartView {
  if (chart.kind !== 'line' || !long || chart.table.table.rows.length <= NEWEST_PERIODS) return chart;
  const total = chart.table.table.rows.length;
  const table: LineTableView = {
    ...chart.table,
    caption: `${chart.table.caption}, newest ${NEWEST_PERIODS} of ${total}`,
    table: sliceRows(chart.table.table, -NEWEST_PERIODS),
    newest: { shown: NEWEST_PERIODS, total },
  };
  return { ...chart, table };
}

/** Every row of a long series' lead chart table, split into its figures pages, each captioned with its span. */
function figuresPagesView(lead: LeadChart | undefined, drawn: LeadChartView | undefined, view: MeasureEntry): FiguresPageView[] | undefined {
  if (lead?.kind !== 'line' || drawn?.kind !== 'line' || !hasFiguresPages(view)) return undefined;
  const full = drawn.table.table;
  const subject = `${view.data.title}: ${lead.input.areaName}${lead.input.series.length > 1 ? ' and comparators' : ''}`;
  let start = 0;
  const pages = figuresPages(full, view);
  return pages.map((page) => {
    const span = `${page.items[0]!.periodLabel} to ${page.items.at(-1)!.periodLabel}`;
    const table = sliceRows(full, start, start + page.items.length);
    start += page.items.length;
    return { table: { caption: `${subject}, ${span}`, id: `${view.slug}-figures`, unitSuffix: drawn.table.unitSuffix, table }, span, totalRows: full.rows.length, pageCount: pages.length };
  });
}

function figuresView(data: MeasurePageData, chart: LeadChart, embedChart: LeadChartView | undefined, long: boolean): FiguresView {
  const meta = data.measure.data;
  const slug = data.measure.id;
  const latest = data.latest!;
  // The page's line chart also offers the earlier releases; embeds and previews show the current one
  // alone. Without earlier releases to offer, the page's chart is the embed's. The words describe the
  // current release only, so the page's chart keeps the lead chart's.
  const vintages = chart.kind === 'line' ? earlierVintages(data) : [];
  const pageChart: LeadChartView =
    chart.kind === 'line' && vintages.length > 0
      ? leadChartView({ ...chart, input: { ...chart.input, vintages } }, slug, meta.title)
      : (embedChart ?? leadChartView(chart, slug, meta.title));
  const breakdown = breakdownChartInput(data);
  const breakdownName = breakdown?.breakdownLabel.toLowerCase();
  return {
    latest: {
      valueText: formatValue(latest.value, meta.unit),
      ...(meta.unit === 'count' && meta.unit_label ? { unitWords: meta.unit_label } : {}),
      periodLabel: periodLabel(latest.period),
      provisional: latest.point.observation.status === 'provisional',
    },
    revisedCount: data.revised.size,
    chartHeading: chart.kind === 'bar' ? 'How areas compare' : 'Trend',
    chart: withNewestRows(pageChart, long),
    ...(breakdown && breakdownName
      ? {
          breakdown: {
            heading: `Breakdown: ${breakdownName}, ${periodLabel(breakdown.period)}`,
            chart: barChartView(breakdown, { id: `${slug}-breakdown`, title: `${meta.title} by ${breakdownName}`, downloadName: `${slug}-breakdown`, rowsAre: breakdownName }),
          },
        }
      : {}),
  };
}

/** Every view of one measure, from the page model and the measure's releases with rows. */
export function measureViews(index: ModelIndex, measure: Measure, siteRoot: string): MeasureViews {
  const { model } = index;
  const view = index.measure(measure.id);
  const meta = view.data;
  const { view: judged, direction, latest: age } = judgedMeasure(view, model.plans, model.today, model.site);
  const data = measurePageData(judged, { ...measure, data: judged.data }, model.site, model.plans, model.today);
  // The plan pages list targets on the measure as it stands, without the page's judgement of its latest figure.
  const planTargets = (judged === view ? data.targets : targetsOnMeasure(view, data.series, model.plans, model.today)).map(targetView);
  const publishers = measurePublishers(view, index.measure);
  const current = view.vintages.at(-1);
  const url = absoluteUrl(siteRoot, paths.measure(view.slug));
  const citation: CitationFacts = {
    partnership: model.site.partnership,
    title: meta.title,
    ...(current ? { releaseDate: current.date } : {}),
    today: model.today,
    url,
    publisher: publishers[0]?.publisher ?? model.site.partnership,
    licence: model.site.licence.short,
  };
  // The one lead chart: the page leads with it, the embed and the preview image show it. The build
  // draws a preview image and an embed page for exactly the measures with published figures.
  const lead = leadChart(data);
  const chart = hasPublishedFigures(view) ? lead : undefined;
  const plans = meta.plans.map((id) => model.plans.find((p) => p.id === id)!);
  const endedBefore = age ? plans.filter((p) => placeInPlan(age.period, planPeriod(p.data)) === 'after') : [];
  const ogSvg = chart ? composeOgImageSvg(chart, measureOgText(chart, data, model.site)) : undefined;
  const embedChart = chart ? leadChartView(chart, view.slug, meta.title) : undefined;
  // An embed that calls its figure better or worse cites the plan's words for it, as the page does;
  // one whose figure is for another area than the plan's aim says why it calls it neither.
  const embedNote = direction.judges || direction.otherArea ? direction.text : undefined;
  const long = hasFiguresPages(view);
  const figuresPagesList = figuresPagesView(chart, embedChart, view);
  return {
    page: {
      slug: view.slug,
      direction: direction.text,
      whichWay: whichWayIsBetter(meta.polarity, direction),
      ...(age ? { age: { outOfDate: age.outOfDate, sentence: age.sentence } } : {}),
      ...(lead ? { figures: figuresView(data, lead, embedChart, long) } : {}),
      endedBefore: endedBefore.map((p) => ({ shortTitle: p.data.short_title, periodLabel: planPeriod(p.data).label })),
      targets: data.targets.map(targetView),
      publishers: publishers.map((p) => ({ publisher: p.publisher, dataset: p.dataset })),
      ...(frequencyLabel(meta) ? { published: frequencyLabel(meta) } : {}),
      releases: data.releases.map((item) => {
        const rounded = roundedText(item.rounded);
        return { ...item, revisionsOnOwnPage: releaseOnOwnPage(item.counts), ...(rounded ? { roundedSentence: rounded } : {}) };
      }),
      citation: { text: measureCitation(citation), metaTags: citationMetaTags(citation) },
      ...(chart
        ? {
            socialImage: { url: absoluteUrl(siteRoot, paths.measureOgImage(view.slug)), alt: chart.desc, ...OG_IMAGE_SIZE },
            embedSnippet: embedSnippet({
              src: absoluteUrl(siteRoot, paths.embedMeasure(view.slug)),
              title: embedFrameTitle(meta.title, model.site.site_name),
              height: embedHeight(chart, embedChart, embedNote),
            }),
          }
        : {}),
    },
    ...(figuresPagesList ? { figuresPages: figuresPagesList } : {}),
    ...(chart && embedChart && current
      ? { embed: { slug: view.slug, chart: withNewestRows(embedChart, long), areaName: chart.input.areaName, publisher: current.release.publisher, updated: current.date, ...(embedNote ? { directionNote: embedNote } : {}) } }
      : {}),
    ...(ogSvg ? { ogSvg } : {}),
    planTargets,
  };
}

/**
 * The "Which way is better" row. A judged figure's note already opens with the direction ("Lower is
 * better, as the plan sets the direction"); a figure left unjudged because of its area or period says the
 * direction is the plan's aim's before saying why this figure gets no verdict; a measure with no
 * direction says there is no judgement.
 */
export function whichWayIsBetter(polarity: Polarity, direction: Pick<DirectionNote, 'text' | 'judges' | 'citations'>): string {
  const label = polarityLabel(polarity);
  if (direction.text.startsWith(label)) return direction.text;
  if (polarity !== 'no_judgement' && !direction.judges && direction.citations.length > 0) return `${label} for the plan's aim. ${direction.text}`;
  return `${polarityLabel('no_judgement')}. ${direction.text}`;
}
