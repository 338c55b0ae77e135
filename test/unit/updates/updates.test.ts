/**
 * What's new: the entries behind /updates/ and /updates.xml, and the Atom document itself.
 * The feed is parsed by a real XML parser in test/e2e/updates.spec.ts; here its structure,
 * its ids (which must never change for the same release or report) and its escaping are checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PageModel } from '../../../src/lib/derive/page-model.ts';
import { atomFeed, entryId, htmlText } from '../../../src/lib/updates/atom.ts';
import { absoluteUrl } from '../../../src/lib/sharing/urls.ts';
import { buildUpdates, type UpdateEntry } from '../../../src/lib/updates/entries.ts';
import { groupByMonth, monthLabel } from '../../../src/lib/updates/months.ts';
import { buildPageModel } from '../../../src/lib/derive/build-model.ts';
import type { SiteModel } from '../../../src/lib/schemas/model.ts';
import { measure, meta, row, SITE, vintage } from '../../support/testshire.ts';

const ROOT = 'https://example.github.io/snd/';
const HOSTILE = 'Revised <b>down</b> & </summary><script>alert("x")</script> ]]> twice ]]> \u0001end';

type Progress = { date: string; status: 'in_progress' | 'completed' | 'not_started'; note: string };

/** A page model holding only what the updates read: measures' releases and actions' progress. */
function model({ releases = {}, progress = [] as Progress[], derived = false }: { releases?: Record<string, string>; progress?: Progress[]; derived?: boolean } = {}) {
  const measure = (slug: string, title: string, vintages: Record<string, string>, isDerived = false) => ({
    slug,
    derived: isDerived,
    data: isDerived ? { title, derivation: { formula: 'widgets plus gadgets', terms: [{ measure: 'widget-thefts', sign: '+' }, { measure: 'gadget-thefts', sign: '+' }] } } : { title },
    // The first release adds all its figures; each later one adds one and revises two (see VintageInfo.changeCounts).
    vintages: Object.entries(vintages).map(([date, changes], i) => ({
      date,
      release: { changes },
      changeCounts: i === 0 ? { added: 4, revised: 0, removed: 0 } : { added: 1, revised: 2, removed: 0 },
    })),
  });
  return {
    measures: [
      measure('widget-thefts', 'Widget Thefts', { '2025-07-24': 'First release.', '2025-10-02': 'Adds 2024-25.', ...releases }),
      measure('gadget-thefts', 'Gadget Thefts', { '2025-10-02': 'First release.' }),
      ...(derived ? [measure('all-thefts', 'All Thefts', { '2025-10-02': 'Computed.' }, true)] : []),
    ],
    actions: [
      {
        id: '2020-23/light-the-path',
        plan: '2020-23',
        slug: 'light-the-path',
        data: {
          title: 'Light the path',
          progress: [
            { date: '2025-08-01', status: 'not_started', note: 'Funding agreed.' },
            { date: '2025-10-02', status: 'in_progress', note: 'Lamps ordered.' },
            ...progress,
          ],
        },
      },
    ],
  } as unknown as Pick<PageModel, 'measures' | 'actions'>;
}

const ids = (entries: readonly UpdateEntry[]) => entries.map((e) => entryId(ROOT, e));

