// Issue 14, class 1 (deployments merge): each root with its module tree is one deployment; unrelated
// roots never satisfy or trigger each other's rules, a module with callers is analysed through them
// only, and roots meet only through an explicit reference, which the finding names (Bicep and ARM).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bicepEndpoint, connectionTo } from '../support/bicep-network';
import { findingsOfFixture, ruleAndFile } from '../support/analyze-fixture';

const findings = findingsOfFixture;
const where = ruleAndFile;

/** A Cosmos DB account and its endpoint, without a zone group. */
const cosmosEndpoint = `resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-a'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [ { locationName: 'westeurope' } ] }
}
${bicepEndpoint("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-a', 'snet-pe')", [connectionTo('account.id', "[ 'Sql' ]")], { name: 'pe-cosmos' })}`;

/** A zone group whose endpoint's name the deployer passes: it could be any endpoint of its own deployment. */
const foreignZoneGroup = `param endpointName string
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  name: '\${endpointName}/default'
  properties: { privateDnsZoneConfigs: [ { name: 'c', properties: { privateDnsZoneId: '/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.documents.azure.com' } } ] }
}
`;

const armTemplate = (resources: string, parameters = '{}') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": ${parameters},
  "resources": [${resources}]
}`;

const armCosmosEndpoint = `{
  "type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2024-11-15", "name": "cosmos-a", "location": "westeurope",
  "properties": { "databaseAccountOfferType": "Standard", "locations": [ { "locationName": "westeurope" } ] }
}, {
  "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-cosmos", "location": "westeurope",
  "properties": {
    "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-a', 'snet-pe')]" },
    "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.DocumentDB/databaseAccounts', 'cosmos-a')]", "groupIds": [ "Sql" ] } } ]
  }
}`;

const armForeignZoneGroup = `{
  "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "apiVersion": "2025-09-01", "name": "[format('{0}/default', parameters('endpointName'))]",
  "properties": { "privateDnsZoneConfigs": [ { "name": "c", "properties": { "privateDnsZoneId": "/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.documents.azure.com" } } ] }
}`;

describe('class 1: deployment roots', () => {
  test("Bicep: a zone group of another main.bicep does not satisfy this root's endpoint", async () => {
    const found = await findings(`//- /a/main.bicep\n${cosmosEndpoint}//- /b/main.bicep\n${foreignZoneGroup}`);
    assert.deepEqual(found.map(where), ['pe-dns-zone-group-missing a/main.bicep']);
  });

  test("Bicep: within one root, the same zone group may be the endpoint's and keeps the rule silent", async () => {
    const found = await findings(`//- /a/main.bicep\n${cosmosEndpoint}${foreignZoneGroup}`);
    assert.deepEqual(found.map(where), []);
  });

  test("ARM: a zone group of another azuredeploy.json does not satisfy this root's endpoint", async () => {
    const found = await findings(
      `//- /a/azuredeploy.json\n${armTemplate(armCosmosEndpoint)}\n//- /b/azuredeploy.json\n${armTemplate(armForeignZoneGroup, '{ "endpointName": { "type": "string" } }')}`,
    );
    assert.deepEqual(found.map(where), ['pe-dns-zone-group-missing a/azuredeploy.json']);
  });

  test('ARM: within one root, the same zone group keeps the rule silent', async () => {
    const found = await findings(
      `//- /a/azuredeploy.json\n${armTemplate(`${armCosmosEndpoint}, ${armForeignZoneGroup}`, '{ "endpointName": { "type": "string" } }')}`,
    );
    assert.deepEqual(found.map(where), []);
  });

  test('Bicep: a module with a caller is analysed through its caller only, reported once in the module', async () => {
    const found = await findings(`//- /main.bicep
module endpoint 'modules/endpoint.bicep' = {
  name: 'endpoint'
  params: { zoneGroup: false }
}
//- /modules/endpoint.bicep
param zoneGroup bool = true
${cosmosEndpoint}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = if (zoneGroup) {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'c', properties: { privateDnsZoneId: '/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.documents.azure.com' } } ] }
}
`);
    assert.deepEqual(found.map(where), ['pe-dns-zone-group-missing modules/endpoint.bicep']);
    assert.ok(
      found[0].related.some(
        (related) => related.uri.endsWith('/main.bicep') && related.message === 'deployed through this module',
      ),
    );
  });

  test('ARM: a linked template with a caller is analysed through its caller only', async () => {
    const found = await findings(`//- /azuredeploy.json
${armTemplate(`{ "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "endpoint",
  "properties": { "mode": "Incremental", "templateLink": { "relativePath": "nested/endpoint.json" } } }`)}
//- /nested/endpoint.json
${armTemplate(armCosmosEndpoint)}`);
    assert.deepEqual(found.map(where), ['pe-dns-zone-group-missing nested/endpoint.json']);
  });

  const hubVnet = (location: string) => `module hub 'hub-vnet.bicep' = {
  name: 'hub'
  scope: resourceGroup('00000000-0000-0000-0000-000000000000', 'rg-hub')
  params: { location: '${location}' }
}
//- /hub/hub-vnet.bicep
param location string
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } } ]
  }
}
`;
  const spokeEndpoint = `resource hubVnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-hub'
  scope: resourceGroup('00000000-0000-0000-0000-000000000000', 'rg-hub')
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-app'
  location: 'westeurope'
  properties: {
    subnet: { id: '\${hubVnet.id}/subnets/snet-pe' }
    privateLinkServiceConnections: []
  }
}
`;

  test('Bicep: roots meet through an `existing` declaration of a known id, and the finding says so', async () => {
    const found = await findings(
      `//- /hub/main.bicep\n${hubVnet('northeurope')}//- /spoke/main.bicep\n${spokeEndpoint}`,
    );
    assert.deepEqual(found.map(where), ['pe-location-mismatch spoke/main.bicep']);
    assert.ok(
      found[0].related.some(
        (related) =>
          related.uri.endsWith('/hub/main.bicep') && /joins a resource of the deployment/.test(related.message),
      ),
    );
    assert.deepEqual(
      (await findings(`//- /hub/main.bicep\n${hubVnet('westeurope')}//- /spoke/main.bicep\n${spokeEndpoint}`)).map(
        where,
      ),
      [],
    );
  });

  const armHub = (location: string) =>
    armTemplate(`{
  "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "hub",
  "subscriptionId": "00000000-0000-0000-0000-000000000000", "resourceGroup": "rg-hub",
  "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" }, "template": ${armTemplate(`{
    "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-hub", "location": "${location}",
    "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.0.1.0/24" } } ] }
  }`)} }
}`);
  const armSpoke = armTemplate(`{
  "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-app", "location": "westeurope",
  "properties": {
    "subnet": { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe" },
    "privateLinkServiceConnections": []
  }
}`);

  test('ARM: roots meet through an id written out from names, and the finding says so', async () => {
    const found = await findings(
      `//- /hub/azuredeploy.json\n${armHub('northeurope')}\n//- /spoke/azuredeploy.json\n${armSpoke}`,
    );
    assert.deepEqual(found.map(where), ['pe-location-mismatch spoke/azuredeploy.json']);
    assert.ok(
      found[0].related.some(
        (related) =>
          related.uri.endsWith('/hub/azuredeploy.json') && /joins a resource of the deployment/.test(related.message),
      ),
    );
    assert.deepEqual(
      (
        await findings(`//- /hub/azuredeploy.json\n${armHub('westeurope')}\n//- /spoke/azuredeploy.json\n${armSpoke}`)
      ).map(where),
      [],
    );
  });

  test("Bicep: a root's own finding on a resource another root joins carries no join note", async () => {
    const hub = hubVnet('westeurope')
      .replace(
        "[ { name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } } ]",
        "[ { name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } }, { name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.2.0/27' } } ]",
      )
      .replaceAll('/hub/', '/b-hub/');
    // The spoke's root sorts first, so its model (which joins the hub's VNet) is checked first.
    const found = await findings(`//- /b-hub/main.bicep\n${hub}//- /a-spoke/main.bicep\n${spokeEndpoint}`);
    const size = found.filter((finding) => finding.ruleId === 'subnet-size');
    assert.deepEqual(size.map(where), ['subnet-size b-hub/hub-vnet.bicep']);
    assert.ok(!size[0].related.some((related) => /joins a resource/.test(related.message)));
  });
});

