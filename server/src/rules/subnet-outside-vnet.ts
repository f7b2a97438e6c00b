// subnet-outside-vnet: a subnet prefix must lie inside its VNet's address space (FACTS §7). Certain
// cases: a certainly deployed subnet of a certainly deployed VNet this set creates, whose address space
// is fully known, with a prefix that no (merged) prefix of that space covers.
import { cidrOverlaps, type Subnet, type VirtualNetwork } from '../model';
import { isCreatedMoreThanOnce } from './support/entity-placement';
import { coveredBy, prefixText, subnetPrefixes, vnetPrefixes, type PrefixList } from './support/address-prefixes';
import { certainlyCreatedAmong, certainlyDeployed, label } from './support/certain';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'subnet-outside-vnet',
  level: 'error',
  fixable: false,
  startsFrom: ['subnets'],
  description: "A subnet's address prefix lies inside the address space of its virtual network.",
  messages: {
    outside:
      "Subnet '{{subnet}}' has prefix '{{prefix}}', which is not inside the address space of VNet '{{vnet}}' ({{space}}): Azure rejects the subnet and the deployment fails.",
  },
  check({ model, report }: RuleContext) {
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      const vnet = subnet.vnet;
      if (!vnet || !certainlyDeployed(vnet.decl)) continue;
      // No known space (an `existing` VNet, as every subnet child module has): nothing to compare with.
      const space = vnetPrefixes(vnet);
      // A VNet declared twice may end with either declaration's address space; one an IPAM pool adds
      // to holds ranges not known here.
      if (!space?.complete || isCreatedMoreThanOnce(model.vnets, vnet)) continue;
      checkSubnet(subnet, vnet, space, report);
    }
  },
});

function checkSubnet(subnet: Subnet, vnet: VirtualNetwork, space: PrefixList, report: RuleContext['report']): void {
  const prefixes = subnetPrefixes(subnet);
  if (!prefixes) return;
  // Silent unless every prefix of the space is known and valid: an unknown one might hold the subnet.
  const outer = space.entries.map((item) => item.cidr);
  if (outer.length === 0 || outer.some((cidr) => cidr === undefined)) return;
  const known = outer.filter((cidr) => cidr !== undefined);
  for (const item of prefixes.entries) {
    if (!item.cidr || coveredBy(item.cidr, known)) continue;
    const near =
      space.entries.find((other) => other.cidr && item.cidr && cidrOverlaps(other.cidr, item.cidr)) ?? space.entries[0];
    report({
      messageId: 'outside',
      data: { subnet: label(subnet), prefix: String(item.value), vnet: label(vnet), space: prefixText(space.entries) },
      at: { decl: subnet.decl, path: item.path },
      related: [{ decl: vnet.decl, path: near.path, message: `Address space of VNet '${label(vnet)}'.` }],
    });
  }
}
