/** Open Graph and Twitter card tags: the same set on every page, a large card only with an image. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { socialMetaTags, truncateText } from '../../../src/lib/sharing/social-meta.ts';

const PAGE = { title: 'Knife crime', description: 'Offences recorded.', url: 'https://example.org/measures/knife-crime/', siteName: 'Safer Testshire Data' };
const byKey = (tags: ReturnType<typeof socialMetaTags>) => Object.fromEntries(tags.map((t) => [t.key, t]));

test('every page gets og:title, description, url, type, site_name and a summary card', () => {
  const tags = byKey(socialMetaTags(PAGE));
  assert.equal(tags['og:title']!.content, 'Knife crime');
  assert.equal(tags['og:description']!.content, 'Offences recorded.');
  assert.equal(tags['og:url']!.content, 'https://example.org/measures/knife-crime/');
  assert.equal(tags['og:type']!.content, 'website');
  assert.equal(tags['og:site_name']!.content, 'Safer Testshire Data');
  assert.equal(tags['twitter:card']!.content, 'summary');
  assert.equal(tags['og:image'], undefined);
  // Open Graph is read from property=, Twitter from name=.
  assert.equal(tags['og:url']!.attribute, 'property');
  assert.equal(tags['twitter:card']!.attribute, 'name');
});

test('with an image the card is large and the image has its size, type and alt text', () => {
  const image = { url: 'https://example.org/og/measures/knife-crime.png', alt: 'Line chart of knife crime.', width: 1200, height: 630 };
  const tags = byKey(socialMetaTags({ ...PAGE, image }));
  assert.equal(tags['twitter:card']!.content, 'summary_large_image');
  assert.equal(tags['og:image']!.content, image.url);
  assert.equal(tags['twitter:image']!.content, image.url);
  assert.equal(tags['og:image:width']!.content, '1200');
  assert.equal(tags['og:image:height']!.content, '630');
  assert.equal(tags['og:image:type']!.content, 'image/png');
  assert.equal(tags['og:image:alt']!.content, 'Line chart of knife crime.');
  assert.equal(tags['twitter:image:alt']!.content, 'Line chart of knife crime.');
});

test('long alt text is cut at a word to the 420 characters Twitter reads', () => {
  const alt = `Line chart ${'with many words '.repeat(40)}end.`;
  const cut = byKey(socialMetaTags({ ...PAGE, image: { url: 'https://x/y.png', alt, width: 1200, height: 630 } }))['og:image:alt']!.content;
  assert.ok(cut.length <= 420, String(cut.length));
  assert.match(cut, /\w…$/);
  assert.ok(alt.startsWith(`${cut.slice(0, -1)} `), 'cut between words');
  assert.equal(truncateText('short', 420), 'short');
});
