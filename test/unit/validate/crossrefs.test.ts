/**
 * Cross-references between content entries: each broken reference is reported once, at the line
 * that names it, with the nearest existing name; files that exist but were refused by their schema
 * are not reported as "unknown", because that would tell the editor to create a file that is there.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import type { ReadEntry } from '../../../src/lib/read/frontmatter.ts';
import { parseLocatedYaml } from '../../../src/lib/read/yaml-position.ts';
import { actionSchema } from '../../../src/lib/schemas/action.ts';
import { measureSchema } from '../../../src/lib/schemas/measure.ts';
import { planSchema } from '../../../src/lib/schemas/plan.ts';
import { prioritySchema } from '../../../src/lib/schemas/priority.ts';
import { checkCrossReferences, type ContentEntries } from '../../../src/lib/validate/crossrefs.ts';
import { formatDiagnostic } from '../../../src/lib/format/diagnostics.ts';

/** An entry as readCollection would return it, from frontmatter YAML starting on line 2 of `file`. */
function entry<S extends z.ZodType>(schema: S, id: string, file: string, yamlLines: readonly string[]): ReadEntry<z.output<S>> {
  const yaml = parseLocatedYaml(yamlLines.join('\n'), 1);
  return { id, file, data: schema.parse(yaml.value), yaml };
}

const PLAN = entry(planSchema, '2024-27', 'content/plans/2024-27.mdx', [
  'title: "Synthetic plan"',
  'short_title: "2024-27 plan"',
  'partnership: "Testshire Community Safety Partnership"',
  'period: { start_year: 2024, end_year: 2027, label: "2024 to 2027" }',
  'status: current',
  'statutory_aims: ["Reduce widget theft"]',
  'partners: ["Testshire Constabulary (synthetic)"]',
  'summary: "Synthetic."',
  'targets:',
  '  - text: "Fewer widget thefts"',
  '    measure: widget-theft',
  '    kind: change_from_baseline',
  '    change_percent: -10',
]);

const measureLines = (extra: readonly string[]) => [
  'title: "Widget thefts"',
  'thematic_area: "Widgets"',
  'plan_sources: {}',
  'unit: count',
  'polarity: lower_is_better',
  'definition: "Synthetic."',
  ...extra,
  'direction: [{ plan: "2024-27", words: "Reduce widget theft", where: "Overall aims" }]',
];
const WIDGETS = entry(measureSchema, 'widget-thefts', 'content/measures/widget-thefts.md', measureLines(['plans: ["2024-27"]']));

const ACTION = entry(actionSchema, '2024-27/count-the-widgets', 'content/actions/2024-27/count-the-widgets.md', [
  'title: "Count the widgets"',
  'order: 1',
  'theme: "Widgets"',
  'recommendation: "Count them."',
  'related_measures: [widget-thefts, lamp-posts]',
]);

const priorityLines = (measures: string, actions: string) => [
  'title: "Safer Widgets"',
  'order: 1',
  'kind: priority',
  'summary: "Synthetic."',
  `measures: ${measures}`,
  `actions: ${actions}`,
];

/** The diagnostics for `content`, as the lines an editor sees. */
function check(content: Partial<ContentEntries>): string[] {
  return checkCrossReferences({ plans: [], priorities: [], actions: [], measures: [], ...content }).map(formatDiagnostic);
}

