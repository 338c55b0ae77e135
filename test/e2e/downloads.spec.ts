/**
 * Downloads are what journalists cite: every release URL must serve the committed bytes exactly,
 * the current-release URL the newest of them, and each plan's zip must open and hold exactly the
 * files its checksum list names, with matching hashes: its data.csv of the current releases and every
 * release file byte for byte.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { dist, pageModel, root } from '../support/site.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import type { DataPackage } from '../../src/lib/downloads/datapackage.ts';
import { loadWithPrimaryKey } from '../support/sqlite-key.ts';

const model = pageModel();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('every release of every measure is served byte for byte, and the current URL serves the newest', async ({ request }) => {
  const folders = readdirSync(join(root, 'data/measures'));
  expect(folders.length).toBeGreaterThan(10);
  for (const slug of folders) {
    const releases = readdirSync(join(root, 'data/measures', slug)).filter((f) => f.endsWith('.csv')).sort();
    for (const file of releases) {
      const committed = readFileSync(join(root, 'data/measures', slug, file));
      const served = await request.get(`/data/measures/${slug}/${file}`);
      expect(served.status(), `${slug}/${file}`).toBe(200);
      expect(sha256(await served.body()), `${slug}/${file}`).toBe(sha256(committed));
    }
    const current = await request.get(`/data/measures/${slug}.csv`);
    expect(sha256(await current.body()), `${slug}.csv`).toBe(sha256(readFileSync(join(root, 'data/measures', slug, releases.at(-1)!))));
  }
});

test("each measure's JSON holds its metadata and every row of the current release", async ({ request }) => {
  for (const measure of model.measures.filter((m) => m.vintages.length > 0)) {
    const response = await request.get(`/data/measures/${measure.slug}.json`);
    expect(response.status(), measure.slug).toBe(200);
    const json = JSON.parse(await response.text());
    expect(JSON.stringify(json), measure.slug).toContain(measure.data.title.replaceAll('"', '\\"'));
    const rows = measure.vintages.at(-1)!.rows;
    const found = Object.values(json).find((v) => Array.isArray(v) && v.length === rows);
    expect(found, `${measure.slug}: an array of ${rows} rows`).toBeTruthy();
  }
});

/** Every string in a JSON value, however deeply nested. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test("every file address in every measure's JSON is served, including a derived measure's inputs", async ({ request }) => {
  const jsonFiles = readdirSync(join(dist, 'data/measures')).filter((f) => f.endsWith('.json'));
  expect(jsonFiles.length).toBeGreaterThan(10);
  const checked = new Set<string>();
  for (const file of jsonFiles) {
    const json = JSON.parse(readFileSync(join(dist, 'data/measures', file), 'utf8'));
    // The site's own files: absolute addresses or site paths under /data/; publishers' pages are elsewhere.
    const addresses = strings(json)
      .filter((s) => /^(https?:\/\/[^/\s]+)?\/\S*data\/measures\/\S+\.(csv|json)$/.test(s))
      .map((s) => new URL(s, 'http://site.invalid').pathname);
    if (json.vintage !== null) expect(addresses.length, `${file} gives the address of its current CSV`).toBeGreaterThan(0);
    for (const path of addresses) {
      if (checked.has(path)) continue;
      checked.add(path);
      expect((await request.get(path)).status(), `${file} lists ${path}`).toBe(200);
    }
  }
  const derived = JSON.parse(readFileSync(join(dist, 'data/measures/victim-based-crime.json'), 'utf8'));
  expect(derived.releases, 'a derived measure has no release files of its own').toEqual([]);
  expect(derived.derived_from.length).toBeGreaterThan(1);
  for (const input of derived.derived_from) expect(checked.has(new URL(input.csv, 'http://site.invalid').pathname), input.measure).toBe(true);
});

test("each plan's zip opens and holds exactly the files SHA256SUMS lists, with matching hashes, every release of its measures among them", async ({ request }) => {
  for (const plan of model.plans) {
    const response = await request.get(`/downloads/${plan.id}.zip`);
    expect(response.status(), plan.id).toBe(200);
    const files = unzipSync(new Uint8Array(await response.body()));
    const sums = new TextDecoder().decode(files.SHA256SUMS);
    const listed = sums.trim().split('\n').map((line) => line.split(/\s+/) as [string, string]);
    expect(Object.keys(files).sort()).toEqual([...listed.map(([, name]) => name), 'SHA256SUMS'].sort());
    for (const [hash, name] of listed) expect(sha256(files[name]!), `${plan.id}.zip: ${name}`).toBe(hash);
    // The zip's data.csv and datapackage.json are the same files as the plan's separate downloads.
    const csv = await request.get(`/downloads/${plan.id}/data.csv`);
    expect(sha256(await csv.body())).toBe(sha256(files['data.csv']!));
    const pkg = JSON.parse(new TextDecoder().decode(files['datapackage.json']));
    expect(pkg.resources?.[0]?.schema?.fields?.length).toBeGreaterThan(5);
    // Every release of every measure in the plan with files of its own, byte for byte as served at its address.
    const releases = planMeasures(plan.id).filter((m) => !m.derived).flatMap((m) => m.vintages.map((v) => `data/measures/${m.slug}/${v.date}.csv`));
    expect(Object.keys(files).filter((name) => name.startsWith('data/measures/')).sort(), plan.id).toEqual(releases.sort());
    for (const name of releases) {
      const served = await request.get(`/${name}`);
      expect(sha256(await served.body()), `${plan.id}.zip: ${name}`).toBe(sha256(files[name]!));
    }
  }
});

/** The measures whose figures a plan's data.csv holds: its own and the series that support them. */
function planMeasures(planId: string) {
  return model.measures.filter((m) => m.data.plans.includes(planId) || (m.data.supports && model.measures.find((x) => x.slug === m.data.supports)?.data.plans.includes(planId)));
}

