/**
 * The words editors read when a data folder, a release file or a reference between content files is
 * refused: every message the data validator (validate/data.ts) and the cross-reference check
 * (validate/crossrefs.ts) print, in one place, so the wording can be read, reviewed and kept
 * consistent together. Each message says what is wrong, then what to write instead. The examples
 * quoted in README.md and /about/publishing/ are checked against a golden fixture
 * (test/unit/validate/documented-messages.test.ts).
 */

/** The releases file beside the CSV files. */
export const RELEASES_FILE = 'releases.yaml';

/** The provenance fields a release entry gives besides its vintage. */
export const OTHER_RELEASE_FIELDS = 'publisher, dataset, url, retrieved, licence and changes';

/** `; did you mean "x"?` when there is a near match, else nothing. */
function didYouMean(suggestion: string | undefined): string {
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

/** The fix for a published release that must not change: the correction is a new release. */
function correctionFix(slug: string): string {
  return `publish a correction as a new release: npm run new -- release ${slug} <file.csv> --changes "what was corrected"`;
}

/** Messages about a measure's data folder and its releases.yaml. */
export const folderMessages = {
  missingFrequency: (slug: string) => `measure "${slug}" has data but its metadata sets no frequency: add e.g. frequency: year to content/measures/${slug}.md`,
  unexpectedFile: (name: string, suggestion: string | undefined) =>
    `unexpected file "${name}"; this folder holds only releases named YYYY-MM-DD.csv and ${RELEASES_FILE}${didYouMean(suggestion)}`,
  notReleaseDate: (name: string) => `file name "${name}" is not a release date; name each release YYYY-MM-DD.csv, e.g. 2025-07-24.csv`,
  notRealDate: (name: string) => `file name "${name}" is not a real date; name each release YYYY-MM-DD.csv`,
  afterToday: (name: string, today: string) => `file name "${name}" is after today (${today}); name each release by the day it was published`,
  releasesMissing: () => `${RELEASES_FILE} is missing; add it beside the CSV files, with one entry per release giving its vintage, ${OTHER_RELEASE_FIELDS}`,
  noEntry: (date: string) => `${RELEASES_FILE} has no entry for this release; add one starting "- vintage: ${date}" and giving its ${OTHER_RELEASE_FIELDS}`,
  noChecksum: (vintage: string, csvName: string, sha256Line: string) =>
    `release ${vintage} records no sha256 checksum of its file; after checking ${csvName} holds the figures you mean to publish, add this line to the entry: ${sha256Line}`,
  changed: (slug: string, csvPath: string, expected: string, actual: string) =>
    `this published release has changed: ${RELEASES_FILE} records sha256 ${expected} but the file's SHA-256 is now ${actual}; a published release is never edited, so restore it (git checkout -- ${csvPath}) and ${correctionFix(slug)}`,
  listedTwice: (vintage: string, firstLine: number) => `vintage ${vintage} is listed twice; the first entry is on line ${firstLine}, keep one`,
  disappeared: (slug: string, csvPath: string, sha256: string) =>
    `the published release ${csvPath} has disappeared (this entry records its sha256 ${sha256}); a published release is never deleted, so restore it (git checkout -- ${csvPath}); to change its figures, ${correctionFix(slug)}`,
  noFile: (vintage: string) => `there is no file ${vintage}.csv for this release; add the file or remove the entry`,
} as const;

/** Messages about one release file's header, rows and cells. */
export const csvMessages = {
  headerOnly: () => 'the file has a header but no rows; add a row per period, or remove the file until there are figures',
  duplicateColumn: (name: string, firstLine: number, firstColumn: number) =>
    `duplicate column "${name}"; it is already at line ${firstLine} column ${firstColumn}, keep only one`,
  missingColumn: (column: string) => `missing column "${column}"; the header must include period and value`,
  unnamedColumn: (allowed: readonly string[]) => `a column has no name; remove the extra comma or name the column (allowed columns are: ${allowed.join(', ')})`,
  unknownColumn: (name: string, allowed: readonly string[], suggestion: string | undefined) =>
    `unknown column "${name}"; allowed columns are: ${allowed.join(', ')}${didYouMean(suggestion)}`,
  cellCount: (count: number, headerLength: number) =>
    `the row has ${count} ${count === 1 ? 'cell' : 'cells'} but the header has ${headerLength} columns; give every row one cell per column, leaving a cell empty rather than out`,
  formulaStart: (start: string) => `cell starts with "${start}", which spreadsheets run as a formula; remove it or put the text in other words`,
  unknownStatus: (text: string, statuses: readonly string[], suggestion: string | undefined) =>
    `unknown status "${text}"; use one of: ${statuses.join(', ')}, or leave it empty${didYouMean(suggestion)}`,
  /** `form` is the expected form in words (period.ts expectedForm), when the measure declares a frequency. */
  periodEmpty: (form: string | undefined) => (form ? `period is empty; write ${form}` : 'period is empty'),
  valueInSuppressedRow: (text: string) => `value "${text}" is given but the status is suppressed; leave value empty in a suppressed row, or change its status`,
  valueEmpty: () => 'value is empty; leave it empty only when status is suppressed',
  notANumber: (text: string) =>
    `value "${text}" is not a number; write digits with an optional decimal point and minus sign, no commas or units, e.g. 1234 or 12.5`,
  percentOutOfRange: (text: string) => `value ${text} is outside 0 to 100; this measure's unit is percent, so values must be between 0 and 100`,
  negative: (text: string, unit: string) => `value ${text} is negative; this measure's unit is ${unit}, which cannot be below 0`,
  unknownArea: (code: string, ownCode: string, slug: string) =>
    `area_code "${code}" is neither this measure's area (${ownCode}) nor one of its comparators; correct the code, or list it under comparators in content/measures/${slug}.md`,
  allGroupsWord: (column: string, text: string) =>
    `${column} "${text}" is the word the plan downloads use for a row not split by ${column}; leave the cell empty for the figure of all groups, or name the group`,
  duplicateRow: (firstLine: number, period: string, areaCode: string, breakdown: Readonly<Record<string, string>>) =>
    `duplicate row: line ${firstLine} already has period "${period}" for area ${areaCode}${Object.entries(breakdown)
      .map(([c, v]) => ` and ${c} "${v}"`)
      .join('')}; keep one row per period, area and breakdown`,
} as const;

/** Messages about references between content files (validate/crossrefs.ts). */
export const crossrefMessages = {
  /** `kind` is plan, measure or action; a suggestion is shown without its plan folder. */
  unknownReference: (kind: string, shown: string, suggestion: string | undefined) =>
    `unknown ${kind} "${shown}"` + (suggestion ? `; did you mean "${suggestion.replace(/^[^/]+\//, '')}"?` : `; no ${kind} with that name exists`),
  /** A priority or action in a folder no plan is named after; `existing` is the plans in words, or undefined when there are none. */
  folderNotAPlan: (kind: 'priority' | 'action', plan: string, existing: string | undefined, suggestion: string | undefined) =>
    `this ${kind} is in folder "${plan}", but there is no plan "${plan}" (${existing ? `the plans are ${existing}` : 'there are no plans yet'}); ` +
    (suggestion
      ? `did you mean "${suggestion}"? Move the file into content/${kind === 'priority' ? 'priorities' : 'actions'}/${suggestion}/`
      : `create content/plans/${plan}.mdx or move the file into an existing plan's folder`),
  /** A target's period not in the form of its measure's frequency; `problem` is the period parser's message without its leading "period ". */
  targetPeriod: (field: string, problem: string, measure: string) => `${field} ${problem}, the form of measure "${measure}"`,
} as const;
