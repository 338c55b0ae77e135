/**
 * How to cite a measure: one sentence for people, and the Highwire "citation_*" meta tags that
 * reference managers (Zotero, Mendeley) and Google Scholar read. Both come from the same facts, so
 * the page never offers two different citations.
 */

/** What a measure's citation is made from; names and licence come from content/site.yaml. */
export interface CitationFacts {
  /** The publishing partnership, e.g. "Nottingham Community Safety Partnership". */
  readonly partnership: string;
  readonly title: string;
  /** Date (YYYY-MM-DD) of the current release, when one is published. */
  readonly releaseDate?: string;
  /** The build date (YYYY-MM-DD), whose year is used when there is no release. */
  readonly today: string;
  /** Absolute URL of the measure page. */
  readonly url: string;
  /** Who published the figures, e.g. "Home Office". */
  readonly publisher: string;
  /** Short licence name, e.g. "OGL v3.0". */
  readonly licence: string;
}

/** A meta tag by name, e.g. { name: "citation_title", content: "Knife crime" }. */
export interface NamedMeta {
  readonly name: string;
  readonly content: string;
}

/** The citation sentence: "Partnership (2026). Title, release 2026-11-23. URL. Source: X. Licence: Y." */
export function measureCitation(facts: CitationFacts): string {
  const year = (facts.releaseDate ?? facts.today).slice(0, 4);
  const release = facts.releaseDate ? `, release ${facts.releaseDate}` : '';
  return `${facts.partnership} (${year}). ${facts.title}${release}. ${facts.url}. Source: ${facts.publisher}. Licence: ${facts.licence}.`;
}

/** Highwire Press meta tags for the measure page; the date is written YYYY/MM/DD as Google Scholar asks. */
export function citationMetaTags(facts: CitationFacts): NamedMeta[] {
  return [
    { name: 'citation_title', content: facts.title },
    { name: 'citation_author', content: facts.partnership },
    ...(facts.releaseDate ? [{ name: 'citation_publication_date', content: facts.releaseDate.replaceAll('-', '/') }] : []),
    { name: 'citation_public_url', content: facts.url },
  ];
}
