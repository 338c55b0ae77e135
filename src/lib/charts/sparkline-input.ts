/** A sparkline's input from the page model's headline points. */
import type { MeasureEntry } from '../derive/page-model.ts';
import { parsePeriod } from '../schemas/period.ts';
import type { SparklineInput } from './types.ts';


/** A sparkline's input from the page model's headline points, or undefined without data. */
export function sparklineInput(view: MeasureEntry): SparklineInput | undefined {
  const meta = view.data;
  if (!meta.frequency || view.headline.length < 2) return undefined;
  const parsed = view.headline.flatMap((p) => {
    const period = parsePeriod(p.period, meta.frequency!, meta.interval_months);
    return period.ok ? [{ period: period.period, value: p.value, ...(p.status ? { status: p.status } : {}) }] : [];
  });
  return { unit: meta.unit, polarity: meta.polarity, points: parsed };
}