describe('roots in a scope none of them knows may add children to each other (maybe-joins)', () => {
  const vnet = (
    name: string,
    prefix: string,
    inline = '',
  ) => `resource ${name.replace(/-/g, '')} 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '${prefix}' ] }${inline}
  }
}
`;
  const existingVnet = (
    name: string,
  ) => `resource ${name.replace(/-/g, '')} 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: '${name}'
}
`;
  const peering = (
    from: string,
    to: string,
  ) => `resource ${from.replace(/-/g, '')}To 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: ${from.replace(/-/g, '')}
  name: '${from}-to-${to}'
  properties: { remoteVirtualNetwork: { id: ${to.replace(/-/g, '')}.id } }
}
`;
  const hub = vnet('vnet-hub', '10.0.0.0/16') + existingVnet('vnet-spoke') + peering('vnet-hub', 'vnet-spoke');
  const spokeBack = existingVnet('vnet-hub') + vnet('vnet-spoke', '10.1.0.0/16') + peering('vnet-spoke', 'vnet-hub');

  test('a hub and a spoke each peering to the other from its own file: no reverse peering is missing', async () => {
    assert.deepEqual((await findings(`//- /hub.bicep\n${hub}//- /spoke.bicep\n${spokeBack}`)).map(where), []);
  });

  test('the spoke without its peering back: the hub peering is reported, in the hub file', async () => {
    const spokeAlone = existingVnet('vnet-hub') + vnet('vnet-spoke', '10.1.0.0/16');
    assert.deepEqual((await findings(`//- /hub.bicep\n${hub}//- /spoke.bicep\n${spokeAlone}`)).map(where), [
      'peering-reverse-missing hub.bicep',
    ]);
  });

  test("the hub's peerings looped over the spoke ids it is given may include the spoke's way back", async () => {
    const loopHub = `param spokeIds array
${vnet('vnet-hub', '10.0.0.0/16')}resource toSpokes 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = [for id in spokeIds: {
  parent: vnethub
  name: 'to-\${last(split(id, '/'))}'
  properties: { remoteVirtualNetwork: { id: id } }
}]
`;
    assert.deepEqual((await findings(`//- /hub.bicep\n${loopHub}//- /spoke.bicep\n${spokeBack}`)).map(where), []);
    // Looped over named spokes, none of them this one: the way back is missing.
    const namedHub = loopHub.replace(
      'param spokeIds array\n',
      "var spokeIds = [ resourceId('Microsoft.Network/virtualNetworks', 'vnet-other') ]\n",
    );
    assert.deepEqual((await findings(`//- /hub.bicep\n${namedHub}//- /spoke.bicep\n${spokeBack}`)).map(where), [
      'peering-reverse-missing spoke.bicep',
    ]);
  });

  test("a spoke's peering back whose VNet is a parameter (one template deployed per spoke) may be the hub's way back", async () => {
    const perSpoke = (remote: string) => `param spokeName string
resource back 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  name: '\${spokeName}/to-hub'
  properties: { remoteVirtualNetwork: { id: ${remote} } }
}
`;
    const hubRoot = existingVnet('vnet-hub') + vnet('vnet-spoke', '10.1.0.0/16') + peering('vnet-hub', 'vnet-spoke');
    const toHub = perSpoke("resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')");
    assert.deepEqual((await findings(`//- /hub.bicep\n${hubRoot}//- /spoke-peering.bicep\n${toHub}`)).map(where), []);
    // Back to another VNet, or to one the deployer names too: it names nothing of the hub's root.
    for (const remote of ["resourceId('Microsoft.Network/virtualNetworks', 'vnet-other')", 'hubId']) {
      const other = (remote === 'hubId' ? 'param hubId string\n' : '') + perSpoke(remote);
      assert.deepEqual((await findings(`//- /hub.bicep\n${hubRoot}//- /spoke-peering.bicep\n${other}`)).map(where), [
        'peering-reverse-missing hub.bicep',
      ]);
    }
  });

  test("a registry module nobody can read, given the hub's id by the spoke's root, may write the way back", async () => {
    const spokeRoot = (
      remote: string,
    ) => `${vnet('vnet-spoke', '10.1.0.0/16')}module back 'br:example.azurecr.io/bicep/modules/peering:1.0.0' = {
  name: 'back'
  params: { localVnetName: vnetspoke.name, remoteVnetId: resourceId('Microsoft.Network/virtualNetworks', '${remote}') }
}
`;
    const hubRoot = existingVnet('vnet-hub') + existingVnet('vnet-spoke') + peering('vnet-hub', 'vnet-spoke');
    assert.deepEqual(
      (await findings(`//- /hub.bicep\n${hubRoot}//- /spoke.bicep\n${spokeRoot('vnet-hub')}`)).map(where),
      [],
    );
    assert.deepEqual(
      (await findings(`//- /hub.bicep\n${hubRoot}//- /spoke.bicep\n${spokeRoot('vnet-other')}`)).map(where),
      ['peering-reverse-missing hub.bicep'],
    );
    // A spoke template deployed per spoke gives the hub's id as its own root knows it (its resource group
    // is its own `resourceGroup()`), and the spoke's name as a parameter: the call still names the hub.
    const perSpoke = `param spokeName string
${existingVnet('vnet-hub')}resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: spokeName
}
module back './modules/missing-peering.bicep' = {
  name: 'back'
  params: { localVnetName: spoke.name, remoteVnetId: vnethub.id }
}
`;
    assert.deepEqual((await findings(`//- /hub.bicep\n${hubRoot}//- /spoke.bicep\n${perSpoke}`)).map(where), []);
  });

  test('a spoke VNet whose name is a parameter, with its peering back written inline, may be the way back', async () => {
    const spokeInline = (remote: string) => `param spokeName string
resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: spokeName
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    virtualNetworkPeerings: [ { name: 'to-hub', properties: { remoteVirtualNetwork: { id: resourceId('Microsoft.Network/virtualNetworks', '${remote}') } } } ]
  }
}
`;
    const hubRoot = existingVnet('vnet-hub') + vnet('vnet-spoke', '10.1.0.0/16') + peering('vnet-hub', 'vnet-spoke');
    assert.deepEqual(
      (await findings(`//- /hub.bicep\n${hubRoot}//- /spoke.bicep\n${spokeInline('vnet-hub')}`)).map(where),
      [],
    );
    assert.deepEqual(
      (await findings(`//- /hub.bicep\n${hubRoot}//- /spoke.bicep\n${spokeInline('vnet-other')}`)).map(where),
      ['peering-reverse-missing hub.bicep'],
    );
  });

  test("the hub's peerings written inline reach the spoke's file too", async () => {
    const inlineHub =
      existingVnet('vnet-spoke') +
      vnet(
        'vnet-hub',
        '10.0.0.0/16',
        "\n    virtualNetworkPeerings: [ { name: 'hub-to-spoke', properties: { remoteVirtualNetwork: { id: vnetspoke.id } } } ]",
      );
    assert.deepEqual((await findings(`//- /hub.bicep\n${inlineHub}//- /spoke.bicep\n${spokeBack}`)).map(where), []);
  });

  test('a zone group another file adds to an endpoint it names as existing keeps the endpoint silent', async () => {
    const endpoint = `${vnet('vnet-app', '10.2.0.0/16', "\n    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.2.1.0/24' } } ]")}resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-app'
}
${bicepEndpoint('vnetapp.properties.subnets[0].id', [connectionTo('kv.id', "[ 'vault' ]")], { name: 'pe-kv-app' })}`;
    const zoneGroup = `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {
  name: 'pe-kv-app'
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'vault', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net') } } ] }
}
`;
    assert.deepEqual((await findings(`//- /pe.bicep\n${endpoint}`)).map(where), ['pe-dns-zone-group-missing pe.bicep']);
    assert.deepEqual((await findings(`//- /pe.bicep\n${endpoint}//- /dns.bicep\n${zoneGroup}`)).map(where), []);
    // Another endpoint's name names another resource: that zone group is not this endpoint's.
    assert.deepEqual(
      (
        await findings(`//- /pe.bicep\n${endpoint}//- /dns.bicep\n${zoneGroup.replace("'pe-kv-app'", "'pe-other'")}`)
      ).map(where),
      ['pe-dns-zone-group-missing pe.bicep'],
    );
  });

  test("one template's environments offer each other nothing: prod's zone group is not dev's", async () => {
    const template = `param createZoneGroup bool = true
${vnet('vnet-app', '10.2.0.0/16', "\n    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.2.1.0/24' } } ]")}resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-app'
}
${bicepEndpoint('vnetapp.properties.subnets[0].id', [connectionTo('kv.id', "[ 'vault' ]")], { name: 'pe-kv-app' })}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = if (createZoneGroup) {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'vault', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net') } } ] }
}
`;
    const environment = (on: boolean) => `using 'main.bicep'\nparam createZoneGroup = ${on}\n`;
    const dev = `//- /main.bicep\n${template}//- /dev.bicepparam\n${environment(false)}`;
    assert.deepEqual((await findings(dev)).map(where), ['pe-dns-zone-group-missing main.bicep']);
    assert.deepEqual((await findings(`${dev}//- /prod.bicepparam\n${environment(true)}`)).map(where), [
      'pe-dns-zone-group-missing main.bicep',
    ]);
  });
});

