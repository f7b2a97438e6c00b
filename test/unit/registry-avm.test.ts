// Azure Verified Modules without a restore cache (issue 15, items 2 and 3): the interface models
// declare what each module deploys from the call's parameters alone, at the entry the user wrote,
// and the rules judge those resources as they judge plain ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { displayValue } from '../../server/src/model/json';
import type { NetworkModel } from '../../server/src/model/types';
import { placeAvmModule } from '../../server/src/evaluate/registry/avm-catalog';
import peDnsZoneGroupMissing from '../../server/src/rules/pe-dns-zone-group-missing';
import pePublicAccess from '../../server/src/rules/pe-public-access-enabled';
import peeringReverseMissing from '../../server/src/rules/peering-reverse-missing';
import dnsZoneVnetLinkMissing from '../../server/src/rules/dns-zone-vnet-link-missing';
import dnsZoneUnlinked from '../../server/src/rules/dns-zone-unlinked';
import peSubnetPoliciesIgnored from '../../server/src/rules/pe-subnet-policies-ignored';
import subnetCidrInvalid from '../../server/src/rules/subnet-cidr-invalid';
import vnetAddressOverlap from '../../server/src/rules/vnet-address-overlap';
import { fixtureHost, splitFixture } from '../support/fixture';
import { ruleTests } from '../support/rule-test';

async function modelOf(fixture: string): Promise<{ model: NetworkModel; text: string }> {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  return { model: await workspaceModel(workspace, undefined), text: [...files.values()][0] };
}

const hub = (version = '0.7.0') => `module hub 'br/public:avm/res/network/virtual-network:${version}' = {
  name: 'hub'
  params: {
    name: 'vnet-hub'
    addressPrefixes: ['10.0.0.0/16']
    subnets: [
      { name: 'snet-pe', addressPrefix: '10.0.1.0/24' }
    ]
  }
}
`;
const zone = `module zone 'br/public:avm/res/network/private-dns-zone:0.8.0' = {
  name: 'zone'
  params: {
    name: 'privatelink.vaultcore.azure.net'
    virtualNetworkLinks: [
      { virtualNetworkResourceId: hub.outputs.resourceId }
    ]
  }
}
`;
const vault = (
  entry: string,
  extra = '',
  version = '0.11.0',
) => `module kv 'br/public:avm/res/key-vault/vault:${version}' = {
  name: 'kv'
  params: {
    name: 'kv-demo'${extra}
    privateEndpoints: [
      ${entry}
    ]
  }
}
`;
const zoneGroup = `privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zone.outputs.resourceId } ] }`;

