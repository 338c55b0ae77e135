/** The line chart's right-hand label column: line-end and reference labels, moved apart where they would overlap. */
import { max } from 'd3-array';
import { formatValue } from '../../../format/number.ts';
import { dodgeLabels, round1, textWidth, wrapText } from '../../layout.ts';
import type { ChartInput, ChartReference } from '../../types.ts';
import type { LineSeriesGeometry, NormalisedLineChartOptions, PlacedReference, Plot, SeriesLabelGeometry, SortedSeries, XTickGeometry, YScale } from './geometry-types.ts';

/**
 * Step 3: the right-hand label column. Line-end labels are only needed when there is more than one
 * line to tell apart. References are labelled in the same column: inside the plot their labels would cross the data.
 */
export function labelColumn(input: ChartInput, sortedSeries: readonly SortedSeries[], opts: NormalisedLineChartOptions) {
  const { fontSize, smallFontSize } = opts;
  const labelled = input.series.length > 1;
  const wrappedLabels = new Map(
    sortedSeries.map(({ series }) => [series.key, labelled ? wrapText(series.label, fontSize, opts.maxLabelWidth, true) : []]),
  );
  const references: PlacedReference[] = (['baseline', 'target'] as const)
    .map((kind) => ({ kind, reference: input[kind] }))
    .filter((r): r is { kind: 'baseline' | 'target'; reference: ChartReference } => r.reference !== undefined)
    .map((r) => ({
      ...r,
      lines: [...wrapText(r.reference.label, smallFontSize, opts.maxLabelWidth), formatValue(r.reference.value, input.unit)],
    }));
  const labelColumnWidth = Math.max(
    (max([...wrappedLabels.values()].flat(), (text) => textWidth(text, fontSize, true)) ?? 0) + 14,
    (max(references.flatMap((r) => r.lines), (text) => textWidth(text, smallFontSize)) ?? 0) + 14,
  );
  return { wrappedLabels, references, labelColumnWidth };
}

/** Step 6: the right-hand labels of lines and references, moved apart where lines end close together. */
export function endLabels(
  seriesGeometry: readonly LineSeriesGeometry[],
  column: ReturnType<typeof labelColumn>,
  y: YScale,
  plot: Plot,
  xTicks: readonly XTickGeometry[],
  opts: NormalisedLineChartOptions,
): Map<string, SeriesLabelGeometry> {
  const { fontSize, smallFontSize } = opts;
  const lineHeight = Math.round(fontSize * 1.2);
  const smallLineHeight = Math.round(smallFontSize * 1.2);
  const labelRequests = [
    ...seriesGeometry
      .map((series) => ({ id: series.key, y: series.points[series.points.length - 1]?.y, lines: column.wrappedLabels.get(series.key) ?? [], size: fontSize, step: lineHeight }))
      .filter((item): item is typeof item & { y: number } => item.y !== undefined && item.lines.length > 0),
    ...column.references.map((r) => ({ id: `reference:${r.kind}`, y: round1(y(r.reference.value)), lines: r.lines, size: smallFontSize, step: smallLineHeight })),
  ];
  // The labels may hang below the plot into the axis-label band, unless the newest period's axis label
  // (centred on the last point, near the right edge) reaches into the label column: then a long,
  // wrapped label stack pushed to the bottom would sit on it, so the stack stops above that band.
  const lastTick = xTicks.at(-1);
  const axisLabelReachesColumn = lastTick !== undefined && lastTick.labelX + textWidth(lastTick.label, fontSize) / 2 > plot.right + 6;
  const centres = dodgeLabels(
    labelRequests.map((item) => ({ y: item.y, height: item.lines.length * item.step + 4 })),
    plot.top - fontSize,
    axisLabelReachesColumn ? plot.bottom + 6 : plot.bottom + fontSize,
  );
  const labelsById = new Map<string, SeriesLabelGeometry>();
  labelRequests.forEach((item, i) => {
    const firstBaseline = centres[i]! - ((item.lines.length - 1) * item.step) / 2 + item.size * 0.35;
    labelsById.set(item.id, {
      x: plot.right + 8,
      lines: item.lines.map((text, line) => ({ text, y: round1(firstBaseline + line * item.step) })),
    });
  });
  return labelsById;
}
