/**
 * /updates.xml: the Atom feed of what's new. Only renders: the entries come from
 * src/lib/updates/entries.ts and the XML from src/lib/updates/atom.ts.
 */
import type { APIRoute } from 'astro';
import { siteRoot } from '../lib/deployment.ts';
import { loadModel } from '../lib/site-data.ts';
import { atomFeed } from '../lib/updates/atom.ts';
import { buildUpdates } from '../lib/updates/entries.ts';

export const GET: APIRoute = () => {
  const model = loadModel();
  const xml = atomFeed({ site: model.site, entries: buildUpdates(model), siteRoot: siteRoot(), today: model.today });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
