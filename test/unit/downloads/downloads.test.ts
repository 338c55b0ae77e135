import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { periodLabel, parsePeriod } from '../../../src/lib/schemas/period.ts';
import { catalogue, catalogueCsv, mediaTypeOf, releaseFileDates } from '../../../src/lib/downloads/catalogue.ts';
import { csvField, defuseFormula, plainNumber, restoreFormula } from '../../../src/lib/format/csv.ts';
import { planDataPackage } from '../../../src/lib/downloads/datapackage.ts';
import { measureDatasetJsonLd, planDatasetJsonLd, serializeJsonLd, temporalCoverage } from '../../../src/lib/downloads/json-ld.ts';
import { measureJson, measureJsonText } from '../../../src/lib/downloads/measure-json.ts';
import { planReadme } from '../../../src/lib/downloads/readme.ts';
import { tidyColumns } from '../../../src/lib/downloads/tidy.ts';
import { readTidyCsv, referenceTidyCsv, tidyCsv } from '../../support/read-tidy.ts';
import { sha256SumsLine, zipStamp } from '../../../src/lib/downloads/zip.ts';
import { utf8 } from '../../../src/lib/downloads/bytes.ts';
import type { DataPackage } from '../../../src/lib/downloads/datapackage.ts';
import { ALL_GROUPS } from '../../../src/lib/schemas/csv-contract.ts';
import { planFiles } from '../../support/plan-files.ts';
import { loadWithPrimaryKey } from '../../support/sqlite-key.ts';
import { FEELING_SAFE, FORMULA_CELL, HOSTILE_NOTE, MEASURES, NO_DATA, PAGE_URL, PLAN, WIDGETS } from '../../support/download-fixture.ts';
import { measure, meta, row, SITE, vintage } from '../../support/testshire.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const zipInput = { plan: PLAN, measures: MEASURES, site: SITE, pageUrl: PAGE_URL };

test('formula defence is reversible for every leading character', () => {
  for (const text of ['=1+2', '+44 115', '-5', '@SUM(A1)', '\tx', '\rx', "'=x", "''=x", "'abc", 'plain', '', "'", '1-2']) {
    assert.equal(restoreFormula(defuseFormula(text)), text, JSON.stringify(text));
    assert.doesNotMatch(defuseFormula(text), /^[=+\-@\t\r]/);
  }
  assert.equal(defuseFormula(FORMULA_CELL), `'${FORMULA_CELL}`);
  assert.equal(defuseFormula('1-2'), '1-2');
});

test('CSV fields are quoted only when RFC 4180 needs it', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
});

test('numbers are written without exponents or float noise', () => {
  assert.equal(plainNumber(1234.5), '1234.5');
  assert.equal(plainNumber(0.0000001), '0.0000001');
  assert.equal(plainNumber(-2.5e-8), '-0.000000025');
  assert.equal(plainNumber(1.5e21), '1500000000000000000000');
  assert.equal(plainNumber(1.23456e22), '12345600000000000000000');
  assert.equal(plainNumber(-5), '-5');
  assert.equal(plainNumber(0), '0');
  for (const n of [0.0000001, -2.5e-8, 1.5e21, 1.23456e22, 123.456]) assert.equal(Number(plainNumber(n)), n);
  assert.throws(() => plainNumber(Number.NaN));
});

test('tidy columns: fixed columns around the union of breakdown columns', () => {
  assert.deepEqual(tidyColumns(MEASURES), [
    'measure', 'period', 'period_label', 'area_code', 'area_name', 'age_band', 'sex', 'value', 'status', 'note', 'source', 'vintage',
  ]);
});

test('the tidy CSV is byte for byte the file written a record at a time', () => {
  assert.equal(tidyCsv(MEASURES), referenceTidyCsv(MEASURES));
});

