// Completion logic (server/src/assist) on fixtures with a `$0` cursor, through the real engine: group ids,
// privatelink zone names, zone group configs, subnet policy values and peering flags, in Bicep and ARM.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBicep } from '../../server/src/syntax/bicep';
import { formattedBlobZoneGroup, formattedVnet } from '../support/formatted-bicep';
import { applied, armTemplate, complete } from '../support/cursor-fixture';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

const storage = `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stdemo'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}
`;

const endpoint = (target: string, groupIds: string) => `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-demo'
  location: 'westeurope'
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'conn'
        properties: {
          privateLinkServiceId: ${target}
          groupIds: [
            ${groupIds}
          ]
        }
      }
    ]
  }
}
`;

describe('completion: group ids', () => {
  test("offers the target's group ids inside groupIds when the target is declared (Bicep)", async () => {
    const { items, text } = await complete(`param subnetId string\n${storage}${endpoint('st.id', "'$0'")}`);
    assert.deepEqual(labels(items).slice(0, 6), [
      'blob',
      'blob_secondary',
      'table',
      'table_secondary',
      'queue',
      'queue_secondary',
    ]);
    for (const id of ['file', 'web', 'dfs']) assert.ok(labels(items).includes(id), id);
    const blob = items.find((item) => item.label === 'blob')!;
    assert.match(blob.documentation ?? '', /privatelink\.blob\.core\.windows\.net/);
    const after = applied(text, blob);
    assert.match(after, /groupIds: \[\n {12}'blob'\n/);
    assert.deepEqual(parseBicep(after).errors, []);
  });

  test('reads the type of a literal resourceId target and fills an empty array slot', async () => {
    const { items, text } = await complete(
      `param subnetId string\n${endpoint("resourceId('Microsoft.KeyVault/vaults', 'kv-demo')", '$0')}`,
    );
    assert.deepEqual(labels(items), ['vault']);
    assert.match(applied(text, items[0]!), /groupIds: \[\n {12}'vault'\n/);
  });

  test('offers nothing when the target type is not known', async () => {
    const { items } = await complete(`param subnetId string\nparam targetId string\n${endpoint('targetId', "'$0'")}`);
    assert.deepEqual(items, []);
  });

  test('offers group ids in an ARM template, written as JSON strings', async () => {
    const { items, text } = await complete(
      `//- /main.json\n${armTemplate(`    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-sql",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet')]" },
        "privateLinkServiceConnections": [
          {
            "name": "sql",
            "properties": {
              "privateLinkServiceId": "[resourceId('Microsoft.Sql/servers', 'sql-demo')]",
              "groupIds": [ "sq$0" ]
            }
          }
        ]
      }
    }`)}`,
    );
    assert.deepEqual(labels(items), ['sqlServer']);
    assert.equal(items[0]!.insertText, '"sqlServer"');
    assert.match(applied(text, items[0]!), /"groupIds": \[ "sqlServer" \]/);
  });
});

