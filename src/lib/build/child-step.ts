/**
 * Runs one step of the build in a child Node process. A process gives back all of its memory when
 * it ends; a worker thread's freed memory mostly stays with the process that ran it (the C
 * allocator keeps it), so the data step's threads left about 0.5 GB behind for Astro, and Astro's
 * heap stayed behind for Pagefind: at 2,000 measures the build peaked at 1.9 GB. Each step in its
 * own process peaks at what that step needs.
 * The step's input and result travel over Node's IPC channel; its output goes to this terminal.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withAllocatorTuning } from './allocator-env.ts';

/** Why a step failed, as far as it survives the trip between processes (an Error's message, stack and the compiler's `loc`). */
export interface StepFailure {
  readonly message: string;
  readonly stack?: string;
  readonly loc?: { readonly file?: string; readonly line?: number; readonly column?: number };
}

type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StepFailure };

/**
 * Starts `entry` (a module that calls serveStep) with `env` (and the allocator settings of
 * allocator-env.ts), sends it `input` and resolves with its result. A failure in the step rejects
 * with an Error carrying the step's message, stack and `loc`; `signal` stops the child.
 */
export function runStepInChild<T>(entry: URL, input: unknown, env: Readonly<Record<string, string | undefined>>, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(entry), [], {
      env: withAllocatorTuning(env) as NodeJS.ProcessEnv,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      ...(signal ? { signal } : {}),
    });
    let reply: Reply<T> | undefined;
    child.once('message', (message: Reply<T>) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply?.ok) return resolve(reply.value);
      if (reply) return reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack, ...(reply.error.loc ? { loc: reply.error.loc } : {}) }));
      reject(new Error(`the build step ${fileURLToPath(entry)} stopped (${signal ?? `exit code ${code}`}) without a result`));
    });
    child.send(input as object);
  });
}

/** In the child process: runs `step` on the input the parent sends, replies with its result or failure, and exits. */
export function serveStep<I, O>(step: (input: I) => Promise<O> | O): void {
  process.once('message', async (input: I) => {
    let reply: Reply<O>;
    try {
      reply = { ok: true, value: await step(input) };
    } catch (error) {
      const e = error as { message?: unknown; stack?: unknown; loc?: StepFailure['loc'] } | null;
      reply = {
        ok: false,
        error: {
          message: typeof e?.message === 'string' ? e.message : String(error),
          ...(typeof e?.stack === 'string' ? { stack: e.stack } : {}),
          ...(e?.loc ? { loc: { file: e.loc.file, line: e.loc.line, column: e.loc.column } } : {}),
        },
      };
    }
    // Exit once the reply is sent: a step may leave timers or handles open (Astro's do).
    process.send!(reply, () => process.exit(reply.ok ? 0 : 1));
  });
}