test("round trip: every row of each measure's current release reaches the tidy CSV unchanged, and no earlier release's", () => {
  const { rows } = readTidyCsv(tidyCsv(MEASURES));
  const expected = MEASURES.flatMap((m) =>
    m.vintages.slice(-1).flatMap((v) =>
      v.rows.map((r) => {
        const parsed = parsePeriod(r.period, m.data.frequency!, m.data.interval_months);
        assert.ok(parsed.ok);
        return {
          measure: m.id,
          period: r.period,
          periodLabel: r.periodLabel ?? periodLabel(parsed.period),
          areaCode: r.areaCode,
          areaName: r.areaName,
          breakdown: r.breakdown,
          value: r.value,
          status: r.status,
          note: r.note,
          source: r.source,
          vintage: v.date,
        };
      }),
    ),
  );
  assert.equal(rows.length, 11);
  assert.deepEqual(rows, expected);
  assert.ok(WIDGETS.vintages.length > 1);
  assert.deepEqual([...new Set(rows.filter((r) => r.measure === WIDGETS.id).map((r) => r.vintage))], [WIDGETS.vintages.at(-1)!.date], 'each row names the current release');
});

test('a row not split by a breakdown column says "all" in it, never a blank', () => {
  const [header, ...records] = parse(tidyCsv(MEASURES)) as string[][];
  for (const column of ['age_band', 'sex']) {
    const cells = records.map((r) => r[header!.indexOf(column)]);
    assert.ok(!cells.includes(''), `${column} has no blank cell`);
  }
  const headline = records.find((r) => r[0] === 'widget-thefts' && r[1] === '2018-19')!;
  assert.deepEqual([headline[header!.indexOf('age_band')], headline[header!.indexOf('sex')]], [ALL_GROUPS, ALL_GROUPS]);
  const young = records.find((r) => r[0] === 'widget-thefts' && r[header!.indexOf('age_band')] === '18-24')!;
  assert.equal(young[header!.indexOf('sex')], ALL_GROUPS, "a measure without a sex breakdown is all sexes");
});

test('tidy CSV cells are inert in a spreadsheet; values stay numeric', () => {
  const text = tidyCsv(MEASURES);
  assert.ok(text.endsWith('\r\n'));
  const [header, ...records] = parse(text) as string[][];
  const valueColumn = header!.indexOf('value');
  for (const record of records) {
    record.forEach((cell, i) => {
      if (i !== valueColumn) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
    });
  }
  const cells = records.flat();
  assert.ok(cells.includes(`'${FORMULA_CELL}`));
  assert.ok(cells.includes("'@SUM(A1)"));
  assert.ok(cells.includes("'=1+2"));
  assert.ok(cells.includes("''=already quoted"));
  assert.ok(cells.includes(HOSTILE_NOTE), 'markup is plain text in a CSV');
  assert.deepEqual(
    records.filter((r) => r[0] === 'feeling-safe').map((r) => r[valueColumn]),
    ['61.5', '0.0000001', '-5', '1500000000000000000000'],
  );
  assert.equal(records.find((r) => r[1] === '2020-21')![valueColumn], '', 'suppressed is blank');
});

test('measure JSON carries the metadata and the current release rows unchanged', () => {
  const doc = JSON.parse(measureJsonText(WIDGETS, SITE));
  assert.deepEqual(doc, JSON.parse(JSON.stringify(measureJson(WIDGETS, SITE))));
  const current = WIDGETS.vintages.at(-1)!;
  assert.deepEqual(
    doc.rows,
    current.rows.map((r) => ({
      period: r.period,
      period_label: r.periodLabel ?? null,
      area_code: r.areaCode,
      area_name: r.areaName,
      breakdown: r.breakdown,
      value: r.value,
      status: r.status ?? null,
      note: r.note,
      source: r.source,
    })),
  );
  assert.equal(doc.slug, 'widget-thefts');
  assert.equal(doc.polarity, 'lower_is_better');
  assert.deepEqual(doc.direction, [{ plan: '2020-23', words: 'Reduce widget theft', where: 'Overall aims' }], 'the plan\'s words behind the judgement');
  // The source the plan names and the publisher of the figures are separate facts, never mixed.
  assert.deepEqual(doc.plan_sources, { '2020-23': 'Testshire Constabulary' });
  assert.deepEqual(doc.data_publisher, { publisher: 'Testshire Statistics Office', dataset: 'Widget crime tables' });
  assert.equal('source_agency' in doc, false);
  assert.deepEqual(doc.area, { code: 'E06999999', name: 'Testshire' });
  assert.deepEqual(doc.plans, ['2020-23']);
  assert.equal(doc.vintage, '2022-07-01');
  assert.equal(doc.provenance.sha256, current.sha256);
  assert.equal(doc.provenance.changes, 'Revised 2019-20; added 2020-21 and 2021-22.');
  assert.deepEqual(doc.releases.map((r: { vintage: string }) => r.vintage), ['2021-07-01', '2022-07-01']);
  assert.equal(doc.caveats[0], WIDGETS.data.caveats[0]);

  const feeling = JSON.parse(measureJsonText(FEELING_SAFE, SITE));
  assert.deepEqual(feeling.rows.map((r: { value: number }) => r.value), [61.5, 0.0000001, -5, 1.5e21]);
});

