/**
 * One measure's record (issue 21, "compute each measure once"): everything its page, figures pages,
 * embed, preview image and the plan pages' target lists show, derived once by the data step from the
 * page model and the measure's releases with rows. Every derive/ and chart-layout call for a measure's
 * views is made here, once; its views (measure.ts) are a projection of the record and compute nothing
 * from the releases. Plain JSON: periods carry their bounds as ISO days, with no Date, Map or
 * undefined field, so a record written out and read back gives the same views.
 */
import { barChartView, type BarChartView } from '../charts/kinds/bar.ts';
import { breakdownChartInput } from '../charts/kinds/bar/input.ts';
import type { ChartWords } from '../charts/kinds/kind.ts';
import type { LineChartView } from '../charts/kinds/line.ts';
import { earlierVintages } from '../charts/kinds/line/input.ts';
import { leadChart, leadChartView, type LeadChart, type LeadChartView, type LeadInput, type LeadKindName } from '../charts/kinds/registry.ts';
import { judgedMeasure, placeInPlan, planPeriod, type DirectionNote } from '../derive/judgement.ts';
import { measurePageData, targetsOnMeasure, type TargetOnMeasure } from '../derive/measure-page.ts';
import type { ReleaseHistoryItem } from '../derive/release-history.ts';
import type { MeasureEntry, PageModel } from '../derive/page-model.ts';
import { measurePublishers } from '../format/attribution.ts';
import { frequencyLabel } from '../format/labels.ts';
import type { Frequency, Polarity, Unit } from '../schemas/measure.ts';
import type { Measure } from '../schemas/model.ts';
import { paths } from '../schemas/paths.ts';
import { isoDay, periodFromDays, type Period } from '../schemas/period.ts';
import type { CitationFacts } from '../sharing/citation.ts';
import { embedFrameTitle } from '../sharing/embed-snippet.ts';
import { measureOgText } from '../sharing/measure-og.ts';
import type { OgImageText } from '../sharing/og-image.ts';
import { absoluteUrl } from '../sharing/urls.ts';
import { hasFiguresPages, hasPublishedFigures } from './figures-page.ts';

/** Lookups over the page model that every measure's record uses; built once per data step. */
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

/** A period as JSON: its text and its bounds as ISO days. */
export interface RecordPeriod {
  /** The period as the data writes it, e.g. "2023-24": the key used in data, downloads and URLs. */
  readonly text: string;
  /** The frequency it is read in. */
  readonly frequency: Frequency;
  /** First day of the period, YYYY-MM-DD. */
  readonly start: string;
  /** First day after the period, YYYY-MM-DD. */
  readonly end: string;
}

/** `T` with every Period in it as a RecordPeriod: a chart input as the record holds it. */
export type Plain<T> = T extends Period ? RecordPeriod : T extends readonly (infer U)[] ? readonly Plain<U>[] : T extends object ? { readonly [K in keyof T]: Plain<T[K]> } : T;

/** One point of the headline series. */
export interface RecordPoint {
  /** The period as the data writes it, e.g. "2023-24". */
  readonly period: string;
  /** First day of the period, YYYY-MM-DD. */
  readonly start: string;
  /** First day after the period, YYYY-MM-DD. */
  readonly end: string;
  /** The figure; null where the publisher suppressed it. */
  readonly value: number | null;
}

/** A measure's lead chart of one kind: its input, its words, and the page-size charts drawn from it. */
export type RecordLeadChartOf<K extends LeadKindName> = {
  [P in K]: {
    /** Which kind of chart the measure leads with. */
    readonly kind: P;
    /** What the chart is drawn from, its periods as ISO days: the preview image is laid out again from it at its own size. */
    readonly input: Plain<Extract<LeadInput, { kind: P }>['input']>;
    /** The current release's chart, laid out and drawn once: the embed's, and the page's when it offers no earlier release. */
    readonly drawn: LeadChartView;
  } & ChartWords;
}[K];

/** A measure's lead chart, whatever its kind. */
export type RecordLeadChart = RecordLeadChartOf<LeadKindName>;

