/**
 * The build's data step in a worker thread (see prepareDataInWorker in prepare-data.ts): the
 * validated model, the pages' views and the downloads are built here, and the memory they took is
 * handed back when the thread ends, before Astro starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvParseCount } from '../lib/read/csv.ts';
import { prepareData } from './prepare-data.ts';

const { root, generated, day } = workerData as { root: string; generated: string; day: string };
const prepared = prepareData(root, generated, day);
parentPort!.postMessage({ artefacts: prepared?.artefacts, csvParses: csvParseCount.value });