test('measure JSON gives the address of every file it lists: the current CSV and each release', () => {
  const doc = measureJson(WIDGETS, SITE, { siteRoot: 'https://safety.testshire.example/snd/', measures: MEASURES });
  assert.equal(doc.csv, 'https://safety.testshire.example/snd/data/measures/widget-thefts.csv');
  assert.deepEqual(
    doc.releases.map((r) => r.csv),
    ['https://safety.testshire.example/snd/data/measures/widget-thefts/2021-07-01.csv', 'https://safety.testshire.example/snd/data/measures/widget-thefts/2022-07-01.csv'],
  );
  assert.equal(doc.derived_from, null);
  assert.equal(measureJson(WIDGETS, SITE).releases[0]!.csv, '/data/measures/widget-thefts/2021-07-01.csv', 'site paths without a site root');
  const empty = measureJson(NO_DATA, SITE, { siteRoot: 'https://safety.testshire.example/', measures: MEASURES });
  assert.equal(empty.csv, null, 'nothing published, no file');
  assert.deepEqual(empty.releases, []);
});

test("a derived measure's JSON lists no release file of its own, and points to the input releases it was computed from", () => {
  const computed = vintage('2022-07-01', [row('2019-20', 1040)], { changes: 'Derived: widget-thefts (release 2022-07-01) minus feeling-safe (release 2021-07-01).' });
  const derived = measure(
    'widget-and-other',
    meta({ derivation: { formula: 'Widget thefts minus feeling safe', terms: [{ measure: 'widget-thefts', sign: '+' }, { measure: 'feeling-safe', sign: '-' }] } }),
    [{ ...computed, file: '(computed from widget-thefts, feeling-safe)' }],
  );
  const doc = measureJson(derived, SITE, { siteRoot: 'https://safety.testshire.example/', measures: MEASURES });
  assert.deepEqual(doc.releases, [], 'no file /data/measures/widget-and-other/<date>.csv exists');
  assert.equal(doc.csv, 'https://safety.testshire.example/data/measures/widget-and-other.csv', 'the computed series is served as the current CSV');
  const feelingCurrent = FEELING_SAFE.vintages.at(-1)!.date;
  assert.deepEqual(doc.derived_from, [
    { measure: 'widget-thefts', sign: '+', vintage: '2022-07-01', csv: 'https://safety.testshire.example/data/measures/widget-thefts/2022-07-01.csv', json: 'https://safety.testshire.example/data/measures/widget-thefts.json' },
    { measure: 'feeling-safe', sign: '-', vintage: feelingCurrent, csv: `https://safety.testshire.example/data/measures/feeling-safe/${feelingCurrent}.csv`, json: 'https://safety.testshire.example/data/measures/feeling-safe.json' },
  ]);
  const missingInput = measureJson(derived, SITE, { siteRoot: 'https://safety.testshire.example/', measures: [WIDGETS] });
  assert.deepEqual(missingInput.derived_from![1], { measure: 'feeling-safe', sign: '-', vintage: null, csv: null, json: null });
});

