import rule from '../../../server/src/rules/route-nva-next-hop';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

/** A route table with one inline route (`name` may carry a marker) whose properties are `route`. */
const table = (
  route: string,
  name = "'to-internet'",
  head = '',
) => `${head}resource rt 'Microsoft.Network/routeTables@2025-09-01' = {
  name: 'rt-spoke'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: ${name}
        properties: { ${route} }
      }
    ]
  }
}
`;

ruleTests(rule, {
  valid: [
    {
      name: 'a VirtualAppliance route with an address',
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4'"),
    },
    {
      name: 'an Internet route without an address',
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'Internet'"),
    },
    {
      name: 'an empty address is no address',
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', nextHopIpAddress: ''"),
    },
    {
      name: 'an address from a parameter without default (may be empty)',
      code: table(
        "addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', nextHopIpAddress: ip",
        undefined,
        'param ip string\n',
      ),
    },
    {
      name: 'a hop type from a parameter without default',
      code: table(
        "addressPrefix: '0.0.0.0/0', nextHopType: hop, nextHopIpAddress: '10.0.1.4'",
        undefined,
        'param hop string\n',
      ),
    },
    {
      name: "hop types compare exactly: 'internet' is left alone",
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'internet', nextHopIpAddress: '10.0.1.4'"),
    },
    {
      name: 'missing address (class 7): an appliance address from a parameter without default is silent',
      code: table(
        "addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: fwIp",
        undefined,
        'param fwIp string\n',
      ),
    },
    {
      name: "missing address (class 7): hop types compare exactly: 'virtualAppliance' without an address is left alone",
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'virtualAppliance'"),
    },
    {
      name: 'missing address (class 7): an empty address may be filled in at deployment (a NIC output read as its input)',
      code: table(
        "addressPrefix: '10.0.0.0/8', nextHopType: 'VirtualAppliance', nextHopIpAddress: fwIp",
        undefined,
        "param fwIp string = ''\n",
      ),
    },
    {
      name: 'missing address (class 7): an address from a NIC module output whose input is empty (corpus: nested-vms-in-virtual-network)',
      code: `//- /main.bicep
module nic 'nic.bicep' = {
  name: 'nic'
}
module udr 'udr.bicep' = {
  name: 'udr'
  params: { ip: nic.outputs.assignedIp }
}
//- /nic.bicep
resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-host'
  location: 'westeurope'
  properties: { ipConfigurations: [ { name: 'ip', properties: { privateIPAllocationMethod: 'Dynamic', privateIPAddress: '' } } ] }
}
output assignedIp string = nic.properties.ipConfigurations[0].properties.privateIPAddress
//- /udr.bicep
param ip string
${table("addressPrefix: '10.0.0.0/8', nextHopType: 'VirtualAppliance', nextHopIpAddress: ip")}`,
    },
    {
      name: 'missing address (class 7): route properties from a parameter without default are silent',
      code: "param routes array\nresource rt 'Microsoft.Network/routeTables@2025-09-01' = {\n  name: 'rt-spoke'\n  location: 'westeurope'\n  properties: { routes: routes }\n}\n",
    },
    {
      name: 'a table whose condition is unknown cannot cause a finding',
      code: table(
        "addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', nextHopIpAddress: '10.0.1.4'",
        undefined,
        'param deploy bool\n',
      ).replace("= {\n  name: 'rt-spoke'", "= if (deploy) {\n  name: 'rt-spoke'"),
    },
  ],
  invalid: [
    {
      name: 'routes of a property loop, each without an address: one finding where the loop writes them',
      code: `var routes = [ { name: 'a', prefix: '10.1.0.0/16' }, { name: 'b', prefix: '10.2.0.0/16' } ]
resource table 'Microsoft.Network/routeTables@2024-05-01' = {
  name: 'rt'
  location: 'westeurope'
  properties: {
    routes: [|[for r in routes: { name: r.name, properties: { addressPrefix: r.prefix, nextHopType: 'VirtualAppliance' } }]|]
  }
}
`,
      errors: [{ messageId: 'missingAddress', message: /^Route 'a' has next hop type VirtualAppliance/ }],
      output: null,
    },
    {
      name: 'missing address (class 7): a VirtualAppliance route without nextHopIpAddress',
      code: table("addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance'", "[|'to-firewall'|]"),
      errors: [
        {
          messageId: 'missingAddress',
          level: 'error',
          message:
            /Route 'to-firewall' has next hop type VirtualAppliance but no nextHopIpAddress: Azure rejects it with MissingNextHopIpAddress/,
        },
      ],
      output: null,
    },
    {
      name: 'missing address (class 7): a null address on a VirtualAppliance route',
      code: table(
        "addressPrefix: '10.0.0.0/8', nextHopType: 'VirtualAppliance', nextHopIpAddress: null",
        "[|'to-firewall'|]",
      ),
      errors: [{ messageId: 'missingAddress' }],
    },
    {
      name: 'an Internet route with an address',
      code: table(
        "addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', nextHopIpAddress: '10.0.1.4'",
        "[|'to-internet'|]",
      ),
      errors: [
        {
          messageId: 'addressOnOtherHop',
          level: 'error',
          message: /Route 'to-internet' has next hop type 'Internet' and a nextHopIpAddress '10\.0\.1\.4'/,
        },
      ],
    },
    {
      name: 'a VnetLocal route with an address',
      code: table("addressPrefix: '10.0.0.0/8', nextHopType: 'VnetLocal', nextHopIpAddress: '10.0.1.4'", "[|'local'|]"),
      errors: [{ messageId: 'addressOnOtherHop' }],
    },
    {
      name: 'a route resource is reported at its declaration',
      code: `${table("addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4'")}resource [|toGateway|] 'Microsoft.Network/routeTables/routes@2025-09-01' = {
  parent: rt
  name: 'to-onprem'
  properties: { addressPrefix: '192.168.0.0/16', nextHopType: 'VirtualNetworkGateway', nextHopIpAddress: '10.0.0.4' }
}
`,
      errors: [{ messageId: 'addressOnOtherHop', message: /Route 'to-onprem'/ }],
    },
    {
      name: 'a loop of tables gives one finding',
      code: `resource rts 'Microsoft.Network/routeTables@2025-09-01' = [for i in range(0, 2): {
  name: 'rt-\${i}'
  location: 'westeurope'
  properties: { routes: [ { name: [|'blackhole-\${i}'|], properties: { addressPrefix: '10.9.0.0/16', nextHopType: 'None', nextHopIpAddress: '10.0.1.4' } } ] }
}]
`,
      errors: [{ messageId: 'addressOnOtherHop' }],
    },
  ],
});

