/**
 * Identity of a row across files: the same period, area and breakdown in two releases is the
 * same figure, whatever line it sits on. Revisions and derived series both match rows this way.
 */
import type { Observation } from '../schemas/model.ts';

/** The breakdown as stable text, columns sorted, e.g. "age_band=18-24;sex=female"; "" for the headline. */
export function breakdownKey(breakdown: Readonly<Record<string, string>>): string {
  return Object.keys(breakdown)
    .sort()
    .map((column) => `${column}=${breakdown[column]}`)
    .join(';');
}

/** A key naming one figure: period, area and breakdown (JSON, so no separator can collide with data). */
export function observationKey(row: Pick<Observation, 'period' | 'areaCode' | 'breakdown'>): string {
  const breakdown = Object.keys(row.breakdown)
    .sort()
    .map((column) => [column, row.breakdown[column]]);
  return JSON.stringify([row.period, row.areaCode, breakdown]);
}
