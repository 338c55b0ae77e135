/**
 * A derived measure's series, computed from other measures' current releases as the signed sum its
 * `derivation.terms` declare (e.g. all crime minus fraud). A figure is only derived where every
 * input publishes one: a missing or suppressed input leaves the period out, with the reason, rather
 * than treating it as zero.
 *
 * Only headline rows (no breakdown) are combined: inputs need not share breakdowns, and a sum
 * across different breakdown schemes would mean nothing.
 */
import type { Measure, Observation, ObservationStatus } from '../schemas/model.ts';
import { comparePeriods } from '../schemas/period.ts';
import { signedSum } from './decimal.ts';
import { currentVintage, observationPeriod } from './series.ts';

/** A period and area the derivation left out, and why. */
export interface OmittedFigure {
  /** "" when a whole area (or, with areaCode "", everything) is left out. */
  readonly period: string;
  readonly areaCode: string;
  /** Plain English, naming the inputs at fault. */
  readonly reason: string;
}

/** The derived series and how it was made. */
export interface DerivedSeries {
  /** Derived rows, by area (in the first input's order) then period. `line` is 0: they come from no file. */
  readonly rows: readonly Observation[];
  readonly omitted: readonly OmittedFigure[];
  /** The input releases used, in term order. */
  readonly inputs: readonly { readonly measure: string; readonly sign: '+' | '-'; readonly vintage: string }[];
  /** The newest input release date: the derived series changes whenever any input does. */
  readonly vintage: string | undefined;
  /** The note every derived row carries. */
  readonly note: string;
}

/** Status of a derived figure: provisional if any input is, else revised if any is, final only if all are. */
function combinedStatus(statuses: readonly (ObservationStatus | undefined)[]): ObservationStatus | undefined {
  if (statuses.includes('provisional')) return 'provisional';
  if (statuses.includes('revised')) return 'revised';
  return statuses.every((s) => s === 'final') ? 'final' : undefined;
}

/** The inputs in words, e.g. "all-crime (release 2025-07-24) minus fraud (release 2025-06-30)". */
function describeInputs(inputs: DerivedSeries['inputs']): string {
  return inputs
    .map((input, i) => {
      const name = `${input.measure} (release ${input.vintage})`;
      if (i === 0) return input.sign === '+' ? name : `minus ${name}`;
      return `${input.sign === '+' ? 'plus' : 'minus'} ${name}`;
    })
    .join(' ');
}

/** Computes `derived`'s series from the current releases of the measures its derivation names. */
export function deriveSeries(derived: Pick<Measure, 'id' | 'data'>, measures: ReadonlyMap<string, Measure>): DerivedSeries {
  const derivation = derived.data.derivation;
  if (!derivation) throw new Error(`measure ${derived.id} has no derivation`);

  const terms = derivation.terms.map((term) => {
    const measure = measures.get(term.measure);
    if (!measure) throw new Error(`measure ${derived.id} derives from ${term.measure}, which does not exist`);
    if (measure.data.frequency !== derived.data.frequency || measure.data.interval_months !== derived.data.interval_months) {
      throw new Error(`measure ${derived.id} derives from ${term.measure}, which is published at a different frequency`);
    }
    const rows = (currentVintage(measure)?.rows ?? []).filter((r) => Object.keys(r.breakdown).length === 0);
    const byArea = new Map<string, Map<string, Observation>>();
    for (const row of rows) {
      const periods = byArea.get(row.areaCode) ?? new Map<string, Observation>();
      periods.set(row.period, row);
      byArea.set(row.areaCode, periods);
    }
    return { ...term, vintage: currentVintage(measure)?.date, byArea };
  });

  const unpublished = terms.filter((t) => t.vintage === undefined).map((t) => t.measure);
  if (unpublished.length > 0) {
    return {
      rows: [],
      omitted: [{ period: '', areaCode: '', reason: `No figures are published yet for ${unpublished.join(', ')}.` }],
      inputs: [],
      vintage: undefined,
      note: '',
    };
  }

  const inputs = terms.map((t) => ({ measure: t.measure, sign: t.sign, vintage: t.vintage! }));
  const note = `Derived: ${describeInputs(inputs)}.`;
  const rows: Observation[] = [];
  const omitted: OmittedFigure[] = [];

  const areas = [...new Set(terms.flatMap((t) => [...t.byArea.keys()]))];
  for (const areaCode of areas) {
    const lacking = terms.filter((t) => !t.byArea.has(areaCode)).map((t) => t.measure);
    if (lacking.length > 0) {
      omitted.push({ period: '', areaCode, reason: `${lacking.join(', ')} publishes no figures for area ${areaCode}.` });
      continue;
    }
    const periods = [...new Set(terms.flatMap((t) => [...t.byArea.get(areaCode)!.keys()]))];
    for (const period of periods) {
      const found = terms.map((t) => ({ term: t, row: t.byArea.get(areaCode)!.get(period) }));
      const missing = found.filter((f) => !f.row).map((f) => f.term.measure);
      const suppressed = found.filter((f) => f.row && f.row.value === null).map((f) => f.term.measure);
      if (missing.length > 0 || suppressed.length > 0) {
        const reasons = [
          missing.length > 0 ? `no figure from ${missing.join(', ')}` : '',
          suppressed.length > 0 ? `suppressed in ${suppressed.join(', ')}` : '',
        ].filter(Boolean);
        omitted.push({ period, areaCode, reason: `Left out: ${reasons.join('; ')}.` });
        continue;
      }
      const sources = found.map((f) => f.row!);
      const first = sources[0]!;
      const status = combinedStatus(sources.map((r) => r.status));
      const periodLabel = sources.find((r) => r.periodLabel)?.periodLabel;
      rows.push({
        period,
        // The inputs share the derived measure's frequency (checked in derived-measures.ts), so their days are its days.
        periodStart: first.periodStart,
        periodEnd: first.periodEnd,
        ...(periodLabel === undefined ? {} : { periodLabel }),
        areaCode,
        areaName: first.areaName,
        breakdown: {},
        value: signedSum(found.map((f) => ({ value: f.row!.value!, sign: f.term.sign }))),
        ...(status === undefined ? {} : { status }),
        note,
        source: '',
        line: 0,
      });
    }
  }

  const areaOrder = new Map(areas.map((a, i) => [a, i]));
  const byPeriod = (a: Observation, b: Observation): number => {
    const [pa, pb] = [observationPeriod(derived.data, a), observationPeriod(derived.data, b)];
    return pa && pb ? comparePeriods(pa, pb) : a.period.localeCompare(b.period);
  };
  rows.sort((a, b) => areaOrder.get(a.areaCode)! - areaOrder.get(b.areaCode)! || byPeriod(a, b));
  const vintage = inputs.map((i) => i.vintage).sort().at(-1);
  return { rows, omitted, inputs, vintage, note };
}