test('datapackage.json describes data.csv: types, key, licence, sources, version', () => {
  const csvBytes = utf8(tidyCsv(MEASURES));
  const pkg = planDataPackage({ plan: PLAN, measures: MEASURES, site: SITE, csvBytes, homepage: PAGE_URL });
  assert.equal(pkg.name, 'safer-testshire-data-plan-2020-23');
  assert.equal(pkg.title, 'Testshire Community Safety Plan 2020 to 2023: performance measures');
  assert.equal(pkg.version, '2022-07-01');
  assert.equal(pkg.created, '2022-07-01T00:00:00Z');
  assert.deepEqual(pkg.licenses, [{ name: 'OGL-UK-3.0', path: SITE.licence.url, title: 'Open Government Licence v3.0' }]);
  assert.deepEqual(pkg.sources, [
    { title: 'Testshire Statistics Office: Widget crime tables', path: 'https://stats.testshire.example/widgets', publisher: 'Testshire Statistics Office', dataset: 'Widget crime tables' },
    { title: 'Testshire Survey Unit: Residents survey', path: 'https://survey.testshire.example/', publisher: 'Testshire Survey Unit', dataset: 'Residents survey' },
  ]);
  const [resource] = pkg.resources;
  assert.equal(resource!.path, 'data.csv');
  assert.equal(resource!.bytes, csvBytes.byteLength);
  assert.equal(resource!.hash, `sha256:${sha256(csvBytes)}`);
  assert.deepEqual(resource!.schema.missingValues, ['']);
  assert.deepEqual(resource!.schema.primaryKey, ['measure', 'period', 'area_code', 'age_band', 'sex']);
  assert.deepEqual(resource!.schema.fields.map((f) => f.name), tidyColumns(MEASURES));
  assert.deepEqual(
    Object.fromEntries(resource!.schema.fields.map((f) => [f.name, f.type])),
    { measure: 'string', period: 'string', period_label: 'string', area_code: 'string', area_name: 'string', age_band: 'string', sex: 'string', value: 'number', status: 'string', note: 'string', source: 'string', vintage: 'date' },
  );
  assert.equal(resource!.schema.fields.find((f) => f.name === 'age_band')!.title, 'Age band');
  // The primary key really is unique in the file, and none of its columns is ever empty.
  const [header, ...records] = parse(tidyCsv(MEASURES)) as string[][];
  const keyOf = (r: string[]) => resource!.schema.primaryKey.map((c) => r[header!.indexOf(c)]!);
  for (const record of records) assert.ok(keyOf(record).every((cell) => cell !== ''), record.join());
  const keys = records.map((r) => JSON.stringify(keyOf(r)));
  assert.equal(new Set(keys).size, keys.length);
  for (const name of resource!.schema.primaryKey) assert.equal(resource!.schema.fields.find((f) => f.name === name)!.constraints?.required, true, `${name} is required`);
  // Where the earlier releases are is said in the package, not left to be guessed.
  assert.match(pkg.description, /current release of every measure/);
  assert.match(resource!.description, /Earlier releases are not repeated in this file: every release of each measure is published byte for byte at \/data\/measures\/<measure>\/<release date>\.csv and inside the plan's zip/);
});

test("a database takes each plan's data.csv with its declared primary key as a PRIMARY KEY", async () => {
  const files = await planFiles(zipInput);
  const pkg = JSON.parse(files.datapackage.toString('utf8')) as DataPackage;
  assert.deepEqual(loadWithPrimaryKey(files.csv, pkg), { ok: true, rows: 11 });
  // The check has teeth: the key as it was (blank breakdown cells, the vintage column) is refused.
  const old = { ...pkg, resources: [{ ...pkg.resources[0]!, schema: { ...pkg.resources[0]!.schema, primaryKey: ['measure', 'vintage', 'period', 'area_code', 'age_band', 'sex'] } }] };
  const blanked = files.csv.toString('utf8').replaceAll(`,${ALL_GROUPS},`, ',,');
  const refused = loadWithPrimaryKey(blanked, old);
  assert.equal(refused.ok, false);
  assert.match((refused as { error: string }).error, /NOT NULL/);
});

test('zip opens and holds exactly the files SHA256SUMS lists, with matching hashes: data.csv and every release byte for byte', async () => {
  const plan = await planFiles(zipInput);
  const files = unzipSync(plan.zip);
  const releases = [...WIDGETS.vintages.map((v) => `data/measures/widget-thefts/${v.date}.csv`), ...FEELING_SAFE.vintages.map((v) => `data/measures/feeling-safe/${v.date}.csv`)];
  assert.deepEqual(Object.keys(files), ['data.csv', 'datapackage.json', 'README.txt', ...releases, 'SHA256SUMS']);
  const listed = strFromU8(files.SHA256SUMS!)
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      assert.ok(match, line);
      return [match[2]!, match[1]!] as const;
    });
  assert.deepEqual(listed.map(([name]) => name).sort(), Object.keys(files).filter((n) => n !== 'SHA256SUMS').sort());
  for (const [name, hash] of listed) assert.equal(sha256(files[name]!), hash, name);

  assert.equal(strFromU8(files['data.csv']!), tidyCsv(MEASURES));
  assert.deepEqual(Buffer.from(files['data.csv']!), plan.csv, 'the same file as the plan\'s data.csv');
  assert.deepEqual(Buffer.from(files['datapackage.json']!), plan.datapackage);
  // Every release, the earlier ones data.csv no longer repeats included, byte for byte as published.
  for (const v of WIDGETS.vintages) assert.deepEqual(files[`data/measures/widget-thefts/${v.date}.csv`], v.bytes, v.date);
  assert.match(strFromU8(files['README.txt']!), /data\/measures\/<measure>\/<release date>\.csv\n +Every release of each measure, byte for byte as published/);
  const pkg = JSON.parse(strFromU8(files['datapackage.json']!));
  assert.equal(pkg.resources[0].hash, `sha256:${sha256(files['data.csv']!)}`);
  assert.equal(sha256SumsLine(sha256(utf8('')), 'a'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a\n');
});

test('zip bytes are reproducible and stamped with the newest release date', async () => {
  const a = (await planFiles(zipInput)).zip;
  const b = (await planFiles(zipInput)).zip;
  assert.deepEqual(a, b);
  // DOS date of the first local file header (offset 12): bits are year-1980, month, day.
  const dosDate = a[12]! | (a[13]! << 8);
  assert.deepEqual([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31], [2022, 7, 1]);
  // Without a date, the earliest a zip can hold: 1980-01-01 at midnight.
  assert.equal(zipStamp(), (1 << 21) | (1 << 16));
});

test('zip bytes do not depend on the time zone of the build', async () => {
  const script = `
    import { createHash } from 'node:crypto';
    import { planFiles } from ${JSON.stringify(new URL('../../support/plan-files.ts', import.meta.url).href)};
    import { MEASURES, PAGE_URL, PLAN } from ${JSON.stringify(new URL('../../support/download-fixture.ts', import.meta.url).href)};
    import { SITE } from ${JSON.stringify(new URL('../../support/testshire.ts', import.meta.url).href)};
    const { zip } = await planFiles({ plan: PLAN, measures: MEASURES, site: SITE, pageUrl: PAGE_URL });
    console.log(createHash('sha256').update(zip).digest('hex'));
  `;
  const hashes = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim();
  });
  assert.equal(new Set(hashes).size, 1);
  assert.equal(hashes[0], sha256((await planFiles(zipInput)).zip));
});

