/**
 * One measure's views, projected from its record (record.ts), which the data step builds once: what
 * its page, its embed page, its figures pages, its preview image and the plan pages' target lists
 * show. Every choice (which chart leads, whether a figure is judged, what a target's status is) is
 * made in the record, not here and not in the pages; this only puts it into each view's words.
 */
import type { LeadChart, LeadChartView } from '../charts/kinds/registry.ts';
import { releaseOnOwnPage, roundedText } from '../derive/release-history.ts';
import { polarityLabel } from '../format/labels.ts';
import type { Polarity } from '../schemas/measure.ts';
import type { DirectionNote } from '../derive/judgement.ts';
import { formatValue } from '../format/number.ts';
import { periodLabel } from '../schemas/period.ts';
import { citationMetaTags, measureCitation } from '../sharing/citation.ts';
import { embedHeight } from '../sharing/embed-height.ts';
import { embedSnippet } from '../sharing/embed-snippet.ts';
import { composeOgImageSvg, OG_IMAGE_SIZE } from '../sharing/og-image.ts';
import { sliceRows } from '../charts/kinds/line/table.ts';
import { figuresPages, NEWEST_PERIODS } from './figures-page.ts';
import { leadChartOf, periodOf, type MeasureRecord, type RecordTarget } from './record.ts';
import type { FiguresPageView, FiguresView, LineTableView, MeasureViews, TargetView } from './types.ts';

function targetView(t: RecordTarget): TargetView {
  return { ...t, status: t.status[0]!.toUpperCase() + t.status.slice(1) };
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
function figuresPagesView(lead: LeadChart | undefined, drawn: LeadChartView | undefined, record: MeasureRecord): FiguresPageView[] | undefined {
  if (lead?.kind !== 'line' || drawn?.kind !== 'line' || !record.long) return undefined;
  const full = drawn.table.table;
  const subject = `${record.title}: ${lead.input.areaName}${lead.input.series.length > 1 ? ' and comparators' : ''}`;
  let start = 0;
  const pages = figuresPages(full, record);
  return pages.map((page) => {
    const span = `${page.items[0]!.periodLabel} to ${page.items.at(-1)!.periodLabel}`;
    const table = sliceRows(full, start, start + page.items.length);
    start += page.items.length;
    return { table: { caption: `${subject}, ${span}`, id: `${record.slug}-figures`, unitSuffix: drawn.table.unitSuffix, table }, span, totalRows: full.rows.length, pageCount: pages.length };
  });
}

function figuresView(record: MeasureRecord, chart: LeadChart, drawn: LeadChartView): FiguresView {
  const latest = record.latest!;
  const breakdown = record.breakdown;
  return {
    latest: {
      valueText: formatValue(latest.value, record.unit),
      ...(record.unit === 'count' && record.unitLabel ? { unitWords: record.unitLabel } : {}),
      periodLabel: periodLabel(periodOf(latest.period)),
      provisional: latest.provisional,
    },
    revisedCount: record.revisedCount,
    chartHeading: chart.kind === 'bar' ? 'How areas compare' : 'Trend',
    // The page's line chart also offers the earlier releases; embeds and previews show the current one alone.
    chart: withNewestRows(record.withEarlierReleases ?? drawn, record.long),
    ...(breakdown ? { breakdown: { heading: `Breakdown: ${breakdown.name}, ${periodLabel(periodOf(breakdown.period))}`, chart: breakdown.chart } } : {}),
  };
}

/** Every view of one measure, from its record alone. */
export function measureViews(record: MeasureRecord): MeasureViews {
  const lead = record.lead && leadChartOf(record.lead);
  const drawn = record.lead?.drawn;
  const share = lead && record.share;
  // The embed and the preview image show the lead chart of a measure with published figures.
  const chart = share ? lead : undefined;
  const embedChart = share ? drawn : undefined;
  const { direction } = record;
  const ogSvg = chart && share ? composeOgImageSvg(chart, share.image) : undefined;
  // An embed that calls its figure better or worse cites the plan's words for it, as the page does;
  // one whose figure is for another area than the plan's aim says why it calls it neither.
  const embedNote = direction.judges || direction.otherArea ? direction.text : undefined;
  const figuresPagesList = figuresPagesView(chart, embedChart, record);
  return {
    page: {
      slug: record.slug,
      direction: direction.text,
      whichWay: whichWayIsBetter(record.polarity, direction),
      ...(record.age ? { age: record.age } : {}),
      ...(lead && drawn ? { figures: figuresView(record, lead, drawn) } : {}),
      endedBefore: record.endedBefore,
      targets: record.targets.map(targetView),
      publishers: record.publishers,
      ...(record.published ? { published: record.published } : {}),
      releases: record.releases.map((item) => {
        const rounded = roundedText(item.rounded);
        return { ...item, revisionsOnOwnPage: releaseOnOwnPage(item.counts), ...(rounded ? { roundedSentence: rounded } : {}) };
      }),
      citation: { text: measureCitation(record.citation), metaTags: citationMetaTags(record.citation) },
      ...(chart && share
        ? {
            socialImage: { url: share.imageUrl, alt: chart.desc, ...OG_IMAGE_SIZE },
            embedSnippet: embedSnippet({ src: share.embedUrl, title: share.frameTitle, height: embedHeight(chart, embedChart, embedNote) }),
          }
        : {}),
    },
    ...(figuresPagesList ? { figuresPages: figuresPagesList } : {}),
    ...(chart && embedChart && record.release
      ? { embed: { slug: record.slug, chart: withNewestRows(embedChart, record.long), areaName: chart.input.areaName, publisher: record.release.publisher, updated: record.release.date, ...(embedNote ? { directionNote: embedNote } : {}) } }
      : {}),
    ...(ogSvg ? { ogSvg } : {}),
    planTargets: record.planTargets.map(targetView),
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
