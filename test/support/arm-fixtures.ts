// ARM template builders the rule tests share: a template around resources, a VNet (bare or with its
// subnets), a hub and spoke with their usual peerings, a peering (optionally with its `type` marked as
// the expected finding range), VNet and subnet ids, an endpoint in a subnet, and the reverse peering
// add-reverse-peering writes.

/** A template holding `resources` (and `parameters`, a JSON object, if any), its `$schema` line `head`. */
export const arm = (
  resources: string,
  parameters = '',
  head = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
) => `//- /main.json
{
  ${head}
  "contentVersion": "1.0.0.0",${parameters ? `\n  "parameters": ${parameters},` : ''}
  "resources": [
${resources}
  ]
}
`;
export const armVnet = (name: string, space: string, extra = '') => `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "${name}",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [${space}] }${extra}
      }
    }`;
export const armPeering = (
  local: string,
  name: string,
  remoteId: string,
  opts: { flags?: string; mark?: boolean; condition?: string } = {},
) => `    {
      "type": ${opts.mark ? '[|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|]' : '"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"'},
      "apiVersion": "2024-05-01",
      "name": "${local}/${name}",${opts.condition ? `\n      "condition": ${opts.condition},` : ''}
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', '${local}')]"],
      "properties": {
        "remoteVirtualNetwork": { "id": ${remoteId} }${opts.flags ?? ''}
      }
    }`;
export const vnetId = (name: string) => `"[resourceId('Microsoft.Network/virtualNetworks', '${name}')]"`;
/** The reverse peering vnet-spoke → vnet-hub that add-reverse-peering writes as a child resource. */
export const armReverse = (flags = '', apiVersion = '2024-05-01') => `    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "${apiVersion}",
      "name": "vnet-spoke/vnet-spoke-to-vnet-hub",
      "dependsOn": [
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
      ],
      "properties": {
        "remoteVirtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
        }${flags}
      }
    }`;
/** A Bicep VNet whose address space follows its name's length (peering tests need distinct ones). */
export const bicepVnet = (
  symbol: string,
  name: string,
  extra = '',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.${name.length}.0.0/16'] }${extra}
  }
}
`;

/** Where an ARM VNet differs from vnet-spoke (10.1.0.0/16, 2025-09-01, westeurope): JSON values as text. */
export interface ArmVnetOptions {
  name?: string;
  space?: string;
  api?: string;
  /** The resource's condition (a JSON value). */
  condition?: string;
  /** A JSON value (default "westeurope"). */
  location?: string;
}

/** An ARM VNet resource whose subnets array holds `subnets` (its lines, indented by ten spaces). */
export function armVnetWithSubnets(subnets: string, options: ArmVnetOptions = {}): string {
  const {
    name = 'vnet-spoke',
    space = '"10.1.0.0/16"',
    api = '2025-09-01',
    condition,
    location = '"westeurope"',
  } = options;
  return `    {${condition ? `\n      "condition": ${condition},` : ''}
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "${api}",
      "name": "${name}",
      "location": ${location},
      "properties": {
        "addressSpace": { "addressPrefixes": [ ${space} ] },
        "subnets": [
${subnets}
        ]
      }
    }`;
}

/** The id of subnet `subnet` of VNet `vnet`, as a JSON string of resourceId(). */
export const armSubnetId = (vnet: string, subnet: string) =>
  `"[resourceId('Microsoft.Network/virtualNetworks/subnets', '${vnet}', '${subnet}')]"`;

/** A private endpoint (pe-kv in westeurope unless told) in the subnet whose id is `subnetId` (a JSON value). */
export const armEndpointIn = (subnetId: string, options: { name?: string; location?: string } = {}) => `    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "${options.name ?? 'pe-kv'}",
      "location": ${options.location ?? '"westeurope"'},
      "properties": {
        "subnet": { "id": ${subnetId} }
      }
    }`;

/** A template of vnet-hub over `hub`, vnet-spoke over `spoke` (none when undefined), then `resources`. */
export const armHubAndSpoke = (hub: string, spoke: string | undefined, ...resources: string[]) =>
  arm(
    [armVnet('vnet-hub', hub), ...(spoke === undefined ? [] : [armVnet('vnet-spoke', spoke)]), ...resources].join(
      ',\n',
    ),
  );

/** The usual peerings of a hub and its spoke, hub-to-spoke and spoke-to-hub, each by resourceId(). */
export const hubToSpoke = (opts: { flags?: string; mark?: boolean } = {}) =>
  armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), opts);
export const spokeToHub = (opts: { flags?: string; mark?: boolean } = {}) =>
  armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub'), opts);

// The same as objects, for tests that build a template's JSON rather than its text.

/** The `$schema` of a resource-group deployment template and of a parameter file. */
export const templateSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const parametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A deployment template: its schema and content version, then `body` (parameters, resources, outputs…). */
export const templateObject = (body: object) => ({ $schema: templateSchema, contentVersion: '1.0.0.0', ...body });

/** A nested deployment resource named `name`: mode Incremental, then `properties`; `extra` beside them. */
export const nestedDeployment = (name: unknown, properties: object, extra: object = {}) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  properties: { mode: 'Incremental', ...properties },
  ...extra,
});

/** A nested deployment of the inline `template` in its own ('inner') scope, given `parameters` if any. */
export const innerDeployment = (name: string, template: object, parameters?: unknown, extra: object = {}) =>
  nestedDeployment(
    name,
    { expressionEvaluationOptions: { scope: 'inner' }, ...(parameters === undefined ? {} : { parameters }), template },
    extra,
  );

/** The text of `templateObject(body)`, indented as an author writes it. */
export const templateText = (body: object) => JSON.stringify(templateObject(body), null, 2);

/** A resource no rule reads (a lock), for templates that must hold something unneeded. */
export const lockResource = {
  type: 'Microsoft.Authorization/locks',
  apiVersion: '2020-05-01',
  name: 'lock',
  properties: { level: 'CanNotDelete' },
};

/**
 * A template whose output `name` is `name` and whose output `everything` doubles a string past the
 * evaluation's size cap: computing that output gives a notice, so a test sees whether it was computed.
 */
export function templateWithAnOutputOverTheCap(name: string): object {
  const variables: Record<string, string> = { v0: 'ab' };
  for (let i = 1; i < 40; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  return templateObject({
    variables,
    resources: [],
    outputs: {
      name: { type: 'string', value: name },
      everything: { type: 'string', value: "[variables('v39')]" },
    },
  });
}
