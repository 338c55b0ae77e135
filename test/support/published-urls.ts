/**
 * The register of every public address the site has published (test/urls/published.txt) and the
 * check that a build still answers each one. Partners cite our pages and scripts fetch our CSV
 * files for years, so an address, once published, must keep working: a rename needs redirect_from.
 *
 * `node test/support/published-urls.ts` adds the addresses of the current dist/ to the register.
 * It only ever adds: removing a line would hide exactly the breakage the register exists to catch.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedAt } from '../../src/lib/build/deployment.ts';
import { crawlPaths, filesUnder, redirectTarget } from './crawl.ts';
import { dist, root } from './site.ts';

export const REGISTER = join(root, 'test/urls/published.txt');

const HEADER = `# Every public address Safer Nottingham Data has published: each HTML page (those in the sitemap
# and the embeddable charts), every download under /data/ and /downloads/, and the updates feed.
# One path per line, sorted.
#
# Lines are never removed. test/e2e/urls.spec.ts fails if any address here no longer resolves in
# the build, because partners link to our pages and scripts fetch our files for years.
# To rename a plan, priority, action or measure, keep its old slug in \`redirect_from\` in the
# content file: the old page then redirects, and the measure's or plan's data files are also
# published at their old addresses.
#
# When the site publishes new addresses, add them with: node test/support/published-urls.ts
`;

/** The addresses in the register, in file order. */
export function readRegister(file = REGISTER): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Site paths (without the deployment's base path) of everything a built site publishes. */
export function publishedBy(site = dist): string[] {
  const { base } = servedAt(process.env, root);
  // The sitemap's pages and the noindex pages partners link or embed (see crawlPaths).
  const pages = crawlPaths(site).map((p) => (p.startsWith(base) ? `/${p.slice(base.length)}` : p));
  // Downloads. (Not the chart images under /og/: only our own pages' link previews point at them,
  // and a renamed page names its new image.) A folder's index.html is published as the folder's
  // address, which is already among the pages.
  const files = filesUnder(['data', 'downloads'], site).filter((f) => !f.endsWith('/index.html'));
  const feed = existsSync(join(site, 'updates.xml')) ? ['/updates.xml'] : [];
  return [...new Set([...pages, ...files, ...feed])].sort();
}

/**
 * Why each address does not resolve in a built site, if it does not: it must be a file, or a
 * folder with index.html (a page, or a redirect page Astro generated whose target resolves).
 */
export function unresolved(addresses: readonly string[], site = dist): string[] {
  const problems: string[] = [];
  const file = (path: string): string | undefined => {
    const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
    const candidates = clean.endsWith('/') ? [join(site, clean, 'index.html')] : [join(site, clean), join(site, clean, 'index.html')];
    return candidates.find((c) => existsSync(c) && statSync(c).isFile());
  };
  for (const address of addresses) {
    const found = file(address);
    if (!found) {
      problems.push(`${address}: nothing is published there any more (add the old slug to redirect_from)`);
      continue;
    }
    if (found.endsWith('.html')) {
      const target = redirectTarget(readFileSync(found, 'utf8'));
      if (target && !file(new URL(target, `http://site${address}`).pathname)) problems.push(`${address}: redirects to ${target}, which does not exist`);
    }
  }
  return problems;
}

/** Adds the current build's addresses to the register; returns how many were new. */
export function addToRegister(site = dist, file = REGISTER): number {
  const known = existsSync(file) ? readRegister(file) : [];
  const all = [...new Set([...known, ...publishedBy(site)])].sort();
  writeFileSync(file, `${HEADER}${all.join('\n')}\n`);
  return all.length - known.length;
}

if (import.meta.main) {
  const added = addToRegister();
  console.log(`${added} new address${added === 1 ? '' : 'es'} added to ${REGISTER}.`);
}
