import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workspaceModel } from '../../../server/src/engine/analyze';
import { Workspace } from '../../../server/src/engine/workspace';
import { reversePlan } from '../../../server/src/fixes/reverse-peering';
import rule from '../../../server/src/rules/peering-reverse-missing';
import type { RuleReport } from '../../../server/src/rules/rule';
import { fixtureHost } from '../../support/fixture';
import { ruleTests, stripMarkers, type InvalidCase, type ValidCase } from '../../support/rule-test';
import { arm, armPeering, armVnet, vnetId } from '../../support/arm-fixtures';

interface Cases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const vnet = (symbol: string, name: string, octet: number, opts: { condition?: string; extra?: string } = {}) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = ${opts.condition ?? ''}{
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.${octet}.0.0/16'] }${opts.extra ?? ''}
  }
}
`;
const existingVnet = (symbol: string, name: string, scope = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: '${name}'${scope ? `\n  scope: ${scope}` : ''}
}
`;
const peering = (symbol: string, parent: string, remoteId: string, opts: { flags?: string; condition?: string; mark?: boolean } = {}) => `resource ${opts.mark ? `[|${symbol}|]` : symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = ${opts.condition ?? ''}{
  parent: ${parent}
  name: '${symbol}'
  properties: {
    remoteVirtualNetwork: { id: ${remoteId} }${opts.flags ?? ''}
  }
}
`;
const two = vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1);
const flags = '\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: false\n    allowGatewayTransit: true\n    useRemoteGateways: false';

