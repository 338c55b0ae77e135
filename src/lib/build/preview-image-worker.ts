/**
 * Worker-thread entry for the social image step, so it runs beside Astro's page rendering rather
 * than after it (see startMeasureOgImages in og-images.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeMeasureOgImages } from './preview-images.ts';

const { generated, outDir } = workerData as { generated: string; outDir: string };
parentPort!.postMessage(await writeMeasureOgImages(generated, outDir));
