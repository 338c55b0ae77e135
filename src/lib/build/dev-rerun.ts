/**
 * `npm run dev` reruns the data step when an editor changes data/, content/ or src/lib (src/cli/dev.ts
 * watches them): this is when to rerun. Changes that arrive together (an editor saving several files,
 * git switching branches) make one run; a change during a run makes exactly one more run after it, so
 * the last run always sees the last change, and runs never overlap.
 */

/** The folders whose changes rerun the data step, relative to the project root. */
export const WATCHED_FOLDERS = ['data', 'content', 'src/lib'] as const;

/** Whether a changed file (relative to its watched folder, as fs.watch names it) should rerun the data step: not editors' swap, backup and lock files. */
export function isDataChange(file: string | null): boolean {
  if (file === null) return true; // the platform did not say which file: rerun to be safe
  const name = file.split(/[\\/]/).at(-1) ?? '';
  return !(name.startsWith('.#') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || name === '4913' || name.startsWith('.DS_Store'));
}

/** What createRerunner needs: the task, and how to put off a run until the current burst of changes has passed. */
export interface RerunOptions {
  /** Runs the data step (and whatever follows it); its result is not read. */
  readonly run: () => Promise<unknown>;
  /** Calls `next` once changes have settled (the dev entry waits a few hundred milliseconds; tests call it when they choose). */
  readonly settle: (next: () => void) => void;
}

/** The rerunner: tell it of each change; `idle` resolves once no run is due or under way. */
export interface Rerunner {
  changed(): void;
  idle(): Promise<void>;
}

/** A rerunner over `options`: see the module comment for what it guarantees. */
export function createRerunner({ run, settle }: RerunOptions): Rerunner {
  let settling = false;
  let running: Promise<void> | undefined;
  let again = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    if (settling || running) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  const start = () => {
    settling = false;
    running = (async () => {
      try {
        await run();
      } catch {
        // The task reports its own failure; a later change runs it again.
      }
    })().then(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      } else wake();
    });
  };
  const schedule = () => {
    if (settling) return;
    settling = true;
    settle(start);
  };
  return {
    changed() {
      if (running) again = true;
      else schedule();
    },
    idle() {
      if (!settling && !running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
