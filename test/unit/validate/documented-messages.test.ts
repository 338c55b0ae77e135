/**
 * The example problems the editors' guides quote (README.md and /about/publishing/) are exactly what
 * `npm run validate` prints for a golden fixture, so a reworded message cannot leave the guides
 * describing one the site no longer gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVALID_CONTENT, PROJECT, TODAY } from '../../support/fixture-roots.ts';

/** The fixture whose output the guides quote: a copy of the minimal root with line 14 of a release broken. */
const DOCUMENTED_CASE = join(INVALID_CONTENT, 'documented-example-value-not-a-number');

const DIAGNOSTIC_LINE = /^[\w./-]+:\d+:\d+: .+$/;

/** Lines of code blocks in a Markdown file that have the form of a diagnostic. */
function markdownExamples(text: string): string[] {
  const blocks = [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks.flatMap((block) => block.split('\n')).filter((line) => DIAGNOSTIC_LINE.test(line));
}

/** Lines of <pre><code> blocks in an Astro page that have the form of a diagnostic, HTML entities decoded. */
function pageExamples(text: string): string[] {
  const decode = (html: string) =>
    html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const blocks = [...text.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => decode(m[1]!));
  return blocks.flatMap((block) => block.split('\n')).filter((line) => DIAGNOSTIC_LINE.test(line));
}

/** What `npm run validate` prints for the documented case, one line each, and its exit code. */
function validateOutput(): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, [join(PROJECT, 'src/cli/validate.ts')], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, SND_ROOT: DOCUMENTED_CASE, SND_TODAY: TODAY },
  });
  return { status: result.status, lines: `${result.stdout}\n${result.stderr}`.split('\n') };
}

test('every example problem in the guides is printed, word for word, for the documented fixture', () => {
  const examples = [
    ...markdownExamples(readFileSync(join(PROJECT, 'README.md'), 'utf8')).map((line) => ({ where: 'README.md', line })),
    ...pageExamples(readFileSync(join(PROJECT, 'src/pages/about/publishing.astro'), 'utf8')).map((line) => ({ where: 'publishing.astro', line })),
  ];
  // Each guide quotes at least one: a guide whose example moved out of a code block would otherwise pass unchecked.
  assert.ok(examples.some((e) => e.where === 'README.md'), 'no example diagnostic found in README.md');
  assert.ok(examples.some((e) => e.where === 'publishing.astro'), 'no example diagnostic found in publishing.astro');
  const { status, lines } = validateOutput();
  assert.equal(status, 1);
  for (const { where, line } of examples) assert.ok(lines.includes(line), `${where} quotes a message validate does not print:\n${line}\nprinted:\n${lines.join('\n')}`);
});

test('the example readers are not fooled by text outside code blocks', () => {
  assert.deepEqual(markdownExamples('a:1:2: not in a block\n```\nx/y.csv:3:4: in a block\nplain\n```\n'), ['x/y.csv:3:4: in a block']);
  assert.deepEqual(pageExamples('<p>a:1:2: no</p><pre><code>x/y.csv:3:4: value &quot;1&quot;</code></pre>'), ['x/y.csv:3:4: value "1"']);
});
