/**
 * `npm run inbox`: publishes every ONS workbook an editor put in inbox/ (on GitHub: "Add file >
 * Upload files"), so a quarterly update needs no terminal. Each workbook goes through the importer
 * exactly as `npm run import -- ons-pfa <workbook> --released cited` would, dated by the release
 * date that data/reference/ons_release_dates.csv cites for its edition. When it publishes, the
 * workbook moves to where the project keeps its workbooks, with its checksum added to the
 * SHA256SUMS there (each release entry records the same checksum as workbook_sha256). When the
 * importer refuses, its refusal (sheet, cell, what was expected) is printed and nothing of that
 * workbook is written; a workbook whose edition is already published writes nothing and says so.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ExitCode, ScaffoldContext } from '../scaffold/context.ts';
import { runImport } from './command.ts';
import { findEdition } from './ons-pfa.ts';
import { readReleaseDates } from './release-dates.ts';
import { readWorkbook } from './workbook.ts';

/** The folder editors upload new workbooks into. */
export const INBOX = 'inbox';

/**
 * Where the project keeps the ONS workbooks its releases were read from, with their SHA256SUMS
 * (a copy of the reference data's ons-workbooks folder; test/unit/data-traceability.test.ts checks
 * each release's workbook_sha256 against the workbook here).
 */
export const WORKBOOKS = 'test/fixtures/reference-data/ons-workbooks';

/** Files the inbox may hold that are not workbooks (its own explanation). */
const NOT_WORKBOOKS = new Set(['README.md', '.gitkeep']);

/** A release already published from an edition, or from these very bytes. */
interface Published {
  readonly file: string;
  readonly vintage: string;
  readonly edition?: string;
  readonly workbookSha256?: string;
}

/** Runs the importer on each workbook in inbox/, oldest edition first; 0 when all published (or none to do), 1 at the first refusal. */
export function runInbox(ctx: ScaffoldContext): ExitCode {
  const inbox = join(ctx.root, INBOX);
  const names = existsSync(inbox) ? readdirSync(inbox).filter((n) => !NOT_WORKBOOKS.has(n)).sort() : [];
  const others = names.filter((n) => !/\.xlsx$/i.test(n));
  if (others.length) {
    for (const name of others) ctx.err(`Refused: ${INBOX}/${name} is not an .xlsx workbook; the inbox takes ONS "Police force area data tables" workbooks only. Delete it from ${INBOX}/.`);
    ctx.err('Nothing was written.');
    return 1;
  }
  const workbooks = names;
  if (workbooks.length === 0) {
    ctx.out(`Nothing to publish: ${INBOX}/ holds no workbook.`);
    return 0;
  }

  const dates = readReleaseDates(ctx.root);
  const cited = (edition: string | undefined) => ('dates' in dates ? dates.dates.find((d) => d.edition === edition)?.releaseDate : undefined);
  const read = workbooks.map((name) => {
    const bytes = new Uint8Array(readFileSync(join(inbox, name)));
    const workbook = readWorkbook(bytes);
    const edition = workbook.ok ? findEdition(workbook.sheets)?.name : undefined;
    return { name, bytes, sha256: sha256(bytes), edition, released: cited(edition) };
  });
  // Oldest edition first: each release holds the releases before it, so editions are published in order.
  read.sort((a, b) => (a.released ?? '9999') < (b.released ?? '9999') ? -1 : (a.released ?? '9999') > (b.released ?? '9999') ? 1 : a.name < b.name ? -1 : 1);

  const published = publishedReleases(ctx.root);
  let refused = false;
  for (const workbook of read) {
    const path = `${INBOX}/${workbook.name}`;
    const same = published.find((p) => p.workbookSha256 === workbook.sha256) ?? published.find((p) => workbook.edition !== undefined && p.edition === workbook.edition);
    if (same) {
      const how = same.workbookSha256 === workbook.sha256 ? 'this workbook' : `the ${workbook.edition} edition`;
      ctx.out(`${path}: already published: ${how} is the release of ${same.vintage} in ${same.file}${same.edition ? ` (${same.edition} edition)` : ''}. Nothing was written; delete ${path}.`);
      continue;
    }
    const kept = `${WORKBOOKS}/${workbook.name}`;
    const keptAlready = existsSync(join(ctx.root, kept));
    if (keptAlready && sha256(readFileSync(join(ctx.root, kept))) !== workbook.sha256) {
      ctx.err(`Refused: ${path}: a different workbook is already kept as ${kept}; rename the upload (e.g. add the edition to its name) and upload it again.`);
      ctx.err('Nothing was written.');
      refused = true;
      break;
    }
    ctx.out(`${path}: ${workbook.edition ? `the ${workbook.edition} edition` : 'reading'}${workbook.released ? `, released ${workbook.released}` : ''}`);
    const status = runImport(['ons-pfa', path, '--released', 'cited', '--read-from', `${workbook.name}, uploaded to ${INBOX}/ and kept at ${kept}`], { ...ctx, cwd: ctx.root });
    if (status !== 0) {
      refused = true;
      break;
    }
    if (keptAlready) {
      // The same bytes are kept already (a workbook held but not published before): the upload is a copy.
      rmSync(join(ctx.root, path));
      ctx.out(`Deleted ${path}: the same workbook is already kept as ${kept}.`);
    } else {
      renameSync(join(ctx.root, path), join(ctx.root, kept));
      appendFileSync(join(ctx.root, WORKBOOKS, 'SHA256SUMS'), `${workbook.sha256}  ${workbook.name}\n`);
      ctx.out(`Moved ${path} to ${kept} and added its SHA-256 (${workbook.sha256}) to ${WORKBOOKS}/SHA256SUMS.`);
    }
  }
  return refused ? 1 : 0;
}

/** Every release entry naming an edition or a workbook checksum, from each measure's releases.yaml. */
function publishedReleases(root: string): Published[] {
  const measures = join(root, 'data/measures');
  if (!existsSync(measures)) return [];
  const found: Published[] = [];
  for (const slug of readdirSync(measures).sort()) {
    const file = `data/measures/${slug}/releases.yaml`;
    if (!existsSync(join(root, file))) continue;
    let entries: unknown;
    try {
      entries = parseYaml(readFileSync(join(root, file), 'utf8'));
    } catch {
      continue; // the validator reports it; the importer refuses on it
    }
    if (!Array.isArray(entries)) continue;
    for (const e of entries as Record<string, unknown>[]) {
      if (!e || typeof e !== 'object') continue;
      found.push({
        file,
        vintage: String(e.vintage ?? ''),
        ...(typeof e.edition === 'string' ? { edition: e.edition } : {}),
        ...(typeof e.workbook_sha256 === 'string' ? { workbookSha256: e.workbook_sha256 } : {}),
      });
    }
  }
  return found;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
