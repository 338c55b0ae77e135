/**
 * /robots.txt: every page may be crawled, and the sitemap's address tells search engines where the
 * list of pages is. Crawlers read robots.txt only at an origin's root, so under a folder (BASE_PATH)
 * this copy is for reference and the host's own robots.txt must name the sitemap (README "Deployment").
 * Embeds are not disallowed: a crawler must fetch them to read their noindex.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  // The site root astro.config.mjs was given (src/lib/build/deployment.ts servedAt); @astrojs/sitemap writes sitemap-index.xml there.
  const sitemap = new URL('sitemap-index.xml', new URL(import.meta.env.BASE_URL, site)).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
