// loadJsonContent('./x.json') inlines the file's JSON at compile time: a template's subnets, endpoints or
// routes listed in a JSON file beside it are known values. A JSON path or encoding argument, a missing
// file or one that is no JSON leave the value unknown (silence), never a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { defaultAnalysisOptions } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import { findingsOfFixture, ruleAndFile } from '../support/analyze-fixture';
import { vnetWithLoopedSubnets } from '../support/bicep-network';
import { fixtureHost, splitFixture } from '../support/fixture';

const vnetWithSubnetsFrom = (call: string) =>
  `//- /main.bicep\n${vnetWithLoopedSubnets('subnets', { head: `var subnets = ${call}\n` })}`;
const overlapping = `//- /subnets.json
[ { "name": "snet-app", "prefix": "10.1.0.0/24" }, { "name": "snet-data", "prefix": "10.1.0.128/25" } ]
`;

test('subnets listed in a JSON file beside the template are known: their overlap is found', async () => {
  const findings = await findingsOfFixture(vnetWithSubnetsFrom("loadJsonContent('subnets.json')") + overlapping);
  assert.deepEqual(findings.map(ruleAndFile), ['subnet-overlap main.bicep']);
});

test('a JSON path argument, a missing file or a file that is no JSON leave the subnets unknown', async () => {
  for (const fixture of [
    vnetWithSubnetsFrom("loadJsonContent('subnets.json', '$')") + overlapping,
    vnetWithSubnetsFrom("loadJsonContent('missing.json')"),
    `${vnetWithSubnetsFrom("loadJsonContent('subnets.json')")}//- /subnets.json\n[ { "name": \n`,
  ]) {
    assert.deepEqual((await findingsOfFixture(fixture)).map(ruleAndFile), []);
  }
});

test('an edit of the JSON file analyses the deployment again', async () => {
  const files = splitFixture(vnetWithSubnetsFrom("loadJsonContent('subnets.json')") + overlapping);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const jsonUri = [...files.keys()].find((uri) => uri.endsWith('/subnets.json'))!;
  const rules = async () =>
    (await analyzeWorkspace(workspace, workspace.uris(), defaultAnalysisOptions)).findings.map((f) => f.ruleId);
  assert.deepEqual(await rules(), ['subnet-overlap']);
  workspace.setFile(jsonUri, files.get(jsonUri)!.replace('10.1.0.128/25', '10.1.1.0/24'));
  assert.deepEqual(await rules(), []);
});
