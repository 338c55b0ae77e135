/**
 * Reads the content/ folder without Astro: each entry's YAML frontmatter is parsed with positions
 * and validated against the same zod schema the Astro content layer uses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { validateWithSchema } from '../validate/schema-issues.ts';
import { parseLocatedYaml, type LocatedYaml } from './yaml-position.ts';

/** A content file that passed its schema, with a way to point at any field for later checks. */
export interface ReadEntry<T> {
  /** Path below the collection folder without extension: "knife-crime" or "2024-27/serious-violence". */
  readonly id: string;
  /** Project-relative path of the file. */
  readonly file: string;
  readonly data: T;
  /** Positions of fields, for cross-reference messages. */
  readonly yaml: LocatedYaml;
}

/** Splits "---\nyaml\n---\nbody" into the YAML text and the line it starts on. */
export function splitFrontmatter(text: string): { yaml: string; firstLine: number } | { error: string } {
  const normalised = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n?---\s*(?:\r?\n|$)/.exec(normalised);
  if (!match) return { error: 'the file must start with a frontmatter block: a line "---", the fields, and another "---"' };
  return { yaml: match[1]!, firstLine: 2 };
}

/** Files below `folder` with one of `extensions`, at the given depth (1: flat, 2: one sub-folder). */
function listFiles(folder: string, extensions: readonly string[], depth: 1 | 2): string[] {
  if (!existsSync(folder)) return [];
  const names = readdirSync(folder, { recursive: depth === 2, encoding: 'utf8' }).map((n) => n.replaceAll('\\', '/'));
  return names
    .filter((name) => name.split('/').length === depth && extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

/** Reads and validates one collection; `folder` is project-relative, e.g. "content/measures". */
export function readCollection<S extends z.ZodType>(
  root: string,
  folder: string,
  options: { extensions: readonly string[]; depth: 1 | 2; schema: S },
): { entries: ReadEntry<z.output<S>>[]; diagnostics: Diagnostic[] } {
  const entries: ReadEntry<z.output<S>>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listFiles(join(root, folder), options.extensions, options.depth)) {
    const file = `${folder}/${name}`;
    const split = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    if ('error' in split) {
      diagnostics.push({ file, line: 1, column: 1, message: split.error });
      continue;
    }
    const yaml = parseLocatedYaml(split.yaml, split.firstLine - 1);
    const result = validateWithSchema(options.schema, yaml, file);
    diagnostics.push(...result.diagnostics);
    if (result.data !== undefined) {
      entries.push({ id: name.replace(/\.[^.]+$/, ''), file, data: result.data, yaml });
    }
  }
  return { entries, diagnostics };
}

/** Reads a standalone YAML file (e.g. content/site.yaml) against a schema. */
export function readYamlFile<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
): { data?: z.output<S>; yaml?: LocatedYaml; diagnostics: Diagnostic[] } {
  if (!existsSync(join(root, file))) {
    return { diagnostics: [{ file, line: 1, column: 1, message: 'this file is missing' }] };
  }
  const yaml = parseLocatedYaml(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''));
  return { ...validateWithSchema(schema, yaml, file), yaml };
}
