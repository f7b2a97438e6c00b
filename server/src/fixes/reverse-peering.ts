// add-reverse-peering (peering-reverse-missing): the peering B→A, written where B is declared — in the
// remote VNet's inline `virtualNetworkPeerings` when it lists its peerings there, else as a child
// resource after B (or after the local peering when B is `existing` in the peering's own file).
// Flags are the peering's, mirrored (DESIGN §3, facts mirrorPeeringFlags); the name is `B-to-A` from
// the VNets' own names when they are known.
// Invariants: B is one declared instance; A's id is reachable from B's file (its own symbol, a
// parameter bound to it, or one threaded through B's single module call); else no fix. No fix when a
// flag is unknown or subnet-peering properties are written (FACTS gives no mirroring for those).
import {
  mirrorPeeringFlags,
  peeringFlags,
  peeringNamePattern,
  subnetPeeringProperties,
  type PeeringFlag,
} from '../facts';
import { at, isObject, type Peering, type ResourceDecl, type VirtualNetwork } from '../model';
import { callersOf } from './bicep-modules';
import type { FixDocuments } from './documents';
import { combineChanges } from './apply';
import {
  armApiVersion,
  armParent,
  armReference,
  childName,
  conditionOf,
  findTemplateResource,
  insertArmResources,
  takenSymbols,
  templateOf,
} from './arm-declarations';
import {
  bicepApiVersion,
  camel,
  identifiersOf,
  insertBicepResources,
  instanceHeader,
  uniqueName,
} from './bicep-declarations';
import { arr, expr, obj, type Gen } from './gen';
import { editorFor } from './property-fixes';
import type { Builder, FileEdits, FixRequestOf } from './types';
import { reachVnetId, vnetLabel } from './zone-resources';

const peeringType = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';

type Flags = Partial<Record<PeeringFlag, boolean>>;

/** The reverse peering's flags and, when the VNets' own names are known, its name; undefined when it cannot mirror. */
export function reversePlan({
  peering,
  local,
  remote,
}: FixRequestOf<'add-reverse-peering'>): { flags: Flags; name?: string } | undefined {
  const flags = knownFlags(peering);
  if (!flags || writesSubnetPeering(peering)) return undefined;
  const from = ownName(remote);
  const to = ownName(local);
  const name = from !== undefined && to !== undefined ? `${from}-to-${to}` : undefined;
  return { flags: mirrorPeeringFlags(flags), ...(name !== undefined && peeringNamePattern.test(name) ? { name } : {}) };
}

/** The flags the peering writes, or undefined when one is written but not a known boolean. */
function knownFlags(peering: Peering): Flags | undefined {
  if (!isObject(peering.properties)) return undefined;
  const flags: Flags = {};
  for (const flag of peeringFlags) {
    const value = at(peering.properties, flag);
    if (value !== undefined && typeof value !== 'boolean') return undefined;
    if (value !== undefined) flags[flag] = value;
  }
  return flags;
}

function writesSubnetPeering(peering: Peering): boolean {
  return (
    isObject(peering.properties) &&
    subnetPeeringProperties.some((path) => at(peering.properties, path.replace(/^properties\./, '')) !== undefined)
  );
}

/** A VNet's own name (a child's last name segment), when known. */
function ownName(vnet: VirtualNetwork): string | undefined {
  if (typeof vnet.name !== 'string') return undefined;
  return vnet.path === '' ? vnet.name.slice(vnet.name.lastIndexOf('/') + 1) : vnet.name;
}

function properties(remoteId: string, flags: Partial<Record<PeeringFlag, boolean>>): Gen {
  return obj(
    ['remoteVirtualNetwork', obj(['id', expr(remoteId)])],
    ...peeringFlags.map((flag) => (flags[flag] === undefined ? undefined : ([flag, flags[flag]!] as const))),
  );
}

/**
 * Whether the remote VNet's declaration also stands for other VNets: a module called more than once
 * deploys a peering added there from every call, and when it declares the local VNet too (one module
 * for hub and spoke) the peering would name its own VNet as remote (FACTS §4.2: a VNet cannot peer
 * with itself).
 */
