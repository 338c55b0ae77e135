/**
 * The HTML other sites paste to embed a measure's chart. It is shown on the measure page as text
 * and pasted into pages we do not control, so every attribute value is escaped here and the
 * address must be absolute.
 */

/** What an embed snippet is made from. */
export interface EmbedSnippetFacts {
  /** Absolute URL of the embed page. */
  readonly src: string;
  /** Accessible name of the frame, read out by screen readers on the host page. */
  readonly title: string;
  /** Frame height in CSS pixels. */
  readonly height: number;
}

/** Escapes text for a double-quoted HTML attribute; &#39; rather than &apos;, which HTML 4 lacks. */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** The <iframe> element to paste: full width, fixed height, loaded only when scrolled near. */
export function embedSnippet(facts: EmbedSnippetFacts): string {
  if (!/^https?:\/\//.test(facts.src)) throw new Error(`an embed address must be absolute, not ${facts.src}`);
  const height = Math.round(facts.height);
  return `<iframe src="${escapeHtmlAttribute(facts.src)}" title="${escapeHtmlAttribute(facts.title)}" width="100%" height="${height}" loading="lazy"></iframe>`;
}

/** The frame's accessible name, e.g. "Knife crime: chart from Safer Nottingham Data". */
export function embedFrameTitle(measureTitle: string, siteName: string): string {
  return `${measureTitle}: chart from ${siteName}`;
}