// ARM JSON: a route table with an inline route and a route resource at the top level.
const arm = (
  inline: string,
  standalone: string,
  inlineName = '"to-internet"',
  standaloneType = '"Microsoft.Network/routeTables/routes"',
) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2025-09-01",
      "name": "rt-spoke",
      "location": "westeurope",
      "properties": { "routes": [ { "name": ${inlineName}, "properties": { ${inline} } } ] }
    },
    {
      "type": ${standaloneType},
      "apiVersion": "2025-09-01",
      "name": "rt-spoke/to-onprem",
      "dependsOn": [ "[resourceId('Microsoft.Network/routeTables', 'rt-spoke')]" ],
      "properties": { ${standalone} }
    }
  ]
}
`;
const appliance = '"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.1.4"';

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'ARM: VirtualAppliance routes with addresses', code: arm(appliance, appliance) },
    {
      name: 'ARM: missing address (class 7): an address from a parameter without default is silent',
      code: arm(
        appliance,
        '"addressPrefix": "10.0.0.0/8", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "[parameters(\'ip\')]"',
      ).replace('"resources": [', '"parameters": { "ip": { "type": "string" } },\n  "resources": ['),
    },
  ],
  invalid: [
    {
      name: 'ARM: missing address (class 7): an inline VirtualAppliance route and a route resource without addresses',
      code: arm(
        '"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance"',
        '"addressPrefix": "10.0.0.0/8", "nextHopType": "VirtualAppliance", "nextHopIpAddress": null',
        '[|"to-internet"|]',
        '[|"Microsoft.Network/routeTables/routes"|]',
      ),
      errors: [
        { messageId: 'missingAddress', message: /'to-internet'/ },
        { messageId: 'missingAddress', message: /'to-onprem'/ },
      ],
    },
    {
      name: 'ARM: an Internet route inline and a VirtualNetworkGateway route resource, both with addresses',
      code: arm(
        '"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet", "nextHopIpAddress": "10.0.1.4"',
        '"addressPrefix": "192.168.0.0/16", "nextHopType": "VirtualNetworkGateway", "nextHopIpAddress": "10.0.0.4"',
        '[|"to-internet"|]',
        '[|"Microsoft.Network/routeTables/routes"|]',
      ),
      errors: [
        { messageId: 'addressOnOtherHop', message: /'to-internet'/ },
        { messageId: 'addressOnOtherHop', message: /'to-onprem'/ },
      ],
    },
  ],
};
ruleTests(rule, armCases);
