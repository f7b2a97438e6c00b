// Issue 14 (the review's last false finding): an endpoint whose author says, in a comment on it, that a
// DeployIfNotExists policy deploys its DNS zone group is right as written (FACTS §15), so
// pe-dns-zone-group-missing stays silent there; a manual connection, which the policy never serves, or
// a note elsewhere in the file keeps the finding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorLeavesZoneGroupToPolicy } from '../../server/src/engine/author-intent';
import { findingsOfFixture } from '../support/analyze-fixture';
import { bicepVnet, oneLineSubnet } from '../support/bicep-network';

async function zoneGroupMissing(text: string): Promise<number> {
  const findings = await findingsOfFixture(`//- /main.bicep\n${text}`);
  return findings.filter((finding) => finding.ruleId === 'pe-dns-zone-group-missing').length;
}

const network = `${bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24'))}resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-orders'
}
`;

const endpoint = (
  connections: string,
  comment: string,
) => `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    ${connections}: [ { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
${comment}}
`;

const policyNote = '  // The DNS zone group for this is deployed to the hub via the DINE policy.\n';

describe('the author leaves the zone group to Azure Policy', () => {
  test('a comment in the endpoint saying a DINE policy deploys its zone group silences the finding', async () => {
    assert.equal(
      await zoneGroupMissing(network + endpoint('privateLinkServiceConnections', '')),
      1,
      'without the note the finding stands',
    );
    assert.equal(await zoneGroupMissing(network + endpoint('privateLinkServiceConnections', policyNote)), 0);
  });

  test('a comment just above the endpoint counts too', async () => {
    const above = '// Zone groups come from the Deploy-Private-DNS-Zones policy (DeployIfNotExists).\n';
    assert.equal(await zoneGroupMissing(network + above + endpoint('privateLinkServiceConnections', '')), 0);
  });

  test('manual connections keep the finding: the policy never serves them', async () => {
    assert.equal(await zoneGroupMissing(network + endpoint('manualPrivateLinkServiceConnections', policyNote)), 1);
  });

  test('a note on another declaration, or one that names no policy, silences nothing', async () => {
    const elsewhere = `${network.replace("  name: 'kv-orders'\n", `  name: 'kv-orders'\n${policyNote}`)}\n\n\n\n\n${endpoint('privateLinkServiceConnections', '')}`;
    assert.equal(await zoneGroupMissing(elsewhere), 1);
    assert.equal(
      await zoneGroupMissing(
        network + endpoint('privateLinkServiceConnections', '  // TODO: add the DNS zone group later.\n'),
      ),
      1,
    );
  });

  test('an endpoint of a registry module: the comment above the call, or on its entry, counts', async () => {
    const avmEndpoint = `module pe 'br/public:avm/res/network/private-endpoint:0.11.0' = {
  name: 'pe'
  params: {
    name: 'pe-kv'
    subnetResourceId: vnet.properties.subnets[0].id
    privateLinkServiceConnections: [ { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
`;
    assert.equal(await zoneGroupMissing(network + avmEndpoint), 1, 'without the note the finding stands');
    assert.equal(await zoneGroupMissing(network + policyNote.trimStart() + avmEndpoint), 0);
    const vault = (entry: string) => `module kvm 'br/public:avm/res/key-vault/vault:0.11.0' = {
  name: 'kvm'
  params: {
    name: 'kv-orders'
    privateEndpoints: [
${entry}      { subnetResourceId: vnet.properties.subnets[0].id }
    ]
  }
}
`;
    assert.equal(await zoneGroupMissing(network + vault('')), 1);
    assert.equal(await zoneGroupMissing(network + vault(`    ${policyNote}`)), 0);
    assert.equal(await zoneGroupMissing(network + policyNote.trimStart() + vault('')), 0);
  });

  test("'//' inside a string is not a comment", () => {
    const text = "resource pe 'x' = {\n  name: 'a // zone group by policy'\n}\n";
    assert.equal(authorLeavesZoneGroupToPolicy(text, text.indexOf('pe')), false);
  });
});
