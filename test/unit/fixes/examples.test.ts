// DESIGN §4 on examples/: every fix offered on the planted findings round-trips on its own (no syntax
// error, its finding gone, no new finding), and fix-all leaves the workspace without findings but the one
// no fix can settle (peering-spokes-overlap: an address plan).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../../../server/src/engine/analyze';
import { applyTextEdits, FixSession, textSource, workspaceTexts } from '../../../server/src/engine/fixes';
import type { AnalysisOptions } from '../../../server/src/engine/types';
import { Workspace } from '../../../server/src/engine/workspace';
import { repoRoot } from '../../support/paths';
import { roundTrip } from '../../support/rule-test';

const options: AnalysisOptions = { cloud: 'AzureCloud', ruleLevels: {} };

function examples(): Workspace {
  const workspace = new Workspace({ readFile: async () => undefined });
  const dir = path.join(repoRoot, 'examples');
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (/\.(bicep|bicepparam|json)$/.test(file))
      workspace.setFile(pathToFileURL(path.join(dir, file)).href, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return workspace;
}

test('every fix offered on examples/ round-trips', async () => {
  const workspace = examples();
  const before = (await analyzeWorkspace(workspace, [], options)).findings;
  const originals = workspaceTexts(workspace);
  const session = new FixSession(textSource(options.cloud, originals));
  const titles: string[] = [];
  for (const finding of before) {
    for (const fix of session.fixesOf(finding)) {
      titles.push(`${finding.ruleId}: ${fix.title}`);
      const { problems, texts } = await roundTrip(workspace, before, finding, fix, options);
      for (const uri of texts.keys()) workspace.setFile(uri, originals.get(uri)!);
      assert.deepEqual(problems, [], `${finding.ruleId}: ${fix.title}`);
    }
  }
  assert.deepEqual(titles.sort(), [
    "dns-custom-server-unlinked: Link the zone to 'vnet-hub'",
    "dns-zone-location: Set location to 'global'",
    "pe-dns-zone-group-missing: Add DNS zone group using 'privatelink.vaultcore.azure.net'",
    "peering-remote-gateway-order: Add a dependency on 'vgwConnHub'",
    "peering-reverse-missing: Add the reverse peering 'vnet-spoke-orders-to-vnet-hub'",
    "pls-subnet-policies: Set privateLinkServiceNetworkPolicies to 'Disabled'",
    "service-endpoint-missing: Add the 'Microsoft.Storage' service endpoint to the subnet",
  ]);
});

test('fix-all on examples/ leaves only the finding that has no fix (an address plan)', async () => {
  const workspace = examples();
  const { findings } = await analyzeWorkspace(workspace, [], options);
  const { edits, fixed } = new FixSession(textSource(options.cloud, workspaceTexts(workspace))).fixAll(findings);
  assert.equal(fixed.length, findings.length - 1);
  for (const [uri, list] of edits) workspace.setFile(uri, applyTextEdits(workspace.file(uri)!.text, list));
  assert.deepEqual(
    (await analyzeWorkspace(workspace, [], options)).findings.map((f) => f.ruleId),
    ['peering-spokes-overlap'],
  );
});
