// The VNets that reach a private-link target: those of its endpoints, then the VNets peered with each
// of them both ways (a one-way peering carries no traffic). Shared by the hover and the topology view.
import type { NetworkModel, VirtualNetwork } from '../model';
import { sameId } from '../rules/support/dns-network';
import { peeringCandidatesFor } from '../rules/support/model-lookups';

/** The endpoints' VNets, then the VNets peered with each both ways, once each. */
export function reachingVnets(model: NetworkModel, homes: readonly (VirtualNetwork | undefined)[]): VirtualNetwork[] {
  const found: VirtualNetwork[] = [];
  const add = (vnet: VirtualNetwork) => {
    if (!found.some((known) => known === vnet || sameId(known.id, vnet.id))) found.push(vnet);
  };
  for (const home of homes) if (home) add(home);
  for (const home of homes) {
    if (!home) continue;
    for (const peering of home.peerings) {
      const remote = peering.remote?.resolved ? peering.remote.target : undefined;
      // A hub has a peering per spoke: the way back is looked up by id, not searched.
      const back =
        remote &&
        peeringCandidatesFor(model, remote, home).some(
          (candidate) =>
            candidate.local === remote &&
            candidate.remote?.resolved === true &&
            sameId(candidate.remote.target.id, home.id),
        );
      if (remote && back) add(remote);
    }
  }
  return found;
}