test('one declaration deployed by two module calls is two resources: a finding for each, with its own endpoint', async () => {
  const found = (
    await findings(`//- /main.bicep
module a 'kv.bicep' = {
  name: 'kv-a'
  params: { name: 'kv-a-01' }
}
module b 'kv.bicep' = {
  name: 'kv-b'
  params: { name: 'kv-b-01' }
}
//- /kv.bicep
param name string
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: 'westeurope'
  properties: { tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' }, publicNetworkAccess: 'Enabled' }
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-\${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet') }
    privateLinkServiceConnections: [ { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
`)
  ).filter((finding) => finding.ruleId === 'pe-public-access-enabled');
  assert.deepEqual(
    found.map((finding) => /^'([^']+)'.*private endpoint '([^']+)'/.exec(finding.message)?.slice(1).join(' ')),
    ['kv-a-01 pe-kv-a-01', 'kv-b-01 pe-kv-b-01'],
  );
  assert.ok(
    found.every((finding) => finding.related.filter((related) => /connects to/.test(related.message)).length === 1),
  );
});

test('a template Bicep compiled from the .bicep file beside it is not a deployment of its own; alone it is', async () => {
  const bicep = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'westeurope'
}
`;
  const compiled = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.41.2.15936", "templateHash": "1" } },
  "resources": [
    { "type": "Microsoft.Network/privateDnsZones", "apiVersion": "2024-06-01", "name": "privatelink.blob.core.windows.net", "location": "westeurope" }
  ]
}`;
  assert.deepEqual((await findings(`//- /main.bicep\n${bicep}//- /main.json\n${compiled}`)).map(where), [
    'dns-zone-location main.bicep',
  ]);
  assert.deepEqual((await findings(`//- /main.json\n${compiled}`)).map(where), ['dns-zone-location main.json']);
  // A hand-written template of the same name is its own deployment.
  const handWritten = compiled.replace(
    '"_generator": { "name": "bicep", "version": "0.41.2.15936", "templateHash": "1" }',
    '"author": "me"',
  );
  assert.deepEqual((await findings(`//- /main.bicep\n${bicep}//- /main.json\n${handWritten}`)).map(where).sort(), [
    'dns-zone-location main.bicep',
    'dns-zone-location main.json',
  ]);
});