test('README names the licence, sources and caveats and says how to cite', () => {
  const readme = planReadme(zipInput);
  assert.match(readme, /Open Government Licence v3\.0: https:\/\/www\.nationalarchives\.gov\.uk\/doc\/open-government-licence\/version\/3\//);
  assert.match(readme, /Testshire Statistics Office, Widget crime tables: https:\/\/stats\.testshire\.example\/widgets/);
  assert.ok(readme.includes(`Caveat: ${WIDGETS.data.caveats[0]}`));
  assert.ok(readme.includes('Series break from 2020-21: New widget recording rules.'));
  assert.ok(readme.includes('Repeat widget victims (widget-repeats)\n  Definition: Widgets reported stolen in Testshire.\n  Source named in the plan: Testshire Constabulary\n  Data publisher: no figures held on this site yet\n  Caveat: Not yet collected.\n  No data published yet.'));
  assert.ok(readme.includes('Widget thefts (widget-thefts)\n  Definition: Widgets reported stolen in Testshire.\n  Source named in the plan: Testshire Constabulary\n  Data publisher: Testshire Statistics Office: Widget crime tables\n'));
  assert.ok(
    readme.includes(
      'Testshire Community Safety Partnership (2022). Testshire Community Safety Plan 2020 to 2023: performance measures [data set], version 2022-07-01. Safer Testshire Data. https://safety.testshire.example/downloads/2020-23/. OGL v3.0.',
    ),
  );
});

test('README says "not stated in the plan" where the plan names no source, and still names the data publisher', () => {
  const unattributed = { ...WIDGETS, data: { ...WIDGETS.data, plan_sources: {} } };
  const readme = planReadme({ ...zipInput, measures: [unattributed] });
  assert.ok(readme.includes('  Source named in the plan: not stated in the plan\n  Data publisher: Testshire Statistics Office: Widget crime tables\n'), readme);
  assert.doesNotMatch(readme, /Testshire Constabulary/);
  const doc = measureJson(unattributed, SITE);
  assert.deepEqual(doc.plan_sources, {});
  assert.equal(doc.data_publisher?.publisher, 'Testshire Statistics Office');
});

test('catalogue lists every artefact with type, size, date, licence and hash, sorted by path', async () => {
  const plan = await planFiles(zipInput);
  const zip = { bytes: new Uint8Array(plan.zip), files: [{ bytes: new Uint8Array(plan.csv) }] };
  const json = utf8(measureJsonText(WIDGETS, SITE));
  const entries = catalogue(
    [
      { path: '/downloads/2020-23.zip', bytes: zip.bytes, updated: '2022-07-01', title: '2020-23 plan: all files' },
      { path: '/data/measures/widget-thefts.json', bytes: json, updated: '2022-07-01', title: 'Widget thefts (JSON)' },
      { path: '/downloads/2020-23/data.csv', bytes: zip.files[0]!.bytes, updated: '2022-07-01', title: FORMULA_CELL },
    ],
    SITE.licence,
  );
  assert.deepEqual(entries.map((e) => [e.path, e.mediaType, e.bytes, e.sha256]), [
    ['/data/measures/widget-thefts.json', 'application/json', json.byteLength, sha256(json)],
    ['/downloads/2020-23.zip', 'application/zip', zip.bytes.byteLength, sha256(zip.bytes)],
    ['/downloads/2020-23/data.csv', 'text/csv', zip.files[0]!.bytes.byteLength, sha256(zip.files[0]!.bytes)],
  ]);
  assert.deepEqual(entries[0]!.licence, { name: 'Open Government Licence v3.0', url: SITE.licence.url });
  assert.equal(entries[0]!.updated, '2022-07-01');
  const csv = parse(catalogueCsv(entries)) as string[][];
  assert.deepEqual(csv[0], ['path', 'title', 'media_type', 'bytes', 'updated', 'licence', 'licence_url', 'sha256', 'publisher_released', 'on_site_since']);
  assert.equal(csv[3]![1], `'${FORMULA_CELL}`);
  assert.throws(() => mediaTypeOf('/x.exe'), /no media type/);
  assert.throws(() => catalogue([{ path: '/a.csv', bytes: utf8(''), updated: '2022-01-01', title: 'a' }, { path: '/a.csv', bytes: utf8(''), updated: '2022-01-01', title: 'b' }], SITE.licence), /share the path/);
});

test('a release file gives the publisher\'s release date and the day it appeared on this site (issue 22)', () => {
  const cited = { date: '2024-07-24', release: { retrieved: '2026-12-01', release_date: { evidence: 'Release date: 24 July 2024', url: 'https://www.ons.gov.uk/' } } };
  assert.deepEqual(releaseFileDates(cited), { publisherReleased: '2024-07-24', onSiteSince: '2026-12-01' });
  assert.deepEqual(releaseFileDates({ date: '2026-11-23', release: { retrieved: '2026-11-23' } }), { onSiteSince: '2026-11-23' });
  const entries = catalogue([{ path: '/data/measures/w/2024-07-24.csv', bytes: utf8('period,value\n'), updated: '2024-07-24', title: 'w', dates: releaseFileDates(cited) }], SITE.licence);
  const csv = parse(catalogueCsv(entries)) as string[][];
  assert.deepEqual(csv[1]!.slice(-2), ['2024-07-24', '2026-12-01']);
});

test('temporal coverage runs from the first day of the first period to the last day of the last', () => {
  const fy = (t: string) => {
    const r = parsePeriod(t, 'financial_year');
    assert.ok(r.ok);
    return r.period;
  };
  assert.equal(temporalCoverage([fy('2021-22'), fy('2018-19')]), '2018-04-01/2022-03-31');
  assert.equal(temporalCoverage([]), undefined);
});

test('measure JSON-LD: a schema.org Dataset with licence, coverage, distribution and sources', () => {
  const ld = measureDatasetJsonLd({
    measure: WIDGETS,
    site: SITE,
    pageUrl: 'https://safety.testshire.example/measures/widget-thefts/',
    downloads: [{ contentUrl: 'https://safety.testshire.example/data/measures/widget-thefts.json', encodingFormat: 'application/json' }],
  });
  assert.deepEqual(ld, {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: 'Widget thefts: Testshire',
    description: `Widgets reported stolen in Testshire. ${WIDGETS.data.caveats[0]}`,
    url: 'https://safety.testshire.example/measures/widget-thefts/',
    license: SITE.licence.url,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: 'Testshire Community Safety Partnership' },
    publisher: { '@type': 'Organization', name: 'Testshire Community Safety Partnership' },
    temporalCoverage: '2018-04-01/2022-03-31',
    spatialCoverage: { '@type': 'Place', name: 'Testshire', identifier: { '@type': 'PropertyValue', propertyID: 'ONS GSS code', value: 'E06999999' } },
    distribution: [{ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: 'https://safety.testshire.example/data/measures/widget-thefts.json' }],
    dateModified: '2022-07-01',
    isBasedOn: ['https://stats.testshire.example/widgets'],
    keywords: ['Acquisitive Crime', 'community safety'],
  });
});

