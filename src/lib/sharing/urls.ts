/**
 * Absolute addresses for what leaves the site (citations, embed snippets, social cards): those are
 * read elsewhere, where a path like "/measures/x/" would point at someone else's site.
 */

/** The absolute URL of a site path ("/measures/x/") under the site root ("https://host/base/"). */
export function absoluteUrl(siteRoot: string, path: string): string {
  // Resolving "measures/x/" (no leading slash) against the root keeps the root's base path.
  return new URL(path.replace(/^\/+/, ''), siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`).href;
}
