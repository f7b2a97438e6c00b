// Hover logic (server/src/assist) on fixtures with a `$0` cursor, through the real engine: private
// endpoints, subnets, peerings and private DNS zones in Bicep and ARM, and the escaping of user names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formattedBlobEndpoint, formattedBlobZoneGroup, formattedVnet } from '../support/formatted-bicep';
import { armTemplate, hover } from '../support/cursor-fixture';

const network = (subnetName = 'snet-pe', prefix = '10.0.1.0/24') => `${formattedVnet('vnet-spoke', subnetName, prefix, {
  api: '2025-09-01',
  extra: ["privateEndpointNetworkPolicies: 'Enabled'"],
})}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stdemo'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}
`;

const endpoint = (symbol: string) => formattedBlobEndpoint(symbol, 'pe-stdemo-blob', 'st.id');

const zone = (
  symbol: string,
  name: string,
  cursor = '',
) => `resource ${symbol}${cursor} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: 'global'
}
resource ${symbol}Link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: ${symbol}
  name: 'link-spoke'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: vnet.id
    }
    registrationEnabled: false
  }
}
`;

const zoneGroup = (zoneSymbol: string) => formattedBlobZoneGroup(`${zoneSymbol}.id`);

describe('hover: private endpoint', () => {
  test('shows target, group id, expected zone, zone group status, subnet and VNet', async () => {
    const { hover: result, text } = await hover(
      `${network()}${endpoint('pe$0')}${zone('zoneBlob', 'privatelink.blob.${environment().suffixes.storage}')}${zoneGroup('zoneBlob')}`,
    );
    assert.ok(result);
    assert.equal(text.slice(result.range.start, result.range.end), 'pe');
    const md = result.markdown;
    assert.match(md, /^\*\*Private endpoint\*\* `pe-stdemo-blob` · symbol `pe`/);
    assert.match(md, /\*\*Target:\*\* `stdemo` \(`Microsoft\.Storage\/storageAccounts`\), group id `blob`/);
    assert.match(md, /\*\*Expected zone\(s\) in AzureCloud:\*\* `privatelink\.blob\.core\.windows\.net` \(`blob`\)/);
    assert.match(md, /\*\*DNS zone group:\*\* `default` → `privatelink\.blob\.core\.windows\.net` \(✓ recommended\)/);
    assert.match(md, /\*\*Subnet:\*\* `snet-pe` in VNet `vnet-spoke` \(`10\.0\.1\.0\/24`\)/);
  });

  test('says when the zone group is missing or points at the wrong zone, per cloud', async () => {
    const missing = await hover(`${network()}${endpoint('pe$0')}`);
    assert.match(missing.hover!.markdown, /\*\*DNS zone group:\*\* none in the analysed files/);
    const wrong = await hover(
      `${network()}${endpoint('pe')}${zone('zoneFile', 'privatelink.file.core.windows.net')}${zoneGroup('zoneFile').replace("name: 'default'", "name: 'default$0'")}`,
    );
    assert.equal(wrong.hover, undefined, 'a zone group is not hovered');
    const wrongOnPe = await hover(
      `${network()}${endpoint('pe$0')}${zone('zoneFile', 'privatelink.file.core.windows.net')}${zoneGroup('zoneFile')}`,
    );
    assert.match(
      wrongOnPe.hover!.markdown,
      /`privatelink\.file\.core\.windows\.net` \(✗ not a zone this endpoint needs\)/,
    );
    const china = await hover(`${network()}${endpoint('pe$0')}`, 'AzureChinaCloud');
    assert.match(china.hover!.markdown, /in AzureChinaCloud:\*\* `privatelink\.blob\.core\.chinacloudapi\.cn`/);
  });
});

