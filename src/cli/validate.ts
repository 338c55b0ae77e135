/**
 * `npm run validate`: checks all content and data without building, and reports every problem
 * as `path:line:column: message`. Exit code 0 when all is well, 1 when anything is wrong.
 */
import { loadSite } from '../lib/build/load-site.ts';
import { checkComparisons } from '../lib/validate/comparisons.ts';
import { reportDiagnostics, runCli, today } from './report.ts';

await runCli(() => {
  const root = process.env.SND_ROOT ?? process.cwd();
  const { model, diagnostics } = loadSite({ root, today: today() });
  if (!model) {
    reportDiagnostics(diagnostics, console.error);
    return 1;
  }
  // The comparisons of every area are data too: the build refuses a broken one, so validate says so first.
  const comparisonProblems = checkComparisons(root, model.measures.map((m) => m.id));
  if (comparisonProblems.length) {
    reportDiagnostics(comparisonProblems, console.error);
    return 1;
  }
  const withData = model.measures.filter((m) => m.vintages.length > 0).length;
  console.log(
    `All content and data are valid: ${model.plans.length} plans, ${model.priorities.length} priorities, ` +
      `${model.actions.length} actions, ${model.measures.length} measures (${withData} with data).`,
  );
  return 0;
});
