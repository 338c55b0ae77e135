/**
 * The build's data step in a worker thread (see prepareDataInWorker in prepare-data.ts): the
 * validated model and the downloads are built here, and the memory they took is handed back when
 * the thread ends, before the views (src/lib/views/pool.ts) and Astro start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvParseCount } from '../lib/read/csv.ts';
import { prepareData } from './prepare-data.ts';

const { root, generated, day } = workerData as { root: string; generated: string; day: string };
const prepared = prepareData(root, generated, day, { views: false });
parentPort!.postMessage({ artefacts: prepared?.artefacts, csvParses: csvParseCount.value });
