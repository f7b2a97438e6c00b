// Fixtures the subnet rule tests share: a Bicep VNet with inline subnets; in ARM a template around
// VNet vnet-spoke (10.1.0.0/16) and its subnets, and a private endpoint in its subnet snet-pe.
import { arm, armEndpointIn, armSubnetId, armVnetWithSubnets } from './arm-fixtures';
import { bicepVnet } from './bicep-network';

/** A Bicep VNet `name` over `space` (a Bicep array's items) with `subnets` (items of its array), after `head`. */
export const vnetWithSubnets = (name: string, space: string, subnets: string, head = '') =>
  bicepVnet(subnets, { name, space, api: '2024-05-01', head });
/** One inline subnet item of vnetWithSubnets. */
export const inlineSubnet = (name: string, prefix: string) => `      {
        name: '${name}'
        properties: { addressPrefix: ${prefix} }
      }`;

/** A template: `before` (resources, each line-ended), vnet-spoke with `subnets` (its array's lines), then `after`. */
export const armSpokeSubnets = (subnets: string, after = '', before = '') =>
  arm(`${before}${armVnetWithSubnets(subnets)}${after}`);

/** A private endpoint in vnet-spoke's snet-pe (no connection: the subnet rules need only its place). */
export const armEndpointInSnetPe = armEndpointIn(armSubnetId('vnet-spoke', 'snet-pe'));

/** A Bicep vnet-spoke (10.1.0.0/16, at `api`) whose subnets array holds `subnets`. */
export const spokeVnetWithSubnets = (subnets: string, api = '2025-09-01') => bicepVnet(subnets, { api });

/** armSpokeSubnets behind NSG nsg-pe (denying all inbound), `extra` resources and the endpoint in snet-pe after it. */
export const armSpokeBehindNsg = (subnets: string, extra = '') =>
  armSpokeSubnets(
    subnets,
    `,${extra}\n${armEndpointInSnetPe}`,
    `    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2025-09-01",
      "name": "nsg-pe",
      "location": "westeurope",
      "properties": { "securityRules": [ { "name": "DenyAllInbound", "properties": { "priority": 4096, "direction": "Inbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*" } } ] }
    },
`,
  );
/** The id of nsg-pe, as an ARM subnet's networkSecurityGroup. */
export const nsgRef = `{ "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-pe')]" }`;
