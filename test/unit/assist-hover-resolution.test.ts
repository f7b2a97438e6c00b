// The resolution hover (assist/hover-resolution.ts): on a private endpoint's target — its declaration
// or a connection's privateLinkServiceId — how its name resolves from each VNet that reaches it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bicepVnet, oneLineSubnet } from '../support/bicep-network';
import { hover } from '../support/cursor-fixture';

const vnet = (symbol: string, name: string, octet: number, dns = '') =>
  bicepVnet(oneLineSubnet('snet-pe', `10.${octet}.1.0/24`), {
    symbol,
    name,
    space: `'10.${octet}.0.0/16'`,
    extra: dns ? [`dhcpOptions: { dnsServers: [ '${dns}' ] }`] : [],
  });
const peering = (
  symbol: string,
  parent: string,
  remote: string,
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: ${parent}
  name: 'to-${remote}'
  properties: { remoteVirtualNetwork: { id: ${remote}.id } }
}
`;
const rest = (
  targetCursor = '',
  idCursor = '',
) => `resource st${targetCursor} 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stdemo'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-stdemo-blob'
  location: 'westeurope'
  properties: {
    subnet: { id: spoke.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'blob', properties: { privateLinkServiceId: st.id${idCursor}, groupIds: [ 'blob' ] } } ]
  }
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'blob', properties: { privateDnsZoneId: zone.id } } ] }
}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'to-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: spoke.id } }
}
`;
const network =
  vnet('hub', 'vnet-hub', 0) +
  vnet('spoke', 'vnet-spoke', 1) +
  peering('hubToSpoke', 'hub', 'spoke') +
  peering('spokeToHub', 'spoke', 'hub');

test("on the target: private from the endpoint's VNet, public from the hub peered both ways (not linked)", async () => {
  const { hover: result } = await hover(network + rest('$0'));
  assert.ok(result, 'a hover');
  const markdown = result.markdown;
  assert.match(markdown, /^\*\*Name resolution\*\* of `stdemo`/);
  assert.match(markdown, /- \*\*from `vnet-spoke`:\*\* \*\*private\*\*\n/);
  assert.match(markdown, /- \*\*from `vnet-hub`:\*\* \*\*public\*\*\n/);
  assert.match(markdown, /`public: because zone 'privatelink\.blob\.core\.windows\.net' is not linked to 'vnet-hub'`/);
});

test('on the privateLinkServiceId of a connection: the same resolution', async () => {
  const onTarget = await hover(network + rest('$0'));
  const onId = await hover(network + rest('', '$0'));
  assert.equal(onId.hover?.markdown, onTarget.hover?.markdown);
});

test('a spoke on custom DNS in the hub: the step names where the server lives', async () => {
  const code = vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1, '10.0.1.4') + rest('$0');
  const { hover: result } = await hover(code);
  assert.match(result!.markdown, /- \*\*from `vnet-spoke`:\*\* \*\*public\*\*/);
  assert.match(result!.markdown, /`10\.0\.1\.4 lies in subnet 'snet-pe' of 'vnet-hub'/);
});

test('no hover on a resource no private endpoint reaches', async () => {
  const code = `resource st$0 'Microsoft.Storage/storageAccounts@2026-04-01' = {\n  name: 'stdemo'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n}\n`;
  assert.equal((await hover(code)).hover, undefined);
});

test('names enter the markdown only as code spans', async () => {
  const { hover: result } = await hover(network.replace("'vnet-hub'", "'vnet-*hub*[x](y)'") + rest('$0'));
  assert.ok(!/[^`]\*hub\*/.test(result!.markdown.replace(/`[^`]*`/g, '')), result!.markdown);
});