test('plan JSON-LD covers every measure', () => {
  const ld = planDatasetJsonLd({
    plan: PLAN,
    measures: MEASURES,
    site: SITE,
    pageUrl: PAGE_URL,
    downloads: [{ contentUrl: 'https://safety.testshire.example/downloads/2020-23.zip', encodingFormat: 'application/zip' }],
  });
  assert.equal(ld.temporalCoverage, '2018-04-01/2022-03-31');
  assert.equal(ld.dateModified, '2022-07-01');
  assert.deepEqual(ld.isBasedOn, ['https://stats.testshire.example/widgets', 'https://survey.testshire.example/']);
  assert.deepEqual(ld.keywords, ['Acquisitive Crime', 'Public Confidence', 'community safety']);
  assert.equal((ld.spatialCoverage as { name: string }).name, 'Testshire');
  assert.equal(ld.distribution[0]!.encodingFormat, 'application/zip');
});

test('JSON-LD serialisation keeps hostile text inert inside a script element', () => {
  const ld = measureDatasetJsonLd({ measure: WIDGETS, site: SITE, pageUrl: PAGE_URL, downloads: [] });
  const value = { ...ld, comment: `${HOSTILE_NOTE} <!-- ${FORMULA_CELL} \u2028\u2029 & done` };
  const text = serializeJsonLd(value);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.ok(text.includes('\\u003c/script\\u003e'));
  assert.ok(text.includes('\\u003c/svg\\u003e'));
  assert.deepEqual(JSON.parse(text), value, 'still valid JSON with the same content');
  const html = `<script type="application/ld+json">${text}</script>`;
  assert.equal(html.match(/<\/script/gi)?.length, 1, 'only the real closing tag');
  assert.equal(html.match(/<!--/g), null);
});

test('README lists the comparison files at their addresses with size and SHA-256 (they are not in the zip)', () => {
  const comparison = { slug: 'widget-thefts', title: 'Widget thefts: every partnership compared (Widget crime tables)', url: 'https://safety.testshire.example/data/comparisons/widget-thefts.csv', bytes: 1234, sha256: 'a'.repeat(64) };
  const readme = planReadme({ ...zipInput, comparisons: [comparison] });
  assert.ok(readme.includes('COMPARISONS OF EVERY AREA (not in this zip)'), readme);
  assert.ok(readme.includes(`  ${comparison.title}\n    ${comparison.url} (1234 bytes, SHA-256 ${'a'.repeat(64)})`), readme);
  assert.doesNotMatch(planReadme(zipInput), /COMPARISONS OF EVERY AREA/);
});
