/**
 * The Atom feed of /updates.xml, built with the `feed` package from the same entries as the
 * /updates/ page. Every address is absolute (the feed is read away from the site) and respects the
 * deployment's base path; every entry id is a tag: URI that is the same in every build.
 */
import { Feed } from 'feed';
import type { Site } from '../schemas/site.ts';
import { paths } from '../schemas/paths.ts';
import { absoluteUrl } from '../sharing/urls.ts';
import type { ReleaseUpdate, UpdateEntry } from './entries.ts';

/** What the feed needs besides its entries. */
export interface AtomInput {
  readonly site: Site;
  /** Entries, newest first (see buildUpdates). */
  readonly entries: readonly UpdateEntry[];
  /** Absolute address of the site root, ending "/", e.g. "https://example.github.io/snd/" (deployment.ts siteRoot()). */
  readonly siteRoot: string;
  /** The build's date, YYYY-MM-DD: the feed's <updated> only when there are no entries. */
  readonly today: string;
}

/** The Atom 1.0 document. */
export function atomFeed({ site, entries, siteRoot, today }: AtomInput): string {
  const absolute = (path: string) => absoluteUrl(siteRoot, path);
  const feed = new Feed({
    id: absolute(paths.updates()),
    title: `${site.site_name}: what's new`,
    description: `New data releases and reported progress on actions, published by the ${site.partnership}.`,
    link: absolute(paths.updates()),
    feed: absolute(paths.updatesFeed()),
    // The newest entry's day, not the clock, so an unchanged site builds an identical feed.
    updated: dayStart(entries[0]?.date ?? today),
    author: { name: site.partnership, link: siteRoot },
    copyright: site.licence.name,
    generator: false,
  });
  for (const entry of entries) {
    const summary = htmlText(entry.summary);
    const counts = entry.kind === 'release' && entry.countsText !== null ? `<p>${htmlText(entry.countsText)}.</p>` : '';
    const download = entry.kind === 'release' ? downloadLinks(entry, absolute) : '';
    feed.addItem({
      id: entryId(siteRoot, entry),
      title: htmlText(entry.title),
      link: absolute(entry.path),
      date: dayStart(entry.date),
      description: summary,
      content: `<p>${summary}</p>${counts}${download}`,
    });
  }
  return feed.atom1();
}

/** The release's own file, or for a derived measure the input releases it was computed from. */
function downloadLinks(entry: ReleaseUpdate, absolute: (path: string) => string): string {
  if (entry.csvPath !== null) return `<p><a href="${absolute(entry.csvPath)}">Download this release (CSV)</a></p>`;
  if (entry.inputReleases.length === 0) return '';
  const links = entry.inputReleases.map((r) => `<li><a href="${absolute(r.csvPath)}">${htmlText(r.title)}, release ${r.date} (CSV)</a></li>`);
  return `<p>Computed from:</p><ul>${links.join('')}</ul>`;
}

/**
 * The entry's permanent id (RFC 4151 tag: URI): the site's host and base path, the entry's date
 * and its key. It depends on nothing that a later release or report can change; only moving the
 * site to another address changes it, as it changes every link.
 */
export function entryId(siteRoot: string, entry: Pick<UpdateEntry, 'date' | 'key'>): string {
  const { hostname, pathname } = new URL(siteRoot);
  return `tag:${hostname},${entry.date}:${pathname.replace(/\/$/, '')}${entry.key}`;
}


/**
 * Plain text made safe for the feed's type="html" elements: HTML-escaped (so a reader shows
 * "<b>" as text rather than bold) and without characters XML 1.0 forbids. Escaping ">" also keeps
 * "]]>" out of the CDATA sections the feed package writes, which it would otherwise split only once.
 */
export function htmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
