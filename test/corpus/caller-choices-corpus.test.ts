// The open evaluation narrowed to the declarations the defaults switched off
// (engine/caller-choices.ts switchedOffPlaces) answers what the open evaluation of everything answers:
// checked on every Bicep file and ARM template of the networking corpus, each evaluated as an entry,
// declaration by declaration (each one's place and condition after withCallerChoices).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  hasSwitchedOff,
  openEvaluationNeeds,
  switchedOffPlaces,
  withCallerChoices,
} from '../../server/src/engine/caller-choices';
import { environmentValue } from '../../server/src/engine/environment';
import { needsResourceType, neededProperties } from '../../server/src/engine/needed-types';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import type { DeploymentOptions, DeploymentResult } from '../../server/src/evaluate/deployment';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { classifyFile } from '../../server/src/syntax/classify';
import { corpusRoot } from '../support/paths';

const networking = path.join(corpusRoot, 'networking');
const options = {
  cloud: 'AzureCloud' as const,
  environment: environmentValue('AzureCloud'),
  needsType: needsResourceType,
  neededProperties,
};
const source = {
  read: async (uri: string) => {
    try {
      return fs.readFileSync(new URL(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
};

const decisions = (result: DeploymentResult) =>
  result.resources.map(
    (decl) =>
      `${decl.via.map((call) => call.start).join('>')}>${decl.uri}:${decl.range.start}[${decl.instance ?? ''}] ${decl.condition}`,
  );

test(
  'the narrowed open evaluation opens what the open evaluation of everything opens, on every networking entry',
  { timeout: 600_000 },
  async () => {
    let compared = 0;
    for (const file of fs.readdirSync(networking, { recursive: true }).map(String)) {
      const full = path.join(networking, file);
      if (!/\.(bicep|json)$/i.test(file) || !fs.statSync(full).isFile()) continue;
      const language = classifyFile(full, fs.readFileSync(full, 'utf8'));
      if (language !== 'bicep' && language !== 'arm-template') continue;
      const evaluate = language === 'bicep' ? evaluateBicepDeployment : evaluateArmDeployment;
      const run = (extra: Partial<DeploymentOptions>) =>
        evaluate(pathToFileURL(full).href, source, { ...options, ...extra });
      const first = await run({});
      if (!hasSwitchedOff(first)) continue;
      const open = { needsType: openEvaluationNeeds(needsResourceType), openParameters: true };
      const narrowed = withCallerChoices(first, await run({ ...open, wantsDeclaration: switchedOffPlaces(first) }));
      const everything = withCallerChoices(first, await run(open));
      assert.deepEqual(decisions(narrowed), decisions(everything), file);
      compared++;
    }
    assert.ok(compared > 20, `the corpus has entries with switched-off declarations to compare (${compared})`);
  },
);
