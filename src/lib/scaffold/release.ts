/**
 * `npm run new -- release <measure> <file.csv> --changes "..."`: publishes a new release of a
 * measure's figures. The CSV is checked by the real data validator exactly as it would sit in the
 * measure's folder under today's date, together with the releases.yaml entry this command writes;
 * only when both pass is the file copied (byte for byte) and the entry appended. So the command
 * never leaves the project in a state the validator refuses.
 *
 * `changes` must be given on the command line: a placeholder would either be published by mistake
 * or need the validator to learn what a placeholder looks like, and the editor knows what changed.
 */
import { sha256Hex } from '../format/sha256.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Document, isScalar, visit, type Scalar } from 'yaml';
import { readCollection, readYamlFile } from '../validate/content.ts';
import { measureSchema } from '../schemas/measure.ts';
import { releaseSchema, type Release } from '../schemas/release.ts';
import { siteSchema } from '../schemas/site.ts';
import { validateMeasureData, type FolderFile } from '../validate/data.ts';
import { formatDiagnostic, type Diagnostic } from '../format/diagnostics.ts';
import { readReleases } from '../validate/releases.ts';
import { closest } from '../validate/suggest.ts';
import { listInWords, refuse, type ExitCode, type ScaffoldContext } from './context.ts';
import { measureSlugs } from './project.ts';

/** What the editor typed: the measure, the CSV file and the release's provenance. */
export interface ReleaseRequest {
  readonly measure: string;
  /** Path of the CSV file, relative to the folder the command was run from. */
  readonly csv: string;
  /** What this release changed; required. */
  readonly changes?: string;
  /** Provenance; each defaults to the previous release's value. Required for a first release. */
  readonly publisher?: string;
  readonly dataset?: string;
  readonly url?: string;
  readonly licence?: string;
  /** When the figures were read from the source; defaults to today. */
  readonly retrieved?: string;
  /** The file the figures were read from, where it is not the publisher's page; never copied. */
  readonly readFrom?: string;
}

/** The provenance fields copied from the previous release, with the flag that sets each. */
const INHERITED = [
  ['publisher', '--publisher'],
  ['dataset', '--dataset'],
  ['url', '--url'],
  ['licence', '--licence'],
] as const;

const RELEASES = 'releases.yaml';

/** Checks and adds a release, or refuses without writing anything. */
export function newRelease(ctx: ScaffoldContext, request: ReleaseRequest): ExitCode {
  const measures = readCollection(ctx.root, 'content/measures', { extensions: ['.md', '.mdx'], depth: 1, schema: measureSchema });
  const measure = measures.entries.find((m) => m.id === request.measure);
  if (!measure) return refuseUnknownMeasure(ctx, request.measure, measures.diagnostics);
  if (measure.data.derivation) {
    return refuse(
      ctx,
      `Refused: "${measure.id}" is derived from other measures (see "derivation" in ${measure.file}), so the site computes its figures; it has no releases of its own.`,
      `Publish a new release of each input measure instead: ${measure.data.derivation.terms.map((t) => t.measure).join(', ')}.`,
    );
  }

  const source = resolve(ctx.cwd, request.csv);
  if (!existsSync(source) || !statSync(source).isFile()) {
    return refuse(ctx, `Refused: the file ${request.csv} was not found (looked for ${source}).`, 'Check the path; it is read from the folder you ran the command in.');
  }
  const folder = `data/measures/${measure.id}`;
  const target = `${folder}/${ctx.today}.csv`;
  if (existsSync(join(ctx.root, target))) {
    return refuse(
      ctx,
      `Refused: ${target} already exists: a measure has at most one release a day, named by its date.`,
      `If that release has not been published (committed) yet, delete ${target} and its "vintage: ${ctx.today}" entry in ${folder}/${RELEASES}, then run this again; otherwise publish the new figures tomorrow.`,
    );
  }
  if (!request.changes?.trim()) {
    return refuse(
      ctx,
      'Refused: say what this release changes with --changes, e.g.',
      `  npm run new -- release ${measure.id} ${request.csv} --changes "Adds figures for 2025-26; revises 2024-25 (provisional to final)."`,
      'Readers see it in the release history and the updates feed.',
    );
  }

  const site = readYamlFile(ctx.root, 'content/site.yaml', siteSchema);
  if (!site.data) return refuseWithDiagnostics(ctx, 'Refused: content/site.yaml has problems; fix them first.', site.diagnostics);

  const existing = readFolder(ctx.root, folder);
  const releasesFile = existing.find((f) => f.name === RELEASES);
  const listed = releasesFile ? readReleases(`${folder}/${RELEASES}`, releasesFile.bytes) : undefined;
  if (listed && !listed.listed) {
    return refuseWithDiagnostics(ctx, `Refused: ${folder}/${RELEASES} cannot be read; fix it first.`, listed.diagnostics);
  }
  const previous = (listed?.listed ?? [])
    .filter((entry) => entry.release)
    .sort((a, b) => (a.vintage < b.vintage ? -1 : 1))
    .at(-1)?.release;
  const missing = INHERITED.filter(([field]) => !request[field]?.trim() && !previous?.[field]);
  if (missing.length) {
    return refuse(
      ctx,
      `Refused: this is the first release of "${measure.id}", so there is no earlier release to copy its provenance from.`,
      `Give ${listInWords(missing.map(([, flag]) => flag))}, e.g.`,
      `  npm run new -- release ${measure.id} ${request.csv} --changes "First release." --publisher "Office for National Statistics" --dataset "Table P5" --url https://www.ons.gov.uk/... --licence "Open Government Licence v3.0"`,
    );
  }

  const bytes = new Uint8Array(readFileSync(source));
  const entry = releaseEntry(request, previous, ctx.today, bytes);
  const releasesText = appendEntry(releasesFile ? new TextDecoder().decode(releasesFile.bytes) : '', entry);
  const candidate: FolderFile[] = [
    ...existing.filter((f) => f.name !== RELEASES),
    { name: `${ctx.today}.csv`, bytes },
    { name: RELEASES, bytes: new TextEncoder().encode(releasesText) },
  ];
  const checked = validateMeasureData({
    slug: measure.id,
    meta: measure.data,
    siteArea: { name: site.data.area.name, code: site.data.area.code },
    files: candidate,
    today: ctx.today,
  });
  if (checked.diagnostics.length) {
    const count = `${checked.diagnostics.length} problem${checked.diagnostics.length === 1 ? '' : 's'}`;
    return refuseWithDiagnostics(
      ctx,
      `Refused: ${request.csv} is not ready to publish as ${target} (${count}). Lines and columns in ${target} below are those of ${request.csv}:`,
      checked.diagnostics,
      `Fix ${request.csv} (and any other file named above), then run the command again.`,
    );
  }

  mkdirSync(join(ctx.root, folder), { recursive: true });
  writeFileSync(join(ctx.root, target), bytes, { flag: 'wx' });
  try {
    writeFileSync(join(ctx.root, folder, RELEASES), releasesText);
  } catch (error) {
    rmSync(join(ctx.root, target), { force: true });
    throw error;
  }
  const rows = checked.vintages.find((v) => v.date === ctx.today)?.rows.length ?? 0;
  ctx.out(`Added release ${ctx.today} of "${measure.id}":`);
  ctx.out(`  ${target} (${rows} rows, copied byte for byte from ${relativeToCwd(ctx, source)})`);
  ctx.out(`  ${folder}/${RELEASES} (new entry for vintage ${ctx.today}, with the file's sha256 ${entry.sha256})`);
  const copied = INHERITED.filter(([field]) => !request[field]?.trim()).map(([field]) => field);
  if (previous && copied.length) {
    ctx.out(`Copied ${listInWords(copied)} from the ${previous.vintage} release: check them${copied.includes('dataset') ? ', especially dataset, which often names the edition' : ''}.`);
  }
  if (measure.data.next_update && measure.data.next_update <= ctx.today) {
    ctx.out(`${measure.file} says next_update: ${measure.data.next_update}; change it to the next expected date, or remove it.`);
  }
  ctx.out('Next: run "npm run validate", then commit both files.');
  return 0;
}

