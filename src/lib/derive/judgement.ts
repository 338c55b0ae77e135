/**
 * What the site may say about a figure, and no more: better or worse only in a direction a plan states
 * (quoted beside the judgement), an archived plan's figures split at the end of its own period, and the
 * age of every latest figure against the build's "today" (passed in, never read from the clock here).
 */
import { longDate } from '../format/labels.ts';
import type { HeadlinePoint, MeasureEntry, PlanEntry } from './page-model.ts';
import { parsePeriod, periodLabel, type Period } from '../schemas/period.ts';
import type { DirectionCitation, Frequency, MeasureMeta } from '../schemas/measure.ts';
import type { PlanMeta } from '../schemas/plan.ts';
import { utcMonth } from 'd3-time';
import { announcedOnly } from './release-history.ts';

/** Why the site does or does not call a change better or worse, in the plans' own words. */
export interface DirectionNote {
  /** True when the measure carries a better/worse judgement. */
  readonly judges: boolean;
  /** One or more sentences for readers, quoting each plan's words and saying where they are. */
  readonly text: string;
  /** The citations the text quotes, in the measure's order. */
  readonly citations: readonly DirectionCitation[];
  /** True when a plan sets the direction but the figure is for another area than the one its aims are about. */
  readonly otherArea?: boolean;
}

/** An area as a figure or a plan's aims name it. */
export interface NamedArea {
  readonly name: string;
  readonly code: string;
}

/**
 * The area a figure is for and the area the plans' aims are about (the partnership's own: each plan is
 * the partnership's plan for its area), with the police force area the partnership lies in, to say
 * when a figure's area is the wider one.
 */
export interface AimArea {
  readonly figure: NamedArea;
  readonly aim: NamedArea & { readonly police_force_area?: NamedArea };
}

/** A plan's quoted words as a sentence: The 2024-27 strategy says “Reduce Crime” (Overall Aims). */
function quoted(citation: DirectionCitation, planName: (id: string) => string): string {
  const words = citation.words.trim().replace(/[.;:,]$/, '');
  return `The ${planName(citation.plan)} says “${words}” (${citation.where}).`;
}

/**
 * Explains the measure's judgement, or its absence, from the plans' words; `planName` gives "2015-20 plan"
 * for "2015-20". `applies` says which citations may judge the figure shown (e.g. only a plan whose period
 * the figure does not postdate): a direction a plan set for its own period does not judge later figures.
 */
export function directionNote(
  meta: Pick<MeasureMeta, 'polarity' | 'direction'>,
  planName: (id: string) => string,
  applies: (citation: DirectionCitation) => boolean = () => true,
  area?: AimArea,
): DirectionNote {
  const all = meta.direction;
  const judging = all.filter(applies);
  // A plan's aim is about the partnership's area: a figure for another area (the whole police force
  // area, for a city's aim to "Reduce Crime") is not the aim's figure, so it gets no verdict.
  if (meta.polarity !== 'no_judgement' && judging.length > 0 && area && area.figure.code !== area.aim.code) {
    const wider = area.aim.police_force_area?.code === area.figure.code;
    const quotes = judging.map((c) => quoted(c, planName)).join(' ');
    return {
      judges: false,
      otherArea: true,
      text: `The site does not call this figure better or worse: it is for ${area.figure.name}, ${wider ? 'a wider area than' : 'not'} ${area.aim.name}, the area the plan's aim is about. ${quotes}`,
      citations: judging,
    };
  }
  if (meta.polarity !== 'no_judgement' && judging.length > 0) {
    const better = meta.polarity === 'lower_is_better' ? 'Lower is better' : 'Higher is better';
    const quotes = judging.map((c) => quoted(c, planName)).join(' ');
    return { judges: true, text: `${better}, as the plan sets the direction. ${quotes}`, citations: judging };
  }
  const quotes = all.map((c) => quoted(c, planName)).join(' ');
  if (meta.polarity !== 'no_judgement' && all.length > 0) {
    return {
      judges: false,
      text: `The site does not call this figure better or worse: it is for a period after the plan that sets the direction ended. ${quotes}`,
      citations: all,
    };
  }
  const why = all.length > 0
    ? `The site does not call a change better or worse: the plans set no direction for this measure. ${quotes}`
    : 'The site does not call a change better or worse: no plan says which way this measure should go.';
  return { judges: false, text: why, citations: all };
}