test('the Quickstart layout: azuredeploy.parameters.json deploys main.bicep with its values, also beside a compiled azuredeploy.json', async () => {
  const bicep = `param location string = 'global'
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: location
}
`;
  const parameters = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "value": "westeurope" } }
}`;
  const compiled = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": { "_generator": { "name": "bicep", "version": "0.41.2.15936", "templateHash": "1" } },
  "parameters": { "location": { "type": "string", "defaultValue": "global" } },
  "resources": [
    { "type": "Microsoft.Network/privateDnsZones", "apiVersion": "2024-06-01", "name": "privatelink.blob.core.windows.net", "location": "[parameters('location')]" }
  ]
}`;
  const quickstart = `//- /main.bicep\n${bicep}//- /azuredeploy.parameters.json\n${parameters}\n`;
  assert.deepEqual((await findings(quickstart)).map(where), ['dns-zone-location main.bicep']);
  assert.deepEqual((await findings(`${quickstart}//- /azuredeploy.json\n${compiled}\n`)).map(where), [
    'dns-zone-location main.bicep',
  ]);
  // The same with main.json and main.parameters.json: the finding is the Bicep file's, not the generated copy's.
  assert.deepEqual(
    (
      await findings(`//- /main.bicep\n${bicep}//- /main.parameters.json\n${parameters}\n//- /main.json\n${compiled}\n`)
    ).map(where),
    ['dns-zone-location main.bicep'],
  );
});

