/**
 * Peak memory of a build: the resident memory of a process and all its descendants (Node and the
 * Pagefind binary run side by side, so their sum is what the machine must hold), sampled from
 * /proc, and GNU time's report of the largest single process when /usr/bin/time is available.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The process and its descendants, via /proc/<pid>/task/<tid>/children. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift()!;
    out.push(current);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue; // exited
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${current}/task/${tid}/children`, 'utf8').trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      } catch {
        // the thread or process ended between the two reads
      }
    }
  }
  return out;
}

/** Resident set size of one process in bytes (0 if it has gone). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Whether this system lets us sample the process tree. */
export function canSampleTree(): boolean {
  return existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
}

/** One reading: wall-clock time (ms since the epoch) and the tree's summed RSS in bytes. */
export interface RssSample {
  readonly at: number;
  readonly bytes: number;
}

/** Samples the summed RSS of `pid`'s tree every `intervalMs` until stopped; returns the peak and every sample. */
export function sampleTreeRss(pid: number, intervalMs = 200): { stop: () => { peak: number; samples: RssSample[] } } {
  let peak = 0;
  const samples: RssSample[] = [];
  const sample = () => {
    const total = processTree(pid).reduce((sum, p) => sum + rssOf(p), 0);
    samples.push({ at: Date.now(), bytes: total });
    if (total > peak) peak = total;
  };
  const timer = canSampleTree() ? setInterval(sample, intervalMs) : undefined;
  return {
    stop: () => {
      if (timer) clearInterval(timer);
      return { peak, samples };
    },
  };
}

/**
 * The highest sample within each step, given when the build started (ms since the epoch) and each
 * step's duration in order: which step needs the memory.
 */
export function peakPerStep(samples: readonly RssSample[], startedAt: number, steps: readonly (readonly [string, number])[]): Record<string, number> {
  const out: Record<string, number> = {};
  let from = startedAt;
  for (const [name, ms] of steps) {
    const to = from + ms;
    const inside = samples.filter((s) => s.at >= from && s.at <= to);
    // A step shorter than the sampling interval: the first reading after it ends.
    const seen = inside.length ? inside : samples.filter((s) => s.at > to).slice(0, 1);
    out[name] = seen.reduce((max, s) => Math.max(max, s.bytes), 0);
    from = to;
  }
  return out;
}

/** "Maximum resident set size (kbytes): 561432" from `/usr/bin/time -v`, in bytes. */
export function parseGnuTimeMaxRss(text: string): number | undefined {
  const kb = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}
