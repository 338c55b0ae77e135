/**
 * /updates.xml: the Atom feed of what's new. Only renders: the entries come from
 * src/lib/updates/entries.ts and the XML from src/lib/updates/atom.ts.
 */
import type { APIRoute } from 'astro';
import { loadModel } from '../lib/site-data.ts';
import { atomFeed } from '../lib/updates/atom.ts';
import { buildUpdates } from '../lib/updates/entries.ts';

export const GET: APIRoute = ({ site }) => {
  const model = loadModel();
  // The site root astro.config.mjs was given (src/lib/deployment.ts servedAt).
  const siteRoot = new URL(import.meta.env.BASE_URL, site).href;
  const xml = atomFeed({ site: model.site, entries: buildUpdates(model), siteRoot, today: model.today });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
