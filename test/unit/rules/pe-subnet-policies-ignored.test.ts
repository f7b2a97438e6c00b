import rule from '../../../server/src/rules/pe-subnet-policies-ignored';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';
import {
  armEndpointInSnetPe,
  armSpokeBehindNsg,
  armSpokeSubnets,
  nsgRef,
  spokeVnetWithSubnets,
} from '../../support/subnet-fixtures';

/** One NSG security rule (Bicep) with the given fields over a deny-everything-inbound default. */
const securityRule = (name: string, fields: Record<string, string | number> = {}) => {
  const all: Record<string, string | number> = {
    priority: 4096,
    direction: 'Inbound',
    access: 'Deny',
    protocol: '*',
    sourceAddressPrefix: '*',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
    ...fields,
  };
  const body = Object.entries(all)
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? value : `'${value}'`}`)
    .join(', ');
  return `      { name: '${name}', properties: { ${body} } }\n`;
};
const denyAll = securityRule('DenyAllInbound');
const nsgWith = (rules: string) => `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
  properties: {
    securityRules: [
${rules}    ]
  }
}
`;
/** A route table with one inline route to `prefix` via `hop`. */
const routesTo = (
  prefix: string,
  hop = 'VirtualAppliance',
) => `resource rt 'Microsoft.Network/routeTables@2025-09-01' = {
  name: 'rt-spoke'
  location: 'westeurope'
  properties: {
    routes: [ { name: 'to-hub', properties: { addressPrefix: '${prefix}', nextHopType: '${hop}'${hop === 'VirtualAppliance' ? ", nextHopIpAddress: '10.0.1.4'" : ''} } } ]
  }
}
`;
/**
 * A VNet (at `apiVersion`) whose first inline subnet holds an endpoint and has `extra` properties; the
 * second subnet, of clients, has `clientExtra`. `name` may carry a marker.
 */
const network = (
  extra: string,
  name = "'snet-pe'",
  apiVersion = '2025-09-01',
  head = '',
  clientExtra = '',
) => `${head}resource vnet 'Microsoft.Network/virtualNetworks@${apiVersion}' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [
      {
        name: ${name}
        properties: {
          addressPrefix: '10.1.1.0/24'
          ${extra}
        }
      }
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.2.0/24'
          ${clientExtra}
        }
      }
    ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: vnet.properties.subnets[0].id } }
}
`;
const marked = "[|'snet-pe'|]";
const withNsg = 'networkSecurityGroup: { id: nsg.id }';

ruleTests(rule, {
  valid: [
    { name: 'effect, not presence (class 4): an NSG with no rules', code: nsgWith('') + network(withNsg) },
    {
      name: 'effect, not presence (class 4): an NSG whose only rule allows SSH',
      code:
        nsgWith(
          securityRule('AllowSsh', { priority: 100, access: 'Allow', protocol: 'Tcp', destinationPortRange: '22' }),
        ) + network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an NSG that denies outbound Internet',
      code:
        nsgWith(securityRule('DenyInternetOut', { direction: 'Outbound', destinationAddressPrefix: 'Internet' })) +
        network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an inbound deny of RDP only (FACTS gives no endpoint ports)',
      code: nsgWith(securityRule('DenyRdp', { destinationPortRange: '3389' })) + network(withNsg),
    },
    {
      name: "effect, not presence (class 4): an inbound deny from the 'Internet' tag",
      code: nsgWith(securityRule('DenyInternet', { sourceAddressPrefix: 'Internet' })) + network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an inbound deny of another subnet',
      code: nsgWith(securityRule('DenyApp', { destinationAddressPrefix: '10.1.2.0/24' })) + network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an earlier allow of everything from the VNet makes the deny moot',
      code:
        nsgWith(
          securityRule('AllowVnet', {
            priority: 100,
            access: 'Allow',
            sourceAddressPrefix: 'VirtualNetwork',
            destinationAddressPrefix: 'VirtualNetwork',
          }) + denyAll,
        ) + network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): NSG rules from a parameter without default',
      code:
        "param rules array\nresource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {\n  name: 'nsg-pe'\n  location: 'westeurope'\n  properties: { securityRules: rules }\n}\n" +
        network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an NSG outside the analysed files has unknown rules',
      code: network(
        "networkSecurityGroup: { id: resourceId('rg-hub', 'Microsoft.Network/networkSecurityGroups', 'nsg-hub') }",
      ),
    },
    {
      name: 'effect, not presence (class 4): an existing NSG has unknown rules',
      code:
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' existing = {\n  name: 'nsg-pe'\n}\n" +
        network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): an earlier rule of unknown access may allow everything',
      code:
        'param access string\n' +
        nsgWith(
          "      { name: 'First', properties: { priority: 100, direction: 'Inbound', access: access, protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } }\n" +
            denyAll,
        ) +
        network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): a deny rule resource that may not be deployed',
      code: `param strict bool\n${nsgWith('')}resource deny 'Microsoft.Network/networkSecurityGroups/securityRules@2025-09-01' = if (strict) {
  parent: nsg
  name: 'DenyAllInbound'
  properties: { priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' }
}
${network(withNsg)}`,
    },
    {
      name: 'effect, not presence (class 4): a 0.0.0.0/0 route never overrides the /32 (FACTS §3.1)',
      code:
        routesTo('0.0.0.0/0') +
        network('routeTable: { id: rt.id }', undefined, undefined, '', 'routeTable: { id: rt.id }'),
    },
    {
      name: "effect, not presence (class 4): a route longer than the VNet's address space",
      code: routesTo('10.1.1.0/24') + network('', undefined, undefined, '', 'routeTable: { id: rt.id }'),
    },
    {
      name: 'effect, not presence (class 4): a route that misses the endpoint subnet',
      code: routesTo('10.2.0.0/16') + network('', undefined, undefined, '', 'routeTable: { id: rt.id }'),
    },
    {
      name: 'effect, not presence (class 4): a VnetLocal route',
      code: routesTo('10.1.0.0/16', 'VnetLocal') + network('', undefined, undefined, '', 'routeTable: { id: rt.id }'),
    },
    {
      name: "a deny with 'Enabled'",
      code: nsgWith(denyAll) + network(`${withNsg}\n          privateEndpointNetworkPolicies: 'Enabled'`),
    },
    {
      name: "a deny with 'NetworkSecurityGroupEnabled'",
      code:
        nsgWith(denyAll) +
        network(`${withNsg}\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'`),
    },
    {
      name: "a VNet route with 'RouteTableEnabled'",
      code:
        routesTo('10.1.0.0/16') +
        network(
          "privateEndpointNetworkPolicies: 'RouteTableEnabled'",
          undefined,
          undefined,
          '',
          'routeTable: { id: rt.id }',
        ),
    },
    {
      name: 'a policy from a parameter without default',
      code:
        nsgWith(denyAll) +
        network(
          `${withNsg}\n          privateEndpointNetworkPolicies: policy`,
          undefined,
          undefined,
          'param policy string\n',
        ),
    },
    {
      name: 'an NSG that may be null',
      code:
        nsgWith(denyAll) +
        network('networkSecurityGroup: useNsg ? { id: nsg.id } : null', undefined, undefined, 'param useNsg bool\n'),
    },
    {
      name: "a case variant of a value stays silent ('enabled')",
      code: nsgWith(denyAll) + network(`${withNsg}\n          privateEndpointNetworkPolicies: 'enabled'`),
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code:
        nsgWith(denyAll) +
        network(withNsg, undefined, undefined, 'param deploy bool\n').replace(
          "= {\n  name: 'pe-kv'",
          "= if (deploy) {\n  name: 'pe-kv'",
        ),
    },
    {
      name: "effect, not presence (class 4): an earlier allow from a range that contains the deny's source makes it moot",
      code:
        nsgWith(
          securityRule('AllowCorp', { priority: 100, access: 'Allow', sourceAddressPrefix: '10.0.0.0/8' }) +
            securityRule('DenyVnetRange', {
              sourceAddressPrefix: '10.1.0.0/16',
              destinationAddressPrefix: '10.1.1.0/24',
            }),
        ) + network(withNsg),
    },
    {
      name: 'effect, not presence (class 4): two earlier allows that together admit both sources of the deny',
      code:
        nsgWith(
          securityRule('AllowTen', { priority: 100, access: 'Allow', sourceAddressPrefix: '10.0.0.0/8' }) +
            securityRule('AllowOnPrem', { priority: 110, access: 'Allow', sourceAddressPrefix: '192.168.0.0/16' }) +
            "      { name: 'DenyBoth', properties: { priority: 4000, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefixes: [ '10.1.0.0/16', '192.168.1.0/24' ], sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } }\n",
        ) + network(withNsg),
    },
    {
      name: "effect, not presence (class 4): two earlier allows whose ranges together hold the deny's range",
      code:
        nsgWith(
          securityRule('AllowSiteA', { priority: 100, access: 'Allow', sourceAddressPrefix: '192.168.0.0/17' }) +
            securityRule('AllowSiteB', { priority: 110, access: 'Allow', sourceAddressPrefix: '192.168.128.0/17' }) +
            securityRule('DenyOnPrem', { priority: 200, sourceAddressPrefix: '192.168.0.0/16' }),
        ) + network(withNsg),
    },
    {
      name: 'Government cloud: private endpoints take no NSG there (FACTS §2.3)',
      cloud: 'AzureUSGovernment',
      code: (nsgWith(denyAll) + network(withNsg)).replaceAll('westeurope', 'usgovvirginia'),
    },
    {
      name: 'West India: private endpoints take neither NSG nor route table there (FACTS §2.3)',
      code: (
        nsgWith(denyAll) +
        routesTo('10.0.0.0/8') +
        network(`${withNsg}\n          routeTable: { id: rt.id }`)
      ).replaceAll('westeurope', 'westindia'),
    },
  ],
  invalid: [
    {
      name: 'effect, not presence (class 4): an inbound deny of everything, policy unset',
      code: nsgWith(denyAll) + network(withNsg, marked),
      errors: [
        {
          messageId: 'ignored',
          level: 'warning',
          message:
            /'snet-pe' in VNet 'vnet-spoke' holds private endpoint 'pe-kv', but privateEndpointNetworkPolicies is unset \(default 'Disabled'\): rule 'DenyAllInbound' of NSG 'nsg-pe' would block traffic to the endpoints but is not applied to them\. Set 'NetworkSecurityGroupEnabled'\./,
        },
      ],
      output:
        nsgWith(denyAll) +
        network(`${withNsg}\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'`),
    },
    {
      name: "effect, not presence (class 4): an earlier allow from a range that misses part of the deny's source",
      code:
        nsgWith(
          securityRule('AllowApp', { priority: 100, access: 'Allow', sourceAddressPrefix: '10.2.0.0/16' }) +
            securityRule('DenyTen', { sourceAddressPrefix: '10.0.0.0/8', destinationAddressPrefix: '10.1.1.0/24' }),
        ) + network(withNsg, marked),
      errors: [{ messageId: 'ignored', message: /rule 'DenyTen' of NSG 'nsg-pe' would block traffic/ }],
      output:
        nsgWith(
          securityRule('AllowApp', { priority: 100, access: 'Allow', sourceAddressPrefix: '10.2.0.0/16' }) +
            securityRule('DenyTen', { sourceAddressPrefix: '10.0.0.0/8', destinationAddressPrefix: '10.1.1.0/24' }),
        ) + network(`${withNsg}\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'`),
    },
    {
      name: "a client subnet's route, and an NSG whose Tcp deny does not certainly block: the fix applies the route only",
      code:
        nsgWith(securityRule('DenyTcpInbound', { priority: 4000, protocol: 'Tcp' })) +
        routesTo('10.1.0.0/16') +
        network(withNsg, marked, undefined, '', 'routeTable: { id: rt.id }'),
      errors: [{ messageId: 'ignored', message: /route 'to-hub'.*Set 'RouteTableEnabled'\./ }],
      output:
        nsgWith(securityRule('DenyTcpInbound', { priority: 4000, protocol: 'Tcp' })) +
        routesTo('10.1.0.0/16') +
        network(
          `${withNsg}\n          privateEndpointNetworkPolicies: 'RouteTableEnabled'`,
          undefined,
          undefined,
          '',
          'routeTable: { id: rt.id }',
        ),
    },
    {
      name: "Government cloud: a deny and a covering route report the route only, and the fix is 'RouteTableEnabled'",
      cloud: 'AzureUSGovernment',
      code: (
        nsgWith(denyAll) +
        routesTo('10.0.0.0/8') +
        network(
          `${withNsg}\n          routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'Disabled'`,
          marked,
        )
      ).replaceAll('westeurope', 'usgovvirginia'),
      errors: [
        {
          messageId: 'ignored',
          message:
            /'Disabled': route 'to-hub' \(10\.0\.0\.0\/8 via VirtualAppliance\) of route table 'rt-spoke' on this subnet is overridden by the endpoints' \/32 routes\. Set 'RouteTableEnabled'\./,
        },
      ],
      output: edited(['Disabled', 'RouteTableEnabled']),
    },
    {
      name: 'a policy written as a parameter with a default: reported, without a fix that would overrule its callers',
      code:
        nsgWith(denyAll) +
        network(
          `${withNsg}\n          privateEndpointNetworkPolicies: policy`,
          marked,
          undefined,
          "param policy string = 'Disabled'\n",
        ),
      errors: [{ messageId: 'ignored', message: /privateEndpointNetworkPolicies is 'Disabled'/ }],
      output: null,
    },
    {
      name: 'effect, not presence (class 4): allow HTTPS from the VNet, then deny everything',
      code:
        nsgWith(
          securityRule('AllowHttps', {
            priority: 100,
            access: 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: 'VirtualNetwork',
            destinationPortRange: '443',
          }) + denyAll,
        ) + network(`${withNsg}\n          privateEndpointNetworkPolicies: 'Disabled'`, marked),
      errors: [{ messageId: 'ignored', message: /'Disabled': rule 'DenyAllInbound'/ }],
      output: edited(['Disabled', 'NetworkSecurityGroupEnabled']),
    },
    {
      name: 'effect, not presence (class 4): a deny from an address range to the subnet, as a rule resource',
      code: `${nsgWith('')}resource deny 'Microsoft.Network/networkSecurityGroups/securityRules@2025-09-01' = {
  parent: nsg
  name: 'DenyOnPrem'
  properties: { priority: 200, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '192.168.0.0/16', sourcePortRange: '*', destinationAddressPrefixes: [ '10.1.1.0/24' ], destinationPortRanges: [ '0-65535' ] }
}
${network(withNsg, marked)}`,
      errors: [{ messageId: 'ignored', message: /rule 'DenyOnPrem'/ }],
      output: edited([
        `nsg.id }
`,
        `nsg.id }
          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'
`,
      ]),
    },
    {
      name: 'effect, not presence (class 4): a client route over the VNet range is overridden by the /32',
      code: routesTo('10.1.0.0/16') + network('', marked, undefined, '', 'routeTable: { id: rt.id }'),
      errors: [
        {
          messageId: 'ignored',
          message:
            /route 'to-hub' \(10\.1\.0\.0\/16 via VirtualAppliance\) of route table 'rt-spoke' on subnet 'snet-app' is overridden by the endpoints' \/32 routes\. Set 'RouteTableEnabled'\./,
        },
      ],
      output: (routesTo('10.1.0.0/16') + network('', undefined, undefined, '', 'routeTable: { id: rt.id }')).replace(
        "addressPrefix: '10.1.1.0/24'\n",
        "addressPrefix: '10.1.1.0/24'\n          privateEndpointNetworkPolicies: 'RouteTableEnabled'\n",
      ),
    },
    {
      name: "effect, not presence (class 4): a deny and a covering route with 'Disabled' need 'Enabled'",
      code:
        nsgWith(denyAll) +
        routesTo('10.0.0.0/8') +
        network(
          `${withNsg}\n          routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'Disabled'`,
          marked,
        ),
      errors: [
        {
          messageId: 'ignored',
          message:
            /rule 'DenyAllInbound'.*; route 'to-hub' \(10\.0\.0\.0\/8 via VirtualAppliance\) of route table 'rt-spoke' on this subnet.*Set 'Enabled'/,
        },
      ],
      output: edited(['Disabled', 'Enabled']),
    },
    {
      name: "a covering route with 'NetworkSecurityGroupEnabled' keeps the NSG: 'Enabled'",
      code:
        nsgWith(denyAll) +
        routesTo('10.1.0.0/16') +
        network(
          `${withNsg}\n          routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'`,
          marked,
        ),
      errors: [{ messageId: 'ignored', message: /^(?!.*DenyAllInbound).*route 'to-hub'.*Set 'Enabled'/ }],
      output: edited(['NetworkSecurityGroupEnabled', 'Enabled']),
    },
    {
      name: "before API 2023-09-01 the fix is 'Enabled'",
      code: nsgWith(denyAll) + network(withNsg, marked, '2023-05-01'),
      errors: [{ messageId: 'ignored', message: /Set 'Enabled'/ }],
      output: edited([
        `nsg.id }
`,
        `nsg.id }
          privateEndpointNetworkPolicies: 'Enabled'
`,
      ]),
    },
    {
      name: "a subnet of a module called twice, one call's without the NSG: reported, no fix (it would change the other VNet's endpoints too)",
      code: `//- /main.bicep
module prod 'spoke.bicep' = {
  name: 'prod'
  params: { attachNsg: true }
}
module test 'spoke.bicep' = {
  name: 'test'
  scope: resourceGroup('rg-test')
  params: { attachNsg: false }
}
//- /spoke.bicep
param attachNsg bool
${nsgWith(denyAll)}${network('networkSecurityGroup: attachNsg ? { id: nsg.id } : null', marked)}`,
      errors: [{ messageId: 'ignored', message: /rule 'DenyAllInbound'/ }],
      output: null,
    },
    {
      name: "before API 2023-09-01, a route with an NSG on the subnet: 'RouteTableEnabled' named with its version, no fix ('Enabled' would apply the NSG too)",
      code:
        nsgWith(securityRule('DenyTcpInbound', { priority: 4000, protocol: 'Tcp' })) +
        routesTo('10.1.0.0/16') +
        network(withNsg, marked, '2022-07-01', '', 'routeTable: { id: rt.id }'),
      errors: [
        {
          messageId: 'ignoredNeedsNewerApi',
          message:
            /route 'to-hub'.*\. Set 'RouteTableEnabled' with API version 2023-09-01 or later: 'Enabled', the only value this version's schema lists that applies it, would also apply NSG 'nsg-pe' to them\.$/,
        },
      ],
      output: null,
    },
    {
      name: "before API 2023-09-01, a deny with a client route to a range the caller gives: no fix ('Enabled' would apply a route that may override the /32s)",
      code:
        nsgWith(denyAll) +
        routesTo('RANGE').replace("'RANGE'", 'onPremRange') +
        network(withNsg, marked, '2023-05-01', 'param onPremRange string\n', 'routeTable: { id: rt.id }'),
      errors: [
        {
          messageId: 'ignoredNeedsNewerApi',
          message:
            /rule 'DenyAllInbound'.*Set 'NetworkSecurityGroupEnabled' with API version 2023-09-01 or later: .*would also apply the route tables of the VNet's subnets to them\.$/,
        },
      ],
      output: null,
    },
    {
      name: 'before API 2023-09-01, a deny with an existing route table on a client subnet: no fix (its routes are not known)',
      code:
        nsgWith(denyAll) +
        "resource rt 'Microsoft.Network/routeTables@2025-09-01' existing = {\n  name: 'rt-shared'\n}\n" +
        network(withNsg, marked, '2023-05-01', '', 'routeTable: { id: rt.id }'),
      errors: [
        { messageId: 'ignoredNeedsNewerApi', message: /would also apply the route tables of the VNet's subnets/ },
      ],
      output: null,
    },
    {
      name: "before API 2023-09-01, a deny, and a peered hub whose gateway subnet routes the spoke's range: no fix (the /32s reach the peer too)",
      code:
        nsgWith(denyAll) +
        routesTo('10.1.0.0/16') +
        `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [ { name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/27', routeTable: { id: rt.id } } } ]
  }
}
resource toHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'to-hub'
  properties: { remoteVirtualNetwork: { id: hub.id } }
}
` +
        network(withNsg, marked, '2023-05-01'),
      errors: [
        {
          messageId: 'ignoredNeedsNewerApi',
          message: /would also apply the route tables of the VNet's subnets and of the VNets peered with it to them\.$/,
        },
      ],
      output: null,
    },
    {
      name: "before API 2023-09-01, a deny with only a 0.0.0.0/0 client route: 'Enabled' (that route does not override the /32s)",
      code:
        nsgWith(denyAll) +
        routesTo('0.0.0.0/0') +
        network(withNsg, marked, '2023-05-01', '', 'routeTable: { id: rt.id }'),
      errors: [{ messageId: 'ignored', message: /rule 'DenyAllInbound'.*Set 'Enabled'\.$/ }],
      output: edited([
        `nsg.id }
`,
        `nsg.id }
          privateEndpointNetworkPolicies: 'Enabled'
`,
      ]),
    },
    {
      name: "before API 2023-09-01, a route and no NSG on the subnet: 'Enabled' applies the route only",
      code: routesTo('10.1.0.0/16') + network('', marked, '2022-07-01', '', 'routeTable: { id: rt.id }'),
      errors: [{ messageId: 'ignored', message: /route 'to-hub'.*Set 'Enabled'\.$/ }],
      output: (routesTo('10.1.0.0/16') + network('', undefined, '2022-07-01', '', 'routeTable: { id: rt.id }')).replace(
        "addressPrefix: '10.1.1.0/24'\n",
        "addressPrefix: '10.1.1.0/24'\n          privateEndpointNetworkPolicies: 'Enabled'\n",
      ),
    },
    {
      name: 'a child subnet resource is reported at its declaration',
      code: `${nsgWith(denyAll)}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] } }
}
resource [|snet|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {
  parent: vnet
  name: 'snet-pe'
  properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }, privateEndpointNetworkPolicies: 'Disabled' }
}
resource pe1 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: snet.id } }
}
resource pe2 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-st'
  location: 'westeurope'
  properties: { subnet: { id: snet.id } }
}
`,
      errors: [
        {
          messageId: 'ignored',
          message: /'snet-pe' in VNet 'vnet-spoke' holds private endpoint 'pe-kv' \(and 1 more\)/,
        },
      ],
      output: edited(['Disabled', 'NetworkSecurityGroupEnabled']),
    },
  ],
});

