/**
 * Read-only look-ups the scaffolding commands make in content/: which plans, measures and
 * actions exist, so a command can refuse an unknown or taken name before writing anything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../read/frontmatter.ts';

const CONTENT_EXTENSIONS = ['.md', '.mdx'];

/** Names (without extension) of the content files directly in a project-relative folder, sorted. */
export function contentNames(root: string, folder: string): string[] {
  const full = join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isFile() && CONTENT_EXTENSIONS.some((ext) => d.name.endsWith(ext)))
    .map((d) => d.name.replace(/\.[^.]+$/, ''))
    .sort();
}

/** The project-relative path of an existing content file named `name` in `folder`, whatever its extension. */
export function existingContentFile(root: string, folder: string, name: string): string | undefined {
  return CONTENT_EXTENSIONS.map((ext) => `${folder}/${name}${ext}`).find((path) => existsSync(join(root, path)));
}

/** Plan ids, from content/plans/<plan-id>.mdx. */
export function planIds(root: string): string[] {
  return contentNames(root, 'content/plans');
}

/** Measure slugs, from content/measures/<slug>.md. */
export function measureSlugs(root: string): string[] {
  return contentNames(root, 'content/measures');
}

/**
 * The frontmatter of every content file in a folder as plain values, leniently: a file that does
 * not parse is skipped, because the validator (not the scaffolding) reports broken files.
 */
export function looseFrontmatter(root: string, folder: string): Array<{ name: string; data: Record<string, unknown> }> {
  return contentNames(root, folder).flatMap((name) => {
    const file = existingContentFile(root, folder, name)!;
    const split = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    if ('error' in split) return [];
    try {
      const data: unknown = parse(split.yaml);
      return data && typeof data === 'object' && !Array.isArray(data) ? [{ name, data: data as Record<string, unknown> }] : [];
    } catch {
      return [];
    }
  });
}
