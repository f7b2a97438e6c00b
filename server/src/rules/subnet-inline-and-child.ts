// subnet-inline-and-child: a VNet that lists `properties.subnets` inline owns its whole subnet list, so a
// standalone subnet resource of the same VNet is deleted (or blocks the redeployment with
// InUseSubnetCannotBeDeleted) whenever the VNet is deployed again (DESIGN §3). Certain cases: a certainly
// deployed child subnet resource (not `existing`) whose parent is a certainly deployed VNet this set
// creates with a `subnets` array (an empty one included: it deletes every subnet).
import { at, isArray } from '../model';
import { certain, createdMoreThanOnce, isAmbiguous, reportOnce } from './address-certain';
import { label } from './certain';
import { defineRule, type RuleContext } from './rule';

export default defineRule({
  id: 'subnet-inline-and-child',
  level: 'warning',
  fixable: false,
  description: 'A virtual network declares its subnets either inline or as separate subnet resources, not both.',
  messages: {
    mixed: "Subnet '{{subnet}}' is a separate resource, but VNet '{{vnet}}' also lists its subnets inline: each redeployment of the VNet replaces its subnets with the inline list, deleting '{{subnet}}' or failing with InUseSubnetCannotBeDeleted.",
  },
  check(context: RuleContext) {
    const report = reportOnce(context);
    const ambiguous = createdMoreThanOnce(context.model.vnets);
    for (const subnet of context.model.subnets) {
      const vnet = subnet.vnet;
      if (subnet.inline || !vnet || subnet.decl.existing || vnet.decl.existing || isAmbiguous(ambiguous, vnet)) continue;
      if (!certain(subnet.decl) || !certain(vnet.decl)) continue;
      if (!isArray(at(vnet.decl.properties, 'subnets'))) continue;
      report({
        messageId: 'mixed',
        data: { subnet: label(subnet), vnet: label(vnet) },
        at: { decl: subnet.decl },
        related: [{ decl: vnet.decl, path: 'properties.subnets', message: `VNet '${label(vnet)}' lists its subnets inline here.` }],
      });
    }
  },
});