// ARM JSON: an NSG with `rules`, a VNet whose inline subnet has `extra` properties, and an endpoint in that subnet.
const armDenyAll =
  '{ "name": "DenyAllInbound", "properties": { "priority": 4096, "direction": "Inbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*" } }';
const armAllowSsh =
  '{ "name": "AllowSsh", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22" } }';
const arm = (rules: string, extra: string, name = '"snet-pe"') =>
  armSpokeSubnets(
    `          {
            "name": ${name},
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-pe')]" }${extra}
            }
          }`,
    `,\n${armEndpointInSnetPe}`,
    `    { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2025-09-01", "name": "nsg-pe", "location": "westeurope", "properties": { "securityRules": [ ${rules} ] } },\n`,
  );

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "ARM: a deny with 'Enabled'",
      code: arm(armDenyAll, ',\n              "privateEndpointNetworkPolicies": "Enabled"'),
    },
    { name: 'ARM: effect, not presence (class 4): an NSG whose only rule allows SSH', code: arm(armAllowSsh, '') },
    {
      name: 'ARM: effect, not presence (class 4): an NSG with no rules',
      code: arm('', ',\n              "privateEndpointNetworkPolicies": "Disabled"'),
    },
  ],
  invalid: [
    {
      name: 'ARM: effect, not presence (class 4): an inbound deny of everything, policy unset',
      code: arm(`${armAllowSsh}, ${armDenyAll}`, '', '[|"snet-pe"|]'),
      errors: [
        { messageId: 'ignored', message: /rule 'DenyAllInbound' of NSG 'nsg-pe'.*Set 'NetworkSecurityGroupEnabled'/ },
      ],
      output: arm(
        `${armAllowSsh}, ${armDenyAll}`,
        ',\n              "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled"',
      ),
    },
    {
      name: "ARM: a deny with 'Disabled'",
      code: arm(armDenyAll, ',\n              "privateEndpointNetworkPolicies": "Disabled"', '[|"snet-pe"|]'),
      errors: [{ messageId: 'ignored' }],
      output: edited(['Disabled', 'NetworkSecurityGroupEnabled']),
    },
  ],
};
ruleTests(rule, armCases);

