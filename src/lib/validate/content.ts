/**
 * Reads and validates the content/ folder without Astro: each entry's YAML frontmatter is parsed with
 * positions (read/) and validated against the same zod schema the Astro content layer uses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../format/diagnostics.ts';
import { splitFrontmatter, type ReadEntry } from '../read/frontmatter.ts';
import { parseLocatedYaml, type LocatedYaml } from '../read/yaml-position.ts';
import { checkMdxText } from './mdx-text.ts';
import { missingFileMessage, validateWithSchema } from './schema-issues.ts';

export type { ReadEntry };

/** Extensions of files an editor may have meant as content; others (images, notes) are not looked at. */
const TEXT_EXTENSIONS = ['.md', '.mdx', '.markdown'];

/** Files below `folder` with one of `extensions`, at the given depth (1: flat, 2: one sub-folder). */
function listFiles(folder: string, extensions: readonly string[], depth: 1 | 2): string[] {
  if (!existsSync(folder)) return [];
  const names = readdirSync(folder, { recursive: depth === 2, encoding: 'utf8' }).map((n) => n.replaceAll('\\', '/'));
  return names
    .filter((name) => name.split('/').length === depth && extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

/** A collection as read: the entries that passed, the ids of files that did not, and why. */
export interface ReadCollectionResult<T> {
  readonly entries: ReadEntry<T>[];
  /**
   * Ids of files that exist but were refused (already reported). References to them are not
   * "unknown": telling an editor to create a file that is there would send them the wrong way.
   */
  readonly refusedIds: string[];
  readonly diagnostics: Diagnostic[];
}

/** Reads and validates one collection; `folder` is project-relative, e.g. "content/measures". */
export function readCollection<S extends z.ZodType>(
  root: string,
  folder: string,
  options: { extensions: readonly string[]; depth: 1 | 2; schema: S; noun?: string },
): ReadCollectionResult<z.output<S>> {
  const entries: ReadEntry<z.output<S>>[] = [];
  const refusedIds: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const wording = options.noun ? { subject: `every ${options.noun}` } : {};
  for (const name of listFiles(join(root, folder), TEXT_EXTENSIONS, options.depth)) {
    const file = `${folder}/${name}`;
    const id = name.replace(/\.[^.]+$/, '');
    if (!options.extensions.some((ext) => name.endsWith(ext))) {
      // The site's content collections (src/content.config.ts) would leave the file out, so a
      // page linking to it would break the build: say so here, where the fix is a rename.
      const wanted = options.extensions[0]!;
      const what = options.noun ? `${options.noun} files` : 'files in this folder';
      diagnostics.push({ file, line: 1, column: 1, message: `${what} end in ${wanted}, so the site would leave this one out; rename it to ${id.split('/').at(-1)}${wanted}` });
      refusedIds.push(id);
      continue;
    }
    const split = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    if ('error' in split) {
      diagnostics.push({ file, line: 1, column: 1, message: split.error });
      refusedIds.push(id);
      continue;
    }
    const yaml = parseLocatedYaml(split.yaml, split.firstLine - 1);
    const result = validateWithSchema(options.schema, yaml, file, wording);
    diagnostics.push(...result.diagnostics);
    if (file.endsWith('.mdx')) diagnostics.push(...checkMdxText(split.body, split.bodyLine, file));
    if (result.data !== undefined) entries.push({ id, file, data: result.data, yaml });
    else refusedIds.push(id);
  }
  return { entries, refusedIds, diagnostics };
}

/** Reads a standalone YAML file (e.g. content/site.yaml) against a schema. */
export function readYamlFile<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
): { data?: z.output<S>; yaml?: LocatedYaml; diagnostics: Diagnostic[] } {
  if (!existsSync(join(root, file))) {
    return { diagnostics: [{ file, line: 1, column: 1, message: missingFileMessage(schema) }] };
  }
  const yaml = parseLocatedYaml(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''));
  return { ...validateWithSchema(schema, yaml, file, { subject: file.split('/').at(-1) }), yaml };
}
