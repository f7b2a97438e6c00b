// Every case of every rule's tests (test/unit/rules), valid and invalid, analysed again as rewritten by
// each of test/support/metamorphic.ts: the template then deploys the same resources with the same
// values, so the rule's findings (rule, kind and message) must be the same. Where they point may move
// (into a variable, into the wrapped module); what they say may not.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/engine/types';
import {
  alwaysTrueCondition,
  armCopiesOfOne,
  armLiteralsInVariables,
  armNamesConcatenated,
  armNestedDeployment,
  armPropertiesInVariables,
  armResourcesInOuterScopeDeployment,
  childrenByFullName,
  childrenNested,
  idsByResourceId,
  literalsFromFunctions,
  literalsInVariables,
  loopsOfOne,
  namesInterpolated,
  propertiesInVariables,
  resourcesInOwnModules,
  vnetsInModule,
  vnetsThroughOutputs,
  wrappedInModule,
  wrappedInScopedModule,
  type Rewriting,
} from '../support/metamorphic';
import { collectRuleCases, findingsOf, stripMarkers } from '../support/rule-test';

/**
 * Each rewriting, and what it changes besides the writing. `dropsDependencies`: naming a resource by
 * `resourceId()`, by its full name or as `existing` instead of by its symbol drops the dependency Bicep
 * derives from the symbol, so the rules about deployment order may rightly say more. `movesText`:
 * rules that report the later of two things (in file order) may then name the other one, so only
 * the rules and kinds of the findings are compared.
 */
interface Rewritten {
  rewrite: Rewriting;
  dropsDependencies?: true;
  movesText?: true;
}

const rewritings: Record<string, Rewritten> = {
  'a condition that is always true': { rewrite: alwaysTrueCondition },
  'literal values in variables': { rewrite: literalsInVariables },
  'literal values returned by functions': { rewrite: literalsFromFunctions },
  'properties in variables': { rewrite: propertiesInVariables },
  "names interpolated ('${'v'}net')": { rewrite: namesInterpolated },
  'unnamed resources as loops over one item': { rewrite: loopsOfOne },
  'the template wrapped in a module': { rewrite: wrappedInModule },
  'the template wrapped in a module scoped to resourceGroup()': { rewrite: wrappedInScopedModule },
  'unnamed resources in modules of their own, what they read passed in': { rewrite: resourcesInOwnModules },
  "children named 'parent/child' instead of by parent": { rewrite: childrenByFullName, dropsDependencies: true },
  'children nested in their parents': { rewrite: childrenNested, movesText: true },
  "ids as resourceId('type', 'name')": { rewrite: idsByResourceId, dropsDependencies: true },
  'VNets declared in a module, referred to as existing': { rewrite: vnetsInModule, dropsDependencies: true },
  'VNets declared in a module, their ids and names read from its outputs': { rewrite: vnetsThroughOutputs },
  'ARM: resources as copy loops of one': { rewrite: armCopiesOfOne },
  'ARM: literal values in variables': { rewrite: armLiteralsInVariables },
  'ARM: the template nested in a deployment': { rewrite: armNestedDeployment },
  "ARM: names written [concat('v', 'net')]": { rewrite: armNamesConcatenated },
  'ARM: properties in variables': { rewrite: armPropertiesInVariables },
  'ARM: the resources nested in an outer-scope deployment': { rewrite: armResourcesInOuterScopeDeployment },
};
const orderRules = new Set(['peering-remote-gateway-order']);

const rulesDir = path.join(__dirname, 'rules');
const said = (finding: Finding) => `${finding.ruleId} ${finding.messageId}: ${finding.message}`;

describe('findings do not depend on how the same deployment is written', async () => {
  const rules = await collectRuleCases(async () => {
    // Only files that declare cases: importing one of plain tests would run those tests here again.
    for (const file of fs
      .readdirSync(rulesDir)
      .filter((name) => name.endsWith('.test.ts'))
      .filter((name) => fs.readFileSync(path.join(rulesDir, name), 'utf8').includes('ruleTests('))
      .sort())
      await import(path.join(rulesDir, file));
  });
  const cases = rules.flatMap(({ rule, cases: { valid, invalid } }) =>
    [...valid, ...invalid].map((ruleCase) => ({ rule, ruleCase, files: stripMarkers(ruleCase.code).files })),
  );

  test('the rule tests give cases to rewrite', () => {
    assert.ok(rules.length >= 28, `${rules.length} rules`);
    assert.ok(cases.length >= 500, `${cases.length} cases`);
  });

  for (const [name, { rewrite, dropsDependencies, movesText }] of Object.entries(rewritings)) {
    const compared = movesText ? (finding: Finding) => `${finding.ruleId} ${finding.messageId}` : said;
    test(name, async () => {
      const differences: string[] = [];
      let rewritten = 0;
      for (const { rule, ruleCase, files } of cases) {
        if (dropsDependencies && orderRules.has(rule.id)) continue;
        const changed = rewrite(files);
        if ([...changed].every(([uri, text]) => files.get(uri) === text)) continue;
        rewritten++;
        const before = (await findingsOf(rule, files, ruleCase.cloud)).map(compared).sort();
        const after = (await findingsOf(rule, changed, ruleCase.cloud)).map(compared).sort();
        if (JSON.stringify(after) !== JSON.stringify(before))
          differences.push(
            `${rule.id}: ${ruleCase.name}\n  before: ${before.join(' / ')}\n  after:  ${after.join(' / ')}`,
          );
      }
      // A rewriting that no longer applies to the cases would pass while proving nothing.
      assert.ok(rewritten >= 100, `only ${rewritten} cases rewritten`);
      assert.deepEqual(differences, []);
    });
  }
});
