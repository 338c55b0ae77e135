/**
 * Who says what about a measure, kept apart: the source a plan names (copied from its performance
 * framework, or "not stated in the plan") and the publisher of the figures this site holds (from each
 * release in releases.yaml). The plans never name a data publisher, and a publisher never speaks for a
 * plan, so neither is ever filled in from the other.
 */
import type { MeasureMeta } from '../schemas/measure.ts';
import type { Release } from '../schemas/release.ts';

/** Words shown where a plan names no source for a measure. */
export const NOT_STATED_IN_PLAN = 'not stated in the plan';

/** The source one plan names for a measure; `source` is null where the plan names none. */
export interface PlanSource {
  readonly plan: string;
  readonly source: string | null;
}

/** The source each of the measure's plans names, in the measure's plan order. */
export function planSources(meta: Pick<MeasureMeta, 'plans' | 'plan_sources'>): PlanSource[] {
  return meta.plans.map((plan) => ({ plan, source: meta.plan_sources[plan] ?? null }));
}

/** "Nottinghamshire Police (2024-27 plan); not stated in the plan (2015-20 plan)", or "" for a supporting series. */
export function planSourcesText(meta: Pick<MeasureMeta, 'plans' | 'plan_sources'>, planName: (plan: string) => string = (p) => `${p} plan`): string {
  const sources = planSources(meta);
  if (sources.length === 1) return sources[0]!.source ?? capitalise(NOT_STATED_IN_PLAN);
  return sources.map((s) => `${s.source ?? NOT_STATED_IN_PLAN} (${planName(s.plan)})`).join('; ');
}

/** A data publisher and the dataset of theirs the figures were read from. */
export interface DataPublisher {
  readonly publisher: string;
  readonly dataset: string;
}

/** The distinct publisher and dataset pairs of the given releases, in order of first appearance. */
export function dataPublishers(releases: readonly Pick<Release, 'publisher' | 'dataset'>[]): DataPublisher[] {
  const seen = new Map<string, DataPublisher>();
  for (const { publisher, dataset } of releases) {
    const key = JSON.stringify([publisher, dataset]);
    if (!seen.has(key)) seen.set(key, { publisher, dataset });
  }
  return [...seen.values()];
}

/** A measure as far as its publishers go: its releases, oldest first, and any derivation. */
interface PublishedMeasure {
  readonly vintages: readonly { readonly release: Pick<Release, 'publisher' | 'dataset'> }[];
  readonly data: Pick<MeasureMeta, 'derivation'>;
}

/**
 * Who published the figures a measure shows: its current release, or for a derived measure the
 * current releases of its inputs. Empty when the site holds no figures for it.
 */
export function measurePublishers(measure: PublishedMeasure, bySlug: (slug: string) => PublishedMeasure): DataPublisher[] {
  const current = measure.vintages.at(-1);
  if (current) return dataPublishers([current.release]);
  const inputs = measure.data.derivation?.terms.map((t) => bySlug(t.measure).vintages.at(-1)?.release) ?? [];
  return dataPublishers(inputs.filter((r) => r !== undefined));
}

/** "Office for National Statistics: Police force area data tables ...; ..." for one line of text. */
export function dataPublishersText(publishers: readonly DataPublisher[]): string {
  return publishers.map((p) => `${p.publisher}: ${p.dataset}`).join('; ');
}

/**
 * What a measure with no figures on this site can still tell a reader, as whole sentences: that no
 * figures are held here yet, who publishes the official series and under what name (where the
 * reference notes name one), or that no published series is named. Never built from a missing value.
 */
export function noFiguresSentences(meta: Pick<MeasureMeta, 'official_series'>): string[] {
  const sentences = ['No figures for this measure are held on this site yet.'];
  const series = meta.official_series;
  if (series) {
    sentences.push(`Official figures are published by ${series.publisher} as “${series.name}”${series.coverage ? `, ${series.coverage}` : ''}.`);
  } else {
    sentences.push('No official published series for this measure is named in the public reference notes behind this site’s data, so none can be pointed to yet.');
  }
  return sentences;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
