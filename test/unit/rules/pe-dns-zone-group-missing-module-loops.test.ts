// pe-dns-zone-group-missing for endpoints a module declares when it is called in a loop whose items are
// known (`module app 'app.bicep' = [for s in spokes: {…}]`, the usual spoke layout): each call is one
// instance and its endpoint one resource (evaluate/declaration.ts instanceIn), so a missing zone group is
// certain there as it is outside a loop. Local Bicep and ARM modules, and registry modules by their
// interface models or from the restore cache. An endpoint deployed by every call under the same name (AVM's
// `init`/`idem` tests) is one resource declared twice: a zone group of either declaration is its own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deploymentModels } from '../../../server/src/engine/deployments';
import { runRules } from '../../../server/src/engine/run-rules';
import { Workspace } from '../../../server/src/engine/workspace';
import { encodeTag } from '../../../server/src/evaluate/registry/cache-location';
import rule from '../../../server/src/rules/pe-dns-zone-group-missing';
import { link, newGroup, vnet, zone } from '../../support/dns-fixtures';
import { fixtureHost, splitFixture } from '../../support/fixture';
import { ruleTests } from '../../support/rule-test';

/** The Key Vault zone, linked to the spoke VNet. */
const zoneLinkedToSpoke = zone() + link('link', 'vnet.id', '', 'link-spoke');

/** The spoke VNet, the Key Vault zone linked to it, and one call of app.bicep per spoke. */
const main = (call = "module app 'app.bicep' = [for name in [ 'a', 'b' ]: {") => `//- /main.bicep
${vnet()}${zoneLinkedToSpoke}${call}
  name: 'app-\${name}'
  params: { name: name, subnetId: vnet.properties.subnets[0].id, zoneId: zone.id }
}]
`;

/** A Key Vault endpoint of one spoke, named after it; `symbol` may carry a [|…|] marker. */
const endpoint = (symbol = 'pe', name = "'pe-${name}'", head = '') => `param name string
param subnetId string
param zoneId string
resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-\${name}'
}
resource ${symbol} 'Microsoft.Network/privateEndpoints@2025-09-01' = ${head}{
  name: ${name}
  location: 'westeurope'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
`;

const group = `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zoneId } } ] }
}
`;