describe('completion: privatelink zone names', () => {
  test('offers zone names for a private DNS zone, the ones endpoints here need first (Bicep, environment() for storage)', async () => {
    const { items, text } = await complete(`param subnetId string
${endpoint("resourceId('Microsoft.KeyVault/vaults', 'kv-demo')", "'vault'")}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '$0'
  location: 'global'
}`);
    assert.equal(items[0]!.label, 'privatelink.vaultcore.azure.net');
    assert.equal(items[0]!.preselect, true);
    const blob = items.find((item) => item.label === 'privatelink.blob.core.windows.net')!;
    assert.equal(blob.insertText, "'privatelink.blob.${environment().suffixes.storage}'");
    assert.equal(blob.filterText, "'privatelink.blob.core.windows.net'");
    assert.ok(
      !labels(items).some((label) => label.includes('data.privatelink.azurecr.io')),
      'record names are not zones',
    );
    const aks = items.find((item) => item.label === 'privatelink.{regionName}.azmk8s.io')!;
    assert.equal(aks.snippet, true);
    assert.equal(aks.insertText, "'privatelink.${1:regionName}.azmk8s.io'");
    assert.deepEqual(parseBicep(applied(text, blob)).errors, []);
  });

  test('uses the zone names of the configured cloud', async () => {
    const { items } = await complete(
      `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.va$0'
  location: 'global'
}`,
      'AzureUSGovernment',
    );
    assert.ok(labels(items).includes('privatelink.vaultcore.usgovcloudapi.net'));
    assert.ok(!labels(items).includes('privatelink.vaultcore.azure.net'));
    const blob = items.find((item) => item.label === 'privatelink.blob.core.usgovcloudapi.net')!;
    assert.equal(
      blob.insertText,
      "'privatelink.blob.core.usgovcloudapi.net'",
      'no environment() suffix is stated for this cloud',
    );
  });

  test('offers zone names in an ARM private DNS zone', async () => {
    const { items } = await complete(
      `//- /main.json\n${armTemplate(`    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "$0",
      "location": "global"
    }`)}`,
    );
    const blob = items.find((item) => item.label === 'privatelink.blob.core.windows.net')!;
    assert.equal(blob.insertText, '"privatelink.blob.core.windows.net"');
    assert.deepEqual(blob.range.end - blob.range.start, 2, 'replaces the empty string');
  });

  test("offers the endpoint's zones as privateDnsZoneId of a zone group: a zone symbol when declared, else resourceId()", async () => {
    const zoneGroup = (value: string) => formattedBlobZoneGroup(value).trimEnd();
    const declared = await complete(`param subnetId string
${storage}${endpoint('st.id', "'blob'")}
resource zoneBlob 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.\${environment().suffixes.storage}'
  location: 'global'
}
${zoneGroup('$0')}`);
    assert.deepEqual(labels(declared.items), ['zoneBlob.id']);
    assert.match(applied(declared.text, declared.items[0]!), /privateDnsZoneId: zoneBlob\.id\n/);
    const missing = await complete(
      `param subnetId string\n${storage}${endpoint('st.id', "'blob'")}\n${zoneGroup('$0')}`,
    );
    assert.deepEqual(labels(missing.items), ['privatelink.blob.core.windows.net']);
    assert.equal(
      missing.items[0]!.insertText,
      "resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.${environment().suffixes.storage}')",
    );
    assert.deepEqual(parseBicep(applied(missing.text, missing.items[0]!)).errors, []);
  });
});

describe('completion: subnet policy values', () => {
  const subnet = (api: string, line: string) => `resource snet 'Microsoft.Network/virtualNetworks/subnets@${api}' = {
  name: 'vnet/snet-pe'
  properties: {
    addressPrefix: '10.0.1.0/24'
    ${line}
  }
}`;

  test('offers the values of the API version of the file', async () => {
    const latest = await complete(subnet('2025-09-01', "privateEndpointNetworkPolicies: '$0'"));
    assert.deepEqual(labels(latest.items), ['Enabled', 'Disabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled']);
    assert.match(latest.items.find((i) => i.label === 'Disabled')!.detail ?? '', /default/);
    const older = await complete(subnet('2022-07-01', "privateEndpointNetworkPolicies: '$0'"));
    assert.deepEqual(labels(older.items), ['Enabled', 'Disabled']);
    const pls = await complete(subnet('2025-09-01', 'privateLinkServiceNetworkPolicies:$0'));
    assert.deepEqual(labels(pls.items), ['Enabled', 'Disabled']);
    assert.equal(pls.items[1]!.insertText, " 'Disabled'", 'a space after the colon');
  });

  test('offers them for inline subnets of a VNet and in ARM templates', async () => {
    const inline = await complete(
      formattedVnet('vnet', 'snet-pe', '10.0.1.0/24', {
        api: '2025-09-01',
        extra: ["privateEndpointNetworkPolicies: 'Ena$0'"],
        location: false,
      }),
    );
    assert.equal(labels(inline.items).length, 4);
    assert.equal(inline.items[0]!.filterText, "'Enabled'");
    const arm = await complete(
      `//- /main.json\n${armTemplate(`    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2023-04-01",
      "name": "vnet/snet-pe",
      "properties": { "addressPrefix": "10.0.1.0/24", "privateEndpointNetworkPolicies": "$0" }
    }`)}`,
    );
    assert.deepEqual(labels(arm.items), ['Enabled', 'Disabled']);
    assert.equal(arm.items[0]!.insertText, '"Enabled"');
  });
});