test("a plan's data.csv holds every row of each measure's current release, naming the release, and no earlier release", async ({ request }) => {
  for (const plan of model.plans) {
    const csv = await (await request.get(`/downloads/${plan.id}/data.csv`)).text();
    // Parsed, not split on newlines: a quoted note may hold a line break.
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const measures = planMeasures(plan.id).filter((m) => m.vintages.length > 0);
    expect(rows.length, plan.id).toBe(measures.reduce((sum, m) => sum + m.vintages.at(-1)!.rows, 0));
    for (const m of measures) {
      const current = m.vintages.at(-1)!;
      expect(rows.filter((r) => r.measure === m.slug && r.vintage === current.date).length, `${m.slug} ${current.date}`).toBe(current.rows);
      expect(rows.filter((r) => r.measure === m.slug && r.vintage !== current.date).length, `${m.slug}: no earlier release`).toBe(0);
    }
  }
});

test("each plan's data.csv loads into a database with its declared primary key as a PRIMARY KEY", () => {
  for (const plan of model.plans) {
    const folder = join(dist, 'downloads', plan.id);
    const pkg = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as DataPackage;
    const loaded = loadWithPrimaryKey(readFileSync(join(folder, 'data.csv')), pkg);
    expect(loaded, `${plan.id}: ${pkg.resources[0]!.schema.primaryKey.join(', ')}`).toEqual({ ok: true, rows: expect.any(Number) });
  }
});

test('the catalogue lists every download with its licence and checksum', async ({ page, request }) => {
  await page.goto('/data/');
  const links = await page.locator('main table a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThan(30);
  for (const href of links.slice(0, 40)) {
    const row = page.locator('tr', { has: page.locator(`a[href="${href}"]`) });
    await expect(row.locator('a[rel="license"]')).toHaveText(model.site.licence.name);
    // textContent, not innerText: earlier releases sit in closed <details>, whose text is not rendered.
    const hash = ((await row.locator('code').textContent()) ?? '').trim();
    const body = await (await request.get(href)).body();
    expect(sha256(body), href).toBe(hash);
  }
});

test("each plan's download page counts the measures its data.csv holds", async ({ page }) => {
  for (const plan of model.plans) {
    const rows = parseCsv(readFileSync(join(dist, 'downloads', plan.id, 'data.csv')), { columns: true, bom: true }) as { measure: string }[];
    if (rows.length === 0) continue;
    const inFile = new Set(rows.map((r) => r.measure)).size;
    await page.goto(`/downloads/${plan.id}/`);
    const lede = (await page.locator('.lede').innerText()).replace(/\s+/g, ' ');
    const counts = [...lede.matchAll(/(\d+) (?:measures?|series)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0), `${plan.id}: "${lede}" vs ${inFile} measures in data.csv`).toBe(inFile);
  }
});
