/**
 * Where the data step writes a comparison's views (src/lib/views/comparison.ts), apart from the code
 * that computes them, so the pages that read them load no validation or import code at run time.
 */
import { join } from 'node:path';
import { viewsDir } from './files.ts';

/** The file of a comparison page's view. */
export function comparisonViewFile(generated: string, slug: string): string {
  return join(viewsDir(generated), 'comparisons', `${slug}.json`);
}

/** The file of one page of a comparison's ranked table (number from 1). */
export function rankingPageViewFile(generated: string, slug: string, number: number): string {
  return join(viewsDir(generated), 'comparisons', slug, `${number}.json`);
}

/** The file listing the comparisons. */
export function comparisonIndexFile(generated: string): string {
  return join(viewsDir(generated), 'comparisons', 'index.json');
}