describe('completion: peering flags', () => {
  const peering = (
    name: string,
    parent: string,
    remote: string,
    body: string,
  ) => `resource ${name} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: ${parent}
  name: '${name}'
  properties: {
    remoteVirtualNetwork: {
      id: ${remote}.id
    }
    ${body}
  }
}
`;
  const vnets = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'hub'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
}
resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'spoke'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
  }
}
`;

  test('offers true and false, the value mirroring the reverse peering first', async () => {
    const plain = await complete(`${vnets}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: $0')}`);
    assert.deepEqual(labels(plain.items), ['false', 'true']);
    const mirrored = await complete(
      `${vnets}${peering('spokeToHub', 'spoke', 'hub', 'useRemoteGateways: true')}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit:$0')}`,
    );
    assert.deepEqual(labels(mirrored.items), ['true', 'false']);
    assert.equal(mirrored.items[0]!.preselect, true);
    assert.match(mirrored.items[0]!.detail ?? '', /mirrors the reverse peering/);
    assert.equal(mirrored.items[0]!.insertText, ' true');
  });

  test('offers the flag names not yet written inside a peering, as snippets', async () => {
    const { items, text } = await complete(
      `${vnets}${peering('hubToSpoke', 'hub', 'spoke', 'allowVirtualNetworkAccess: true\n    allowG$0')}`,
    );
    assert.deepEqual(labels(items), ['allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways']);
    const gateway = items.find((item) => item.label === 'allowGatewayTransit')!;
    assert.equal(gateway.snippet, true);
    assert.match(applied(text, gateway), /\n {4}allowGatewayTransit: \$\{1\|false,true\|\}\n/);
  });

  test('offers flag values and names for inline peerings and in ARM templates', async () => {
    const inline = await complete(`resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'hub'
  properties: {
    virtualNetworkPeerings: [
      {
        name: 'to-spoke'
        properties: {
          remoteVirtualNetwork: {
            id: resourceId('Microsoft.Network/virtualNetworks', 'spoke')
          }
          useRemoteGateways: f$0
        }
      }
    ]
  }
}`);
    assert.deepEqual(labels(inline.items), ['false', 'true']);
    const arm = await complete(
      `//- /main.json\n${armTemplate(`    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2025-09-01",
      "name": "hub/to-spoke",
      "properties": { "allowVirtualNetworkAccess": true, "allowF$0" }
    }`)}`,
    );
    assert.deepEqual(labels(arm.items), ['allowForwardedTraffic', 'allowGatewayTransit', 'useRemoteGateways']);
    assert.equal(arm.items[0]!.insertText, '"allowForwardedTraffic": ${1|false,true|}');
    assert.equal(arm.text.slice(arm.items[0]!.range.start, arm.items[0]!.range.end), '"allowF"');
  });
});

describe('completion: elsewhere', () => {
  test('offers nothing outside the places it knows', async () => {
    assert.deepEqual((await complete(`${storage.replace("'westeurope'", "'westeu$0'")}`)).items, []);
    assert.deepEqual((await complete(`param x string = '$0'`)).items, []);
    assert.deepEqual(
      (
        await complete(`resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.\${$0}'
}`)
      ).items,
      [],
      'not inside an interpolation',
    );
  });
});
