// peering-gateway-transit: `useRemoteGateways` needs the remote side's `allowGatewayTransit`, a VNet with
// a gateway of its own cannot use a remote one, and one VNet may have only one peering that uses remote
// gateways (FACTS §4.2 [VERIFIED]; facts peeringRules). Certain cases, on a certainly deployed peering
// A→B (not `existing`) that sets `useRemoteGateways: true`, in this order, one finding per peering:
//   bothSides   a certainly deployed B→A also sets it (each side would need the other's gateway and none
//               of its own, which cannot both hold);
//   noTransit   every peering that may be B→A is a certainly deployed one lacking `allowGatewayTransit`
//               (false or absent), and there is at least one (fix: set it on the reverse);
//   tooMany     an earlier peering of A (file order), certainly another resource, also sets it.
import { peeringRules } from '../facts';
import { same, type Peering } from '../model';
import { certain, compareFileOrder, entityAnchor, reportOnce } from './address-certain';
import { label } from './certain';
import { connects, flagOf, isSelfPeering, remoteVnet, sameVnet } from './peering-relations';
import { defineRule, type RuleContext, type RuleReport } from './rule';

export default defineRule({
  id: 'peering-gateway-transit',
  level: 'error',
  fixable: true,
  description: 'A peering that uses remote gateways has a reverse peering that allows gateway transit, and is the only one of its virtual network that does.',
  messages: {
    bothSides: "Peering '{{peering}}' and its reverse '{{reverse}}' both set useRemoteGateways: a VNet that uses the remote gateway must have none of its own, so at most one of '{{vnet}}' and '{{remote}}' can, and Azure rejects the peering.",
    noTransit: "Peering '{{peering}}' sets useRemoteGateways, but the reverse peering '{{reverse}}' from '{{remote}}' does not set allowGatewayTransit: Azure rejects the peering, and '{{vnet}}' cannot reach on-premises networks through the gateway of '{{remote}}'.",
    tooMany: "Peering '{{peering}}' sets useRemoteGateways, but peering '{{other}}' of the same VNet '{{vnet}}' already does: Azure allows only one such peering per VNet, so this one is rejected.",
  },
  check(context: RuleContext) {
    const report = reportOnce(context);
    const { peerings } = context.model;
    const usesRemote = (peering: Peering) => certain(peering.decl) && !peering.decl.existing && flagOf(peering, 'useRemoteGateways') === true && isSelfPeering(peering) === false;
    const users = peerings.filter(usesRemote).sort(compareFileOrder);
    for (const peering of users) {
      const found = bothSides(peering, peerings, usesRemote) ?? noTransit(peering, peerings) ?? tooMany(peering, users);
      if (found) report({ ...found, at: entityAnchor(peering) });
    }
  },
});

type Finding = Omit<RuleReport, 'at'>;

const sides = (peering: Peering) => ({ peering: label(peering), vnet: peering.local ? label(peering.local) : '', remote: label(remoteVnet(peering) ?? peering) });

function bothSides(peering: Peering, peerings: readonly Peering[], usesRemote: (p: Peering) => boolean): Finding | undefined {
  const local = peering.local;
  const remote = remoteVnet(peering);
  if (!local || !remote) return undefined;
  const reverse = peerings.find((other) => other !== peering && usesRemote(other) && connects(other, remote, local) === true);
  if (!reverse) return undefined;
  return {
    messageId: 'bothSides',
    data: { ...sides(peering), reverse: label(reverse) },
    related: [{ ...entityAnchor(reverse), message: `Peering '${label(reverse)}' also sets useRemoteGateways.` }],
  };
}

function noTransit(peering: Peering, peerings: readonly Peering[]): Finding | undefined {
  const local = peering.local;
  const remote = remoteVnet(peering);
  if (!local || !remote || !peeringRules.useRemoteGatewaysNeedsRemoteAllowGatewayTransit) return undefined;
  const candidates = peerings.filter((other) => other !== peering && connects(other, remote, local) !== false);
  // Any peering that may be the reverse, may not deploy, or may allow transit keeps the rule silent.
  const lacking = candidates.filter((other) => connects(other, remote, local) === true && certain(other.decl) && !other.decl.existing
    && (flagOf(other, 'allowGatewayTransit') === false || flagOf(other, 'allowGatewayTransit') === 'absent'));
  if (lacking.length === 0 || lacking.length !== candidates.length) return undefined;
  const reverse = lacking[0];
  return {
    messageId: 'noTransit',
    data: { ...sides(peering), reverse: label(reverse) },
    related: [{ ...entityAnchor(reverse), message: `Reverse peering '${label(reverse)}' lacks allowGatewayTransit: true.` }],
    ...(lacking.length === 1
      ? { fix: { kind: 'set-allow-gateway-transit', target: { decl: reverse.decl, path: reverse.propertiesPath }, property: 'allowGatewayTransit', value: true } }
      : {}),
  };
}

function tooMany(peering: Peering, users: readonly Peering[]): Finding | undefined {
  const local = peering.local;
  if (!local) return undefined;
  // peeringRules.maxUseRemoteGatewaysPerVnet is 1: any earlier peering of the same VNet is one too many.
  const earlier = users.slice(0, users.indexOf(peering)).filter((other) => other.local && sameVnet(other.local, local) === true && same(other.id, peering.id, true) === false);
  if (earlier.length < peeringRules.maxUseRemoteGatewaysPerVnet) return undefined;
  const first = earlier[0];
  return {
    messageId: 'tooMany',
    data: { ...sides(peering), other: label(first) },
    related: [{ ...entityAnchor(first), message: `Peering '${label(first)}' already uses the remote gateway.` }],
  };
}
