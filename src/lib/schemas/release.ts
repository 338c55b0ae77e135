/**
 * Provenance of each published release ("vintage") of a measure: `data/measures/<slug>/releases.yaml`,
 * one entry per `<YYYY-MM-DD>.csv` file in the same folder.
 */
import { z } from 'zod';
import { isoDateSchema, textSchema, urlSchema } from './common.ts';

/** A SHA-256 checksum as `sha256sum` prints it: 64 lowercase hex digits. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, {
  message: 'expected a SHA-256 checksum: 64 lowercase hex digits, as "sha256sum <file>" prints it',
});

export const releaseSchema = z.strictObject({
  /** The vintage this entry describes; must match a CSV file name in the folder. */
  vintage: isoDateSchema,
  /**
   * Lowercase hex SHA-256 of the release's CSV bytes, so a published release can never be rewritten
   * unnoticed. Required on every release: the data validator, not this schema, reports a missing one,
   * because only it has the file whose checksum the message tells the editor to add.
   */
  sha256: sha256Schema.optional(),
  /** Who published the figures, e.g. "Office for National Statistics". */
  publisher: textSchema,
  /** Dataset and table, e.g. "Police force area data tables, year ending June 2025, Table C2". */
  dataset: textSchema,
  /** Where the dataset is published. */
  url: urlSchema,
  /** When the figures were read from the source, YYYY-MM-DD. */
  retrieved: isoDateSchema,
  /** Licence of the figures, e.g. "Open Government Licence v3.0". */
  licence: textSchema,
  /** What this release changed compared with the previous one. */
  changes: textSchema,
  /** The file the figures were read from, where it is not the publisher's page itself. */
  read_from: z.string().optional(),
  /** The publisher's edition name, e.g. "year ending March 2022". */
  edition: textSchema.optional(),
  /** The tables read, e.g. ["Table P1", "Table P4"]. */
  tables: z.array(textSchema).min(1).optional(),
  /** SHA-256 (lowercase hex) of the workbook the importer read. */
  workbook_sha256: sha256Schema.optional(),
  /**
   * True on a release added to this site's history after later releases had already been published
   * here (e.g. an edition found later). Those later releases were built without it and are never
   * edited, so figures of this release missing from the next one are shown as "not carried forward",
   * never as removed or withdrawn by the publisher (see derive/revisions.ts). Say why in `changes`.
   */
  backfilled: z.boolean().optional(),
  /**
   * Where the publisher states its release date. When present, `vintage` is the publisher's release
   * date; when absent, `vintage` is the date the figures were published on this site.
   */
  release_date: z
    .strictObject({
      /** The words that state the date, copied from the page, e.g. "Release date: 21 July 2022". */
      evidence: textSchema,
      /** The page that states it. */
      url: urlSchema,
    })
    .optional(),
});

/** The sidecar file: a list of releases. */
export const releasesFileSchema = z.array(releaseSchema).min(1, { message: 'list at least one release' });

/** One release's provenance. */
export type Release = z.infer<typeof releaseSchema>;
