/**
 * Project roots for the validation tests: the minimal valid root, the broken-content cases (each a
 * whole root), and the broken-data cases, which hold only one measure and its data folder and so
 * are turned into a root by adding them to a copy of the minimal one.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serveStatic } from './static-server.ts';

/** This project: the Astro config and src/ every fixture root is built with. */
export const PROJECT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const MINIMAL_ROOT = join(FIXTURES, 'valid', 'minimal');
export const INVALID_CONTENT = join(FIXTURES, 'invalid', 'content');
export const INVALID_DATA = join(FIXTURES, 'invalid', 'data');
/** The day the fixtures are judged on; their releases are all dated before it. */
export const TODAY = '2026-11-23';

/** Sorted names of the case folders below `folder`. */
export function caseNames(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The lines a case's expected.txt holds, without the final line break. */
export function expectedLines(caseFolder: string): string[] {
  return readFileSync(join(caseFolder, 'expected.txt'), 'utf8').trimEnd().split('\n');
}

/**
 * Builds a whole project root in `target` for a data case: the minimal root, plus the case's
 * measure.yaml as content/measures/<slug>.md and its data folder. The data cases all use plan
 * "2024-27" and area E06999999, which the minimal root provides, so the root's only problems are
 * the case's own.
 */
export function dataCaseRoot(name: string, target: string): string {
  const caseFolder = join(INVALID_DATA, name);
  cpSync(MINIMAL_ROOT, target, { recursive: true });
  const [slug, ...others] = readdirSync(join(caseFolder, 'data', 'measures'));
  if (!slug || others.length > 0) throw new Error(`${name}: expected exactly one measure folder`);
  const measureYaml = readFileSync(join(caseFolder, 'measure.yaml'), 'utf8');
  mkdirSync(join(target, 'content', 'measures'), { recursive: true });
  writeFileSync(join(target, 'content', 'measures', `${slug}.md`), `---\n${measureYaml.trimEnd()}\n---\n`);
  cpSync(join(caseFolder, 'data', 'measures', slug), join(target, 'data', 'measures', slug), { recursive: true });
  return target;
}

/** The outcome of building a content root: the process result and where its site was written. */
export interface RootBuild {
  readonly status: number | null;
  readonly output: string;
  readonly dist: string;
}

/**
 * Builds this project's site from another content root into `output`, exactly as `npm run build`
 * does, with its own page model and its own Astro cache so its entries never reach the main
 * build's content store (and back).
 */
export function buildRoot(root: string, output: string, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): RootBuild & { readonly log: string } {
  const dist = join(output, 'dist');
  mkdirSync(output, { recursive: true });
  return withBuildLock(() => spawnBuild(root, output, dist, env, args));
}

/**
 * Astro keeps a build's content modules in the project's own .astro/ folder whatever the content
 * root, so two builds of different roots at once (browser specs in parallel workers, unit test files
 * in parallel processes) read each other's entries and fail with "Unexpected error while rendering".
 * Builds of fixture roots therefore take turns: a lock folder beside the project, created atomically,
 * removed when the build ends, and taken over when the process holding it has gone.
 */
function withBuildLock<T>(build: () => T): T {
  const lock = join(PROJECT, '.astro-build-lock');
  const owner = join(lock, 'pid');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Whether the process named in a lock's pid file still runs (a lock without one is being written: alive). */
function holderAlive(owner: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(owner, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function spawnBuild(root: string, output: string, dist: string, env: NodeJS.ProcessEnv, args: readonly string[]): RootBuild & { readonly log: string } {
  // Astro's prerender bundle below the output imports packages: let it find this project's (as the benchmark does).
  if (!existsSync(join(output, 'node_modules'))) symlinkSync(join(PROJECT, 'node_modules'), join(output, 'node_modules'), 'dir');
  const result = spawnSync(process.execPath, [join(PROJECT, 'src/cli/build.ts'), ...args], {
    // Each build runs in its own folder: Astro writes its prerender bundle below the working folder
    // when the output lies outside it, and two fixture builds sharing the project's .astro/.prerender
    // overwrote each other's chunks when browser tests built them at the same time.
    cwd: output,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SND_ROOT: root,
      SND_DIST: dist,
      SND_GENERATED_DIR: join(output, 'generated'),
      SND_CACHE_DIR: join(output, 'astro-cache'),
      SND_TODAY: TODAY,
      ...env,
    },
  });
  return { status: result.status, output, dist, log: `${result.stdout}\n${result.stderr}` };
}

/** A fixture root built and served on a free loopback port, for browser tests. */
export interface ServedRoot {
  readonly dist: string;
  readonly origin: string;
  /** Stops the server and removes everything the build wrote. */
  close(): Promise<void>;
}

/** Builds `root` into `output` (failing with the build's log if it does not build) and serves it; `env` as for buildRoot. */
export async function buildAndServeRoot(root: string, output: string, env: NodeJS.ProcessEnv = {}): Promise<ServedRoot> {
  // Served on this computer, so built as a local copy: a root without a public address still builds.
  const build = buildRoot(root, output, env, ['--local']);
  if (build.status !== 0) throw new Error(`the fixture root did not build:\n${build.log}`);
  const server = await serveStatic(build.dist, 0);
  return {
    dist: build.dist,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(output, { recursive: true, force: true });
    },
  };
}
