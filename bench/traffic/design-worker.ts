/**
 * One design of the model in a worker thread (bench/traffic/run.ts runs as many at once as the machine has cores):
 * imports the bundled app itself, simulates, and posts the DesignRun back (typed arrays and maps clone as they are).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DESIGNS, type ModelOptions, simulate } from './simulate.ts';

export interface DesignJob {
  appFile: string;
  design: number;
  options: ModelOptions;
}

const job = workerData as DesignJob;
const design = DESIGNS[job.design];
if (!design || !parentPort) throw new Error('design-worker.ts runs as a worker thread of bench/traffic/run.ts');
const app = (await import(job.appFile)) as Parameters<typeof simulate>[0];
parentPort.postMessage(await simulate(app, design, job.options));