describe('AVM interface models', () => {
  test("a privateEndpoints entry becomes an endpoint on the module's subnet and main resource, anchored at the entry", async () => {
    const { model, text } = await modelOf(
      hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
    );
    assert.equal(model.privateEndpoints.length, 1);
    const endpoint = model.privateEndpoints[0];
    assert.equal(displayValue(endpoint.name), 'pep-kv-demo-vault-0');
    assert.ok(endpoint.subnet?.resolved && displayValue(endpoint.subnet.target.name) === 'vnet-hub/snet-pe');
    const target = endpoint.connections[0].target;
    assert.ok(
      target?.resolved && target.target.kind === 'target' && target.target.type === 'Microsoft.KeyVault/vaults',
    );
    assert.deepEqual(endpoint.connections[0].groupIds, ['vault']);
    assert.equal(endpoint.zoneGroups.length, 1);
    assert.ok(endpoint.zoneGroups[0].configs[0].zone?.resolved);
    assert.match(text.slice(endpoint.decl.range.start, endpoint.decl.range.end), /^\{ subnetResourceId: hub/);
    assert.equal(endpoint.decl.registry?.paramPath, 'privateEndpoints[0]');
    assert.match(text.slice(endpoint.decl.via.at(-1)!.start, endpoint.decl.via.at(-1)!.end), /^kv$/);
  });

  test('the older privateDnsZoneResourceIds shape gives the endpoint its zone group', async () => {
    const { model } = await modelOf(
      hub() +
        zone +
        vault(
          `{ subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneResourceIds: [zone.outputs.resourceId] }`,
        ),
    );
    const configs = model.privateEndpoints[0].zoneGroups[0].configs;
    assert.equal(configs.length, 1);
    assert.ok(configs[0].zone?.resolved);
  });

  test('avm/res/network/private-endpoint declares its endpoint and zone group from its params', async () => {
    const { model } = await modelOf(`${hub()}${zone}
module pe 'br/public:avm/res/network/private-endpoint:0.11.0' = {
  name: 'pe'
  params: {
    name: 'pe-blob'
    subnetResourceId: hub.outputs.subnetResourceIds[0]
    privateLinkServiceConnections: [
      { name: 'blob', properties: { privateLinkServiceId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1', groupIds: ['blob'] } }
    ]
    ${zoneGroup}
  }
}
`);
    assert.equal(model.privateEndpoints.length, 1);
    assert.equal(displayValue(model.privateEndpoints[0].name), 'pe-blob');
    assert.ok(model.privateEndpoints[0].subnet?.resolved);
    assert.equal(model.privateEndpoints[0].zoneGroups.length, 1);
  });

  test('virtual-network declares subnets with their policies and both peerings when remotePeeringEnabled is true', async () => {
    const { model } = await modelOf(`${hub()}
module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.1.0.0/16']
    dnsServers: ['10.0.0.4']
    subnets: [ { name: 'snet-a', addressPrefix: '10.1.0.0/24', privateEndpointNetworkPolicies: 'Enabled', serviceEndpoints: ['Microsoft.Storage'] } ]
    peerings: [ { remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true, allowForwardedTraffic: false } ]
  }
}
`);
    assert.deepEqual(model.vnets.map((v) => displayValue(v.name)).sort(), ['vnet-hub', 'vnet-spoke']);
    const spoke = model.vnets.find((v) => v.name === 'vnet-spoke')!;
    assert.deepEqual(spoke.dnsServers, ['10.0.0.4']);
    const subnet = model.subnets.find((s) => s.name === 'vnet-spoke/snet-a')!;
    assert.equal(
      (subnet.properties as { privateEndpointNetworkPolicies: string }).privateEndpointNetworkPolicies,
      'Enabled',
    );
    assert.deepEqual(model.peerings.map((p) => displayValue(p.name)).sort(), [
      'vnet-hub/peer-vnet-hub-vnet-spoke',
      'vnet-spoke/peer-vnet-spoke-vnet-hub',
    ]);
    for (const peering of model.peerings)
      assert.ok(peering.remote?.resolved, `${displayValue(peering.name)} reaches its remote`);
    const local = model.peerings.find((p) => p.name === 'vnet-spoke/peer-vnet-spoke-vnet-hub')!;
    assert.equal((local.properties as { allowForwardedTraffic: boolean }).allowForwardedTraffic, false);
  });

  test('a version outside every checked range declares nothing', async () => {
    const { model } = await modelOf(hub('9.0.0'));
    assert.equal(model.vnets.length, 0);
    assert.equal(placeAvmModule('avm/res/network/virtual-network', '9.0.0')?.version, undefined);
    assert.ok(placeAvmModule('avm/res/network/virtual-network', '0.7.0')?.version);
    assert.equal(placeAvmModule('avm/res/network/private-endpoint', '0.6.0')?.version, undefined);
    assert.equal(placeAvmModule('avm/res/key-vault/vault', 'latest')?.version, undefined);
  });
});

ruleTests(peDnsZoneGroupMissing, {
  valid: [
    {
      name: 'AVM entry with privateDnsZoneGroup',
      code: hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
    },
    {
      name: 'AVM entry whose zone group is a parameter the caller may set',
      code: `param group object\n${hub()}${zone}${vault('{ subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneGroup: group }')}`,
    },
    {
      name: "AVM entry whose zone group is null under a parameter's default, which the caller may change (DESIGN §2)",
      code: `param zoneId string = ''\n${hub()}${vault(
        '{ subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneGroup: empty(zoneId) ? null : { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zoneId } ] } }',
      )}`,
    },
    {
      name: "AVM entry that a parameter's default leaves without the zone group key (union)",
      code: `param zoneId string = ''\n${hub()}${vault(
        'union({ subnetResourceId: hub.outputs.subnetResourceIds[0] }, empty(zoneId) ? {} : { privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zoneId } ] } })',
      )}`,
    },
  ],
  invalid: [
    {
      name: 'AVM entry whose zone group is written null',
      code:
        hub() + zone + vault('[|{ subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneGroup: null }|]'),
      errors: [{ messageId: 'missingInVnet' }],
    },
    {
      name: 'AVM entry without a zone group',
      code: hub() + zone + vault('[|{ subnetResourceId: hub.outputs.subnetResourceIds[0] }|]'),
      errors: [{ messageId: 'missingInVnet' }],
      output: hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
    },
  ],
});

ruleTests(subnetCidrInvalid, {
  valid: [
    {
      name: 'AVM: an IPAM pool id among the address prefixes leaves the space unknown (what the module does with it FACTS §17 does not say)',
      code: hub().replace(
        "addressPrefixes: ['10.0.0.0/16']",
        "addressPrefixes: [ '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/avnm/ipamPools/pool-weu' ]",
      ),
    },
  ],
  invalid: [
    {
      name: 'AVM: an address prefix that is no CIDR',
      code: hub().replace("addressPrefixes: ['10.0.0.0/16']", "addressPrefixes: [|[ '10.0.0.0' ]|]"),
      errors: [{ messageId: 'malformed' }],
    },
  ],
});

ruleTests(vnetAddressOverlap, {
  valid: [],
  invalid: [
    {
      // Both peerings come from one entry: one finding there, not one per direction (review of AVM calls).
      name: 'AVM: a peering entry with remotePeeringEnabled between overlapping VNets is one finding',
      code: `${hub()}module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.0.128.0/20']
    peerings: [
      [|{ remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true }|]
    ]
  }
}
`,
      errors: [{ messageId: 'overlap' }],
    },
  ],
});

ruleTests(pePublicAccess, {
  valid: [
    {
      name: 'AVM vault with public access off',
      code:
        hub() +
        zone +
        vault(
          `{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`,
          `\n    publicNetworkAccess: 'Disabled'`,
        ),
    },
    {
      name: 'AVM vault leaving the default (module- and version-dependent)',
      code: hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
    },
  ],
  invalid: [
    {
      name: 'AVM vault with public access on',
      code:
        hub() +
        zone +
        vault(
          `{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`,
          `\n    publicNetworkAccess: 'Enabled'`,
        ).replace('module kv', 'module [|kv|]'),
      errors: [{ messageId: 'enabled' }],
    },
    {
      name: 'AVM vault with public access on and a networkAcls of its own: what the module writes from it is unknown',
      code:
        hub() +
        zone +
        vault(
          `{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`,
          `\n    publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }`,
        ).replace('module kv', 'module [|kv|]'),
      errors: [{ messageId: 'enabledFirewallUnknown', message: /open to whatever its firewall lets through/ }],
    },
    {
      name: 'AVM storage account with public access on: the module writes a firewall of its own',
      code: `${hub()}module [|st|] 'br/public:avm/res/storage/storage-account:0.14.3' = {
  name: 'st'
  params: {
    name: 'stdemo001'
    publicNetworkAccess: 'Enabled'
    privateEndpoints: [
      { service: 'blob', subnetResourceId: hub.outputs.subnetResourceIds[0] }
    ]
  }
}
`,
      errors: [{ messageId: 'enabledFirewallUnknown' }],
    },
    {
      // The module's virtual-network-rule children, modelled from its sources: public access is what
      // the rules need (FACTS §9.3), said as information, as with a restore cache (review of AVM calls).
      name: 'AVM SQL server with public access on for its virtual network rules: information',
      code: `${hub()}module [|sql|] 'br/public:avm/res/sql/server:0.20.1' = {
  name: 'sql'
  params: {
    name: 'sql-demo'
    publicNetworkAccess: 'Enabled'
    virtualNetworkRules: [
      { name: 'app', virtualNetworkSubnetResourceId: hub.outputs.subnetResourceIds[0] }
    ]
    privateEndpoints: [
      { subnetResourceId: hub.outputs.subnetResourceIds[0] }
    ]
  }
}
`,
      errors: [{ messageId: 'enabledForNetworkRules', level: 'info' }],
    },
  ],
});

const spoke = (peering: string) => `module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.1.0.0/16']
    peerings: [
      ${peering}
    ]
  }
}
`;

ruleTests(peeringReverseMissing, {
  valid: [
    {
      name: 'AVM peering with remotePeeringEnabled builds the reverse',
      code: hub() + spoke('{ remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true }'),
    },
  ],
  invalid: [
    {
      name: 'AVM peering without the reverse',
      code: hub() + spoke('[|{ remoteVirtualNetworkResourceId: hub.outputs.resourceId }|]'),
      errors: [{ messageId: 'missing' }],
      output: hub() + spoke('{ remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true }'),
    },
  ],
});

ruleTests(dnsZoneVnetLinkMissing, {
  valid: [
    {
      name: "AVM zone linked to the endpoint's VNet",
      code: hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
    },
  ],
  invalid: [],
});

describe('the unseen-modules notice', () => {
  const noticesOf = (fixture: string) => {
    const files = splitFixture(fixture);
    const workspace = new Workspace(fixtureHost(files));
    for (const [uri, text] of files) workspace.setFile(uri, text);
    return workspace.notices();
  };

  test('one notice per workspace lists the registry modules neither cached nor modelled, at the first call', () => {
    const notices = noticesOf(`//- /a.bicep
module rg 'br/public:avm/res/resources/resource-group:0.4.0' = {
  name: 'rg'
}
module old 'br/public:avm/res/network/virtual-network:9.1.0' = {
  name: 'old'
}
//- /b.bicep
module mine 'br:contoso.azurecr.io/modules/hub:1.0.0' = {
  name: 'mine'
}
${hub()}`);
    assert.equal(notices.length, 1);
    assert.match(notices[0].uri, /a\.bicep$/);
    assert.equal(notices[0].start, 0);
    assert.match(notices[0].message, /3 registry module calls/);
    assert.match(notices[0].message, /'br\/public:avm\/res\/network\/virtual-network:9\.1\.0'/);
    assert.match(notices[0].message, /'br:contoso\.azurecr\.io\/modules\/hub:1\.0\.0'/);
    assert.doesNotMatch(notices[0].message, /virtual-network:0\.7\.0/);
    assert.match(notices[0].message, /bicep restore/);
  });

  test('a workspace whose registry modules are all modelled gets no notice', () => {
    assert.deepEqual(noticesOf(hub() + zone), []);
  });
});

describe('fixes through the interface', () => {
  const entryWithout = '{ subnetResourceId: hub.outputs.subnetResourceIds[0] }';
  ruleTests(peDnsZoneGroupMissing, {
    valid: [],
    invalid: [
      {
        name: 'the privateEndpoints entry gets its privateDnsZoneGroup',
        code: hub() + zone + vault(`[|${entryWithout}|]`),
        errors: [{ messageId: 'missingInVnet' }],
        output: hub() + zone + vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
        fixTitle: /Add DNS zone group/,
      },
    ],
  });

  ruleTests(peeringReverseMissing, {
    valid: [],
    invalid: [
      {
        name: 'the peering entry gets remotePeeringEnabled',
        code: hub() + spoke('[|{ remoteVirtualNetworkResourceId: hub.outputs.resourceId }|]'),
        errors: [{ messageId: 'missing' }],
        output: hub() + spoke('{ remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true }'),
      },
    ],
  });

  const unlinkedZone = `module zone 'br/public:avm/res/network/private-dns-zone:0.8.0' = {
  name: 'zone'
  params: {
    name: 'privatelink.vaultcore.azure.net'
  }
}
`;
  ruleTests(dnsZoneUnlinked, {
    valid: [],
    invalid: [
      {
        name: 'the zone module gets virtualNetworkLinks',
        code:
          hub() +
          unlinkedZone.replace('module zone', 'module [|zone|]') +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
        errors: [{ messageId: 'unlinked' }],
        output:
          hub() +
          unlinkedZone.replace(
            `    name: 'privatelink.vaultcore.azure.net'\n`,
            `    name: 'privatelink.vaultcore.azure.net'\n    virtualNetworkLinks: [\n      { virtualNetworkResourceId: hub.outputs.resourceId }\n    ]\n`,
          ) +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
      },
    ],
  });
});

describe('subnet policy through the interface', () => {
  // The NSG denies all inbound traffic, so whether it applies to the endpoint matters (class 4 of #14).
  const nsgHub = (entryExtra: string) => `resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
  properties: {
    securityRules: [
      { name: 'DenyAllInbound', properties: { priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } }
    ]
  }
}
module hub 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'hub'
  params: {
    name: 'vnet-hub'
    addressPrefixes: ['10.0.0.0/16']
    subnets: [
      ${entryExtra}
    ]
  }
}
`;
  ruleTests(peSubnetPoliciesIgnored, {
    valid: [
      {
        name: 'AVM subnet entry with the policy on',
        code:
          nsgHub(
            `{ name: 'snet-pe', addressPrefix: '10.0.1.0/24', networkSecurityGroupResourceId: nsg.id, privateEndpointNetworkPolicies: 'Enabled' }`,
          ) +
          zone +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
      },
    ],
    invalid: [
      {
        name: 'the subnets entry gets privateEndpointNetworkPolicies',
        code:
          nsgHub(
            `[|{ name: 'snet-pe', addressPrefix: '10.0.1.0/24', networkSecurityGroupResourceId: nsg.id, privateEndpointNetworkPolicies: 'Disabled' }|]`,
          ) +
          zone +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
        errors: [{ messageId: 'ignored' }],
        output:
          nsgHub(
            `{ name: 'snet-pe', addressPrefix: '10.0.1.0/24', networkSecurityGroupResourceId: nsg.id, privateEndpointNetworkPolicies: 'Enabled' }`,
          ) +
          zone +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
      },
      {
        // The fix would change whatever else uses the variable: none is offered.
        name: 'a subnets entry written in a variable is reported there, with no fix',
        code:
          nsgHub('...hubSubnets') +
          `var hubSubnets = [\n  [|{ name: 'snet-pe', addressPrefix: '10.0.1.0/24', networkSecurityGroupResourceId: nsg.id, privateEndpointNetworkPolicies: 'Disabled' }|]\n]\n` +
          zone +
          vault(`{ subnetResourceId: hub.outputs.subnetResourceIds[0], ${zoneGroup} }`),
        errors: [{ messageId: 'ignored' }],
        output: null,
      },
    ],
  });
});
