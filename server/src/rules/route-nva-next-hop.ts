// route-nva-next-hop: a route's next hop type and next hop address disagree. Two certain cases:
// a VirtualAppliance route without an address (absent or null: FACTS §11, MissingNextHopIpAddress),
// and an address on a hop type that takes none (S2: next hop values are "only allowed in routes where the
// next hop type is VirtualAppliance"). Hop types compare exactly; an unknown type or address is silent.
// Anchor: the route — a route resource's declaration, or the `name` of an inline route.
import { hopTypesWithoutNextHopIpAddress, nextHopIpAddressHopType } from '../facts';
import { lowerCase, type ResourceDecl, type Value } from '../model';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { lastSegment, lookup } from './support/endpoint-common';
import { defineRule, type Anchor, type RuleContext } from './support/rule';

const routeType = 'microsoft.network/routetables/routes';

export default defineRule({
  id: 'route-nva-next-hop',
  level: 'error',
  fixable: false,
  description: 'VirtualAppliance routes carry a next hop IP address, and only they do.',
  messages: {
    missingAddress:
      "Route '{{route}}' has next hop type {{applianceHop}} but no nextHopIpAddress: Azure rejects it with MissingNextHopIpAddress. Set the private IP address of the appliance (a NIC with IP forwarding or an internal load balancer frontend).",
    addressOnOtherHop:
      "Route '{{route}}' has next hop type '{{hopType}}' and a nextHopIpAddress '{{address}}'; Azure allows a next hop address only on {{applianceHop}} routes. Remove the address or use next hop type {{applianceHop}}.",
  },
  check({ model, report }: RuleContext) {
    const checkRoute = (properties: Value, name: string, at: Anchor) => {
      const hopType = lookup(properties, 'nextHopType');
      const address = lookup(properties, 'nextHopIpAddress');
      if (!hopType?.present || !address) return;
      if (hopType.value === nextHopIpAddressHopType) {
        // FACTS §11: "NextHopIpAddress cannot be Null or Empty … when NextHopType is VirtualAppliance."
        // Only an absent or null address is certain: an empty string can stand for a value Azure assigns
        // at deployment (a module output read from a NIC's dynamic privateIPAddress evaluates to its input).
        const missing = !address.present || address.value === null;
        if (missing)
          report({ messageId: 'missingAddress', data: { route: name, applianceHop: nextHopIpAddressHopType }, at });
        return;
      }
      if (!address.present) return;
      if (typeof hopType.value !== 'string' || !hopTypesWithoutNextHopIpAddress.includes(hopType.value)) return;
      // An empty or unknown address may be a template's way of writing "none".
      if (typeof address.value !== 'string' || address.value.trim() === '') return;
      report({
        messageId: 'addressOnOtherHop',
        data: { route: name, hopType: hopType.value, address: address.value, applianceHop: nextHopIpAddressHopType },
        at,
      });
    };
    // Inline routes (`properties.routes[i]`) of route tables the set creates.
    for (const table of certainlyCreatedAmong(model.routeTables)) {
      for (const route of table.routes) {
        if (route.path === 'properties') continue; // a route resource: checked below with its own declaration
        const routePath = route.path.replace(/\.properties$/, '');
        const name = typeof route.name === 'string' ? route.name : `${label(table)} route ${routePath}`;
        checkRoute(route.properties, name, { decl: table.decl, path: `${routePath}.name` });
      }
    }
    // Route resources (`Microsoft.Network/routeTables/routes`), whose own declaration is the anchor.
    for (const decl of model.declarations) {
      // lowerCase: kept per type, not a new string per declaration and analysis (issue 16). Most types
      // differ from a route's in length: this rule runs on every model, and those need no lookup.
      if (decl.type.length !== routeType.length || lowerCase(decl.type) !== routeType || !certainlyCreated(decl))
        continue;
      checkRoute(decl.properties, routeName(decl), { decl });
    }
  },
});

function routeName(decl: ResourceDecl): string {
  return lastSegment(decl.name) ?? decl.symbol ?? 'route';
}
