// pe-subnet-policies-ignored: a subnet holds private endpoints and attaches an NSG or a route table,
// but its privateEndpointNetworkPolicies leave that NSG or route table out for private-endpoint
// traffic (FACTS §3.1, S6: the default 'Disabled' applies neither). Certain cases only: the subnet is
// ours, a certainly deployed endpoint sits in it, the NSG or route table is certainly attached, and
// the policy is absent or a known value whose effect facts give. Anchor: the subnet.
import { privateEndpointPolicyEffect, privateEndpointPolicyFor } from '../facts';
import { label } from './certain';
import { attachedDecl, attaches, lookup, oncePerAnchor, owned, subnetAnchor, subnetLabel, surely } from './endpoint-common';
import { defineRule, type RelatedAnchor, type RuleContext } from './rule';

const property = 'privateEndpointNetworkPolicies';

export default defineRule({
  id: 'pe-subnet-policies-ignored',
  level: 'warning',
  fixable: true,
  description: "A subnet's NSG and route table apply to the private endpoints in it.",
  messages: {
    ignored: "Subnet {{subnet}} holds private endpoint '{{endpoint}}'{{others}} and attaches {{attached}}, but privateEndpointNetworkPolicies is {{state}}: {{ignored}} not applied to private-endpoint traffic. Set '{{value}}'.",
  },
  check(context: RuleContext) {
    const report = oncePerAnchor(context);
    for (const subnet of context.model.subnets) {
      if (!owned(subnet.decl)) continue;
      const endpoints = subnet.privateEndpoints.filter((endpoint) => surely(endpoint.decl));
      const [first] = endpoints;
      if (!first) continue;
      const found = lookup(subnet.properties, property);
      if (!found) continue;
      const current = found.present ? found.value : undefined;
      if (found.present && typeof current !== 'string') continue;
      const effect = privateEndpointPolicyEffect(current as string | undefined);
      if (!effect) continue;
      const nsg = attaches(subnet, 'networkSecurityGroup');
      const routeTable = attaches(subnet, 'routeTable');
      const nsgIgnored = nsg === true && !effect.nsg;
      const routesIgnored = routeTable === true && !effect.routeTable;
      if (!nsgIgnored && !routesIgnored) continue;
      // The fix must keep whatever the subnet may attach: an uncertain attachment counts as attached.
      const value = privateEndpointPolicyFor({ nsg: nsg !== false, routeTable: routeTable !== false }, subnet.decl.apiVersion ?? '');
      const related: RelatedAnchor[] = [];
      const nsgDecl = nsgIgnored ? attachedDecl(subnet, 'networkSecurityGroup') : undefined;
      if (nsgDecl) related.push({ decl: nsgDecl.decl, message: `NSG '${nsgDecl.name}' does not filter private-endpoint traffic` });
      const tableDecl = routesIgnored ? attachedDecl(subnet, 'routeTable') : undefined;
      if (tableDecl) related.push({ decl: tableDecl.decl, message: `route table '${tableDecl.name}' does not route private-endpoint traffic` });
      related.push(...endpoints.map((endpoint) => ({ decl: endpoint.decl, message: `private endpoint '${label(endpoint)}' sits in this subnet` })));
      report({
        messageId: 'ignored',
        data: {
          subnet: subnetLabel(subnet),
          endpoint: label(first),
          others: endpoints.length > 1 ? ` (and ${endpoints.length - 1} more)` : '',
          attached: nsgIgnored && routesIgnored ? 'an NSG and a route table' : nsgIgnored ? 'an NSG' : 'a route table',
          state: found.present ? `'${current as string}'` : "unset (default 'Disabled')",
          ignored: nsgIgnored && routesIgnored ? 'its NSG rules and routes are' : nsgIgnored ? 'its NSG rules are' : 'its routes are',
          value,
        },
        at: subnetAnchor(subnet),
        related,
        fix: { kind: 'set-subnet-policy', property, value },
      });
    }
  },
});