describe('hover: subnet', () => {
  test('shows the address range, the usable addresses (size − 5) and the endpoints inside', async () => {
    const { hover: result, text } = await hover(`${network('snet-pe$0')}${endpoint('pe')}`);
    assert.ok(result);
    assert.equal(text.slice(result.range.start, result.range.end), "'snet-pe'");
    const md = result.markdown;
    assert.match(md, /^\*\*Subnet\*\* `snet-pe` in VNet `vnet-spoke`/);
    assert.match(md, /\*\*Address range:\*\* `10\.0\.1\.0\/24`: `10\.0\.1\.0` to `10\.0\.1\.255` \(256 addresses\)/);
    assert.match(md, /\*\*Usable:\*\* `10\.0\.1\.4` to `10\.0\.1\.254`: 251 addresses \(Azure reserves 5\)/);
    assert.match(md, /\*\*Private endpoints \(1\):\*\* `pe-stdemo-blob`/);
    assert.match(md, /\*\*privateEndpointNetworkPolicies:\*\* `Enabled`/);
  });

  test('handles the smallest subnet and a prefix that is not known', async () => {
    const small = await hover(`${network('tiny$0', '10.0.1.0/29')}`);
    assert.match(small.hover!.markdown, /`10\.0\.1\.4` to `10\.0\.1\.6`: 3 addresses/);
    const unknown = await hover(
      `param prefix string\n${network('snet$0', "' ?? ''}").replace("'' ?? ''}'", 'prefix')}`,
    );
    assert.match(unknown.hover!.markdown, /\*\*Address range:\*\* `\$\{prefix\}` \(not known\)/);
  });

  test('puts every user name in a code span, whatever it holds', async () => {
    const { hover: result } = await hover(network('a`b*[x](http://e)$0'));
    assert.match(result!.markdown, /^\*\*Subnet\*\* ``a`b\*\[x\]\(http:\/\/e\)`` in VNet/);
  });
});

describe('hover: peering', () => {
  const vnet = (
    symbol: string,
    prefix: string,
  ) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${symbol}'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '${prefix}'
      ]
    }
  }
}
`;
  const peering = (
    symbol: string,
    from: string,
    to: string,
    flags: string,
    cursor = '',
  ) => `resource ${symbol}${cursor} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: ${from}
  name: '${symbol}'
  properties: {
    remoteVirtualNetwork: {
      id: ${to}.id
    }
    ${flags}
  }
}
`;

  test('shows the remote VNet, that the reverse is missing, and the flags', async () => {
    const { hover: result } = await hover(
      `${vnet('hub', '10.0.0.0/16')}${vnet('spoke', '10.1.0.0/16')}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: true', '$0')}`,
    );
    const md = result!.markdown;
    assert.match(md, /^\*\*VNet peering\*\* `hubToSpoke`/);
    assert.match(md, /\*\*From → to:\*\* `hub` → `spoke`/);
    assert.match(md, /\*\*Reverse peering:\*\* ✗ none: `spoke` has no peering back, so this one stays \*Initiated\*/);
    assert.match(md, /\| `allowGatewayTransit` \| true \| — \|/);
    assert.match(md, /\| `useRemoteGateways` \| not set \| — \|/);
  });

  test('shows the reverse peering and the flags on both sides', async () => {
    const { hover: result } = await hover(
      `${vnet('hub', '10.0.0.0/16')}${vnet('spoke', '10.1.0.0/16')}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: true')}${peering('spokeToHub', 'spoke', 'hub', 'useRemoteGateways: true', '$0')}`,
    );
    const md = result!.markdown;
    assert.match(md, /\*\*Reverse peering:\*\* ✓ `hubToSpoke`/);
    assert.match(md, /\| `allowGatewayTransit` \| not set \| true \|/);
    assert.match(md, /\| `useRemoteGateways` \| true \| not set \|/);
  });

  test('cannot tell when the remote VNet is not in the analysed files', async () => {
    const { hover: result } = await hover(
      `${vnet('hub', '10.0.0.0/16')}${peering('toRemote', 'hub', 'hub', '', '$0').replace('hub.id', "'/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far'")}`,
    );
    assert.match(result!.markdown, /\*\*Reverse peering:\*\* cannot tell: the remote VNet is not declared/);
  });
});

describe('hover: private DNS zone', () => {
  test('shows the linked VNets and the zone groups that use it', async () => {
    const { hover: result } = await hover(
      `${network()}${endpoint('pe')}${zone('zoneBlob', 'privatelink.blob.${environment().suffixes.storage}', '$0')}${zoneGroup('zoneBlob')}`,
    );
    const md = result!.markdown;
    assert.match(md, /^\*\*Private DNS zone\*\* `privatelink\.blob\.core\.windows\.net` · symbol `zoneBlob`/);
    assert.match(md, /Recommended zone in AzureCloud for .*Storage account \(`blob`\)/);
    assert.match(md, /\*\*Linked VNets \(1\):\*\* `vnet-spoke`/);
    assert.match(md, /\*\*Used by zone groups \(1\):\*\* `default` of `pe-stdemo-blob`/);
  });

  test('recommends no zone FACTS does not name: a misspelt zone is not endorsed', async () => {
    const { hover: result } = await hover(
      `${network()}${endpoint('pe')}${zone('zoneVault', 'privatelink.vault.azure.net', '$0')}`,
    );
    assert.match(result!.markdown, /^\*\*Private DNS zone\*\* `privatelink\.vault\.azure\.net`/);
    assert.doesNotMatch(result!.markdown, /Recommended/);
  });

  test('works in ARM templates on the "type" and "name" values', async () => {
    const template = (cursorOnName: boolean) =>
      `//- /main.json\n${armTemplate(
        `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-mgmt",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.2.0.0/16" ] }, "subnets": [ { "name": "snet-vms", "properties": { "addressPrefix": "10.2.0.0/24" } } ] }
    }`,
        `    {
      "type": "Microsoft.Network/privateDnsZones${cursorOnName ? '' : '$0'}",
      "apiVersion": "2024-06-01",
      "name": "contoso.internal${cursorOnName ? '$0' : ''}",
      "location": "global"
    }`,
        `    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "contoso.internal/link-mgmt",
      "location": "global",
      "properties": { "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-mgmt')]" }, "registrationEnabled": true }
    }`,
      )}`;
    for (const onName of [false, true]) {
      const { hover: result } = await hover(template(onName));
      assert.match(result!.markdown, /^\*\*Private DNS zone\*\* `contoso\.internal`/);
      assert.match(result!.markdown, /\*\*Linked VNets \(1\):\*\* `vnet-mgmt` \(auto-registration\)/);
    }
    const subnet = await hover(
      template(false).replace('"snet-vms"', '"snet-vms$0"').replace('privateDnsZones$0', 'privateDnsZones'),
    );
    assert.match(subnet.hover!.markdown, /`10\.2\.0\.4` to `10\.2\.0\.254`: 251 addresses/);
  });

  test('gives no hover away from anchors', async () => {
    const { hover: result } = await hover(
      `${network()}${endpoint('pe').replace("location: 'westeurope'", "location: 'westeu$0rope'")}`,
    );
    assert.equal(result, undefined);
  });
});
