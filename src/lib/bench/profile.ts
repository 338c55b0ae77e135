/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of a build: self time by function, by module
 * (package or project file) and by build stage, so "where does the time go" has a short answer.
 */

/** The parts of the .cpuprofile format used here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface TimeShare {
  readonly name: string;
  readonly ms: number;
  /** Share of the profile's total sampled time, 0 to 1. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: TimeShare[];
  readonly modules: TimeShare[];
  readonly stages: TimeShare[];
}

/** Stages of the build, recognised from the file each function is in; first match wins. */
const STAGES: readonly [string, RegExp][] = [
  ['idle (waiting on Pagefind, esbuild or disk)', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['social preview images (src/lib/sharing, resvg)', /\/src\/lib\/sharing\/|\/node_modules\/@resvg\//],
  ['charts (src/lib/charts, d3)', /\/src\/lib\/charts\/|\/node_modules\/d3-/],
  ['downloads (src/lib/downloads, fflate)', /\/src\/lib\/downloads\/|\/node_modules\/fflate\//],
  ['data: read, validate, derive (src/lib, csv-parse)', /\/src\/lib\/(read|validate|derive|pipeline|build-model|model|page-model|period|site-data)|\/src\/cli\/|\/node_modules\/csv-parse\//],
  ['schemas and YAML (zod, yaml)', /\/node_modules\/(zod|yaml)\//],
  ['content layer (astro content, MDX, markdown)', /\/node_modules\/astro\/dist\/content\/|\/node_modules\/(@astrojs\/(mdx|markdown-remark)|@mdx-js|micromark[^/]*|mdast[^/]*|hast[^/]*|remark[^/]*|rehype[^/]*|unified|vfile[^/]*|unist[^/]*|estree[^/]*|acorn[^/]*|js-yaml|gray-matter|github-slugger|shiki|@shikijs)\//],
  ['bundling (vite, rolldown, esbuild)', /\/node_modules\/(vite|rolldown|@rolldown|esbuild|@esbuild|rollup|@rollup|lightningcss|postcss|magic-string|@vitejs|@astrojs\/compiler[^/]*)\//],
  ['rendering pages (astro runtime, page modules)', /\/node_modules\/astro\/dist\/(runtime|core\/render|core\/build\/generate|core\/app|core\/routing|core\/middleware|core\/base-pipeline|core\/build\/pipeline)|\/(src\/(pages|components|layouts)|\.prerender|chunks|pages)\/.*\.(mjs|js|astro)|\.astro(\.mjs)?$/],
  ['Pagefind (node side)', /\/node_modules\/pagefind\//],
  ['astro other (config, sync, build orchestration)', /\/node_modules\/astro\//],
  ['node internals (fs, streams, modules)', /^node:|^internal\//],
  ['V8 and native (program)', /^\(program\)$/],
];

/** The stage a call frame's time belongs to. */
export function stageOf(functionName: string, url: string): string {
  const key = url || functionName;
  for (const [name, pattern] of STAGES) if (pattern.test(key)) return name;
  return url ? 'other JavaScript' : 'V8 and native (program)';
}

/** "astro", "@astrojs/mdx", "src/lib/charts/kinds/line/svg.ts" or "node:fs". */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = path.search(/\/src\/(lib|cli|pages|components|layouts|scripts)\//);
  if (src >= 0) return path.slice(src + 1);
  if (/^(node:|internal\/)/.test(path)) return path.split('/').slice(0, 2).join('/');
  return path.split('/').slice(-2).join('/');
}

function top(map: Map<string, number>, total: number, limit: number): TimeShare[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: total ? ms / total : 0 }));
}

/** Self time per function, module and stage across one or more profiles (e.g. one per thread). */
export function summariseProfiles(profiles: readonly CpuProfile[], limit = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byStage = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const selfUs = new Map<number, number>();
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i + 1] ?? 0;
      selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + Math.max(0, dt));
    }
    for (const [id, us] of selfUs) {
      const frame = nodes.get(id);
      if (!frame) continue;
      const ms = us / 1000;
      totalMs += ms;
      const mod = moduleOf(frame.url, frame.functionName);
      const fn = `${frame.functionName || '(anonymous)'} ${mod}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
      byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
      const stage = stageOf(frame.functionName, frame.url);
      byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
    }
  }
  return { totalMs: Math.round(totalMs), functions: top(byFunction, totalMs, limit), modules: top(byModule, totalMs, limit), stages: top(byStage, totalMs, STAGES.length + 2) };
}

/** The thread a profile file is from: Node names them CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; 0 is the main thread. */
export function threadOf(fileName: string): number {
  const parts = fileName.split('.');
  return parts.length >= 7 ? Number(parts[parts.length - 3]) : 0;
}
