/**
 * What a change will do to the site, in words a reviewer reads before merging: the new releases
 * (with the publisher's date and edition, and what each added, revised and removed), the measures,
 * priorities, actions and plans added, changed or removed with their addresses, any published
 * address that would stop working, and the validator's problems. It reads only the files that
 * changed (and their measures' data folders) from the base and the working tree; no site build.
 *
 * The comparisons are the site's own: releases are compared by derive/revisions.ts and described
 * by derive/release-history.ts, files are checked by the validator, and addresses follow paths.ts,
 * readRedirects and formerAddresses, so the report says what the site will say.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Measure, Vintage } from '../schemas/model.ts';
import { paths } from '../schemas/paths.ts';
import { splitFrontmatter } from '../read/frontmatter.ts';
import { measureSchema, type MeasureMeta } from '../schemas/measure.ts';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from '../format/diagnostics.ts';
import { measureDataFolders, readContent, readMeasureFolder } from '../build/load-site.ts';
import { validateMeasureData } from '../validate/data.ts';
import { readRedirects } from '../validate/redirects.ts';
import { compareVintages } from '../derive/revisions.ts';
import { releaseHistory, releaseOnOwnPage, type FigureSpan, type RevisionRow } from '../derive/release-history.ts';
import { formerAddresses } from '../downloads/artefacts.ts';
import type { BaseTree, ChangeStatus } from './git.ts';

/** Revised figures listed per release in the report; the rest are counted. */
export const REVISION_ROWS = 10;

/** The register of every address the site has published (test/urls/published.txt): lines are never removed. */
export const PUBLISHED_REGISTER = 'test/urls/published.txt';

/** One new release of a measure, as the report shows it. */
export interface ReportedRelease {
  /** YYYY-MM-DD, the file's name. */
  readonly date: string;
  /** e.g. "24 July 2024 (year ending March 2024 edition)". */
  readonly heading: string;
  readonly publisher: string;
  readonly edition?: string;
  /** "Released by ... on ..." or "Published on this site on ...", as the measure page says it. */
  readonly dating: string;
  /** The publisher's own statement of the date and where it is, when releases.yaml cites one. */
  readonly releaseDateEvidence?: { readonly text: string; readonly url: string };
  /** The pages that show it: the measure page, and the release's own page when it revised more than the measure page lists. */
  readonly pages: readonly string[];
  /** Date of the release it is compared with; absent for a measure's first release. */
  readonly previous?: string;
  /** True when it has no previous release but the measure already had releases: it is dated before them all. */
  readonly earliest?: boolean;
  readonly counts: { readonly added: number; readonly revised: number; readonly removed: number };
  /** e.g. "12 figures added, 3 revised". */
  readonly countsText: string;
  readonly added: readonly FigureSpan[];
  /** The revised figures with the largest change first, at most REVISION_ROWS of them. */
  readonly revisions: readonly RevisionRow[];
  /** Revised figures not listed in `revisions`. */
  readonly moreRevisions: number;
  readonly removed: readonly FigureSpan[];
}

/** A measure whose data folder changed. */
export interface MeasureDataChange {
  readonly slug: string;
  readonly title: string;
  /** The measure's page. */
  readonly address: string;
  readonly releases: readonly ReportedRelease[];
  /** Release files already in the base whose bytes changed (published files are never edited). */
  readonly editedReleases: readonly string[];
  /** Release files in the base that are gone. */
  readonly deletedReleases: readonly string[];
  /** New release files not described because the measure's data has problems (its rows with errors would be left out). */
  readonly undescribed: readonly string[];
}

/** What kind of content file changed. */
export type ContentKind = 'measure' | 'priority' | 'action' | 'plan' | 'settings';

/** A content file added, changed or removed. */
export interface ContentChange {
  readonly kind: ContentKind;
  /** The file's id: "knife-crime", "2024-27/serious-violence", or the file name for settings. */
  readonly id: string;
  readonly file: string;
  readonly status: ChangeStatus;
  readonly title: string;
  /** The page that shows it (after the change; before it, for a removal); absent for settings files. */
  readonly address?: string;
  /** Fields whose value changed, e.g. "status: in_progress → completed", or just the field's name. */
  readonly fields: readonly string[];
  /** For an added file: the slugs it names in redirect_from (a rename keeps the old addresses). */
  readonly renamedFrom?: readonly string[];
  /** For a removed measure: the measure that names it in redirect_from. */
  readonly renamedTo?: string;
}

