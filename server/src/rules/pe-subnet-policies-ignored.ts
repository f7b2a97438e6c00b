// pe-subnet-policies-ignored: a subnet holds private endpoints, and an NSG rule or a route would change
// what reaches them, but its privateEndpointNetworkPolicies leave NSGs or route tables out for
// private-endpoint traffic (FACTS §3.1, S6: the default 'Disabled' applies neither). Judged on effect,
// not presence (endpoint-traffic.ts): an inbound Deny of the subnet's NSG that certainly blocks traffic
// to the endpoints, or a client route in the VNet that would override their /32 routes. An NSG without
// such a rule changes nothing: silent. Certain cases only: the subnet is ours, a certainly deployed
// endpoint sits in it, and the policy is absent or a known value whose effect facts give. Where the
// policy cannot make NSGs or route tables apply to private endpoints (Government and China clouds for
// NSGs, four public regions for both: FACTS §2.3), neither is reported: setting it would change nothing.
// Anchor: the subnet.
import {
  privateEndpointOneSidedPolicy,
  privateEndpointPolicyEffect,
  privateEndpointPolicyFor,
  privateEndpointPolicySupport,
} from '../facts';
import type { Subnet } from '../model';
import { certainlyCreatedAmong, certainlyDeployed, knownText, label } from './support/certain';
import { attaches, lookup, subnetAnchor, subnetLabel, subnetName } from './support/endpoint-common';
import { blockingRule, overridingRoute, routesMayOverride, tableLabel } from './support/endpoint-traffic';
import { defineRule, type RelatedAnchor, type RuleContext } from './support/rule';

const property = 'privateEndpointNetworkPolicies';

export default defineRule({
  id: 'pe-subnet-policies-ignored',
  level: 'warning',
  fixable: true,
  startsFrom: ['subnets'],
  description: "A subnet's NSG and route table apply to the private endpoints in it.",
  messages: {
    ignored:
      "Subnet {{subnet}} holds private endpoint '{{endpoint}}'{{others}}, but privateEndpointNetworkPolicies is {{state}}: {{ignored}}. Set '{{value}}'.",
    ignoredNeedsNewerApi:
      "Subnet {{subnet}} holds private endpoint '{{endpoint}}'{{others}}, but privateEndpointNetworkPolicies is {{state}}: {{ignored}}. Set '{{value}}' with API version {{since}} or later: 'Enabled', the only value this version's schema lists that applies it, would also apply {{other}} to them.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      const endpoints = subnet.privateEndpoints.filter((endpoint) => certainlyDeployed(endpoint.decl));
      const [first] = endpoints;
      if (!first) continue;
      // An endpoint sits in its VNet's region (FACTS §2.3): either location tells the region.
      const support = privateEndpointPolicySupport(
        cloud,
        knownText(first.location) ?? knownText(subnet.vnet?.location),
      );
      if (!support.nsg && !support.routeTable) continue;
      const found = lookup(subnet.properties, property);
      if (!found) continue;
      const current = found.present ? found.value : undefined;
      if (found.present && typeof current !== 'string') continue;
      const effect = privateEndpointPolicyEffect(current as string | undefined);
      if (!effect) continue;
      const nsg =
        support.nsg && !effect.nsg && subnet.nsg?.resolved && attaches(subnet, 'networkSecurityGroup') === true
          ? blockingRule(subnet.nsg.target, subnet, model.declarations)
          : undefined;
      const route = !support.routeTable || effect.routeTable ? undefined : overridingRoute(subnet);
      if (!nsg && !route) continue;
      const ignored: string[] = [];
      const related: RelatedAnchor[] = [];
      if (nsg) {
        ignored.push(
          `rule '${nsg.name}' of NSG '${label(nsg.nsg)}' would block traffic to the endpoints but is not applied to them`,
        );
        related.push({
          decl: nsg.decl,
          ...(nsg.path ? { path: nsg.path } : {}),
          message: `NSG rule '${nsg.name}' does not filter private-endpoint traffic`,
        });
      }
      if (route) {
        const on =
          route.client === subnet ? 'this subnet' : `subnet '${subnetName(route.client) ?? label(route.client)}'`;
        ignored.push(
          `route '${route.name}' (${route.prefix} via ${route.hopType}) of route table '${tableLabel(route)}' on ${on} is overridden by the endpoints' /32 routes`,
        );
        related.push({
          decl: route.decl,
          ...(route.path ? { path: route.path } : {}),
          message: `route '${route.name}' does not apply to traffic to the private endpoints`,
        });
      }
      related.push(
        ...endpoints.map((endpoint) => ({
          decl: endpoint.decl,
          message: `private endpoint '${label(endpoint)}' sits in this subnet`,
        })),
      );
      // The fix keeps what the policy already applies and adds what the finding is about, nothing more
      // (DESIGN §4): applying an NSG the finding does not name to the endpoints' traffic would change
      // what reaches them (its Tcp deny, which does not certainly block them, would then apply).
      const wanted = { nsg: effect.nsg || nsg !== undefined, routeTable: effect.routeTable || route !== undefined };
      const value = privateEndpointPolicyFor(wanted, subnet.decl.apiVersion ?? '');
      const data = {
        subnet: subnetLabel(subnet),
        endpoint: label(first),
        others: endpoints.length > 1 ? ` (and ${endpoints.length - 1} more)` : '',
        state: found.present ? `'${current as string}'` : "unset (default 'Disabled')",
        ignored: ignored.join('; '),
      };
      // Before the one-sided values, 'Enabled' applies both sides: where the side the finding does not
      // name has something to apply, the finding says which version has the narrower value, and no fix
      // changes what reaches the endpoints beyond its purpose.
      const other = wanted.nsg === wanted.routeTable || value !== 'Enabled' ? undefined : alsoApplied(subnet, wanted);
      if (other) {
        const narrower = privateEndpointOneSidedPolicy(wanted.nsg ? 'nsg' : 'routeTable');
        report({
          messageId: 'ignoredNeedsNewerApi',
          data: { ...data, value: narrower.value, since: narrower.since, other },
          at: subnetAnchor(subnet),
          related,
        });
        continue;
      }
      report({
        messageId: 'ignored',
        data: { ...data, value },
        at: subnetAnchor(subnet),
        related,
        fix: { kind: 'set-subnet-policy', property, value },
      });
    }
  },
});

/**
 * What 'Enabled' would apply to the endpoints beyond `wanted`, described, or undefined when that side has
 * nothing to apply: the subnet's NSG (any NSG, its default rules included, filters what reaches them),
 * or a route on the subnets of the VNet or its peers that may override the endpoints' /32 routes
 * (routesMayOverride).
 * Unknowns count as something to apply.
 */
function alsoApplied(subnet: Subnet, wanted: { nsg: boolean; routeTable: boolean }): string | undefined {
  if (!wanted.nsg) {
    if (attaches(subnet, 'networkSecurityGroup') === false) return undefined;
    return subnet.nsg?.resolved ? `NSG '${label(subnet.nsg.target)}'` : "the subnet's NSG";
  }
  if (!routesMayOverride(subnet)) return undefined;
  return subnet.vnet?.peerings.length
    ? "the route tables of the VNet's subnets and of the VNets peered with it"
    : "the route tables of the VNet's subnets";
}