test("one finding for a loop's instances names the others that differ in its related information", async () => {
  const found = await findings(`//- /main.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }, subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } } ] }
}
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stdemo001'
}
resource pes 'Microsoft.Network/privateEndpoints@2024-05-01' = [for group in [ 'blob', 'file' ]: {
  name: 'pe-\${group}'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: group, properties: { privateLinkServiceId: st.id, groupIds: [ group ] } } ]
  }
}]
`);
  const missing = found.filter((finding) => finding.ruleId === 'pe-dns-zone-group-missing');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /'pe-blob'/);
  assert.deepEqual(
    missing[0].related.filter((related) => related.message.startsWith('another instance')).map((r) => r.message),
    [
      "another instance of this declaration: Private endpoint 'pe-file' has no private DNS zone group: no record for 'stdemo001' is written to 'privatelink.file.core.windows.net', so clients in 'vnet' do not resolve it to the endpoint's private address.",
    ],
  );
});

test('files in a cycle of modules nothing else deploys are still checked, each finding once', async () => {
  const zone = (symbol: string) =>
    `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n`;
  const call = (path: string) => `module again '${path}' = {\n  name: 'again'\n}\n`;
  assert.deepEqual((await findings(`//- /main.bicep\n${call('main.bicep')}${zone('zone')}`)).map(where), [
    'dns-zone-location main.bicep',
  ]);
  assert.deepEqual(
    (await findings(`//- /a.bicep\n${call('b.bicep')}${zone('zone')}//- /b.bicep\n${call('a.bicep')}`)).map(where),
    ['dns-zone-location a.bicep'],
  );
});
