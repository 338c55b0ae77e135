/**
 * The GitHub Actions workflows are valid workflow files (checked against the workflow schema by
 * @action-validator/core, offline), every `npm run` they call is a script of package.json, and the
 * pull-request and inbox workflows do what the publishing guide says they do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as typeof import('@action-validator/core');

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

test('the workflows are deploy, pull request and inbox', () => {
  assert.deepEqual(files, ['deploy.yml', 'inbox.yml', 'pull-request.yml']);
});

for (const file of files) {
  test(`${file} is a valid GitHub Actions workflow`, () => {
    assert.deepEqual(validateWorkflow(text(file)).errors, []);
  });
}

test('the schema check finds a mistake (a misspelt key), so passing it means something', () => {
  const broken = text('pull-request.yml').replace('runs-on:', 'run-on:');
  assert.notDeepEqual(validateWorkflow(broken).errors, []);
});

test('every npm script a workflow runs exists', () => {
  const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  for (const file of files) {
    for (const [, name] of text(file).matchAll(/npm run (?:--silent )?([\w:-]+)/g)) assert.ok(scripts.includes(name!), `${file} runs npm run ${name}, which package.json lacks`);
  }
});

type Step = { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> };
const steps = (file: string): Step[] => Object.values((parseYaml(text(file)) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap((j) => j.steps);

test('on a pull request: validate, the report against the base branch into the job summary, and the built site as an artifact', () => {
  const workflow = parseYaml(text('pull-request.yml')) as { on: Record<string, unknown> };
  assert.ok('pull_request' in workflow.on);
  const all = steps('pull-request.yml');
  const checkout = all.find((s) => s.uses?.startsWith('actions/checkout@'));
  assert.equal(checkout?.with?.['fetch-depth'], 0, 'the report needs the base branch');
  const validate = all.find((s) => s.run?.includes('npm run --silent validate'));
  assert.match(validate?.run ?? '', /GITHUB_STEP_SUMMARY/, 'failing validation shows its messages in the summary');
  const report = all.find((s) => s.run?.includes('npm run --silent report'));
  assert.match(report?.run ?? '', /--base "origin\/\$\{BASE_REF\}".*GITHUB_STEP_SUMMARY/);
  assert.match(report?.if ?? '', /always\(\)/, 'the report runs even when validation failed');
  assert.ok(all.some((s) => s.run?.includes('npm run build')));
  assert.equal(all.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path, 'dist');
});

test('on a branch with an upload in inbox/: npm run inbox, then a commit only of what it wrote', () => {
  const workflow = parseYaml(text('inbox.yml')) as { on: { push: { paths: string[]; 'branches-ignore': string[] } }; permissions: Record<string, string> };
  assert.deepEqual(workflow.on.push.paths, ['inbox/**', 'data/reference/ons_release_dates.csv'], 'runs again once the missing release date is added');
  assert.deepEqual(workflow.on.push['branches-ignore'], ['main']);
  assert.equal(workflow.permissions.contents, 'write');
  const all = steps('inbox.yml');
  const inbox = all.findIndex((s) => s.run?.includes('npm run --silent inbox'));
  const commit = all.findIndex((s) => s.run?.includes('git commit'));
  assert.ok(inbox >= 0 && commit > inbox, 'commits after the import, and only if it succeeded (no if: always())');
  assert.equal(all[commit]!.if, undefined);
});
