/**
 * Cross-references between content entries: every plan, priority, action and measure named in a
 * file must exist. Each broken reference is reported at the line that names it, with a suggestion.
 */
import type { ReadEntry } from '../read/frontmatter.ts';
import type { ActionMeta } from '../schemas/action.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { PlanMeta } from '../schemas/plan.ts';
import type { PriorityMeta } from '../schemas/priority.ts';
import type { Diagnostic } from '../format/diagnostics.ts';
import { listInWords } from './schema-issues.ts';
import { closest } from './suggest.ts';
import { crossrefMessages } from './messages.ts';
import { parsePeriod } from '../schemas/period.ts';

/** The collections as read from content/, before linking. */
export interface ContentEntries {
  readonly plans: readonly ReadEntry<PlanMeta>[];
  readonly priorities: readonly ReadEntry<PriorityMeta>[];
  readonly actions: readonly ReadEntry<ActionMeta>[];
  readonly measures: readonly ReadEntry<MeasureMeta>[];
  /**
   * Ids of files that exist but were refused by their schema (and reported). A reference to one
   * is not reported again: "unknown measure" would tell the editor to create a file that is there.
   */
  readonly refused?: { readonly plans?: readonly string[]; readonly actions?: readonly string[]; readonly measures?: readonly string[] };
}

/** Reports every reference to a plan, priority, action or measure that does not exist. */
export function checkCrossReferences(content: ContentEntries): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const planIds = content.plans.map((p) => p.id);
  const measureIds = content.measures.map((m) => m.id);
  const actionIds = content.actions.map((a) => a.id);
  const present = new Set([
    ...(content.refused?.plans ?? []).map((id) => `plan:${id}`),
    ...(content.refused?.actions ?? []).map((id) => `action:${id}`),
    ...(content.refused?.measures ?? []).map((id) => `measure:${id}`),
  ]);

  const check = (entry: ReadEntry<unknown>, path: PropertyKey[], kind: string, id: string, known: readonly string[], shown = id) => {
    if (known.includes(id) || present.has(`${kind}:${id}`)) return;
    const suggestion = closest(id, known);
    diagnostics.push({
      file: entry.file,
      ...entry.yaml.locate(path),
      message: crossrefMessages.unknownReference(kind, shown, suggestion),
    });
  };
  /** Whether the entry's folder names a plan; when not, says so once (its own references follow from the fix). */
  const checkFolderPlan = (entry: ReadEntry<unknown>, kind: 'priority' | 'action'): boolean => {
    const plan = entry.id.split('/')[0]!;
    if (planIds.includes(plan)) return true;
    if (present.has(`plan:${plan}`)) return false;
    const suggestion = closest(plan, planIds);
    diagnostics.push({
      file: entry.file,
      line: 1,
      column: 1,
      message: crossrefMessages.folderNotAPlan(kind, plan, planIds.length ? listInWords(planIds) : undefined, suggestion),
    });
    return false;
  };

  for (const measure of content.measures) {
    measure.data.plans.forEach((plan, i) => check(measure, ['plans', i], 'plan', plan, planIds));
    if (measure.data.supports) check(measure, ['supports'], 'measure', measure.data.supports, measureIds);
    measure.data.derivation?.terms.forEach((term, i) =>
      check(measure, ['derivation', 'terms', i, 'measure'], 'measure', term.measure, measureIds),
    );
  }
  for (const priority of content.priorities) {
    const inKnownPlan = checkFolderPlan(priority, 'priority');
    const plan = priority.id.split('/')[0]!;
    priority.data.measures.forEach((slug, i) => check(priority, ['measures', i], 'measure', slug, measureIds));
    priority.data.related_measures.forEach((slug, i) => check(priority, ['related_measures', i], 'measure', slug, measureIds));
    // A priority names actions of its own plan: suggest only those, and say nothing while the plan itself is unknown.
    const planActions = actionIds.filter((id) => id.startsWith(`${plan}/`));
    if (inKnownPlan) priority.data.actions.forEach((slug, i) => check(priority, ['actions', i], 'action', `${plan}/${slug}`, planActions, slug));
  }
  for (const action of content.actions) {
    checkFolderPlan(action, 'action');
    action.data.related_measures.forEach((slug, i) => check(action, ['related_measures', i], 'measure', slug, measureIds));
  }
  for (const plan of content.plans) {
    plan.data.targets.forEach((target, i) => {
      check(plan, ['targets', i, 'measure'], 'measure', target.measure, measureIds);
      const measure = content.measures.find((m) => m.id === target.measure)?.data;
      if (!measure?.frequency) return;
      for (const field of ['baseline_period', 'target_period'] as const) {
        const text = target[field];
        if (text === undefined) continue;
        const parsed = parsePeriod(text, measure.frequency, measure.interval_months);
        if (!parsed.ok) {
          diagnostics.push({
            file: plan.file,
            ...plan.yaml.locate(['targets', i, field]),
            message: crossrefMessages.targetPeriod(field, parsed.message.replace(/^period /, ''), target.measure),
          });
        }
      }
    });
  }
  return diagnostics;
}