const bicepCases: Cases = {
  valid: [
    { name: 'a peering with its reverse', code: two + peering('hubToSpoke', 'hub', 'spoke.id') + peering('spokeToHub', 'spoke', 'hub.id') },
    { name: 'the reverse written inline in the remote VNet', code: vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1, { extra: "\n    virtualNetworkPeerings: [\n      { name: 'spoke-to-hub', properties: { remoteVirtualNetwork: { id: hub.id } } }\n    ]" }) + peering('hubToSpoke', 'hub', 'spoke.id') },
    { name: 'a remote outside the analysed files', code: vnet('hub', 'vnet-hub', 0) + peering('hubToFar', 'hub', "'/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far'") },
    { name: 'a remote reached only through an unknown id', code: `param remoteId string\n${vnet('hub', 'vnet-hub', 0)}${peering('hubToRemote', 'hub', 'remoteId')}` },
    { name: 'an existing remote in another resource group: not ours to write', code: vnet('hub', 'vnet-hub', 0) + existingVnet('spoke', 'vnet-spoke', "resourceGroup('rg-spoke')") + peering('hubToSpoke', 'hub', 'spoke.id') },
    { name: 'an existing remote in an unknown scope', code: `param spokeRg string\n${vnet('hub', 'vnet-hub', 0)}${existingVnet('spoke', 'vnet-spoke', 'resourceGroup(spokeRg)')}${peering('hubToSpoke', 'hub', 'spoke.id')}` },
    { name: 'a reverse whose condition is unknown may exist', code: `param back bool\n${two}${peering('hubToSpoke', 'hub', 'spoke.id')}${peering('spokeToHub', 'spoke', 'hub.id', { condition: 'if (back) ' })}` },
    { name: 'a peering whose condition is unknown cannot cause a finding', code: `param peer bool\n${two}${peering('hubToSpoke', 'hub', 'spoke.id', { condition: 'if (peer) ' })}` },
    { name: 'a remote VNet whose condition is unknown cannot cause a finding', code: `param deploySpoke bool\n${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1, { condition: 'if (deploySpoke) ' })}${peering('hubToSpoke', 'hub', 'spoke.id')}` },
    { name: 'a peering of the remote to an unknown id may be the reverse', code: `param backId string\n${two}${peering('hubToSpoke', 'hub', 'spoke.id')}${peering('spokeBack', 'spoke', 'backId')}` },
    { name: 'an existing reverse peering', code: `${two}${peering('hubToSpoke', 'hub', 'spoke.id')}resource back 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' existing = {\n  parent: spoke\n  name: 'spoke-to-hub'\n}\n` },
    { name: 'a self-peering is peering-self\'s', code: vnet('hub', 'vnet-hub', 0) + peering('hubToHub', 'hub', 'hub.id') },
  ],
  invalid: [
    {
      name: 'hub to spoke, both created here, no way back',
      code: two + peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [{ messageId: 'missing', level: 'warning', message: /Peering 'vnet-hub\/hubToSpoke' connects 'vnet-hub' to 'vnet-spoke', but no peering connects 'vnet-spoke' back to 'vnet-hub'/ }],
    },
    { name: 'an existing remote with no scope of its own', code: vnet('hub', 'vnet-hub', 0) + existingVnet('spoke', 'vnet-spoke') + peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }), errors: [{ messageId: 'missing' }] },
    { name: 'an existing remote in the same scope as the peering', code: vnet('hub', 'vnet-hub', 0) + existingVnet('spoke', 'vnet-spoke', 'resourceGroup()') + peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }), errors: [{ messageId: 'missing' }] },
    { name: 'the remote peers elsewhere, not back', code: two + vnet('other', 'vnet-other', 2) + peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }) + peering('spokeToOther', 'spoke', 'other.id') + peering('otherToSpoke', 'other', 'spoke.id'), errors: [{ messageId: 'missing' }] },
    {
      name: 'an inline peering without reverse: anchored at its name',
      code: vnet('hub', 'vnet-hub', 0, { extra: "\n    virtualNetworkPeerings: [\n      { name: [|'hub-to-spoke'|], properties: { remoteVirtualNetwork: { id: spoke.id } } }\n    ]" }) + vnet('spoke', 'vnet-spoke', 1),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'the spoke VNet comes from a module (as in examples/main.bicep)',
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {
  name: 'spoke'
}
${peering('peerHubToSpoke', 'hub', 'spoke.outputs.vnetId', { mark: true })}//- /spoke.bicep
${vnet('vnet', 'vnet-spoke', 1)}output vnetId string = vnet.id
`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'hub to spokes in a loop: one finding for the declaration',
      code: `${vnet('hub', 'vnet-hub', 0)}resource spokes 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(1, 2): {
  name: 'vnet-spoke\${i}'
  properties: { addressSpace: { addressPrefixes: ['10.\${i}.0.0/16'] } }
}]
resource [|hubToSpokes|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for i in range(0, 2): {
  parent: hub
  name: 'hub-to-spoke\${i}'
  properties: { remoteVirtualNetwork: { id: spokes[i].id } }
}]
`,
      errors: [{ messageId: 'missing' }],
    },
  ],
};

async function reportsOf(code: string): Promise<RuleReport[]> {
  const { files } = stripMarkers(code);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  const reports: RuleReport[] = [];
  rule.check({ model, cloud: 'AzureCloud', report: (report) => reports.push(report) });
  return reports;
}

/** The report's reverse-peering request (the rule names the peering and both VNets; fixes/ plans the rest). */
function reverseRequest(report: RuleReport) {
  assert.equal(report.fix?.kind, 'add-reverse-peering');
  return report.fix?.kind === 'add-reverse-peering' ? report.fix : assert.fail('no reverse-peering request');
}

test('peering-reverse-missing: the fix mirrors the flags (gateway flags swapped) and names both VNets', async () => {
  const [report] = await reportsOf(two + peering('hubToSpoke', 'hub', 'spoke.id', { flags }));
  const fix = reverseRequest(report);
  assert.equal(fix.peering.decl.symbol, 'hubToSpoke');
  assert.equal(fix.local.decl.symbol, 'hub');
  assert.equal(fix.remote.decl.symbol, 'spoke');
  const plan = reversePlan(fix);
  assert.deepEqual(plan?.flags, { allowVirtualNetworkAccess: true, allowForwardedTraffic: false, useRemoteGateways: true, allowGatewayTransit: false });
  assert.equal(plan?.name, 'vnet-spoke-to-vnet-hub');
});

test('peering-reverse-missing: absent flags stay absent; the remote VNet of a module is named in its file', async () => {
  const [report] = await reportsOf(`//- /main.bicep\n${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {\n  name: 'spoke'\n}\n${peering('p', 'hub', 'spoke.outputs.vnetId')}//- /spoke.bicep\n${vnet('vnet', 'vnet-spoke', 1)}output vnetId string = vnet.id\n`);
  const fix = reverseRequest(report);
  assert.deepEqual(reversePlan(fix)?.flags, {});
  assert.match(fix.remote.decl.uri, /spoke\.bicep$/);
});