/** An address the site has published that the change would break. */
export interface DisappearingAddress {
  readonly address: string;
  /** What removes it, e.g. "data/measures/x/2024-07-24.csv is deleted". */
  readonly because: string;
}

/** The whole report; `ok` is false when an address would disappear or the checks found a problem. */
export interface ChangeReport {
  readonly base: string;
  readonly ok: boolean;
  /** Files under data/ and content/ that differ from the base. */
  readonly filesChanged: number;
  readonly disappearing: readonly DisappearingAddress[];
  /** The validator's problems, each "file:line:column: message". */
  readonly problems: readonly string[];
  readonly measures: readonly MeasureDataChange[];
  readonly content: readonly ContentChange[];
}

/** What the report reads: the working tree at `root`, the base through `base`, and today's date (for the validator). */
export interface ReportInput {
  readonly root: string;
  readonly base: BaseTree;
  readonly today: string;
}

const MEASURE_DATA = /^data\/measures\/([^/]+)\/(.+)$/;
const RELEASE_FILE = /^(\d{4}-\d{2}-\d{2})\.csv$/;

/** Compares the working tree with the base and says what the change does to the site. */
export function changeReport({ root, base, today }: ReportInput): ChangeReport {
  const changed = base.changedFiles(['data', 'content']);
  const content = readContent(root);
  const diagnostics: Diagnostic[] = [...content.diagnostics];
  const site = content.site.data;
  const headMeasures = new Map(content.measures.entries.map((e) => [e.id, e]));

  // Data: only the folders of measures whose files changed, each read whole on both sides.
  const dataSlugs = [...new Set(changed.map((c) => MEASURE_DATA.exec(c.path)?.[1]).filter((s): s is string => s !== undefined))].sort();
  if (dataSlugs.length) measureDataFolders(root, content.measures.entries, content.measures.refusedIds, diagnostics);
  // A renamed measure's folder moves with it: its releases are the same releases, at a new address.
  const renamedTo = new Map(content.measures.entries.flatMap((e) => e.data.redirect_from.map((old) => [old, e.id] as const)));
  const measures: MeasureDataChange[] = [];
  for (const slug of dataSlugs) {
    const entry = headMeasures.get(slug);
    if (!entry && renamedTo.has(slug) && !existsSync(join(root, 'data/measures', slug))) continue;
    const formerSlug = entry?.data.redirect_from.find((old) => base.list(`data/measures/${old}`).length > 0);
    const baseSlug = base.list(`data/measures/${slug}`).length === 0 && formerSlug ? formerSlug : slug;
    const baseMeta = entry?.data ?? baseMeasureMeta(base, slug);
    const headFolder = join(root, 'data/measures', slug);
    let head: Measure | undefined;
    let headProblems = 0;
    if (entry && site) {
      const read = readMeasureFolder(root, entry, existsSync(headFolder), site, today);
      diagnostics.push(...read.diagnostics);
      head = read.measure;
      headProblems = read.diagnostics.length;
    }
    const before = baseMeta && site ? baseVintages(base, baseSlug, slug, baseMeta, site.area, today) : [];
    const files = changed.filter((c) => c.path.startsWith(`data/measures/${slug}/`)).map((c) => ({ ...c, name: c.path.slice(`data/measures/${slug}/`.length) }));
    const change = measureChange(slug, entry?.data.title ?? baseMeta?.title ?? slug, headProblems ? undefined : head, before, files);
    if (change.releases.length || change.editedReleases.length || change.deletedReleases.length || change.undescribed.length) measures.push(change);
  }

  const contentChanges = changed.flatMap((c) => {
    const found = contentChange(root, base, c.path, c.status);
    if (found?.kind === 'measure' && found.status === 'deleted' && renamedTo.has(found.id)) return [{ ...found, renamedTo: renamedTo.get(found.id)! }];
    return found ? [found] : [];
  });

  const disappearing = disappearingAddresses(root, base, changed, content.measures.entries, content.plans.entries);
  const problems = dedupe(diagnostics).sort(compareDiagnostics).map(formatDiagnostic);
  return {
    base: base.name,
    ok: disappearing.length === 0 && problems.length === 0,
    filesChanged: changed.length,
    disappearing,
    problems,
    measures,
    content: contentChanges,
  };
}

