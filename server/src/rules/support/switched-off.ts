// What a fix would add, already written in the template but switched off in this deployment: a link, a
// zone group or a reverse peering under `if (linkDnsZone)` that a parameter file (or a caller) binds to
// false. The finding stands (that deployment lacks it), but the cause is that value, not a missing
// declaration: a fix writing another one unconditionally would change every deployment of the template
// (the environment that keeps its own would get it twice).
import { zoneNameMatches } from '../../facts';
import { lowerCase, type NetworkModel, type Value } from '../../model';
import { declaresChild } from './model-lookups';

/** Whether the model holds a private DNS zone named `zoneName` (a facts name, placeholders allowed) whose condition is false. */
export function zoneDeclaredButSwitchedOff(model: NetworkModel, zoneName: string): boolean {
  return model.declarations.some((decl) => {
    if (decl.condition !== false || decl.registry !== undefined || lowerCase(decl.type) !== zoneType) return false;
    return typeof decl.name === 'string' && zoneNameMatches(zoneName, decl.name);
  });
}

const zoneType = 'microsoft.network/privatednszones';

/** The type of a private DNS zone's virtual network links. */
export const vnetLinkType = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';

/** Whether the model holds a declaration of `type` under `parentId` whose condition is false. */
export function declaredButSwitchedOff(model: NetworkModel, type: string, parentId: Value): boolean {
  // An interface model's off declaration stands for an entry the call leaves out, not one written.
  return declaresChild(model, type, parentId, (decl) => decl.condition === false && decl.registry === undefined);
}
