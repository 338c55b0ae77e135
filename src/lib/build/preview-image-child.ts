/**
 * The preview-image step's child process (see startMeasureOgImages in preview-images.ts): a process
 * of its own, not a thread of the build's, so it starts with the allocator settings that halve
 * resvg's time an image (allocator-env.ts), and draws beside Astro on the other core.
 */
import { serveStep } from './child-step.ts';
import { writeMeasureOgImages } from './preview-images.ts';

serveStep(({ generated, outDir }: { generated: string; outDir: string }) => writeMeasureOgImages(generated, outDir));
