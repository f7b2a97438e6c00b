// Bicep network resources the rule tests declare again and again (a VNet, a subnet, a private endpoint),
// so that a case writes only what differs from the usual shape: the values that matter are arguments.

/** Where a Bicep resource differs from the usual one: its symbol, name, API version, condition. */
export interface ResourceOptions {
  symbol?: string;
  name?: string;
  api?: string;
  /** Text before the resource (params, other resources), each line ended. */
  head?: string;
  /** What stands between `=` and `{`: `if (deploy) ` or `[for … in …: `… (a loop closes itself with `]`). */
  condition?: string;
  /** A Bicep expression (default `'westeurope'`). */
  location?: string;
}

/** A VNet's options: its address space's items (Bicep, `'10.1.0.0/16'` by default) and extra properties. */
export interface VnetOptions extends ResourceOptions {
  space?: string;
  /** More lines in properties after the subnets (each indented by four spaces). */
  extra?: string[];
}

/** The lines of a properties block at `indent`, one per item. */
const block = (lines: readonly string[], indent: string) => lines.map((line) => `${indent}${line}`).join('\n');

/** The closing of a resource: a loop (`[for`) closes its array as well. */
const close = (condition: string) => (condition.startsWith('[for') ? '}]' : '}');

/**
 * A VNet (default `vnet` = vnet-spoke over 10.1.0.0/16 in westeurope, at 2025-09-01) whose subnets array
 * holds `subnets` (its lines, as inlineSubnet gives them); undefined: no subnets property at all.
 */
export function bicepVnet(subnets?: string, options: VnetOptions = {}): string {
  const { symbol = 'vnet', name = 'vnet-spoke', api = '2025-09-01', head = '', condition = '' } = options;
  const { location = "'westeurope'", space = "'10.1.0.0/16'", extra = [] } = options;
  const addressSpace = `addressSpace: { addressPrefixes: [ ${space} ] }`;
  const properties =
    subnets === undefined && extra.length === 0
      ? `  properties: { ${addressSpace} }`
      : `  properties: {\n    ${addressSpace}\n${subnets === undefined ? '' : `    subnets: [\n${subnets}\n    ]\n`}${extra.length ? `${block(extra, '    ')}\n` : ''}  }`;
  return `${head}resource ${symbol} 'Microsoft.Network/virtualNetworks@${api}' = ${condition}{
  name: '${name}'
  location: ${location}
${properties}
${close(condition)}
`;
}

/** A VNet whose subnets are a loop over `items` (a Bicep expression of `{ name, prefix }` objects, declared in `head`). */
export const vnetWithLoopedSubnets = (items: string, options: VnetOptions = {}) =>
  bicepVnet(undefined, {
    ...options,
    extra: [
      `subnets: [for s in ${items}: { name: s.name, properties: { addressPrefix: s.prefix } }]`,
      ...(options.extra ?? []),
    ],
  });

/** One item of a VNet's subnets array: `name` (Bicep text, quoted by the caller) with `properties` (one a line). */
export const inlineSubnetItem = (name: string, properties: readonly string[]) => `      {
        name: ${name}
        properties: {
${block(properties, '          ')}
        }
      }`;

/** A properties object: one item a line, or (given one string) all on one line. */
const propertiesOf = (properties: readonly string[] | string) =>
  typeof properties === 'string'
    ? `  properties: { ${properties} }`
    : `  properties: {\n${block(properties, '    ')}\n  }`;

/**
 * A subnet child resource (default `snet` of `vnet`, at 2025-09-01) named `name` (Bicep text), with
 * `properties` (one a line; one string: on one line).
 */
export function bicepChildSubnet(
  name: string,
  properties: readonly string[] | string,
  options: ResourceOptions & { parent?: string } = {},
): string {
  const { symbol = 'snet', parent = 'vnet', api = '2025-09-01', head = '', condition = '' } = options;
  return `${head}resource ${symbol} 'Microsoft.Network/virtualNetworks/subnets@${api}' = ${condition}{
  parent: ${parent}
  name: ${name}
${propertiesOf(properties)}
${close(condition)}
`;
}

/** A VNet without inline subnets and one child subnet `snet` in it: the usual "child subnet resource" case. */
export const vnetWithChildSubnet = (
  subnet: string,
  properties: readonly string[] | string,
  vnet: VnetOptions = {},
  child: ResourceOptions = {},
) => bicepVnet(undefined, vnet) + bicepChildSubnet(subnet, properties, { ...child, api: child.api ?? vnet.api });

/** One subnets item on one line: `name` over `prefix` (plain text, quoted here). */
export const oneLineSubnet = (name: string, prefix: string) =>
  `      { name: '${name}', properties: { addressPrefix: '${prefix}' } }`;

/**
 * A private endpoint (default `pe` = pe-kv in westeurope, at 2025-09-01) in the subnet whose id is
 * `subnetId` (Bicep), with `properties` after the subnet (one a line).
 */
