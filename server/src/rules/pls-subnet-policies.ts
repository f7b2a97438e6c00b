// pls-subnet-policies: the subnet a Private Link service takes its NAT IPs from (its ipConfigurations,
// not the load balancer's frontend subnet — DESIGN §3) must set privateLinkServiceNetworkPolicies to
// 'Disabled' explicitly; the default is 'Enabled' (FACTS §3.1, S15). Certain cases only: a certainly
// deployed service of the set resolves the subnet, the subnet is ours with known properties, and the
// property is absent or a value facts list other than 'Disabled' (other spellings are left to
// subnet-policies-value). Anchor: the subnet, once however many services use it.
import { policyDefault, policyValues, privateLinkServiceSubnetPolicy } from '../facts';
import type { PrivateLinkService, Subnet } from '../model';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { lookup, subnetAnchor, subnetLabel } from './support/endpoint-common';
import { defineRule, type RuleContext } from './support/rule';

const property = 'privateLinkServiceNetworkPolicies';

interface Use {
  subnet: Subnet;
  services: { service: PrivateLinkService; path: string }[];
}

export default defineRule({
  id: 'pls-subnet-policies',
  level: 'error',
  fixable: true,
  startsFrom: ['privateLinkServices'],
  description:
    "The subnet a Private Link service takes its NAT IPs from sets privateLinkServiceNetworkPolicies to 'Disabled'.",
  messages: {
    unset:
      "Subnet {{subnet}} gives Private Link service '{{service}}'{{others}} its NAT IP but does not set privateLinkServiceNetworkPolicies, whose default is '{{default}}'; the service needs 'Disabled' there and cannot be created. Set 'Disabled'.",
    enabled:
      "Subnet {{subnet}} gives Private Link service '{{service}}'{{others}} its NAT IP but sets privateLinkServiceNetworkPolicies to '{{value}}'; the service needs 'Disabled' there and cannot be created. Set 'Disabled'.",
  },
  check({ model, report }: RuleContext) {
    const uses = new Map<string, Use>();
    for (const service of certainlyCreatedAmong(model.privateLinkServices)) {
      for (const { path, subnet } of service.subnets) {
        if (!subnet.resolved) continue;
        const use = uses.get(subnet.target.key) ?? { subnet: subnet.target, services: [] };
        if (!use.services.some((s) => s.service === service)) use.services.push({ service, path });
        uses.set(subnet.target.key, use);
      }
    }
    for (const { subnet, services } of uses.values()) {
      if (!certainlyCreated(subnet.decl)) continue;
      const found = lookup(subnet.properties, property);
      if (!found) continue;
      const value = found.present ? found.value : undefined;
      if (!found.present && policyDefault(property) === privateLinkServiceSubnetPolicy) continue;
      if (found.present) {
        // Only a listed value other than 'Disabled' is certain; case variants and typos are not judged here.
        if (
          typeof value !== 'string' ||
          value === privateLinkServiceSubnetPolicy ||
          !policyValues(property).includes(value)
        )
          continue;
      }
      const [first] = services;
      if (!first) continue;
      report({
        messageId: found.present ? 'enabled' : 'unset',
        data: {
          subnet: subnetLabel(subnet),
          service: label(first.service),
          others: services.length > 1 ? ` (and ${services.length - 1} more)` : '',
          default: policyDefault(property),
          value: typeof value === 'string' ? value : '',
        },
        at: subnetAnchor(subnet),
        related: services.map(({ service, path }) => ({
          decl: service.decl,
          path,
          message: `Private Link service '${label(service)}' takes its NAT IP from this subnet`,
        })),
        fix: { kind: 'set-subnet-policy', property, value: privateLinkServiceSubnetPolicy },
      });
    }
  },
});