describe('update entries', () => {
  test('lists every release and progress report, newest first, releases before progress on the same day', () => {
    const entries = buildUpdates(model());
    assert.deepEqual(
      entries.map((e) => `${e.date} ${e.kind} ${e.title}`),
      [
        '2025-10-02 release Gadget Thefts: first figures published',
        '2025-10-02 release Widget Thefts: new figures published',
        '2025-10-02 progress Light the path: in progress',
        '2025-08-01 progress Light the path: not started',
        '2025-07-24 release Widget Thefts: first figures published',
      ],
    );
    const widget = entries.find((e) => e.kind === 'release' && e.date === '2025-10-02' && e.measure === 'widget-thefts')!;
    assert.equal(widget.summary, 'Adds 2024-25.');
    assert.equal(widget.path, '/measures/widget-thefts/');
    assert.equal(widget.kind === 'release' && widget.csvPath, '/data/measures/widget-thefts/2025-10-02.csv');
  });

  test('gives each release how many figures it added, revised and removed, in numbers and words', () => {
    const releases = buildUpdates(model()).filter((e) => e.kind === 'release');
    assert.deepEqual(
      releases.map((e) => [e.date, e.subject, e.counts, e.countsText]),
      [
        ['2025-10-02', 'Gadget Thefts', { added: 4, revised: 0, removed: 0 }, '4 figures added'],
        ['2025-10-02', 'Widget Thefts', { added: 1, revised: 2, removed: 0 }, '1 figure added, 2 revised'],
        ['2025-07-24', 'Widget Thefts', { added: 4, revised: 0, removed: 0 }, '4 figures added'],
      ],
    );
  });

  test('counts come from the releases themselves, through the page model', () => {
    const first = vintage('2025-07-24', [row('2022-23', 10), row('2023-24', 11), row('2024-25', 12)]);
    const second = vintage('2025-10-02', [row('2023-24', 11), row('2024-25', 13), row('2025-26', 14)], { changes: 'Adds 2025-26.' });
    const site: SiteModel = { site: SITE, plans: [], priorities: [], actions: [], measures: [measure('widget-thefts', meta(), [first, second])] };
    const { page } = buildPageModel(site, '2026-11-23');
    assert.deepEqual(page.measures[0]!.vintages.map((v) => v.changeCounts), [
      { added: 3, revised: 0, removed: 0 },
      { added: 1, revised: 1, removed: 1 },
    ]);
    assert.deepEqual(buildUpdates(page).map((e) => e.kind === 'release' && e.countsText), ['1 figure added, 1 revised, 1 removed', '3 figures added']);
  });

  test('a derived measure gets an entry each day an input is released, once every input has figures, naming those releases', () => {
    const entries = buildUpdates(model({ derived: true, releases: { '2025-12-01': 'Adds 2025 Q3.' } }));
    const derived = entries.filter((e) => e.subject === 'All Thefts');
    // Nothing could be computed on 2025-07-24: gadget thefts had no figures until 2025-10-02.
    assert.deepEqual(
      derived.map((e) => `${e.date} ${e.title}: ${e.summary}`),
      [
        '2025-12-01 All Thefts: figures recomputed: This site recomputed these figures after a new release of Widget Thefts.',
        '2025-10-02 All Thefts: first figures computed: This site computed these figures from the published releases of Widget Thefts, Gadget Thefts.',
      ],
    );
    const [latest, first] = derived as Extract<UpdateEntry, { kind: 'release' }>[];
    assert.equal(latest!.csvPath, null, 'a derived measure has no release file of its own');
    assert.equal(latest!.counts, null, 'nor a release of its own to count changes against');
    assert.deepEqual(latest!.inputReleases.map((r) => r.csvPath), ['/data/measures/widget-thefts/2025-12-01.csv']);
    assert.deepEqual(first!.inputReleases.map((r) => r.csvPath), ['/data/measures/widget-thefts/2025-10-02.csv', '/data/measures/gadget-thefts/2025-10-02.csv']);
    assert.equal(first!.key, '/measures/all-thefts/releases/2025-10-02');
    const xml = atomFeed({ site: SITE, entries, siteRoot: ROOT, today: '2026-01-01' });
    assert.match(xml, /Computed from:/);
    assert.match(xml, /https:\/\/example\.github\.io\/snd\/data\/measures\/widget-thefts\/2025-12-01\.csv/);
    assert.doesNotMatch(xml, /all-thefts\/\d{4}-\d{2}-\d{2}\.csv/, 'no link to a release file that does not exist');
  });

  test('groups by calendar month, newest month first', () => {
    const months = groupByMonth(buildUpdates(model()));
    assert.deepEqual(months.map((m) => [m.label, m.entries.length]), [['October 2025', 3], ['August 2025', 1], ['July 2025', 1]]);
    assert.equal(monthLabel('2026-01'), 'January 2026');
  });
});

describe('entry ids', () => {
  test('are tag: URIs of the host, base path, date and what the entry is (the format is a promise to feed readers)', () => {
    const entries = buildUpdates(model());
    assert.equal(entryId(ROOT, entries.at(-1)!), 'tag:example.github.io,2025-07-24:/snd/measures/widget-thefts/releases/2025-07-24');
    assert.equal(entryId(ROOT, entries[2]!), 'tag:example.github.io,2025-10-02:/snd/plans/2020-23/actions/light-the-path/progress/2025-10-02');
    assert.equal(entryId('http://localhost:4321/', entries.at(-1)!), 'tag:localhost,2025-07-24:/measures/widget-thefts/releases/2025-07-24');
  });

  test('are unique, including two reports on one day', () => {
    const entries = buildUpdates(model({ progress: [{ date: '2025-10-02', status: 'completed', note: 'Lamps lit.' }] }));
    const all = ids(entries);
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.includes('tag:example.github.io,2025-10-02:/snd/plans/2020-23/actions/light-the-path/progress/2025-10-02-2'));
  });

  test('never change when later releases and reports are published', () => {
    const before = ids(buildUpdates(model()));
    const later = model({
      releases: { '2026-01-15': 'Adds Q3.' },
      progress: [
        { date: '2025-10-02', status: 'completed', note: 'Same-day follow-up.' },
        { date: '2026-01-20', status: 'completed', note: 'Done.' },
      ],
    });
    const after = ids(buildUpdates(later));
    for (const id of before) assert.ok(after.includes(id), `${id} kept its id`);
    assert.equal(after.length, before.length + 3);
  });
});

