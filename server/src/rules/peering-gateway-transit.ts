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
import { CertainlySameIds, same, type Peering } from '../model';
import { compareFileOrder, entityAnchor } from './support/entity-placement';
import { certainlyCreated, label } from './support/certain';
import {
  connects,
  flagOf,
  isSelfPeering,
  remoteVnet,
  sameVnet,
  undeclaredRemoteId,
  type VnetById,
} from './support/peering-relations';
import { peeringCandidatesFor } from './support/model-lookups';
import { defineRule, type RuleContext, type RuleReport } from './support/rule';

export default defineRule({
  id: 'peering-gateway-transit',
  level: 'error',
  fixable: true,
  startsFrom: ['peerings'],
  description:
    'A peering that uses remote gateways has a reverse peering that allows gateway transit, and is the only one of its virtual network that does.',
  messages: {
    bothSides:
      "Peering '{{peering}}' and its reverse '{{reverse}}' both set useRemoteGateways: a VNet that uses the remote gateway must have none of its own, so at most one of '{{vnet}}' and '{{remote}}' can: each would need the other's gateway and have none of its own.",
    noTransit:
      "Peering '{{peering}}' sets useRemoteGateways, but the reverse peering '{{reverse}}' from '{{remote}}' does not enable allowGatewayTransit (absent or false, a parameter's default included), which useRemoteGateways requires: '{{vnet}}' cannot reach on-premises networks through the gateway of '{{remote}}'.",
    tooMany:
      "Peering '{{peering}}' sets useRemoteGateways, but peering '{{other}}' of the same VNet '{{vnet}}' already does: Azure allows only one such peering per VNet, so this one is rejected.",
  },
  check({ model, report }: RuleContext) {
    const { peerings } = model;
    const usesRemote = (peering: Peering) =>
      certainlyCreated(peering.decl) &&
      flagOf(peering, 'useRemoteGateways') === true &&
      isSelfPeering(peering) === false;
    const users = peerings.filter(usesRemote).sort(compareFileOrder);
    // Every finding is about a user: without one, none of the lookups below is needed (issue 16).
    if (users.length === 0) return;
    // Peerings that may join two VNets come from the model's index, put back in model order (the first
    // one found speaks); users of a VNet's remote gateways from an index by their local VNet.
    const position = new Map(peerings.map((peering, index) => [peering, index]));
    const between = (from: VnetById, to: VnetById) =>
      [...peeringCandidatesFor(model, from, to)].sort((a, b) => position.get(a)! - position.get(b)!);
    const usersByLocal = new CertainlySameIds<Peering>();
    for (const peering of users) {
      const found =
        bothSides(peering, between, usesRemote) ?? noTransit(peering, between) ?? tooMany(peering, usersByLocal);
      if (peering.local) usersByLocal.add(peering.local.id, peering);
      if (found) report({ ...found, at: entityAnchor(peering) });
    }
  },
});

type Finding = Omit<RuleReport, 'at'>;

/**
 * B, the peering's remote VNet: one of the analysed files, or one no analysed file declares but the
 * peering names by a known id (a hub in another subscription). The reverse B→A the analysed files write
 * (AVM's `remotePeeringEnabled`) still says what B does, and B can have no other peering to A.
 */
function remoteOf(peering: Peering): VnetById | undefined {
  const undeclared = undeclaredRemoteId(peering);
  return remoteVnet(peering) ?? (undeclared === undefined ? undefined : { id: undeclared });
}

const sides = (peering: Peering) => {
  const undeclared = undeclaredRemoteId(peering);
  return {
    peering: label(peering),
    vnet: peering.local ? label(peering.local) : '',
    remote:
      undeclared === undefined
        ? label(remoteVnet(peering) ?? peering)
        : undeclared.slice(undeclared.lastIndexOf('/') + 1),
  };
};

type Between = (from: VnetById, to: VnetById) => Peering[];

function bothSides(peering: Peering, between: Between, usesRemote: (p: Peering) => boolean): Finding | undefined {
  const local = peering.local;
  const remote = remoteOf(peering);
  if (!local || !remote) return undefined;
  const reverse = between(remote, local).find(
    (other) => other !== peering && usesRemote(other) && connects(other, remote, local) === true,
  );
  if (!reverse) return undefined;
  return {
    messageId: 'bothSides',
    data: { ...sides(peering), reverse: label(reverse) },
    related: [{ ...entityAnchor(reverse), message: `Peering '${label(reverse)}' also sets useRemoteGateways.` }],
  };
}

function noTransit(peering: Peering, between: Between): Finding | undefined {
  const local = peering.local;
  const remote = remoteOf(peering);
  if (!local || !remote || !peeringRules.useRemoteGatewaysNeedsRemoteAllowGatewayTransit) return undefined;
  const candidates = between(remote, local).filter(
    (other) => other !== peering && connects(other, remote, local) !== false,
  );
  // Any peering that may be the reverse, may not deploy, or may allow transit keeps the rule silent.
  const lacking = candidates.filter(
    (other) =>
      connects(other, remote, local) === true &&
      certainlyCreated(other.decl) &&
      (flagOf(other, 'allowGatewayTransit') === false || flagOf(other, 'allowGatewayTransit') === 'absent'),
  );
  if (lacking.length === 0 || lacking.length !== candidates.length) return undefined;
  const reverse = lacking[0];
  return {
    messageId: 'noTransit',
    data: { ...sides(peering), reverse: label(reverse) },
    related: [
      { ...entityAnchor(reverse), message: `Reverse peering '${label(reverse)}' lacks allowGatewayTransit: true.` },
    ],
    ...(lacking.length === 1
      ? { fix: { kind: 'set-allow-gateway-transit', reverse: { decl: reverse.decl, path: reverse.propertiesPath } } }
      : {}),
  };
}

/** `earlierUsers`: the users before this one in file order, by their local VNet's id. */
function tooMany(peering: Peering, earlierUsers: CertainlySameIds<Peering>): Finding | undefined {
  const local = peering.local;
  if (!local) return undefined;
  // peeringRules.maxUseRemoteGatewaysPerVnet is 1: any earlier peering of the same VNet is one too many.
  const earlier = earlierUsers
    .candidates(local.id)
    .filter(
      (other) => other.local && sameVnet(other.local, local) === true && same(other.id, peering.id, true) === false,
    );
  if (earlier.length < peeringRules.maxUseRemoteGatewaysPerVnet) return undefined;
  const first = earlier[0];
  return {
    messageId: 'tooMany',
    data: { ...sides(peering), other: label(first) },
    related: [{ ...entityAnchor(first), message: `Peering '${label(first)}' already uses the remote gateway.` }],
  };
}