export function bicepEndpoint(subnetId: string, properties: readonly string[] = [], options: ResourceOptions = {}) {
  const { symbol = 'pe', name = 'pe-kv', api = '2025-09-01', head = '', condition = '' } = options;
  const { location = "'westeurope'" } = options;
  return `${head}resource ${symbol} 'Microsoft.Network/privateEndpoints@${api}' = ${condition}{
  name: '${name}'
  location: ${location}
${propertiesOf([`subnet: { id: ${subnetId} }`, ...properties])}
${close(condition)}
`;
}

/** An endpoint's connection (a properties line) named `name` to `target` (Bicep) for `groupIds` (a Bicep array). */
export const connectionTo = (target: string, groupIds: string, name = 'c', kind = 'privateLinkServiceConnections') =>
  `${kind}: [ { name: '${name}', properties: { privateLinkServiceId: ${target}, groupIds: ${groupIds} } } ]`;

/** The connection of an endpoint to the `vault` group of Key Vault `kv` (a properties line), by `kind` of connection. */
export const vaultConnection = (kind = 'privateLinkServiceConnections', name = 'c') =>
  connectionTo('kv.id', "[ 'vault' ]", name, kind);

/**
 * An existing Key Vault `kv` (kv-prod unless told), then endpoint pe-kv to its vault in the subnet
 * `subnetId`, with `properties` after its connection.
 */
export const keyVaultEndpoint = (
  subnetId: string,
  options: ResourceOptions & { vault?: string; properties?: string[] } = {},
) =>
  `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: '${options.vault ?? 'kv-prod'}'\n}\n` +
  bicepEndpoint(subnetId, [vaultConnection(), ...(options.properties ?? [])], options);

/** A VNet (vnet-spoke unless told) with subnet `subnet` (10.1.1.0/24) and a Key Vault endpoint in it. */
export const vaultEndpointInVnet = (subnet = 'snet-pe', vnet: VnetOptions = {}) =>
  bicepVnet(oneLineSubnet(subnet, '10.1.1.0/24'), vnet) + keyVaultEndpoint('vnet.properties.subnets[0].id');

/** Where a peering differs from the usual one; `properties` is text after its remote's line (each line begun). */
export interface PeeringOptions {
  /** Its name as Bicep (default: the symbol, quoted). */
  name?: string;
  condition?: string;
  /** The symbol marked as the expected finding's range. */
  mark?: boolean;
  properties?: string;
  /** Text after the properties object (each line begun), as a dependsOn. */
  after?: string;
}

/** A peering child `symbol` of VNet `parent` to the VNet whose id is `remoteId` (Bicep), at 2024-05-01. */
export const bicepPeering = (symbol: string, parent: string, remoteId: string, options: PeeringOptions = {}) =>
  `resource ${options.mark ? `[|${symbol}|]` : symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = ${options.condition ?? ''}{
  parent: ${parent}
  name: ${options.name ?? `'${symbol}'`}
  properties: {
    remoteVirtualNetwork: { id: ${remoteId} }${options.properties ?? ''}
  }${options.after ?? ''}
}
`;

/**
 * Spokes vnet-spoke1..2 in a loop, each peered to `hub` using its gateways (`symbol` may carry a marker),
 * `after` closing the peering's body (a dependsOn).
 */
export const spokesUsingHubGateway = (
  symbol = 'spokesToHub',
  after = '',
) => `resource spokes 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(1, 2): {
  name: 'vnet-spoke\${i}'
  properties: { addressSpace: { addressPrefixes: ['10.\${i}.0.0/16'] } }
}]
resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for i in range(0, 2): {
  parent: spokes[i]
  name: 'spoke-to-hub'
  properties: {
    remoteVirtualNetwork: { id: hub.id }
    useRemoteGateways: true
  }${after}
}]
`;

/** A hub VNet `hub` (vnet-hub over 10.0.0.0/16) with a GatewaySubnet, for the gateway rules. */
export const hubWithGatewaySubnet = `resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      {
        name: 'GatewaySubnet'
        properties: { addressPrefix: '10.0.0.0/27' }
      }
    ]
  }
}
`;
/**
 * The VPN gateway `gw` (gw-hub) in `subnetId` (Bicep; the hub's GatewaySubnet by default), `condition`
 * between `=` and `{`, `extra` closing its body.
 */
export const gatewayInHub = (
  extra = '',
  condition = '',
  subnetId = 'hub.properties.subnets[0].id',
) => `resource gw 'Microsoft.Network/virtualNetworkGateways@2024-05-01' = ${condition}{
  name: 'gw-hub'
  location: 'westeurope'
  properties: {
    gatewayType: 'Vpn'
    ipConfigurations: [
      {
        name: 'default'
        properties: { subnet: { id: ${subnetId} } }
      }
    ]
  }${extra}
}
`;