/** The base's releases of a measure, read and checked as the validator reads them (its problems are the base's, not this change's). */
function baseVintages(base: BaseTree, baseSlug: string, slug: string, meta: MeasureMeta, area: { name: string; code: string }, today: string): Vintage[] {
  const folder = `data/measures/${baseSlug}`;
  const files = base.list(folder).flatMap((name) => {
    const bytes = base.read(`${folder}/${name}`);
    return bytes ? [{ name, bytes }] : [];
  });
  if (files.length === 0) return [];
  return validateMeasureData({ slug, meta, siteArea: { name: area.name, code: area.code }, files, today }).vintages;
}

/** A measure's metadata as the base has it, when its file there passes the schema (for a measure this change deletes). */
function baseMeasureMeta(base: BaseTree, slug: string): MeasureMeta | undefined {
  const fields = baseFrontmatter(base, `content/measures/${slug}.md`);
  const parsed = fields ? measureSchema.safeParse(fields) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** One measure's new, edited and deleted releases. */
function measureChange(
  slug: string,
  title: string,
  head: Measure | undefined,
  before: readonly Vintage[],
  files: readonly { name: string; status: ChangeStatus }[],
): MeasureDataChange {
  const baseDates = new Set(before.map((v) => v.date));
  const releaseFiles = files.filter((f) => RELEASE_FILE.test(f.name));
  // A release is new when the base had no release of that date (a renamed measure's moved files are not).
  const newDates = new Set(releaseFiles.filter((f) => f.status === 'added' && !baseDates.has(f.name.slice(0, 10))).map((f) => f.name.slice(0, 10)));
  const releases: ReportedRelease[] = [];
  if (head) {
    const history = releaseHistory(head);
    head.vintages.forEach((vintage, i) => {
      if (!newDates.has(vintage.date) || baseDates.has(vintage.date)) return;
      const item = history.find((h) => h.date === vintage.date)!;
      // Largest change first: the history lists revisions in the comparison's order, so the two line up.
      const comparison = i > 0 ? compareVintages(head.vintages[i - 1]!, vintage) : undefined;
      const size = (k: number) => {
        const r = comparison!.revised[k]!;
        return r.oldValue === null || r.newValue === null ? Infinity : Math.abs(r.newValue - r.oldValue);
      };
      const order = item.revisions.map((_, k) => k).sort((a, b) => size(b) - size(a) || a - b);
      releases.push({
        date: vintage.date,
        heading: item.heading,
        publisher: item.release.publisher,
        ...(item.release.edition ? { edition: item.release.edition } : {}),
        dating: item.dating.text,
        pages: [paths.measure(slug), ...(releaseOnOwnPage(item.counts) ? [paths.measureRelease(slug, vintage.date)] : [])],
        ...(item.dating.evidence ? { releaseDateEvidence: item.dating.evidence } : {}),
        ...(item.previous ? { previous: item.previous } : {}),
        ...(!item.previous && before.length > 0 ? { earliest: true } : {}),
        counts: { added: item.counts.added, revised: item.counts.revised, removed: item.counts.removed },
        countsText: item.countsText,
        added: item.added,
        revisions: order.slice(0, REVISION_ROWS).map((k) => item.revisions[k]!),
        moreRevisions: Math.max(0, item.revisions.length - REVISION_ROWS),
        removed: item.removed,
      });
    });
  }
  return {
    slug,
    title,
    address: paths.measure(slug),
    releases,
    editedReleases: releaseFiles.filter((f) => f.status === 'modified').map((f) => `data/measures/${slug}/${f.name}`),
    deletedReleases: releaseFiles.filter((f) => f.status === 'deleted').map((f) => `data/measures/${slug}/${f.name}`),
    undescribed: head ? [] : [...newDates].sort().map((date) => `data/measures/${slug}/${date}.csv`),
  };
}

/** The collection, id and address of a content file, or undefined for a file that is not a page's. */
function contentPlace(path: string): { kind: ContentKind; id: string; address?: string } | undefined {
  let m = /^content\/measures\/([^/]+)\.mdx?$/.exec(path);
  if (m) return { kind: 'measure', id: m[1]!, address: paths.measure(m[1]!) };
  m = /^content\/priorities\/([^/]+)\/([^/]+)\.mdx?$/.exec(path);
  if (m) return { kind: 'priority', id: `${m[1]}/${m[2]}`, address: paths.priority(m[1]!, m[2]!) };
  m = /^content\/actions\/([^/]+)\/([^/]+)\.mdx?$/.exec(path);
  if (m) return { kind: 'action', id: `${m[1]}/${m[2]}`, address: paths.action(m[1]!, m[2]!) };
  m = /^content\/plans\/([^/]+)\.mdx?$/.exec(path);
  if (m) return { kind: 'plan', id: m[1]!, address: paths.plan(m[1]!) };
  if (/^content\/[^/]+\.ya?ml$/.test(path)) return { kind: 'settings', id: path.slice('content/'.length) };
  return undefined;
}

/** One content file's change: which fields differ, before and after where both are short. */
function contentChange(root: string, base: BaseTree, path: string, status: ChangeStatus): ContentChange | undefined {
  const place = contentPlace(path);
  if (!place) return undefined;
  const read = (text: string | undefined) => (text === undefined ? undefined : place.kind === 'settings' ? { fields: loadYaml(text), body: '' } : frontmatterOf(text));
  const beforeBytes = status === 'added' ? undefined : base.read(path);
  const before = read(beforeBytes ? new TextDecoder().decode(beforeBytes) : undefined);
  const after = read(status === 'deleted' || !existsSync(join(root, path)) ? undefined : readFileSync(join(root, path), 'utf8'));
  const fieldsOf = (side: typeof before) => side?.fields ?? {};
  const title = String(fieldsOf(after).title ?? fieldsOf(before).title ?? place.id);
  const fields: string[] = [];
  if (status === 'modified') {
    const names = [...new Set([...Object.keys(fieldsOf(before)), ...Object.keys(fieldsOf(after))])].sort();
    for (const name of names) {
      const [b, a] = [fieldsOf(before)[name], fieldsOf(after)[name]];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      const short = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'object' ? undefined : String(v).length <= 60 ? String(v) : undefined);
      fields.push(short(b) !== undefined && short(a) !== undefined ? `${name}: ${short(b)} → ${short(a)}` : name);
    }
    if ((before?.body ?? '') !== (after?.body ?? '')) fields.push('text');
  }
  const redirectFrom = fieldsOf(after).redirect_from;
  const renamedFrom = status === 'added' && Array.isArray(redirectFrom) && redirectFrom.length ? redirectFrom.map(String) : undefined;
  return {
    kind: place.kind,
    id: place.id,
    file: path,
    status,
    title,
    ...(place.address ? { address: place.address } : {}),
    fields,
    ...(renamedFrom ? { renamedFrom } : {}),
  };
}

