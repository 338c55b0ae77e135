/**
 * Gives each derived measure (one with `derivation`) a release computed from its inputs' current
 * releases, so a figure like victim-based crime is never typed in. The computed release is shaped
 * like any other vintage: its bytes are the CSV the site serves for download.
 */
import { sha256Hex } from '../format/sha256.ts';
import type { Measure } from '../schemas/model.ts';
import type { ReadEntry } from '../read/frontmatter.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import { RESERVED_COLUMNS } from '../schemas/csv-contract.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { csvText, defuseFormula, plainNumber } from '../format/csv.ts';
import { deriveSeries } from './derived-series.ts';
import { currentVintage } from './series.ts';

/** A computed release's columns: the contract's, in download order, without source (it is the inputs' releases). */
const DERIVED_COLUMNS = RESERVED_COLUMNS.filter((c) => c !== 'source');

/** Returns `measures` with every derived measure's computed release filled in; problems go to `diagnostics`. */
export function deriveMeasures(
  measures: readonly Measure[],
  entries: readonly ReadEntry<MeasureMeta>[],
  diagnostics: Diagnostic[],
): Measure[] {
  const bySlug = new Map(measures.map((m) => [m.id, m]));
  return measures.map((measure) => {
    const derivation = measure.data.derivation;
    if (!derivation) return measure;
    const entry = entries.find((e) => e.id === measure.id)!;
    let consistent = true;
    derivation.terms.forEach((term, i) => {
      const input = bySlug.get(term.measure);
      if (!input) {
        // Reported by the cross-reference check; computing the series would need the missing input.
        consistent = false;
        return;
      }
      if (input.data.derivation) {
        consistent = false;
        diagnostics.push({ file: entry.file, ...entry.yaml.locate(['derivation', 'terms', i, 'measure']), message: `"${term.measure}" is itself derived from other measures; a derivation can only use measures with their own data, so name those measures here instead` });
      } else if (input.data.frequency !== measure.data.frequency || input.data.interval_months !== measure.data.interval_months) {
        consistent = false;
        diagnostics.push({
          file: entry.file,
          ...entry.yaml.locate(['derivation', 'terms', i, 'measure']),
          message: `"${term.measure}" is published ${describeFrequency(input.data)}, but this measure is ${describeFrequency(measure.data)}; the inputs of a derived measure must have its frequency, so make the two "frequency" fields match`,
        });
      }
    });
    if (!consistent) return measure;
    const derived = deriveSeries(measure, bySlug);
    if (!derived.vintage || derived.rows.length === 0) return measure;
    const first = currentVintage(bySlug.get(derivation.terms[0]!.measure)!)!;
    // The formula is stated once (page, release, JSON), not repeated as a note on every row.
    const rows = derived.rows.map((r, i) => ({ ...r, note: '', line: i + 2 }));
    const text = csvText([
      DERIVED_COLUMNS,
      ...rows.map((r) => [
        r.period,
        defuseFormula(r.periodLabel ?? ''),
        r.areaCode,
        defuseFormula(r.areaName),
        r.value === null ? '' : plainNumber(r.value),
        r.status ?? '',
        defuseFormula(r.note),
      ]),
    ]);
    const bytes = new TextEncoder().encode(text);
    return {
      ...measure,
      vintages: [
        {
          date: derived.vintage,
          file: `(computed from ${derived.inputs.map((i) => i.measure).join(', ')})`,
          bytes,
          sha256: sha256Hex(bytes),
          columns: DERIVED_COLUMNS,
          rows,
          release: {
            vintage: derived.vintage,
            publisher: first.release.publisher,
            dataset: `${derivation.formula}. Computed by this site from the published inputs.`,
            url: first.release.url,
            retrieved: derived.inputs.map((i) => bySlug.get(i.measure)!.vintages.at(-1)!.release.retrieved).sort().at(-1)!,
            licence: first.release.licence,
            changes: derived.note,
          },
        },
      ],
    };
  });
}

/** The frequency in words, to follow "is published": "quarterly", "by financial year". */
function describeFrequency(meta: Pick<MeasureMeta, 'frequency' | 'interval_months'>): string {
  switch (meta.frequency) {
    case undefined:
      return 'with no frequency set';
    case 'interval':
      return `in ${meta.interval_months ?? 12}-month intervals`;
    case 'financial_year':
      return 'by financial year';
    case 'year':
      return 'yearly';
    case 'quarter':
      return 'quarterly';
    case 'month':
      return 'monthly';
  }
}
