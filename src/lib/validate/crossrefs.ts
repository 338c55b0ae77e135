/**
 * Cross-references between content entries: every plan, priority, action and measure named in a
 * file must exist. Each broken reference is reported at the line that names it, with a suggestion.
 */
import type { ReadEntry } from '../read/content.ts';
import type { ActionMeta } from '../schemas/action.ts';
import type { MeasureMeta } from '../schemas/measure.ts';
import type { PlanMeta } from '../schemas/plan.ts';
import type { PriorityMeta } from '../schemas/priority.ts';
import type { Diagnostic } from './diagnostic.ts';
import { closest } from './suggest.ts';

/** The collections as read from content/, before linking. */
export interface ContentEntries {
  readonly plans: readonly ReadEntry<PlanMeta>[];
  readonly priorities: readonly ReadEntry<PriorityMeta>[];
  readonly actions: readonly ReadEntry<ActionMeta>[];
  readonly measures: readonly ReadEntry<MeasureMeta>[];
}

/** Reports every reference to a plan, priority, action or measure that does not exist. */
export function checkCrossReferences(content: ContentEntries): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const planIds = content.plans.map((p) => p.id);
  const measureIds = content.measures.map((m) => m.id);
  const actionIds = content.actions.map((a) => a.id);

  const check = (entry: ReadEntry<unknown>, path: PropertyKey[], kind: string, id: string, known: readonly string[], shown = id) => {
    if (known.includes(id)) return;
    const suggestion = closest(id, known);
    diagnostics.push({
      file: entry.file,
      ...entry.yaml.locate(path),
      message:
        `unknown ${kind} "${shown}"` +
        (suggestion ? `; did you mean "${suggestion.replace(/^[^/]+\//, '')}"?` : `; no ${kind} with that name exists`),
    });
  };
  const checkFolderPlan = (entry: ReadEntry<unknown>, kind: string) => {
    const plan = entry.id.split('/')[0]!;
    if (!planIds.includes(plan)) {
      diagnostics.push({
        file: entry.file,
        line: 1,
        column: 1,
        message: `this ${kind} is in folder "${plan}", but there is no plan "${plan}"; plans are: ${planIds.join(', ')}`,
      });
    }
  };

  for (const measure of content.measures) {
    measure.data.plans.forEach((plan, i) => check(measure, ['plans', i], 'plan', plan, planIds));
    if (measure.data.supports) check(measure, ['supports'], 'measure', measure.data.supports, measureIds);
    measure.data.derivation?.terms.forEach((term, i) =>
      check(measure, ['derivation', 'terms', i, 'measure'], 'measure', term.measure, measureIds),
    );
  }
  for (const priority of content.priorities) {
    checkFolderPlan(priority, 'priority');
    const plan = priority.id.split('/')[0]!;
    priority.data.measures.forEach((slug, i) => check(priority, ['measures', i], 'measure', slug, measureIds));
    priority.data.actions.forEach((slug, i) => check(priority, ['actions', i], 'action', `${plan}/${slug}`, actionIds, slug));
  }
  for (const action of content.actions) {
    checkFolderPlan(action, 'action');
    action.data.measures.forEach((slug, i) => check(action, ['measures', i], 'measure', slug, measureIds));
  }
  for (const plan of content.plans) {
    plan.data.targets.forEach((target, i) => check(plan, ['targets', i, 'measure'], 'measure', target.measure, measureIds));
  }
  return diagnostics;
}