describe('Atom feed', () => {
  const feed = (entries = buildUpdates(model()), today = '2026-11-23') => atomFeed({ site: SITE, entries, siteRoot: ROOT, today });

  test('has the elements Atom requires, with absolute addresses under the base path', () => {
    const xml = feed();
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.match(xml, /<id>https:\/\/example\.github\.io\/snd\/updates\/<\/id>/);
    assert.match(xml, /<title>Safer Testshire Data: what's new<\/title>/);
    assert.match(xml, /<updated>2025-10-02T00:00:00\.000Z<\/updated>/, 'feed updated = newest entry');
    assert.match(xml, /<author>\s*<name>Testshire Community Safety Partnership<\/name>/);
    assert.match(xml, /<link rel="self" href="https:\/\/example\.github\.io\/snd\/updates\.xml"\/>/);
    const entries = xml.split('<entry>').slice(1);
    assert.equal(entries.length, 5);
    for (const entry of entries) {
      for (const element of ['<id>tag:', '<title type="html">', '<updated>', '<link href="https://example.github.io/snd/', '<summary type="html">']) {
        assert.ok(entry.includes(element), `entry has ${element}`);
      }
    }
    assert.match(xml, /<a href="https:\/\/example\.github\.io\/snd\/data\/measures\/widget-thefts\/2025-07-24\.csv">/);
  });

  test("each release entry's content says how many figures it added and revised", () => {
    const contents = [...feed().matchAll(/<content type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/content>/g)].map((m) => m[1]!);
    assert.equal(contents.length, 5);
    assert.equal(contents.filter((c) => c.includes('<p>1 figure added, 2 revised.</p>')).length, 1);
    assert.equal(contents.filter((c) => c.includes('<p>4 figures added.</p>')).length, 2);
    assert.equal(contents.filter((c) => /figures? added/.test(c)).length, 3, 'progress entries have no counts');
  });

  test('is the same whatever day it is built, so an unchanged site republishes an unchanged feed', () => {
    assert.equal(feed(undefined, '2026-11-23'), feed(undefined, '2027-03-01'));
  });

  test('is valid with no entries, dated the build day', () => {
    const xml = feed([], '2026-11-23');
    assert.match(xml, /<updated>2026-11-23T00:00:00\.000Z<\/updated>/);
    assert.doesNotMatch(xml, /<entry>/);
  });

  test('escapes hostile text: no markup, no early end of a CDATA section, no characters XML forbids', () => {
    const entries = buildUpdates(model({ releases: { '2026-01-15': HOSTILE } }));
    const xml = feed(entries);
    assert.doesNotMatch(xml, /<script|<b>|<\/summary><script/);
    assert.doesNotMatch(xml, /\u0001/);
    // Each CDATA section must end right before its element's closing tag, not inside the note.
    assert.doesNotMatch(xml, /<!\[CDATA\[(?:(?!\]\]>)[\s\S])*\]\]>(?!<\/(title|summary|content)>)/, 'no CDATA section ends early');
    const summary = /<summary type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/summary>/.exec(xml)![1]!;
    assert.equal(decodeHtml(summary), HOSTILE.replace('\u0001', ''), 'a reader shows the note exactly as written');
  });

  test('htmlText escapes markup characters and drops characters XML 1.0 forbids', () => {
    assert.equal(htmlText(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(htmlText('a\u0000b\u001Fc\uFFFEd\uD800e\tf\ng'), 'abcde\tf\ng');
    assert.equal(htmlText('emoji 😀 stays'), 'emoji 😀 stays');
  });

  test('absolute addresses keep the base path', () => {
    assert.equal(absoluteUrl(ROOT, '/measures/x/'), 'https://example.github.io/snd/measures/x/');
    assert.equal(absoluteUrl('https://example.github.io/snd', '/updates.xml'), 'https://example.github.io/snd/updates.xml');
    assert.equal(absoluteUrl('https://example.org/', '/updates/'), 'https://example.org/updates/');
  });
});

/** What a feed reader shows for type="html" text: entities decoded. */
function decodeHtml(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}