/** A plan's target on the measure, as assessed. */
export interface RecordTarget {
  /** The plan's id. */
  readonly plan: string;
  /** The target as the plan words it. */
  readonly text: string;
  /** True for a change-from-baseline target whose plan states no baseline period. */
  readonly noBaselinePeriod: boolean;
  /** The plan's note on its baseline; absent when it has none. */
  readonly baselineNote?: string;
  /** Its status as assessed, e.g. "on track". */
  readonly status: string;
  /** Why, in one sentence. */
  readonly reason: string;
}

/** Everything one measure's views show, derived once. */
export interface MeasureRecord {
  /** The measure's slug. */
  readonly slug: string;
  /** The measure's title. */
  readonly title: string;
  /** What its figures count or measure. */
  readonly unit: Unit;
  /** Plural noun for counted things, e.g. "offences"; absent when the measure names none. */
  readonly unitLabel?: string;
  /** The direction the measure's metadata sets, before the judgement of its latest figure. */
  readonly polarity: Polarity;
  /** How often it is published ("Quarterly"); absent when its metadata sets no frequency. */
  readonly published?: string;
  /** The current release's headline series (own area, no breakdown), oldest first; empty without figures. Its periods page a long series' figures. */
  readonly headline: readonly RecordPoint[];
  /** The newest figure of the headline series; absent without one. */
  readonly latest?: {
    /** The figure. */
    readonly value: number;
    /** Its period. */
    readonly period: RecordPeriod;
    /** True when the publisher marks it provisional. */
    readonly provisional: boolean;
  };
  /** The judgement: whether the latest figure is called better or worse, and why, in the plans' words. */
  readonly direction: DirectionNote;
  /** The latest figure's age on the build's day; absent without a figure. */
  readonly age?: {
    /** True when more than twice the measure's frequency has passed since the period ended. */
    readonly outOfDate: boolean;
    /** The period, release date and age as one sentence. */
    readonly sentence: string;
  };
  /** Plans that ended before the latest figure's period, with their periods: the figure is not their result. */
  readonly endedBefore: readonly { readonly shortTitle: string; readonly periodLabel: string }[];
  /** Figures of the current release that differ from the release before. */
  readonly revisedCount: number;
  /** The chart the measure page leads with; absent when there are no figures to draw. */
  readonly lead?: RecordLeadChart;
  /** The line chart with the earlier releases a reader may draw beside the current one; absent when there are none to offer. */
  readonly withEarlierReleases?: LineChartView;
  /** The breakdown at its latest period, drawn; absent without a lead chart or breakdown rows. */
  readonly breakdown?: {
    /** What the bars split by, in lower case, e.g. "age band". */
    readonly name: string;
    /** The period the bars are for. */
    readonly period: RecordPeriod;
    /** The chart, laid out and drawn once. */
    readonly chart: BarChartView;
  };
  /** True for a long series: its page and embed tables show only the newest rows, and every row is on its figures pages. */
  readonly long: boolean;
  /** The plans' targets on the measure, judged as the page judges the latest figure. */
  readonly targets: readonly RecordTarget[];
  /** The same targets as a plan page lists them: on the measure as it stands, without the page's judgement. */
  readonly planTargets: readonly RecordTarget[];
  /** Who published the figures (a derived measure's: its inputs' publishers), and in which dataset. */
  readonly publishers: readonly { readonly publisher: string; readonly dataset: string }[];
  /** Every release, newest first, with what it changed. */
  readonly releases: readonly ReleaseHistoryItem[];
  /** What the measure's citation is written from. */
  readonly citation: CitationFacts;
  /** The current release the embed credits; absent when the measure has no release of its own. */
  readonly release?: {
    /** Its date, YYYY-MM-DD. */
    readonly date: string;
    /** Who published it. */
    readonly publisher: string;
  };
  /** Where the measure's lead chart is shared (a measure with published figures): its preview image and embed. */
  readonly share?: {
    /** Absolute address of the preview image. */
    readonly imageUrl: string;
    /** The words drawn around the chart in the preview image. */
    readonly image: OgImageText;
    /** Absolute address of the embed page. */
    readonly embedUrl: string;
    /** The embed frame's accessible title. */
    readonly frameTitle: string;
  };
}

