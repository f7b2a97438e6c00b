// route-nva-next-hop: a route carries a next hop address although its next hop type takes none. The
// official type data (S2, facts routes) says next hop addresses are "only allowed in routes where the
// next hop type is VirtualAppliance". FACTS does not state that a VirtualAppliance route needs an
// address, so that half of the catalog's case stays silent. Certain cases only: a known hop type that
// facts list as taking no address (compared exactly) and a known, non-empty address.
// Anchor: the route — a route resource's declaration, or the `name` of an inline route.
import { hopTypesWithoutNextHopIpAddress, nextHopIpAddressHopType } from '../facts';
import type { ResourceDecl, Value } from '../model';
import { label } from './certain';
import { lastSegment, lookup, oncePerAnchor, owned } from './endpoint-common';
import { defineRule, type Anchor, type RuleContext } from './rule';

const routeType = 'microsoft.network/routetables/routes';

export default defineRule({
  id: 'route-nva-next-hop',
  level: 'error',
  fixable: false,
  description: 'Only VirtualAppliance routes carry a next hop IP address.',
  messages: {
    addressOnOtherHop: "Route '{{route}}' has next hop type '{{hopType}}' and a nextHopIpAddress '{{address}}'; Azure allows a next hop address only on {{applianceHop}} routes. Remove the address or use next hop type {{applianceHop}}.",
  },
  check(context: RuleContext) {
    const report = oncePerAnchor(context);
    const checkRoute = (properties: Value, name: string, at: Anchor) => {
      const hopType = lookup(properties, 'nextHopType');
      const address = lookup(properties, 'nextHopIpAddress');
      if (!hopType?.present || !address?.present) return;
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
    for (const table of context.model.routeTables) {
      if (!owned(table.decl)) continue;
      for (const route of table.routes) {
        if (route.path === 'properties') continue; // a route resource: checked below with its own declaration
        const routePath = route.path.replace(/\.properties$/, '');
        const name = typeof route.name === 'string' ? route.name : `${label(table)} route ${routePath}`;
        checkRoute(route.properties, name, { decl: table.decl, path: `${routePath}.name` });
      }
    }
    // Route resources (`Microsoft.Network/routeTables/routes`), whose own declaration is the anchor.
    for (const decl of context.model.declarations) {
      if (decl.type.toLowerCase() !== routeType || !owned(decl)) continue;
      checkRoute(decl.properties, routeName(decl), { decl });
    }
  },
});

function routeName(decl: ResourceDecl): string {
  return lastSegment(decl.name) ?? decl.symbol ?? 'route';
}