// set-subnet-policy: the value the template's API version allows, on inline subnets and child subnet
// resources, in Bicep and ARM; in CRLF, tab-indented, single-line and commented layouts.
// An NSG whose inbound deny would filter the endpoints' traffic (pe-subnet-policies-ignored judges effect).
const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
  properties: {
    securityRules: [ { name: 'DenyAllInbound', properties: { priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } } ]
  }
}
`;
// A route table whose route over the VNet's range the endpoints' /32 routes override.
const rt =
  "resource rt 'Microsoft.Network/routeTables@2025-09-01' = {\n  name: 'rt'\n  location: 'westeurope'\n  properties: { routes: [ { name: 'to-hub', properties: { addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } } ] }\n}\n";
const pe = (
  subnet = 'vnet.properties.subnets[0].id',
) => `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: ${subnet} } }
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep inline subnet, policy unset: the property is added after the last one, comment kept',
      code:
        nsg +
        spokeVnetWithSubnets(`      {
        name: [|'snet-pe'|]
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id } // the NSG
        }
      }`) +
        pe(),
      errors: [{ messageId: 'ignored' }],
      fixTitle: /^Set privateEndpointNetworkPolicies to 'NetworkSecurityGroupEnabled'$/,
      output:
        nsg +
        spokeVnetWithSubnets(`      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id } // the NSG
          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'
        }
      }`) +
        pe(),
    },
    {
      name: "Bicep inline subnet on an API version before NetworkSecurityGroupEnabled: 'Enabled', replacing 'Disabled'",
      code:
        nsg +
        spokeVnetWithSubnets(
          `      {
        name: [|'snet-pe'|]
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id }
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }`,
          '2023-05-01',
        ) +
        pe(),
      errors: [{ messageId: 'ignored' }],
      output:
        nsg +
        spokeVnetWithSubnets(
          `      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }`,
          '2023-05-01',
        ) +
        pe(),
    },
    {
      name: 'Bicep single-line subnet object',
      code:
        nsg +
        spokeVnetWithSubnets(
          `      { name: [|'snet-pe'|], properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id } } }`,
        ) +
        pe(),
      errors: [{ messageId: 'ignored' }],
      output:
        nsg +
        spokeVnetWithSubnets(
          `      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }, privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled' } }`,
        ) +
        pe(),
    },
    {
      name: 'Bicep child subnet resource in a CRLF, tab-indented file',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n\tname: 'vnet-spoke'\n}\nresource [|subnet|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n\tparent: vnet\n\tname: 'snet-pe'\n\tproperties: {\n\t\taddressPrefix: '10.1.1.0/24'\n\t\tnetworkSecurityGroup: {\n\t\t\tid: nsg.id\n\t\t}\n\t}\n}\n${pe('subnet.id')}`.replace(
        /\n/g,
        '\r\n',
      ),
      errors: [{ messageId: 'ignored' }],
      output:
        `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n\tname: 'vnet-spoke'\n}\nresource subnet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n\tparent: vnet\n\tname: 'snet-pe'\n\tproperties: {\n\t\taddressPrefix: '10.1.1.0/24'\n\t\tnetworkSecurityGroup: {\n\t\t\tid: nsg.id\n\t\t}\n\t\tprivateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'\n\t}\n}\n${pe('subnet.id')}`.replace(
          /\n/g,
          '\r\n',
        ),
    },
    {
      name: 'Bicep child subnets in a loop: the policy goes on the loop body',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
resource [|subnets|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = [for (name, i) in [ 'snet-pe' ]: {
  parent: vnet
  name: name
  properties: {
    addressPrefix: '10.1.\${i}.0/24'
    networkSecurityGroup: { id: nsg.id }
  }
}]
${pe('subnets[0].id')}`,
      errors: [{ messageId: 'ignored' }],
      output: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
resource subnets 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = [for (name, i) in [ 'snet-pe' ]: {
  parent: vnet
  name: name
  properties: {
    addressPrefix: '10.1.\${i}.0/24'
    networkSecurityGroup: { id: nsg.id }
    privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'
  }
}]
${pe('subnets[0].id')}`,
    },
    {
      name: "Bicep: only a route table attached: 'RouteTableEnabled'",
      code: `${rt}${spokeVnetWithSubnets(`      { name: [|'snet-pe'|], properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id } } }`)}${pe()}`,
      errors: [{ messageId: 'ignored' }],
      fixTitle: /^Set privateEndpointNetworkPolicies to 'RouteTableEnabled'$/,
      output: `${rt}${spokeVnetWithSubnets(`      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id }, privateEndpointNetworkPolicies: 'RouteTableEnabled' } }`)}${pe()}`,
    },
    {
      name: 'Bicep subnet whose properties come from a variable: no place to edit, no fix',
      code: `${nsg}var props = { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id } }\n${spokeVnetWithSubnets(`      { name: [|'snet-pe'|], properties: props }`)}${pe()}`,
      errors: [{ messageId: 'ignored' }],
      output: null,
    },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM inline subnet: the property follows the last one, with its comma and comment',
      code: armSpokeBehindNsg(`          {
            "name": [|"snet-pe"|],
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": ${nsgRef} // the NSG
            }
          }`),
      errors: [{ messageId: 'ignored' }],
      output: armSpokeBehindNsg(`          {
            "name": "snet-pe",
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": ${nsgRef}, // the NSG
              "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled"
            }
          }`),
    },
    {
      name: "ARM inline subnet with 'Disabled': the value is replaced in place",
      code: armSpokeBehindNsg(
        `          { "name": [|"snet-pe"|], "properties": { "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": ${nsgRef}, "privateEndpointNetworkPolicies": "Disabled" } }`,
      ),
      errors: [{ messageId: 'ignored' }],
      output: armSpokeBehindNsg(
        `          { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": ${nsgRef}, "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled" } }`,
      ),
    },
    {
      name: 'ARM child subnet resource (the inline subnet list is empty)',
      code: armSpokeBehindNsg(
        '',
        `
    {
      "type": [|"Microsoft.Network/virtualNetworks/subnets"|],
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-pe",
      "properties": {
        "addressPrefix": "10.1.1.0/24",
        "networkSecurityGroup": ${nsgRef}
      }
    },`,
      ),
      errors: [{ messageId: 'ignored' }],
      output: armSpokeBehindNsg(
        '',
        `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-pe",
      "properties": {
        "addressPrefix": "10.1.1.0/24",
        "networkSecurityGroup": ${nsgRef},
        "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled"
      }
    },`,
      ),
    },
  ],
});