describe('unknown references', () => {
  test('a plan target naming a missing measure points at the measure, with the nearest name', () => {
    assert.deepEqual(check({ plans: [PLAN], measures: [WIDGETS] }), [
      'content/plans/2024-27.mdx:12:14: unknown measure "widget-theft"; did you mean "widget-thefts"?',
    ]);
  });

  test('an action naming a missing measure says so when no name is close', () => {
    assert.deepEqual(check({ plans: [PLAN], actions: [ACTION], measures: [WIDGETS] }).filter((l) => l.includes('actions')), [
      'content/actions/2024-27/count-the-widgets.md:6:35: unknown measure "lamp-posts"; no measure with that name exists',
    ]);
  });

  test("a priority's actions are looked up in its own plan, and suggested only from it", () => {
    const otherPlansAction = { ...ACTION, id: '2020-23/count-widgets', file: 'content/actions/2020-23/count-widgets.md' };
    const priority = entry(prioritySchema, '2024-27/safer-widgets', 'content/priorities/2024-27/safer-widgets.mdx', priorityLines('[widget-thefts]', '[count-widgets]'));
    const otherPlan = { ...PLAN, id: '2020-23', file: 'content/plans/2020-23.mdx' };
    assert.deepEqual(check({ plans: [PLAN, otherPlan], priorities: [priority], actions: [otherPlansAction], measures: [WIDGETS] }).filter((l) => l.includes('priorities')), [
      'content/priorities/2024-27/safer-widgets.mdx:7:11: unknown action "count-widgets"; no action with that name exists',
    ]);
  });

  test('a measure naming a missing plan and a missing supported measure', () => {
    const supporting = entry(measureSchema, 'widget-rate', 'content/measures/widget-rate.md', measureLines(['plans: ["2024-28"]', 'supports: widget-theft']));
    assert.deepEqual(check({ plans: [PLAN], measures: [WIDGETS, supporting] }).filter((l) => l.includes('widget-rate')), [
      'content/measures/widget-rate.md:8:9: unknown plan "2024-28"; did you mean "2024-27"?',
      'content/measures/widget-rate.md:9:11: unknown measure "widget-theft"; did you mean "widget-thefts"?',
    ]);
  });

  test('a derivation term naming a missing measure points at that term', () => {
    const derived = entry(measureSchema, 'net-widgets', 'content/measures/net-widgets.md', [
      ...measureLines([
        'plans: ["2024-27"]',
        'derivation:',
        '  formula: "Thefts less returns"',
        '  terms:',
        '    - { measure: widget-thefts, sign: "+" }',
        '    - { measure: widget-returns, sign: "-" }',
      ]),
    ]);
    assert.deepEqual(check({ plans: [PLAN], measures: [WIDGETS, derived] }).filter((l) => l.includes('net-widgets')), [
      'content/measures/net-widgets.md:13:18: unknown measure "widget-returns"; no measure with that name exists',
    ]);
  });
});

describe('folders that name a plan', () => {
  test('a priority in a folder for a missing plan is reported once, with the plan to move it to', () => {
    const priority = entry(prioritySchema, '2025-28/safer-widgets', 'content/priorities/2025-28/safer-widgets.mdx', priorityLines('[]', '[count-the-widgets]'));
    // Its action list is not checked against a plan that does not exist: moving the file fixes both.
    assert.deepEqual(check({ plans: [PLAN], priorities: [priority], actions: [ACTION], measures: [WIDGETS] }).filter((l) => l.includes('priorities')), [
      'content/priorities/2025-28/safer-widgets.mdx:1:1: this priority is in folder "2025-28", but there is no plan "2025-28" (the plans are 2024-27); did you mean "2024-27"? Move the file into content/priorities/2024-27/',
    ]);
  });

  test('an action in a folder unlike any plan is told to create the plan or move', () => {
    const action = { ...ACTION, id: 'old/count-the-widgets', file: 'content/actions/old/count-the-widgets.md', data: { ...ACTION.data, related_measures: [] } };
    assert.deepEqual(check({ plans: [PLAN], actions: [action] }).filter((l) => l.includes('actions')), [
      'content/actions/old/count-the-widgets.md:1:1: this action is in folder "old", but there is no plan "old" (the plans are 2024-27); create content/plans/old.mdx or move the file into an existing plan\'s folder',
    ]);
  });
});

describe('files refused by their schema are not "unknown"', () => {
  test('references to a refused measure, action or plan are not reported again', () => {
    const priority = entry(prioritySchema, '2024-27/safer-widgets', 'content/priorities/2024-27/safer-widgets.mdx', priorityLines('[widget-thefts]', '[count-the-widgets]'));
    const content = { plans: [], priorities: [priority], actions: [], measures: [] };
    // Without knowing the files exist, the references read as broken: the cascade the refused list prevents.
    assert.deepEqual(check(content), [
      'content/priorities/2024-27/safer-widgets.mdx:1:1: this priority is in folder "2024-27", but there is no plan "2024-27" (there are no plans yet); create content/plans/2024-27.mdx or move the file into an existing plan\'s folder',
      'content/priorities/2024-27/safer-widgets.mdx:6:12: unknown measure "widget-thefts"; no measure with that name exists',
    ]);
    assert.deepEqual(
      check({ ...content, refused: { plans: ['2024-27'], actions: ['2024-27/count-the-widgets'], measures: ['widget-thefts'] } }),
      [],
    );
  });
});
