// The fix contract (model/fix-contract.ts): a finding carries its rule's typed request, which names
// only what the rule decided (fixes/ plans the edits from the model), and what crosses to the server's
// main thread is the finding without it, as plain data. No fix builder casts its request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  analyzeDocuments,
  FixSession,
  fixKindOf,
  requestsFix,
  textSource,
  withoutFixRequest,
  type Finding,
} from '../../server/src/engine';
import { vaultEndpointInVnet } from '../support/bicep-network';
import { repoRoot } from '../support/paths';

const uri = 'file:///w/main.bicep';
const text = `${vaultEndpointInVnet()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'westeurope'
}
`;

async function findings(): Promise<Finding[]> {
  const result = await analyzeDocuments([{ uri, text }], { readFile: async () => undefined });
  return result.findings;
}

const byRule = (all: readonly Finding[], ruleId: string) =>
  all.find((finding) => finding.ruleId === ruleId) ?? assert.fail(`no ${ruleId} finding`);

test("a finding carries its rule's request, typed by kind, and where the finding points", async () => {
  const all = await findings();
  const location = byRule(all, 'dns-zone-location');
  assert.equal(location.fix?.request.kind, 'set-location-global');
  assert.equal(location.fix?.anchor.decl.symbol, 'zone');
  assert.ok(requestsFix(location));
  assert.equal(fixKindOf(location), 'set-location-global');
});

test('the zone group request names the endpoint and the zone names; fixes/ finds the zone and its link', async () => {
  const all = await findings();
  const missing = byRule(all, 'pe-dns-zone-group-missing');
  const request = missing.fix?.request;
  assert.equal(request?.kind, 'add-dns-zone-group');
  if (request?.kind !== 'add-dns-zone-group') return;
  assert.deepEqual(
    Object.keys(request).sort(),
    ['endpoint', 'kind', 'model', 'zones'],
    'what the rule decided, no edit plan',
  );
  assert.equal(request.endpoint.decl.symbol, 'pe');
  assert.deepEqual(request.zones, ['privatelink.vaultcore.azure.net']);
  // Planned in fixes/ from the model: the workspace's zone is reused and linked to the endpoint's VNet.
  const [fix] = new FixSession(textSource('AzureCloud', new Map([[uri, text]]))).fixesOf(missing);
  assert.equal(fix?.title, "Add DNS zone group using 'privatelink.vaultcore.azure.net'");
  const added = fix.changes.flatMap((change) => change.edits.map((edit) => edit.newText)).join('');
  assert.match(added, /privateDnsZoneId: zone\.id/);
  assert.match(added, /virtualNetwork: \{\s*id: vnet\.id/);
});

test('without its request a finding is plain data: it clones and serialises whole, and nothing else changes', async () => {
  for (const finding of await findings()) {
    const plain = withoutFixRequest(finding);
    assert.equal('fix' in plain, false);
    assert.deepEqual(structuredClone(plain), plain);
    assert.deepEqual(JSON.parse(JSON.stringify(plain)), JSON.parse(JSON.stringify({ ...finding, fix: undefined })));
    assert.deepEqual({ ...plain, ...(finding.fix ? { fix: finding.fix } : {}) }, finding);
  }
});

test('no fix builder casts the request it reads', () => {
  const folder = path.join(repoRoot, 'server/src/fixes');
  const casts = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      fs
        .readFileSync(path.join(folder, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
        .filter(({ line }) => /\bas unknown as\b|\brequest\)? as\b/.test(line)),
    );
  assert.deepEqual(casts, []);
});