/**
 * Published addresses the change would break. Candidates are the addresses of what the change
 * deletes (a release file, a measure, priority, action or plan), as the base published them; each
 * counts only if the register of published addresses lists it (or, with no register, always), and
 * is broken unless the working tree still publishes it: the same file or page, a redirect from
 * redirect_from (readRedirects), or a copy at a former address (formerAddresses).
 */
function disappearingAddresses(
  root: string,
  base: BaseTree,
  changed: readonly { path: string; status: ChangeStatus }[],
  measures: readonly { id: string; data: MeasureMeta }[],
  plans: readonly { id: string; data: { redirect_from: readonly string[] } }[],
): DisappearingAddress[] {
  const deleted = changed.filter((c) => c.status === 'deleted');
  if (deleted.length === 0) return [];
  const candidates = new Map<string, string>();
  const add = (address: string, because: string) => {
    if (!candidates.has(address)) candidates.set(address, because);
  };
  for (const { path } of deleted) {
    const data = MEASURE_DATA.exec(path);
    const release = data ? RELEASE_FILE.exec(data[2]!) : null;
    if (data && release) {
      add(paths.measureVintageCsv(data[1]!, release[1]!), `${path} is deleted`);
      add(paths.measureRelease(data[1]!, release[1]!), `${path} is deleted`);
      continue;
    }
    const place = contentPlace(path);
    if (!place || place.kind === 'settings') continue;
    const because = `${path} is deleted`;
    if (place.kind === 'measure') {
      const slug = place.id;
      for (const address of [paths.measure(slug), paths.embedMeasure(slug), paths.measureFigures(slug), paths.measureCsv(slug), paths.measureJson(slug)]) add(address, because);
      for (const name of base.list(`data/measures/${slug}`)) {
        const date = RELEASE_FILE.exec(name)?.[1];
        if (date) {
          add(paths.measureVintageCsv(slug, date), because);
          add(paths.measureRelease(slug, date), because);
        }
      }
    } else if (place.kind === 'plan') {
      for (const address of [paths.plan(place.id), paths.planPriorities(place.id), paths.planActions(place.id), paths.downloads(place.id), paths.planCsv(place.id), paths.planDatapackage(place.id), paths.planZip(place.id)]) add(address, because);
    } else if (place.address) {
      add(place.address, because);
    }
  }
  const register = readRegister(root) ?? readRegisterText(base.read(PUBLISHED_REGISTER));
  const published = (address: string) => (register ? register.has(address) : !address.includes('/releases/') && !address.endsWith('/figures/'));
  const served = servedAddresses(root, measures, plans);
  return [...candidates]
    .filter(([address]) => published(address) && !served(address))
    .map(([address, because]) => ({ address, because }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** Whether the working tree still publishes an address: as itself, as a redirect, or as a copy at a former address. */
function servedAddresses(
  root: string,
  measures: readonly { id: string; data: MeasureMeta }[],
  plans: readonly { id: string; data: { redirect_from: readonly string[] } }[],
): (address: string) => boolean {
  const redirects = readRedirects(root);
  const measureIds = new Set(measures.map((m) => m.id));
  const planIds = new Set(plans.map((p) => p.id));
  const hasData = (slug: string) => existsSync(join(root, 'data/measures', slug));
  const releaseFiles = (slug: string) => (hasData(slug) ? readdirSync(join(root, 'data/measures', slug)).filter((n) => RELEASE_FILE.test(n)) : []);
  // Data files of a renamed measure or plan are published again at their former addresses.
  const former = formerAddresses({ measures: measures.map((m) => ({ id: m.id, file: '', data: m.data, vintages: [] })), plans: plans as never });
  const copies = new Set<string>();
  for (const m of measures.filter((m) => m.data.redirect_from.length > 0)) {
    const own = [paths.measureCsv(m.id), paths.measureJson(m.id), ...releaseFiles(m.id).map((n) => paths.measureVintageCsv(m.id, n.slice(0, 10)))];
    for (const path of hasData(m.id) || m.data.derivation ? own : []) for (const copy of former(path)) copies.add(copy);
  }
  for (const p of plans.filter((p) => p.data.redirect_from.length > 0)) {
    for (const path of [paths.planCsv(p.id), paths.planDatapackage(p.id), paths.planZip(p.id)]) for (const copy of former(path)) copies.add(copy);
  }
  return (address) => {
    if (redirects[address] !== undefined || copies.has(address)) return true;
    let m = /^\/data\/measures\/([^/.]+)\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(address) ?? /^\/measures\/([^/]+)\/releases\/(\d{4}-\d{2}-\d{2})\/$/.exec(address);
    if (m) return measureIds.has(m[1]!) && existsSync(join(root, 'data/measures', m[1]!, `${m[2]}.csv`));
    m = /^\/(?:measures|embed\/measures)\/([^/]+)\/(?:figures\/)?$/.exec(address) ?? /^\/data\/measures\/([^/.]+)\.(?:csv|json)$/.exec(address);
    if (m) return measureIds.has(m[1]!);
    m = /^\/plans\/([^/]+)\/(priorities|actions)\/([^/]+)\/$/.exec(address);
    if (m) return existsSync(join(root, 'content', m[2]!, m[1]!, `${m[3]}.md`)) || existsSync(join(root, 'content', m[2]!, m[1]!, `${m[3]}.mdx`));
    m = /^\/(?:plans|downloads)\/([^/.]+)(?:\/|\/priorities\/|\/actions\/|\.zip|\/data\.csv|\/datapackage\.json)$/.exec(address);
    if (m) return planIds.has(m[1]!);
    return false;
  };
}

/** The register's addresses from the working tree, or undefined when it has none. */
function readRegister(root: string): Set<string> | undefined {
  const file = join(root, PUBLISHED_REGISTER);
  return existsSync(file) ? readRegisterText(new Uint8Array(readFileSync(file))) : undefined;
}

function readRegisterText(bytes: Uint8Array | undefined): Set<string> | undefined {
  if (!bytes) return undefined;
  return new Set(new TextDecoder().decode(bytes).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

/** A content file's fields (loosely: a file the schema refuses still shows what changed) and its text. */
function frontmatterOf(text: string): { fields: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(text);
  if ('error' in split) return { fields: {}, body: text };
  return { fields: loadYaml(split.yaml), body: split.body };
}

function baseFrontmatter(base: BaseTree, path: string): Record<string, unknown> | undefined {
  const bytes = base.read(path);
  return bytes ? frontmatterOf(new TextDecoder().decode(bytes)).fields : undefined;
}

function loadYaml(text: string): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = formatDiagnostic(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