/**
 * Measure records built in this thread. The data step sums them over its threads (chartCounts'
 * `records`): one per measure whose views it writes, or some measure's was built again.
 */
export const recordCounts = { built: 0 };

function plainPeriod(period: Period): RecordPeriod {
  return { text: period.text, frequency: period.frequency, start: isoDay(period.start), end: isoDay(period.end) };
}

/** A record's period as the chart and label code read it. */
export function periodOf(period: RecordPeriod): Period {
  return periodFromDays(period.text, period.frequency, period.start, period.end);
}

/** True for a Period: the only objects in a chart input holding Dates. */
function isPeriod(value: object): value is Period {
  return 'start' in value && value.start instanceof Date;
}

/** True for a RecordPeriod: exactly its four fields, each text. */
function isRecordPeriod(value: object): value is RecordPeriod {
  const keys = Object.keys(value);
  return keys.length === 4 && ['text', 'frequency', 'start', 'end'].every((k) => typeof (value as Record<string, unknown>)[k] === 'string');
}

// Walked, not written out per kind: a chart kind's input is the kind's own, so the record holds any
// kind's without knowing its shape, and adding a kind does not touch this file.
function plain<T>(value: T): Plain<T> {
  if (Array.isArray(value)) return value.map(plain) as Plain<T>;
  if (value === null || typeof value !== 'object') return value as Plain<T>;
  if (isPeriod(value)) return plainPeriod(value) as Plain<T>;
  // A loop, not Object.entries/fromEntries: a long series' input holds hundreds of points.
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = plain(value[key]);
  return out as Plain<T>;
}

function revived<T>(value: Plain<T>): T {
  if (Array.isArray(value)) return value.map(revived) as T;
  if (value === null || typeof value !== 'object') return value as T;
  if (isRecordPeriod(value)) return periodOf(value) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revived(v)])) as T;
}

/**
 * The lead chart each record in this thread was built from. Projecting the views in the thread that
 * built the record reads it back instead of turning every period of the record's copy into dates
 * again; a record read from elsewhere (a copy, JSON) has none and is revived. Either way the input is
 * equal, as the record tests check.
 */
const builtFrom = new WeakMap<RecordLeadChart, LeadChart>();

/** The record's lead chart with its input as the chart code reads it (periods as dates). */
export function leadChartOf(lead: RecordLeadChart): LeadChart {
  // The kind and its input are one record's pair, which a union over kinds cannot say of two fields.
  return builtFrom.get(lead) ?? ({ kind: lead.kind, input: revived<LeadInput['input']>(lead.input), desc: lead.desc, summary: lead.summary } as LeadChart);
}

function recordLead(chart: LeadChart, drawn: LeadChartView): RecordLeadChart {
  const lead = { kind: chart.kind, input: plain<LeadInput['input']>(chart.input), drawn, desc: chart.desc, summary: chart.summary } as RecordLeadChart;
  builtFrom.set(lead, chart);
  return lead;
}

function recordTarget(t: TargetOnMeasure): RecordTarget {
  return {
    plan: t.plan.id,
    text: t.target.text,
    noBaselinePeriod: t.target.kind === 'change_from_baseline' && t.target.baseline_period === undefined,
    ...(t.target.baseline_note ? { baselineNote: t.target.baseline_note } : {}),
    status: t.assessment.status,
    reason: t.assessment.reason,
  };
}

