// nsg-gateway-subnet: an NSG attached to GatewaySubnet. Azure refuses it
// (NetworkSecurityGroupCannotBeAttachedToGatewaySubnet, FACTS §7, verified). Certain cases only: the
// subnet is ours, its name is exactly 'GatewaySubnet' (FACTS §7 "name exact"), and the NSG is certainly
// attached (a conditional null or an unknown id stays silent). Anchor: the subnet.
import { reservedSubnet } from '../facts';
import { certainlyCreatedAmong, label } from './support/certain';
import { attachedDecl, attaches, subnetAnchor, subnetName, subnetPropertyPath } from './support/endpoint-common';
import type { Subnet } from '../model';
import { defineRule, type RuleContext } from './support/rule';

const gatewaySubnet = 'GatewaySubnet';

export default defineRule({
  id: 'nsg-gateway-subnet',
  level: 'error',
  fixable: true,
  startsFrom: ['subnets'],
  description: 'No network security group is attached to GatewaySubnet.',
  appliesWhen: reservedSubnet(gatewaySubnet)?.nsgForbidden?.evidence === 'verified',
  messages: {
    attached:
      'GatewaySubnet{{vnet}} has {{nsg}} attached; Azure refuses NSGs on the gateway subnet (NetworkSecurityGroupCannotBeAttachedToGatewaySubnet), so the deployment fails. Remove the association.',
  },
  check({ model, report }: RuleContext) {
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      if (subnetName(subnet) !== gatewaySubnet) continue;
      if (attaches(subnet, 'networkSecurityGroup') !== true) continue;
      const nsg = attachedDecl(subnet, 'networkSecurityGroup');
      const path = subnetPropertyPath(subnet, 'networkSecurityGroup');
      report({
        messageId: 'attached',
        data: { vnet: subnet.vnet ? ` of VNet '${label(subnet.vnet)}'` : '', nsg: nsgNamed(subnet, nsg?.name) },
        at: subnetAnchor(subnet),
        related: [
          { decl: subnet.decl, path, message: 'the NSG association' },
          ...(nsg ? [{ decl: nsg.decl, message: `NSG '${nsg.name}'` }] : []),
        ],
        fix: { kind: 'remove-subnet-nsg', path },
      });
    }
  },
});

/** The NSG as the message names it: its name, else the last segment of a known id, else "an NSG". */
function nsgNamed(subnet: Subnet, name: string | undefined): string {
  if (name !== undefined) return `NSG '${name}'`;
  const id = subnet.nsg?.value;
  const last = typeof id === 'string' ? id.split('/').filter(Boolean).pop() : undefined;
  return last ? `NSG '${last}'` : 'an NSG';
}