/** A plan's period as dates: `end` is exclusive (the first day after), like a data period's. */
export interface PlanPeriod {
  readonly start: Date;
  readonly end: Date;
  /** "2015 to 2020 (taken on this site as April 2015 to March 2020)": the plan's words, for sentences. */
  readonly label: string;
  /** The plan's last month, "March 2020". */
  readonly lastMonth: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function utcDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The plan's period from its frontmatter: `period.start`/`period.end` where given, else its first and last years whole. */
export function planPeriod(plan: Pick<PlanMeta, 'period'>): PlanPeriod {
  const start = plan.period.start ? utcDay(plan.period.start) : new Date(Date.UTC(plan.period.start_year, 0, 1));
  const last = plan.period.end ? utcDay(plan.period.end) : new Date(Date.UTC(plan.period.end_year, 11, 31));
  const end = new Date(last.getTime() + 86_400_000);
  const month = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  // The plan's own words for its period ("2015 to 2020"); the months are this site's reading of it
  // (from the plan's first year and its targets' date), said to be so, never passed off as the plan's.
  const label = plan.period.start && plan.period.end
    ? `${plan.period.label} (taken on this site as ${month(start)} to ${month(last)})`
    : plan.period.label;
  return { start, end, label, lastMonth: month(last) };
}

/** Where a data period falls against a plan's period: wholly before it began, ending after it ended, or within. */
export function placeInPlan(period: Pick<Period, 'start' | 'end'>, plan: PlanPeriod): 'before' | 'within' | 'after' {
  if (period.end.getTime() > plan.end.getTime()) return 'after';
  if (period.end.getTime() <= plan.start.getTime()) return 'before';
  return 'within';
}

/** A measure's headline points split at the end of a plan's period. */
export interface PlanSplit {
  /** The measure with only the points that end by the plan's end; undefined unless its latest figure falls within the plan. */
  readonly withinPlan?: MeasureEntry;
  /** The measure with only the points after the plan ended; undefined when there are none with a figure. */
  readonly afterPlan?: MeasureEntry;
}

/** Splits a measure's headline series at the end of the plan period, so later figures are never shown as the plan's results. */
export function splitAtPlanEnd(view: MeasureEntry, plan: PlanPeriod): PlanSplit {
  const { frequency, interval_months } = view.data;
  if (!frequency) return {};
  const placed = view.headline.flatMap((point) => {
    const parsed = parsePeriod(point.period, frequency, interval_months);
    return parsed.ok ? [{ point, place: placeInPlan(parsed.period, plan) }] : [];
  });
  const upToEnd = placed.filter((p) => p.place !== 'after');
  const after = placed.filter((p) => p.place === 'after');
  const latestUpToEnd = [...upToEnd].reverse().find((p) => p.point.value !== null);
  const only = (points: readonly { point: HeadlinePoint }[]): MeasureEntry => ({ ...view, headline: points.map((p) => p.point) });
  return {
    ...(latestUpToEnd?.place === 'within' ? { withinPlan: only(upToEnd) } : {}),
    ...(after.some((p) => p.point.value !== null) ? { afterPlan: only(after) } : {}),
  };
}

/** The length of one period of the measure's frequency, in months; undefined without a frequency. */
export function frequencyMonths(meta: Pick<MeasureMeta, 'frequency' | 'interval_months'>): number | undefined {
  const months: Record<Frequency, number> = { month: 1, quarter: 3, year: 12, financial_year: 12, interval: meta.interval_months ?? 12 };
  return meta.frequency ? months[meta.frequency] : undefined;
}

/**
 * A figure is out of date once more than twice its measure's frequency has passed since its period
 * ended: a yearly figure two years after its year, a monthly one two months after its month.
 */
export function isOutOfDate(period: Pick<Period, 'end'>, months: number, today: Date): boolean {
  return today.getTime() >= utcMonth.offset(period.end, 2 * months).getTime();
}

/** The newest published figure of a measure with its period, release date and age. */
export interface LatestFigure {
  readonly value: number;
  readonly period: Period;
  /** "year ending June 2025". */
  readonly periodLabel: string;
  /** YYYY-MM-DD of the current release on this site (its vintage, the file the figure is read from); undefined for a derived series with no release of its own. */
  readonly released?: string;
  /** True when more than twice the measure's frequency has passed since the period ended. */
  readonly outOfDate: boolean;
  /** One sentence for readers: the period, the release date, and whether it is out of date. */
  readonly sentence: string;
}

/** One period of each frequency, as sentences name it. */
function periodWord(frequency: Frequency, months: number): string {
  return { month: 'month', quarter: 'quarter', year: 'year', financial_year: 'year', interval: `${months}-month period` }[frequency];
}

/** The latest figure's period, release date and age on `today` (YYYY-MM-DD, the build's date); undefined without a figure. */
export function latestFigure(view: MeasureEntry, today: string): LatestFigure | undefined {
  const { frequency, interval_months } = view.data;
  const months = frequencyMonths(view.data);
  if (!frequency || months === undefined) return undefined;
  const point = [...view.headline].reverse().find((p) => p.value !== null);
  if (!point || point.value === null) return undefined;
  const parsed = parsePeriod(point.period, frequency, interval_months);
  if (!parsed.ok) return undefined;
  const label = periodLabel(parsed.period);
  const outOfDate = isOutOfDate(parsed.period, months, utcDay(today));
  const { released, releasedText } = releasedWords(view, point.firstReleased);
  const sentence = outOfDate
    ? `Out of date: the latest figure is for ${label}${releasedText}; by ${longDate(today)} more than two ${periodWord(frequency, months)}s had passed since that period ended.`
    : `Figure for ${label}${releasedText}.`;
  return { value: point.value, period: parsed.period, periodLabel: label, ...(released ? { released } : {}), outOfDate, sentence };
}

/**
 * Which direction citations may judge a figure for `period`: a plan's words judge only figures that do
 * not postdate its period, and with `onlyPlan` only that plan's words (a card shown for one plan).
 */
export function citationsJudging(
  period: Pick<Period, 'start' | 'end'> | undefined,
  planPeriodOf: (id: string) => PlanPeriod | undefined,
  onlyPlan?: string,
): (citation: DirectionCitation) => boolean {
  return (citation) => {
    if (onlyPlan !== undefined && citation.plan !== onlyPlan) return false;
    const plan = planPeriodOf(citation.plan);
    return plan === undefined || period === undefined || placeInPlan(period, plan) !== 'after';
  };
}

/**
 * When the latest figure was released, in words: the publisher's cited release date where the release
 * that first held the figure records one, else the day it was published on this site.
 */
function releasedWords(view: MeasureEntry, firstReleased: string | undefined): { released?: string; releasedText: string } {
  const vintage = view.vintages.find((v) => v.date === firstReleased) ?? view.vintages.at(-1);
  if (!vintage) return { releasedText: '' };
  // A date that rests only on the previous bulletin's "Next release" line is said to be announced.
  const announced = announcedOnly(vintage.release) ? ' (the date announced in the previous bulletin)' : '';
  if (vintage.release.release_date && view.derived) {
    return { released: vintage.date, releasedText: `, computed by this site from figures ${vintage.release.publisher} released on ${longDate(vintage.date)}${announced}` };
  }
  if (vintage.release.release_date) {
    return { released: vintage.date, releasedText: `, first released by ${vintage.release.publisher} on ${longDate(vintage.date)}${announced}` };
  }
  return { released: vintage.date, releasedText: `, published on this site ${longDate(vintage.date)}` };
}

/** A measure as the site may judge it, with the words to show beside its figures. */
export interface JudgedMeasure {
  /** The measure, its polarity set to `no_judgement` when no plan's words judge its latest figure. */
  readonly view: MeasureEntry;
  readonly direction: DirectionNote;
  readonly latest?: LatestFigure;
}

/** The area a measure's figures are for (its own, else the partnership's) against the area the plans' aims are about. */
export function aimArea(view: Pick<MeasureEntry, 'data'>, site: { readonly area: AimArea['aim'] }): AimArea {
  const { name, code, police_force_area } = site.area;
  const aim = { name, code, ...(police_force_area ? { police_force_area } : {}) };
  return { figure: view.data.area ? { name: view.data.area.name, code: view.data.area.code } : { name, code }, aim };
}

/**
 * Applies the plans' directions to a measure's latest figure on `today` (YYYY-MM-DD), for every page
 * that judges it; `site` gives the partnership's area, the one the plans' aims are about.
 */
export function judgedMeasure(view: MeasureEntry, plans: readonly PlanEntry[], today: string, site?: { readonly area: AimArea['aim'] }): JudgedMeasure {
  const planName = (id: string) => plans.find((p) => p.id === id)?.data.short_title ?? `${id} plan`;
  const periodOf = (id: string) => {
    const found = plans.find((p) => p.id === id);
    return found && planPeriod(found.data);
  };
  const latest = latestFigure(view, today);
  const direction = directionNote(view.data, planName, citationsJudging(latest?.period, periodOf), site && aimArea(view, site));
  const judged = direction.judges || view.data.polarity === 'no_judgement' ? view : { ...view, data: { ...view.data, polarity: 'no_judgement' as const } };
  return { view: judged, direction, ...(latest ? { latest } : {}) };
}
