/**
 * Adapts a measure's derived figures to a bar chart's plain input: its breakdown at the latest
 * period, or its areas side by side where it is published for a single period.
 */
import type { MeasurePageData } from '../../../derive/measure-page.ts';
import { breakdownLabel, type Series } from '../../../derive/series.ts';
import type { MeasureMeta } from '../../../schemas/measure.ts';
import { AREA_COMPARISON, type BarChartInput } from '../../types.ts';

/** A bar chart of the breakdown at the latest period that has breakdown rows, if the measure has breakdowns. */
export function breakdownChartInput(data: MeasurePageData): BarChartInput | undefined {
  const { series } = data;
  const meta: MeasureMeta = data.measure.data;
  if (!series || series.breakdowns.length === 0) return undefined;
  const latest = series.breakdowns
    .flatMap((s) => s.points.map((p) => p.period))
    .sort((a, b) => b.end.getTime() - a.end.getTime())[0];
  if (!latest) return undefined;
  const bars = series.breakdowns.flatMap((s) => {
    const point = s.points.find((p) => p.period.text === latest.text);
    return point
      ? [{
          // With one breakdown the axis already names it ("Offence type"), so each bar shows only its value.
          label: meta.breakdowns.length === 1 ? (s.breakdown[meta.breakdowns[0]!.column] ?? '') : breakdownLabel(meta, s.breakdown),
          value: point.value,
          ...(point.observation.status ? { status: point.observation.status } : {}),
          ...(point.observation.note ? { note: point.observation.note } : {}),
        }]
      : [];
  });
  return {
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    areaName: series.headline.areaName,
    period: latest,
    breakdownLabel: meta.breakdowns.map((b) => b.label).join(', '),
    bars,
  };
}

/**
 * Areas side by side at the latest period, for a measure published for a single period with
 * comparators (e.g. a rate per 1,000 for the core cities), where a line chart would be bare dots.
 */
export function areaComparisonInput(data: MeasurePageData): BarChartInput | undefined {
  const { series } = data;
  const meta = data.measure.data;
  if (!series || series.comparators.every((c) => c.points.length === 0)) return undefined;
  const periods = new Set(series.headline.points.map((p) => p.period.text));
  if (periods.size !== 1) return undefined;
  const period = series.headline.points[0]!.period;
  const at = (s: Series) => s.points.find((p) => p.period.text === period.text);
  const bars = [series.headline, ...series.comparators].flatMap((s) => {
    const point = at(s);
    const label = 'label' in s && typeof s.label === 'string' ? s.label : s.areaName;
    return point ? [{ label, value: point.value, ...(point.observation.status ? { status: point.observation.status } : {}), ...(point.observation.note ? { note: point.observation.note } : {}) }] : [];
  });
  return {
    title: meta.title,
    unit: meta.unit,
    ...(meta.unit_label ? { unitLabel: meta.unit_label } : {}),
    areaName: series.headline.areaName,
    period,
    breakdownLabel: AREA_COMPARISON,
    bars,
  };
}