function sharedWithOtherCalls(docs: FixDocuments, remote: ResourceDecl, local: ResourceDecl): boolean {
  if (remote.uri === local.uri && remote.range.start === local.range.start) return true;
  return remote.language === 'bicep' && callersOf(docs, remote.uri).calls.length > 1;
}

export const addReversePeering: Builder<'add-reverse-peering'> = (docs, request) => {
  const plan = reversePlan(request);
  const remote = request.remote.decl;
  const local = request.local.decl;
  const peering = request.peering.decl;
  if (!plan || remote.count !== 1 || remote.instance !== undefined || sharedWithOtherCalls(docs, remote, local))
    return [];
  const fallback = `${vnetLabel(remote)}-to-${vnetLabel(local)}`;
  const name = plan.name ?? (peeringNamePattern.test(fallback) ? fallback : 'reverse-peering');
  const flags = plan.flags;
  const title = `Add the reverse peering '${name}'`;
  const symbolHint = camel('peer', vnetLabel(remote), 'to', vnetLabel(local));
  const inline = editorFor(docs, remote)?.valueAt('properties.virtualNetworkPeerings');
  if (remote.language === 'bicep') {
    const tree = docs.bicepTree(remote.uri);
    if (!tree || !remote.symbol) return [];
    const taken = identifiersOf(tree);
    const peered = `Resource id of the virtual network ${vnetLabel(local)}, peered with ${vnetLabel(remote)}.`;
    const id = reachVnetId(docs, remote.uri, local, taken, peered);
    if (!id) return [];
    let edits;
    if (inline) {
      edits = editorFor(docs, remote)!.append('properties.virtualNetworkPeerings', [
        obj(['name', name], ['properties', properties(id.text, flags)]),
      ]);
    } else {
      const after = remote.existing && peering.uri === remote.uri ? peering : remote;
      // A condition on the local peering (in this file) applies to its reverse too: one side alone is the finding.
      const header = peering.uri === remote.uri ? instanceHeader(docs, peering, taken) : undefined;
      edits = insertBicepResources(docs, remote.uri, after, [
        {
          symbol: uniqueName(taken, symbolHint),
          type: `${peeringType}@${bicepApiVersion(tree, peeringType)}`,
          head: header && !header.tail ? header.head : '',
          body: obj(['parent', expr(remote.symbol)], ['name', name], ['properties', properties(id.text, flags)]),
        },
      ]);
    }
    const changes = edits && combineChanges([{ uri: remote.uri, edits }, ...id.changes]);
    return changes ? [{ title, isPreferred: true, changes }] : [];
  }
  const parent = armParent(docs, remote);
  const localRef = parent && armReference(docs, parent.template, local);
  if (!parent || !localRef) return [];
  const { node, template, reference: remoteRef, segments } = parent;
  let changes: FileEdits[] | undefined;
  if (inline) {
    const edits = editorFor(docs, remote)!.append('properties.virtualNetworkPeerings', [
      obj(['name', name], ['properties', properties(localRef.id, flags)]),
    ]);
    changes = edits && [{ uri: remote.uri, edits }];
  } else {
    const taken = takenSymbols(template);
    // An `existing` remote is not deployed here: nothing to wait for, and the peering goes beside the local one.
    const dependencies = [
      ...(remote.existing ? [] : [remoteRef.dependsOn]),
      ...(local.existing ? [] : [localRef.dependsOn]),
    ];
    const peeringNode = peering.uri === remote.uri ? findTemplateResource(docs, peering) : undefined;
    const condition = peeringNode && templateOf(peeringNode) === template ? conditionOf(peeringNode) : undefined;
    const body = obj(
      ['type', peeringType],
      ['apiVersion', armApiVersion(template, peeringType) ?? ''],
      ['name', childName(segments, name)],
      condition !== undefined && ['condition', condition],
      dependencies.length > 0 && ['dependsOn', arr(...dependencies)],
      ['properties', properties(localRef.id, flags)],
    );
    const symbol = uniqueName(taken, symbolHint);
    const beside = remote.existing && peering.uri === remote.uri ? findTemplateResource(docs, peering) : node;
    const edits = beside && insertArmResources(docs, remote.uri, beside, [{ symbol, body }]);
    changes = edits && [{ uri: remote.uri, edits }];
  }
  return changes ? [{ title, isPreferred: true, changes }] : [];
};
