// pe-subnet-reserved: a private endpoint placed in a subnet Azure dedicates to a service (FACTS §2.3,
// §7). Certain cases only: the subnet's name is known — from the subnet declaration the reference
// resolves to, or from an id that certainly ends in `/subnets/<name>` — and matches a dedicated name
// exactly (FACTS §7 "name exact"). Levels per DESIGN §3: error for GatewaySubnet, AzureFirewallSubnet
// and AzureBastionSubnet; warning for AzureFirewallManagementSubnet and RouteServerSubnet, where
// FACTS only infers the restriction. Anchor: the endpoint's subnet reference.
import { reservedSubnet } from '../facts';
import { certainlyCreatedAmong, label } from './support/certain';
import { subnetAnchor, subnetName, subnetNameFromId } from './support/endpoint-common';
import type { Level } from './support/rule-meta';
import { defineRule, type RelatedAnchor, type RuleContext } from './support/rule';

/** What each dedicated subnet is for, and how firmly DESIGN §3 rejects an endpoint there. */
const dedicated: Readonly<Record<string, { service: string; level: Level }>> = {
  GatewaySubnet: { service: 'the VPN or ExpressRoute gateway; nothing else may be deployed there', level: 'error' },
  AzureFirewallSubnet: { service: 'Azure Firewall', level: 'error' },
  AzureBastionSubnet: { service: "Azure Bastion and can't contain other resources", level: 'error' },
  AzureFirewallManagementSubnet: { service: "Azure Firewall's management traffic", level: 'warning' },
  RouteServerSubnet: { service: 'Azure Route Server', level: 'warning' },
};

export default defineRule({
  id: 'pe-subnet-reserved',
  level: 'error',
  fixable: false,
  startsFrom: ['privateEndpoints'],
  description:
    'A private endpoint is not placed in a subnet dedicated to a gateway, firewall, Bastion or Route Server.',
  messages: {
    reserved:
      "Private endpoint '{{endpoint}}' is placed in '{{subnet}}', a subnet reserved for {{service}}. Move the endpoint to a subnet of its own.",
  },
  check({ model, report }: RuleContext) {
    for (const endpoint of certainlyCreatedAmong(model.privateEndpoints)) {
      if (!endpoint.subnet) continue;
      const reference = endpoint.subnet;
      const name = (reference.resolved ? subnetName(reference.target) : undefined) ?? subnetNameFromId(reference.value);
      if (name === undefined) continue;
      const facts = reservedSubnet(name);
      const placement = dedicated[name];
      if (!facts || facts.privateEndpoints.allowed || !placement) continue;
      const related: RelatedAnchor[] = reference.resolved
        ? [{ ...subnetAnchor(reference.target), message: `the subnet '${name}'` }]
        : [];
      report({
        messageId: 'reserved',
        data: { endpoint: label(endpoint), subnet: name, service: placement.service },
        at: { decl: endpoint.decl, path: 'properties.subnet.id' },
        related,
        level: placement.level,
      });
    }
  },
});
