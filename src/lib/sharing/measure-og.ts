/**
 * A measure's social preview image: its leading chart with the title, area, latest figure and
 * source, as SVG ready to rasterise, plus the alt text the page's og:image:alt carries.
 */
import type { MeasurePageData } from '../derive/measure-page.ts';
import type { Site } from '../schemas/site.ts';
import { leadChart, leadPreviewSubtitle, type LeadChart } from '../charts/kinds/registry.ts';
import { composeOgImageSvg, type OgImageText } from './og-image.ts';

/** The image's SVG and its description for people who cannot see it. */
export interface MeasureOgImage {
  readonly svg: string;
  readonly alt: string;
}

/** The line under the title: what area, and the latest figure or the period compared. */
export function ogSubtitle(chart: LeadChart, data: MeasurePageData): string {
  // Only a measure with figures leads with a chart, so it has a latest figure.
  return leadPreviewSubtitle(chart, data.latest!);
}

/** The words of a measure's preview image, all from the measure, its release and content/site.yaml. */
export function measureOgText(chart: LeadChart, data: MeasurePageData, site: Site): OgImageText {
  const meta = data.measure.data;
  // Only a measure with figures gets a preview image, so its current release names the publisher.
  const publisher = data.measure.vintages.at(-1)?.release.publisher ?? site.partnership;
  return {
    title: meta.title,
    subtitle: ogSubtitle(chart, data),
    publisher,
    licence: site.licence.short,
    siteName: site.site_name,
    brand: site.colours.brand,
  };
}

/** The preview image of a measure, or undefined when it has no figures to draw. */
export function measureOgImage(data: MeasurePageData, site: Site): MeasureOgImage | undefined {
  const chart = leadChart(data);
  if (!chart) return undefined;
  return { svg: composeOgImageSvg(chart, measureOgText(chart, data, site)), alt: chart.desc };
}
