/** The <iframe> snippet: absolute, lazy, full width, titled, and safe whatever the measure title holds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedHeight } from '../../../src/lib/sharing/embed-height.ts';
import { embedFrameTitle, embedSnippet, escapeHtmlAttribute } from '../../../src/lib/sharing/embed-snippet.ts';
import { summariseLineChart } from '../../../src/lib/charts/kinds/line/words.ts';
import * as fixtures from '../../charts/fixtures.ts';

const HOSTILE = `Widgets "stolen" <script>alert('x')</script> & lost`;

/** Attribute values of the snippet's single element, decoded as a browser would. */
function attributes(html: string): Record<string, string> {
  const decode = (value: string) => value.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
  return Object.fromEntries([...html.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

test('the snippet is one iframe with src, title, width 100%, a height and lazy loading', () => {
  const html = embedSnippet({ src: 'https://example.org/safer/embed/measures/knife-crime/', title: 'Knife crime: chart from Safer Testshire Data', height: 612.4 });
  assert.equal(
    html,
    '<iframe src="https://example.org/safer/embed/measures/knife-crime/" title="Knife crime: chart from Safer Testshire Data" width="100%" height="612" loading="lazy"></iframe>',
  );
});

test('a title with quotes and < stays inside its attribute and comes back exactly', () => {
  const title = embedFrameTitle(HOSTILE, 'Safer Testshire Data');
  const html = embedSnippet({ src: 'https://example.org/embed/measures/w/?a=1&b="2"', title, height: 600 });
  assert.equal(html.match(/</g)?.length, 2, 'only the <iframe> and </iframe> tags use <');
  assert.ok(!html.includes('<script'));
  // Every attribute value is double-quoted with no raw quote or angle bracket inside.
  for (const [, value] of html.matchAll(/ [a-z-]+="([^"]*)"/g)) assert.ok(!/[<>"]/.test(value!), value);
  const attrs = attributes(html);
  assert.equal(attrs.title, `${HOSTILE}: chart from Safer Testshire Data`);
  assert.equal(attrs.src, 'https://example.org/embed/measures/w/?a=1&b="2"');
  assert.deepEqual(Object.keys(attrs), ['src', 'title', 'width', 'height', 'loading']);
});

test('escapeHtmlAttribute escapes the five specials, with &#39; for the apostrophe', () => {
  assert.equal(escapeHtmlAttribute(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
});

test('a relative address is refused: the snippet is pasted into other sites', () => {
  assert.throws(() => embedSnippet({ src: '/embed/measures/x/', title: 't', height: 600 }), /absolute/);
  assert.throws(() => embedSnippet({ src: 'javascript:alert(1)', title: 't', height: 600 }), /absolute/);
});

test('the frame is taller for a chart with comparison lines and a longer summary', () => {
  const line = (input: typeof fixtures.yearly) => embedHeight({ kind: 'line', input, desc: '', summary: summariseLineChart(input) });
  const single = line(fixtures.yearly);
  const compared = line(fixtures.comparators);
  assert.ok(single >= 600 && single <= 900, `single line: ${single}`);
  assert.ok(compared > single, `with comparators ${compared} > ${single}`);
  assert.equal(single % 10, 0);
});
