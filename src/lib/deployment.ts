/**
 * Where the site is served: the one setting a deployment changes. SITE_URL is the public origin
 * (e.g. https://example.github.io) and BASE_PATH the folder under it (e.g. /safer-nottingham/).
 * astro.config.mjs, the build and the downloads all read it here.
 */

/** The public origin, without a trailing slash. */
export function siteOrigin(): string {
  return (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '');
}

/** The base path, always starting and ending with "/". */
export function basePath(): string {
  const raw = process.env.BASE_PATH ?? '/';
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/** Absolute address of the site root, e.g. "https://example.github.io/safer-nottingham/". */
export function siteRoot(): string {
  return `${siteOrigin()}${basePath()}`;
}