/** Every file of a measure's data folder (none when the folder does not exist yet). */
export function readFolder(root: string, folder: string): FolderFile[] {
  const full = join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => ({ name: d.name, bytes: new Uint8Array(readFileSync(join(full, d.name))) }));
}

/** The release entry: flags first, then the previous release's provenance, then today; `bytes` are the file's, for its checksum. */
export function releaseEntry(request: ReleaseRequest, previous: Release | undefined, today: string, bytes: Uint8Array): Release {
  const pick = (field: (typeof INHERITED)[number][0]) => request[field]?.trim() || previous?.[field] || '';
  return {
    vintage: today,
    sha256: sha256Hex(bytes),
    publisher: pick('publisher'),
    dataset: pick('dataset'),
    url: pick('url'),
    retrieved: request.retrieved?.trim() || today,
    licence: pick('licence'),
    changes: request.changes?.trim() ?? '',
    ...(request.readFrom?.trim() ? { read_from: request.readFrom.trim() } : {}),
  };
}

/**
 * releases.yaml with `entry` appended as a new list item. The existing text is kept as written
 * (comments and all); the entry is written by the same YAML library that reads it back, text
 * fields double-quoted on one line (line breaks as \n), so any text an editor types survives.
 */
export function appendEntry(existing: string, entry: Release): string {
  const ordered = Object.fromEntries(
    Object.keys(releaseSchema.shape)
      .filter((key) => entry[key as keyof Release] !== undefined)
      .map((key) => [key, entry[key as keyof Release]]),
  );
  const doc = new Document([ordered]);
  visit(doc, {
    Pair(_, pair) {
      // Dates and checksums stay plain, as editors write them (the library still quotes one that could read as a number);
      // everything else is quoted so ": " or "#" cannot change its meaning.
      if (isScalar(pair.value) && !PLAIN_FIELDS.includes(String((pair.key as Scalar).value))) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Infinity });
  const head = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${head}${text}`;
}

const PLAIN_FIELDS = ['vintage', 'retrieved', 'sha256'];

function refuseUnknownMeasure(ctx: ScaffoldContext, slug: string, diagnostics: readonly Diagnostic[]): 1 {
  const broken = diagnostics.filter((d) => d.file.replace(/\.[^.]+$/, '') === `content/measures/${slug}`);
  if (broken.length) return refuseWithDiagnostics(ctx, `Refused: content/measures/${slug} has problems; fix them first.`, broken);
  const suggestion = closest(slug, measureSlugs(ctx.root));
  return refuse(
    ctx,
    `Refused: there is no measure "${slug}" (no content/measures/${slug}.md).` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
    `A measure's name is the last part of its page address, /measures/<name>/. To add a new measure first, run: npm run new -- measure ${slug}`,
  );
}

function refuseWithDiagnostics(ctx: ScaffoldContext, first: string, diagnostics: readonly Diagnostic[], last?: string): 1 {
  return refuse(ctx, first, ...diagnostics.map(formatDiagnostic), ...(last ? [last] : []));
}

function relativeToCwd(ctx: ScaffoldContext, path: string): string {
  const rel = relative(ctx.cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}