/** The same endpoint as a compiled ARM module. */
const armEndpoint = (type = '"Microsoft.Network/privateEndpoints"') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "name": { "type": "string" },
    "subnetId": { "type": "string" },
    "zoneId": { "type": "string" }
  },
  "resources": [
    {
      "type": ${type},
      "apiVersion": "2025-09-01",
      "name": "[format('pe-{0}', parameters('name'))]",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[parameters('subnetId')]" },
        "privateLinkServiceConnections": [
          {
            "name": "c",
            "properties": {
              "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', format('kv-{0}', parameters('name')))]",
              "groupIds": [ "vault" ]
            }
          }
        ]
      }
    }
  ]
}
`;

/** Calls of AVM's private-endpoint module, one per spoke, each with `extra` params. */
const avmCalls = (symbol: string, extra = '') => `//- /main.bicep
${vnet()}module ${symbol} 'br/public:avm/res/network/private-endpoint:0.11.0' = [for name in [ 'a', 'b' ]: {
  name: 'pe-\${name}'
  params: {
    name: 'pe-\${name}'
    subnetResourceId: vnet.properties.subnets[0].id
    privateLinkServiceConnections: [
      { name: 'c', properties: { privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-\${name}'), groupIds: [ 'vault' ] } }
    ]${extra}
  }
}]
`;

/**
 * AVM's test layout: the module under test is called for `init` and again for `idem` with the same
 * params, so both calls deploy one endpoint; its zone group comes from a child module that names the
 * endpoint `existing`, and the endpoint's name holds `last(split(id, '/'))` of an id only partly known.
 */
const idempotencyTest = `//- /main.bicep
${vnet()}resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-prod'
}
${zoneLinkedToSpoke}module testDeployment 'endpoint.bicep' = [for iteration in [ 'init', 'idem' ]: {
  name: 'test-\${iteration}'
  params: { targetId: kv.id, subnetId: vnet.properties.subnets[0].id, zoneId: zone.id }
}]
//- /endpoint.bicep
param targetId string
param subnetId string
param zoneId string
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pep-\${last(split(targetId, '/'))}-vault-0'
  location: 'westeurope'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: targetId, groupIds: [ 'vault' ] } } ]
  }
}
module zoneGroup 'zone-group.bicep' = {
  name: 'zone-group'
  params: { privateEndpointName: pe.name, zoneId: zoneId }
}
//- /zone-group.bicep
param privateEndpointName string
param zoneId string
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {
  name: privateEndpointName
}
${group}`;

ruleTests(rule, {
  valid: [
    {
      name: 'a module looped over known items whose endpoint has a zone group',
      code: `${main()}//- /app.bicep\n${endpoint()}${group}`,
    },
    {
      name: "AVM's init/idem test: both calls deploy one endpoint, whose zone group a child module adds",
      code: idempotencyTest,
    },
    {
      name: 'an endpoint loop past the expansion limit in a looped module is still many endpoints, not one',
      code: `${main()}//- /app.bicep\n${endpoint('pe', "'pe-${name}-${i}'", '[for i in range(0, 101): ').replace(
        /\n}\n$/,
        '\n}]\n',
      )}`,
    },
    {
      name: "AVM's private-endpoint module looped over known items, each call given a zone group",
      code: avmCalls(
        'pe',
        "\n    privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net') } ] }",
      ),
    },
  ],
  invalid: [
    {
      name: 'a local module looped over known items: each call declares one endpoint, with no zone group',
      code: `${main()}//- /app.bicep\n${endpoint('[|pe|]')}`,
      errors: [{ messageId: 'missingInVnet', message: /^Private endpoint 'pe-a' has no private DNS zone group/ }],
      // The group points at the zone id every call passes: right for each instance.
      output: `//- /app.bicep\n${endpoint()}${newGroup('zoneId')}`,
    },
    {
      name: 'an ARM module looped over known items',
      code: `${main("module app 'app.json' = [for name in [ 'a', 'b' ]: {")}//- /app.json\n${armEndpoint('[|"Microsoft.Network/privateEndpoints"|]')}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: "AVM's private-endpoint module looped over known items, without privateDnsZoneGroup",
      code: avmCalls('[|pe|]'),
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
  ],
});

/**
 * The rule's findings on main.bicep calling `br:example.azurecr.io/endpoint:1` once per spoke, the module
 * compiled as `template` in Bicep's restore cache (FACTS §16), which the workspace reads but does not analyse.
 */
async function cachedCallFindings(template: string) {
  const files = splitFixture(
    `${main("module app 'br:example.azurecr.io/endpoint:1' = [for name in [ 'a', 'b' ]: {")}//- /bicepconfig.json\n{ "cacheRootDirectory": "/cache" }\n`,
  );
  const cached = `file:///cache/br/example.azurecr.io/endpoint/${encodeURIComponent(encodeTag('1'))}/main.json`;
  const workspace = new Workspace(fixtureHost(new Map([...files, [cached, template]])));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const findings = await runRules(
    deploymentModels(await workspace.evaluate()),
    workspace,
    { cloud: 'AzureCloud', ruleLevels: {} },
    [rule],
  );
  return findings.map((finding) => `${finding.uri.slice(finding.uri.lastIndexOf('/') + 1)}: ${finding.message}`);
}

describe('pe-dns-zone-group-missing: a cached registry module looped over known items', () => {
  test("each call's endpoint without a zone group is reported at the call", async () => {
    const findings = await cachedCallFindings(armEndpoint());
    assert.equal(findings.length, 1);
    assert.match(findings[0], /^main\.bicep: Private endpoint 'pe-a' has no private DNS zone group/);
  });

  test('with the zone group the module declares beside it, nothing', async () => {
    const withGroup = armEndpoint().replace(
      /\n {2}\]\n\}\n$/,
      `,
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "[format('pe-{0}/default', parameters('name'))]",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', format('pe-{0}', parameters('name')))]" ],
      "properties": {
        "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[parameters('zoneId')]" } } ]
      }
    }
  ]
}
`,
    );
    assert.notEqual(withGroup, armEndpoint());
    assert.deepEqual(await cachedCallFindings(withGroup), []);
  });
});
