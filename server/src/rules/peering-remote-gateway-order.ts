// peering-remote-gateway-order: a peering that sets `useRemoteGateways: true` is checked when it is written,
// and fails with RemoteVnetHasNoGateways while the remote VNet has no gateway yet (FACTS §10). So where the
// deployment creates the remote VNet's gateway, the peering must be ordered after it.
// Certain cases only: a certainly deployed peering A→B (not `existing`) with `useRemoteGateways: true`,
// `doNotVerifyRemoteGateways` absent or false (its effect is UNVERIFIED), and a certainly deployed gateway
// of this deployment in B's subnets; and no gateway that is or may be in B, and no Route Server, is or may
// be ordered before the peering (model/dependencies.ts). Fix: add the dependency on the gateway.
import { hubPeeringRules, routeServerTypes } from '../facts';
import { at, lowerCase, orderedBefore, type Peering, type VirtualNetwork, type VnetGateway } from '../model';
import { entityAnchor } from './support/entity-placement';
import { certainlyCreated, label } from './support/certain';
import { flagOf, isSelfPeering, remoteVnet, sameVnet } from './support/peering-relations';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'peering-remote-gateway-order',
  level: 'error',
  fixable: true,
  startsFrom: ['peerings'],
  description:
    'A peering that uses remote gateways is deployed after the gateway of its remote virtual network, when the same deployment creates it.',
  appliesWhen: hubPeeringRules.useRemoteGatewaysNeedsGatewayFirst,
  messages: {
    notOrdered:
      "Peering '{{peering}}' sets useRemoteGateways, but nothing orders it after the gateway '{{gateway}}' of '{{remote}}' that this deployment creates: if the peering is written first, Azure rejects it with RemoteVnetHasNoGateways.",
  },
  check({ model, report }: RuleContext) {
    // A finding names a gateway of the model: without one, no declaration need be walked (issue 16).
    if (model.vnetGateways.length === 0) return;
    const gatewaysOf = gatewaysByVnet(model.vnetGateways);
    const routeServers = model.declarations.filter(
      (decl) => (routeServerTypes as readonly string[]).includes(lowerCase(decl.type)) && decl.condition !== false,
    );
    for (const peering of model.peerings) {
      const remote = remoteVnet(peering);
      if (!remote || !judged(peering)) continue;
      const inRemote = gatewaysOf.certainly.get(remote) ?? [];
      const created = inRemote.find((gateway) => certainlyCreated(gateway.decl));
      if (!created) continue;
      // Any gateway that is or may be in B and exists already (`existing`) or is or may be ordered first,
      // or a Route Server ordered first: silent.
      const mayBeFirst = (decl: VnetGateway['decl']) => orderedBefore(decl, peering.decl) !== false;
      if ([...inRemote, ...gatewaysOf.maybe].some((gateway) => gateway.decl.existing || mayBeFirst(gateway.decl)))
        continue;
      if (routeServers.some(mayBeFirst)) continue;
      report({
        messageId: 'notOrdered',
        data: { peering: label(peering), gateway: label(created), remote: label(remote) },
        at: entityAnchor(peering),
        related: [{ decl: created.decl, message: `Gateway '${label(created)}' of '${label(remote)}'.` }],
        fix: { kind: 'add-dependency', dependency: created.decl },
      });
    }
  },
});

/** A certainly deployed, created A→B that uses remote gateways and does not skip their verification. */
function judged(peering: Peering): boolean {
  if (!certainlyCreated(peering.decl) || isSelfPeering(peering) !== false) return false;
  if (flagOf(peering, 'useRemoteGateways') !== true) return false;
  const skip = at(peering.properties, hubPeeringRules.skipVerificationFlag);
  return skip === undefined || skip === false;
}

/**
 * Gateways by the VNet of their subnets (each gateway once per VNet), and those whose subnet does not
 * resolve to a VNet, which may be in any.
 */
function gatewaysByVnet(gateways: readonly VnetGateway[]): {
  certainly: Map<VirtualNetwork, VnetGateway[]>;
  maybe: VnetGateway[];
} {
  const certainly = new Map<VirtualNetwork, VnetGateway[]>();
  const maybe: VnetGateway[] = [];
  for (const gateway of gateways) {
    const vnets = gateway.subnets.map((subnet) => (subnet.resolved ? subnet.target.vnet : undefined));
    if (vnets.length === 0 || vnets.some((vnet) => vnet === undefined)) {
      maybe.push(gateway);
      continue;
    }
    for (const vnet of new Set(vnets as VirtualNetwork[])) {
      const list = certainly.get(vnet) ?? [];
      list.push(gateway);
      certainly.set(vnet, list);
    }
  }
  // A VNet entity declared twice (a template and its `existing` reference) is the same VNet.
  for (const [vnet, list] of certainly) {
    for (const [other, more] of certainly) {
      if (other !== vnet && sameVnet(other, vnet) !== false)
        list.push(...more.filter((gateway) => !list.includes(gateway)));
    }
  }
  return { certainly, maybe };
}