test('peering-reverse-missing: no fix when a flag is unknown or subnet peering is written', async () => {
  const [unknownFlag] = await reportsOf(`param fwd bool\n${two}${peering('p', 'hub', 'spoke.id', { flags: '\n    allowForwardedTraffic: fwd' })}`);
  assert.equal(unknownFlag.messageId, 'missing');
  assert.equal(reversePlan(reverseRequest(unknownFlag)), undefined);
  const [subnets] = await reportsOf(two + peering('p', 'hub', 'spoke.id', { flags: "\n    peerCompleteVnets: false\n    localSubnetNames: ['a']" }));
  assert.equal(subnets.messageId, 'missing');
  assert.equal(reversePlan(reverseRequest(subnets)), undefined);
});


const armPair = [armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"')];
/** A languageVersion 2.0 template (symbolic names, `existing` resources) with hub, an existing spoke, and hub→spoke. */
const armSymbolic = (spokeScope: string, remoteId: string, marked: boolean) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "hub": {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } }
    },
    "spoke": {
      "existing": true,
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",${spokeScope}
      "name": "vnet-spoke"
    },
    "hubToSpoke": {
      "type": ${marked ? '[|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|]' : '"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"'},
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "dependsOn": ["hub"],
      "properties": { "remoteVirtualNetwork": { "id": ${remoteId} } }
    }
  }
}
`;
// The same rule on ARM JSON templates.
const armCases: Cases = {
  valid: [
    { name: 'ARM: a peering with its reverse', code: arm([...armPair, armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke')), armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub'))].join(',\n')) },
    { name: 'ARM: a remote outside the template', code: arm([armVnet('vnet-hub', '"10.0.0.0/16"'), armPeering('vnet-hub', 'hub-to-far', vnetId('vnet-far'))].join(',\n')) },
    { name: 'ARM: an existing remote in another resource group', code: armSymbolic('\n      "resourceGroup": "rg-spoke",', `"[resourceId('rg-spoke', 'Microsoft.Network/virtualNetworks', 'vnet-spoke')]"`, false) },
    { name: 'ARM: a reverse whose condition is unknown', code: arm([...armPair, armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke')), armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub'), { condition: '"[parameters(\'back\')]"' })].join(',\n'), '{ "back": { "type": "bool" } }') },
  ],
  invalid: [
    { name: 'ARM: an existing remote in the same resource group', code: armSymbolic('', vnetId('vnet-spoke'), true), errors: [{ messageId: 'missing' }] },
    { name: 'ARM: a one-way peering between two VNets of the template', code: arm([...armPair, armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { mark: true })].join(',\n')), errors: [{ messageId: 'missing' }] },
    {
      name: 'ARM: an inline one-way peering, anchored at its name',
      code: arm([armVnet('vnet-hub', '"10.0.0.0/16"', `,\n        "virtualNetworkPeerings": [ { "name": [|"hub-to-spoke"|], "properties": { "remoteVirtualNetwork": { "id": ${vnetId('vnet-spoke')} } } } ]`), armVnet('vnet-spoke', '"10.1.0.0/16"')].join(',\n')),
      errors: [{ messageId: 'missing' }],
    },
  ],
};
ruleTests(rule, { valid: [...bicepCases.valid, ...armCases.valid], invalid: [...bicepCases.invalid, ...armCases.invalid] });
