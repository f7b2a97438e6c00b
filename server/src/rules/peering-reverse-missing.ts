// peering-reverse-missing: a peering must exist on both VNets; one side alone stays 'Initiated' and
// carries no traffic (FACTS §4.2 [VERIFIED S7, S17], peeringRules.reverseRequired). Certain case: a
// certainly deployed peering A→B (not `existing`, not a self-peering) whose remote B is a VNet of the
// analysed set that is certainly deployed, and either created here or `existing` with no scope of its
// own, or with the same scope as the peering (DESIGN §3 "Scopes"); and no peering of the model can be
// B→A (one with an unknown side, a maybe-deployed or an `existing` one silences). A remote reached only
// through an unknown or outside id stays silent.
// Fix request: the peering and both VNets (fixes/reverse-peering.ts mirrors the flags and names it).
import { peeringRules } from '../facts';
import { idKey, type Peering, type Value, type VirtualNetwork } from '../model';
import { entityAnchor } from './support/entity-placement';
import { certainlyCreatedAmong, certainlyDeployed, label } from './support/certain';
import { connects, isSelfPeering, remoteVnet } from './support/peering-relations';
import { peeringCandidatesFor } from './support/model-lookups';
import { givenToUnreadCall } from './support/unread-calls';
import { declaredButSwitchedOff } from './support/switched-off';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'peering-reverse-missing',
  level: 'warning',
  fixable: true,
  startsFrom: ['peerings'],
  description: 'A virtual network peering has its reverse peering from the remote virtual network.',
  appliesWhen: peeringRules.reverseRequired,
  messages: {
    missing:
      "Peering '{{peering}}' connects '{{vnet}}' to '{{remote}}', but no peering connects '{{remote}}' back to '{{vnet}}': the peering stays 'Initiated' and no traffic flows between them.",
  },
  check({ model, report }: RuleContext) {
    const { peerings } = model;
    for (const peering of certainlyCreatedAmong(peerings)) {
      const local = peering.local;
      const remote = remoteVnet(peering);
      if (!local || !remote || isSelfPeering(peering) !== false) continue;
      if (!certainlyDeployed(remote.decl) || !writable(remote, peering)) continue;
      if (
        peeringCandidatesFor(model, remote, local).some(
          (other) => other !== peering && connects(other, remote, local) !== false,
        )
      )
        continue;
      // A module nobody can read, given either VNet, may write the peering back.
      if (givenToUnreadCall(model, [remote, local])) continue;
      report({
        messageId: 'missing',
        data: { peering: label(peering), vnet: label(local), remote: label(remote) },
        at: entityAnchor(peering),
        related: [
          {
            decl: remote.decl,
            ...(remote.path ? { path: remote.path } : {}),
            message: `VNet '${label(remote)}' is declared here; it needs a peering back to '${label(local)}'.`,
          },
        ],
        ...(declaredButSwitchedOff(model, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', remote.id)
          ? {}
          : { fix: { kind: 'add-reverse-peering' as const, peering, local, remote } }),
      });
    }
  },
});

/**
 * Whether the analysed set can write the reverse peering on `remote`: it creates the VNet, or refers to it
 * as `existing` with no scope of its own (Bicep `scope:`), or in the same scope as the peering (the ids'
 * scope parts compare equal). ARM keeps `resourceGroup`/`subscriptionId` out of the body, so there only
 * the ids decide.
 */
function writable(remote: VirtualNetwork, peering: Peering): boolean {
  if (!remote.decl.existing) return true;
  if (remote.decl.language === 'bicep' && remote.decl.body.scope === undefined) return true;
  const a = scopeKey(remote.id);
  return a !== undefined && a === scopeKey(peering.id);
}

/** The scope part of an id (before `/providers/`) as a comparable key; unknown parts compare by key. */
function scopeKey(id: Value): string | undefined {
  const key = idKey(id);
  if (key === undefined) return undefined;
  const cut = key.indexOf('/providers/');
  return cut < 0 ? undefined : key.slice(0, cut);
}
