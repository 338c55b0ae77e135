/**
 * /updates.xml: the Atom feed of what's new. Only renders: the entries are the data step's view
 * (src/lib/updates/entries.ts, read by loadUpdates) and the XML comes from src/lib/updates/atom.ts.
 */
import type { APIRoute } from 'astro';
import { loadModel, loadUpdates } from '../lib/views/site-data.ts';
import { atomFeed } from '../lib/updates/atom.ts';

export const GET: APIRoute = ({ site }) => {
  const model = loadModel();
  // The site root astro.config.mjs was given (src/lib/build/deployment.ts servedAt).
  const siteRoot = new URL(import.meta.env.BASE_URL, site).href;
  const xml = atomFeed({ site: model.site, entries: loadUpdates(), siteRoot, today: model.today });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