/** One measure's record, from the page model and the measure's releases with rows; every view of the measure is projected from it. */
export function measureRecord(index: ModelIndex, measure: Measure, siteRoot: string): MeasureRecord {
  recordCounts.built++;
  const { model } = index;
  const view = index.measure(measure.id);
  const meta = view.data;
  const { view: judged, direction, latest: age } = judgedMeasure(view, model.plans, model.today, model.site);
  const data = measurePageData(judged, { ...measure, data: judged.data }, model.site, model.plans, model.today);
  // The plan pages list targets on the measure as it stands, without the page's judgement of its latest figure.
  const planTargets = judged === view ? data.targets : targetsOnMeasure(view, data.series, model.plans, model.today);
  const publishers = measurePublishers(view, index.measure);
  const current = view.vintages.at(-1);
  const citation: CitationFacts = {
    partnership: model.site.partnership,
    title: meta.title,
    ...(current ? { releaseDate: current.date } : {}),
    today: model.today,
    url: absoluteUrl(siteRoot, paths.measure(view.slug)),
    publisher: publishers[0]?.publisher ?? model.site.partnership,
    licence: model.site.licence.short,
  };
  // The one lead chart: the page leads with it, the embed and the preview image show it. The build
  // draws a preview image and an embed page for exactly the measures with published figures.
  const lead = leadChart(data);
  const shared = lead !== undefined && hasPublishedFigures(view);
  const plans = meta.plans.map((id) => model.plans.find((p) => p.id === id)!);
  const endedBefore = age ? plans.filter((p) => placeInPlan(age.period, planPeriod(p.data)) === 'after') : [];
  // Drawn once for the current release: the embed shows it, and the page too unless it offers earlier releases.
  const drawn = lead && leadChartView(lead, view.slug, meta.title);
  // The page's line chart also offers the earlier releases; the words describe the current release
  // only, so it keeps the lead chart's.
  const vintages = lead?.kind === 'line' ? earlierVintages(data) : [];
  const withEarlierReleases = lead?.kind === 'line' && vintages.length > 0 ? leadChartView({ ...lead, input: { ...lead.input, vintages } }, view.slug, meta.title) : undefined;
  const breakdown = lead ? breakdownChartInput(data) : undefined;
  const breakdownName = breakdown?.breakdownLabel.toLowerCase();
  const latest = data.latest;
  return {
    slug: view.slug,
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    polarity: meta.polarity,
    ...(frequencyLabel(meta) ? { published: frequencyLabel(meta) } : {}),
    headline: (data.series?.headline.points ?? []).map((p) => ({ period: p.period.text, start: isoDay(p.period.start), end: isoDay(p.period.end), value: p.value })),
    ...(latest ? { latest: { value: latest.value, period: plainPeriod(latest.period), provisional: latest.point.observation.status === 'provisional' } } : {}),
    direction,
    ...(age ? { age: { outOfDate: age.outOfDate, sentence: age.sentence } } : {}),
    endedBefore: endedBefore.map((p) => ({ shortTitle: p.data.short_title, periodLabel: planPeriod(p.data).label })),
    revisedCount: data.revised.size,
    ...(lead && drawn ? { lead: recordLead(lead, drawn) } : {}),
    ...(withEarlierReleases ? { withEarlierReleases } : {}),
    ...(breakdown && breakdownName
      ? {
          breakdown: {
            name: breakdownName,
            period: plainPeriod(breakdown.period),
            chart: barChartView(breakdown, { id: `${view.slug}-breakdown`, title: `${meta.title} by ${breakdownName}`, downloadName: `${view.slug}-breakdown`, rowsAre: breakdownName }),
          },
        }
      : {}),
    long: hasFiguresPages(view),
    targets: data.targets.map(recordTarget),
    planTargets: planTargets.map(recordTarget),
    publishers: publishers.map((p) => ({ publisher: p.publisher, dataset: p.dataset })),
    releases: data.releases,
    citation,
    ...(current ? { release: { date: current.date, publisher: current.release.publisher } } : {}),
    ...(shared
      ? {
          share: {
            imageUrl: absoluteUrl(siteRoot, paths.measureOgImage(view.slug)),
            image: measureOgText(lead, data, model.site),
            embedUrl: absoluteUrl(siteRoot, paths.embedMeasure(view.slug)),
            frameTitle: embedFrameTitle(meta.title, model.site.site_name),
          },
        }
      : {}),
  };
}
