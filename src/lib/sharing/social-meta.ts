/**
 * Open Graph and Twitter card tags, so a shared link shows a title, description and (for measures
 * with figures) a picture of the chart. Every page gets the same set from Base.astro.
 */

/** A preview image: absolute URL, size in pixels and a description for people who cannot see it. */
export interface SocialImage {
  readonly url: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

/** What a page's card is made from. */
export interface SocialFacts {
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL of the page. */
  readonly url: string;
  readonly siteName: string;
  readonly image?: SocialImage;
}

/** A meta tag: Open Graph uses property=, Twitter uses name=. */
export interface SocialMeta {
  readonly attribute: 'property' | 'name';
  readonly key: string;
  readonly content: string;
}

/** Twitter ignores alt text longer than this. */
const MAX_ALT_LENGTH = 420;

/** Shortens text to `limit` characters at a word boundary, ending with an ellipsis. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The tags for one page; with an image the card is a large picture, without one a plain summary. */
export function socialMetaTags(facts: SocialFacts): SocialMeta[] {
  const og = (key: string, content: string): SocialMeta => ({ attribute: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): SocialMeta => ({ attribute: 'name', key: `twitter:${key}`, content });
  const tags = [
    og('type', 'website'),
    og('site_name', facts.siteName),
    og('title', facts.title),
    og('description', facts.description),
    og('url', facts.url),
    og('locale', 'en_GB'),
    twitter('card', facts.image ? 'summary_large_image' : 'summary'),
  ];
  if (facts.image) {
    const alt = truncateText(facts.image.alt, MAX_ALT_LENGTH);
    tags.push(
      og('image', facts.image.url),
      og('image:type', 'image/png'),
      og('image:width', String(facts.image.width)),
      og('image:height', String(facts.image.height)),
      og('image:alt', alt),
      twitter('image', facts.image.url),
      twitter('image:alt', alt),
    );
  }
  return tags;
}
