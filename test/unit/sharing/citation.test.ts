/** The citation sentence and the citation_* meta tags, from one set of facts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationMetaTags, measureCitation, type CitationFacts } from '../../../src/lib/sharing/citation.ts';
import { absoluteUrl } from '../../../src/lib/sharing/urls.ts';

const FACTS: CitationFacts = {
  partnership: 'Testshire Community Safety Partnership',
  title: 'Knife crime',
  releaseDate: '2026-11-23',
  today: '2027-01-05',
  url: 'https://example.org/safer/measures/knife-crime/',
  publisher: 'Home Office',
  licence: 'OGL v3.0',
};

test('the citation reads: partnership (year). title, release date. URL. Source. Licence.', () => {
  assert.equal(
    measureCitation(FACTS),
    'Testshire Community Safety Partnership (2026). Knife crime, release 2026-11-23. https://example.org/safer/measures/knife-crime/. Source: Home Office. Licence: OGL v3.0.',
  );
});

test('without a release the citation takes the build year and names no release', () => {
  const { releaseDate: _, ...facts } = FACTS;
  assert.equal(measureCitation(facts), 'Testshire Community Safety Partnership (2027). Knife crime. https://example.org/safer/measures/knife-crime/. Source: Home Office. Licence: OGL v3.0.');
});

test('the meta tags carry title, author, date as YYYY/MM/DD and the public URL', () => {
  assert.deepEqual(citationMetaTags(FACTS), [
    { name: 'citation_title', content: 'Knife crime' },
    { name: 'citation_author', content: 'Testshire Community Safety Partnership' },
    { name: 'citation_publication_date', content: '2026/11/23' },
    { name: 'citation_public_url', content: 'https://example.org/safer/measures/knife-crime/' },
  ]);
  const { releaseDate: _, ...undated } = FACTS;
  assert.ok(!citationMetaTags(undated).some((tag) => tag.name === 'citation_publication_date'), 'no date is invented');
});

test('a title with quotes and markup stays plain text in the citation (the page escapes it as text)', () => {
  const title = `Widgets "stolen" <b>& lost</b>`;
  const citation = measureCitation({ ...FACTS, title });
  assert.ok(citation.includes(`${title}, release 2026-11-23.`), 'the title is kept exactly, not double-escaped');
  assert.equal(citationMetaTags({ ...FACTS, title })[0]!.content, title);
});

test('absolute URLs keep the base path of the site root', () => {
  assert.equal(absoluteUrl('https://example.org/safer/', '/measures/x/'), 'https://example.org/safer/measures/x/');
  assert.equal(absoluteUrl('https://example.org/safer', '/og/measures/x.png'), 'https://example.org/safer/og/measures/x.png');
  assert.equal(absoluteUrl('http://localhost:4321/', '/embed/measures/x/'), 'http://localhost:4321/embed/measures/x/');
});
