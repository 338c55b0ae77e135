/**
 * Where the site is served: the one setting a deployment changes. The public address of the site
 * root is `url` in content/site.yaml; SITE_URL (the public origin, e.g. https://example.github.io)
 * and BASE_PATH (the folder under it, e.g. /safer-nottingham/) override it for one build, as the
 * GitHub Pages workflow does. astro.config.mjs, the build and the downloads all read it here.
 * A build with no address at all is refused (src/cli/build.ts), unless it is a copy to view on this
 * computer (`--local`), so a published site never points at http://localhost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Address of a copy viewed on this computer (`npm start`, `npm run dev`, the browser tests); never a published one. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

/** Where one build is served, and which setting said so. */
export interface Deployment {
  /** The origin, without a trailing slash, e.g. "https://example.github.io". */
  readonly origin: string;
  /** The base path, starting and ending with "/". */
  readonly base: string;
  readonly from: 'SITE_URL' | 'content/site.yaml';
}

/**
 * The deployment from the environment and the `url` of content/site.yaml; null when neither gives
 * an origin. SITE_URL wins (with BASE_PATH, default "/"); else the origin and folder of `url`
 * (BASE_PATH still overrides the folder).
 */
export function resolveDeployment(env: Readonly<Record<string, string | undefined>>, siteYamlUrl: string | undefined): Deployment | null {
  const fromEnv = env.SITE_URL?.trim();
  if (fromEnv) return { origin: fromEnv.replace(/\/+$/, ''), base: normaliseBase(env.BASE_PATH ?? '/'), from: 'SITE_URL' };
  if (!siteYamlUrl || !URL.canParse(siteYamlUrl)) return null;
  const url = new URL(siteYamlUrl);
  return { origin: url.origin, base: normaliseBase(env.BASE_PATH ?? url.pathname), from: 'content/site.yaml' };
}

/** The `url` written in `<root>/content/site.yaml`, if any (the content checks report a malformed file). */
export function readSiteYamlUrl(root: string): string | undefined {
  const file = join(root, 'content/site.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const url = (parse(readFileSync(file, 'utf8')) as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin and base path a build with `env` and the content root `root` is served at: a local
 * copy's origin when no address is set (the build refuses to publish one). The settings arrive as
 * arguments, so only the entry points (the CLI, astro.config.mjs) read the process environment.
 */
export function servedAt(env: Readonly<Record<string, string | undefined>>, root: string): { origin: string; base: string } {
  const deployment = resolveDeployment(env, readSiteYamlUrl(root));
  return { origin: deployment?.origin ?? LOCAL_ORIGIN, base: deployment?.base ?? normaliseBase(env.BASE_PATH ?? '/') };
}

/** Absolute address of the site root for a content root built with `env`, e.g. "https://example.github.io/safer-nottingham/". */
export function siteRootOf(env: Readonly<Record<string, string | undefined>>, root: string): string {
  const { origin, base } = servedAt(env, root);
  return `${origin}${base}`;
}

/** Whether an origin is this computer's (localhost, 127.0.0.1, [::1]), which no reader elsewhere can open. */
export function isLocalOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const host = new URL(origin).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}

function normaliseBase(raw: string): string {
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}
