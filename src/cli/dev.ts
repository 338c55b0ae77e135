/**
 * `npm run dev`: the data step, then Astro's dev server; while it runs, a change to data/, content/ or
 * src/lib reruns the data step (src/lib/build/dev-rerun.ts says when) and, when the data step
 * publishes, restarts the server so every page, route and cached view is read afresh (the browser
 * reloads when the server is back). Refused input is reported as the build reports it and the server
 * keeps showing the last good data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRerunner, isDataChange, WATCHED_FOLDERS } from '../lib/build/dev-rerun.ts';

/** How long changes must stop before the data step reruns: an editor's save, or a git checkout, is many events. */
const SETTLE_MS = 300;

const root = process.cwd();
const prepareDataEntry = fileURLToPath(new URL('./prepare-data.ts', import.meta.url));
const astroBin = join(root, 'node_modules', '.bin', 'astro');

/** Runs the data step in a fresh process (so a change to src/lib is loaded); resolves with whether it published. */
async function dataStep(): Promise<boolean> {
  const child = spawn(process.execPath, [prepareDataEntry], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code === 0;
}

let astro: ChildProcess | undefined;

function startAstro(): void {
  astro = spawn(astroBin, ['dev', ...process.argv.slice(2)], { stdio: 'inherit' });
}

async function stopAstro(): Promise<void> {
  const running = astro;
  astro = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = once(running, 'exit');
  running.kill('SIGTERM');
  await exited;
}

if (!(await dataStep())) process.exit(1);
startAstro();
const rerun = createRerunner({
  settle: (next) => setTimeout(next, SETTLE_MS),
  run: async () => {
    console.log('Data, content or src/lib changed: running the data step again.');
    if (!(await dataStep())) {
      console.log('The data step refused the change (see above); the server still shows the last good data.');
      return;
    }
    await stopAstro();
    startAstro();
  },
});
for (const folder of WATCHED_FOLDERS) {
  if (!existsSync(join(root, folder))) continue;
  watch(join(root, folder), { recursive: true }, (_event, file) => {
    if (isDataChange(file)) rerun.changed();
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAstro().then(() => process.exit(0));
  });
}
