/**
 * Worker-thread entry for the social image step, so it runs beside Astro's page rendering rather
 * than after it (see startMeasureOgImages in og-images.ts). The build starts this thread before its
 * data step and sends it the word to go once the data step has written the images' SVG: the thread
 * loads its modules (resvg among them) while the data step runs, not after Astro has started.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { writeMeasureOgImages } from './preview-images.ts';

const { generated, outDir } = workerData as { generated: string; outDir: string };
await once(parentPort!, 'message');
parentPort!.postMessage(await writeMeasureOgImages(generated, outDir));
