/**
 * The change report as Markdown, for a pull request's job summary or a terminal: what breaks
 * first, then what the checks found, then the new releases and the pages that change.
 */
import type { FigureSpan } from '../derive/release-history.ts';
import type { ChangeReport, ContentChange, ReportedRelease } from './change-report.ts';

const KIND_NAMES: Record<ContentChange['kind'], string> = {
  measure: 'Measure',
  priority: 'Priority',
  action: 'Action',
  plan: 'Plan',
  settings: 'Site settings',
};

const STATUS_WORDS: Record<ContentChange['status'], string> = { added: 'added', modified: 'changed', deleted: 'removed' };

/** The report in Markdown, ending with a newline. */
export function reportMarkdown(report: ChangeReport): string {
  const lines: string[] = ['# What this change does to the site', ''];
  lines.push(
    report.filesChanged === 0
      ? `Compared with \`${report.base}\`: no file in data/ or content/ changed.`
      : `Compared with \`${report.base}\`: ${plural(report.filesChanged, 'file')} changed in data/ and content/.`,
  );
  lines.push('', report.ok ? '**The checks pass.**' : '**This change fails the checks: fix what is listed below before merging.**', '');

  if (report.disappearing.length) {
    lines.push('## Published addresses that would stop working', '');
    lines.push('Partners and readers link to these addresses, so they must keep working. Put the file back, or, for a rename, add the old slug to `redirect_from` in the renamed file.', '');
    for (const d of report.disappearing) lines.push(`- \`${d.address}\`: ${d.because}`);
    lines.push('');
  }

  if (report.problems.length) {
    lines.push(`## Problems the checks found (${report.problems.length})`, '');
    lines.push('Each line names the file, line and column, and how to fix it.', '', '```');
    lines.push(...report.problems, '```', '');
  }

  const withReleases = report.measures.filter((m) => m.releases.length > 0);
  if (withReleases.length) {
    const count = withReleases.reduce((n, m) => n + m.releases.length, 0);
    lines.push(`## New releases (${count})`, '');
    for (const measure of withReleases) {
      for (const release of measure.releases) lines.push(...releaseLines(measure.title, release));
    }
  }

  const undescribed = report.measures.filter((m) => m.undescribed.length);
  if (undescribed.length) {
    lines.push('## New releases not described yet', '');
    lines.push('These are described once the problems above are fixed (a row with a problem would be left out, so counts now would mislead).', '');
    for (const m of undescribed) for (const file of m.undescribed) lines.push(`- ${m.title}: \`${file}\``);
    lines.push('');
  }

  const edited = report.measures.filter((m) => m.editedReleases.length || m.deletedReleases.length);
  if (edited.length) {
    lines.push('## Published release files changed or deleted', '');
    lines.push('A published release is never edited or deleted: a correction is a new release.', '');
    for (const m of edited) {
      for (const file of m.editedReleases) lines.push(`- ${m.title}: \`${file}\` is edited`);
      for (const file of m.deletedReleases) lines.push(`- ${m.title}: \`${file}\` is deleted`);
    }
    lines.push('');
  }

  if (report.content.length) {
    lines.push('## Measures, priorities, actions and plans', '');
    lines.push('| What | Change | Page |', '| --- | --- | --- |');
    for (const c of report.content) lines.push(`| ${cell(`${KIND_NAMES[c.kind]}: ${c.title}`)} | ${cell(contentWords(c))} | ${c.address ? `\`${c.address}\`` : cell(c.file)} |`);
    lines.push('');
  }

  if (!withReleases.length && !undescribed.length && !edited.length && !report.content.length && report.filesChanged > 0) {
    lines.push('No measure, release, priority, action or plan changes.', '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** One new release: who released it and when, what it changed, and its largest revisions. */
function releaseLines(title: string, release: ReportedRelease): string[] {
  const lines = [`### ${title}: ${release.heading}`, ''];
  lines.push(`${release.pages.length === 1 ? 'Page' : 'Pages'}: ${release.pages.map((p) => `\`${p}\``).join(', ')}`, '');
  const evidence = release.releaseDateEvidence ? ` The publisher's page says "${release.releaseDateEvidence.text}" (${release.releaseDateEvidence.url}).` : '';
  lines.push(`${release.dating}${evidence}`, '');
  lines.push(
    release.previous
      ? `Against the release of ${release.previous}: ${release.countsText}.`
      : release.earliest
        ? `Dated before every release already published, so it becomes the measure's earliest: ${release.countsText}.`
        : `The measure's first release: ${release.countsText}.`,
    '',
  );
  if (release.previous && release.added.length) lines.push(`Added: ${spans(release.added)}.`, '');
  if (release.revisions.length) {
    lines.push('Revised, largest change first:', '', '| Period | Area | Before | After |', '| --- | --- | --- | --- |');
    for (const r of release.revisions) lines.push(`| ${cell(r.period)} | ${cell(r.area)} | ${cell(r.before)} | ${cell(r.after)} |`);
    lines.push('');
    if (release.moreRevisions > 0) lines.push(`and ${plural(release.moreRevisions, 'more revised figure')} (all are listed on the measure page).`, '');
  }
  if (release.removed.length) lines.push(`Removed: ${spans(release.removed)}.`, '');
  return lines;
}

function contentWords(c: ContentChange): string {
  const status = STATUS_WORDS[c.status];
  if (c.renamedTo) return `${status}: renamed to ${c.renamedTo} (its address redirects there)`;
  if (c.renamedFrom) return `${status}, renamed from ${c.renamedFrom.join(', ')} (the old address redirects here)`;
  return c.fields.length ? `${status}: ${c.fields.join('; ')}` : status;
}

/** Series listed before the rest are counted, so a release adding a figure to 40 breakdowns stays readable. */
const SPAN_LINES = 5;

function spans(list: readonly FigureSpan[]): string {
  const rest = list.length - SPAN_LINES;
  const listed = list.slice(0, SPAN_LINES).map((s) => `${s.series}, ${plural(s.count, 'figure')} (${s.first === s.last ? s.first : `${s.first} to ${s.last}`})`);
  return rest > 0 ? `${listed.join('; ')}; and ${plural(rest, 'more series', 'more series')}` : listed.join('; ');
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : nouns}`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
