// The fix layer's public face: builders by request kind, and `buildFixes` that runs the one a
// finding names. API Boundary: the engine calls only what is exported here.
// Invariants: builders never decide findings (rules do) and never throw out of buildFixes; each
// returns alternatives with at most one preferred, every file's edits sorted and non-overlapping,
// or none when no safe fix exists (STYLE §8). Imports: syntax, model, facts only.
import { addDnsZoneGroup, addZoneConfigs, pointZoneConfig } from './dns-zone-group';
import { addDependency } from './dependency';
import { FixDocuments } from './documents';
import {
  disablePublicAccess,
  removeSubnetNsg,
  replaceGroupId,
  setAllowGatewayTransit,
  setLocationGlobal,
  setRegistrationDisabled,
  setSubnetPolicy,
  useNetworkAddress,
  useVnetLocation,
} from './property-fixes';
import { addReversePeering } from './reverse-peering';
import { addServiceEndpoint } from './service-endpoint';
import type { Builders, Fix, FileEdits, FixKind, FixRequestOf, FixSource, ModelQueries, RequestedFix } from './types';
import { addVnetLink } from './vnet-link';
import { registryFixes } from './avm-fixes';

export type {
  Builder,
  Builders,
  Fix,
  FileEdits,
  FixAnchor,
  FixRequest,
  FixSource,
  ModelQueries,
  RequestedFix,
  TextEdit,
} from './types';
export { FixDocuments } from './documents';
export { applyTextEdits, combineChanges, mergeFixes } from './apply';

/** Every fix kind a rule may request, with its builder. */
export const builders: Builders = {
  'add-dns-zone-group': addDnsZoneGroup,
  'add-zone-configs': addZoneConfigs,
  'point-zone-config': pointZoneConfig,
  'add-vnet-link': addVnetLink,
  'set-registration-disabled': setRegistrationDisabled,
  'set-location-global': setLocationGlobal,
  'replace-group-id': replaceGroupId,
  'use-vnet-location': useVnetLocation,
  'disable-public-access': disablePublicAccess,
  'set-subnet-policy': setSubnetPolicy,
  'set-allow-gateway-transit': setAllowGatewayTransit,
  'add-reverse-peering': addReversePeering,
  'use-network-address': useNetworkAddress,
  'remove-subnet-nsg': removeSubnetNsg,
  'add-dependency': addDependency,
  'add-service-endpoint': addServiceEndpoint,
};

/** The fixes of one finding, against the texts of `docs` (share one FixDocuments across findings). */
export function buildFixes(docs: FixDocuments, { request, anchor }: RequestedFix): Fix[] {
  try {
    // A registry module's resource is changed through the module's parameters, never elsewhere.
    const built = anchor.decl.registry
      ? registryFixes(docs, request, anchor)
      : build(builders, docs, request.kind, request, anchor);
    return built.filter(valid).map((fix, index, all) => ({
      ...fix,
      isPreferred: fix.isPreferred && all.findIndex((other) => other.isPreferred) === index,
    }));
  } catch {
    // A defect in one builder costs its fix, never the analysis; the fix tests catch it.
    return [];
  }
}

/** Sorted, non-overlapping, in bounds, and actually changing something. */
function valid(fix: Fix): boolean {
  return (
    fix.changes.length > 0 &&
    fix.changes.every(
      (change: FileEdits) =>
        change.edits.length > 0 &&
        change.edits.every(
          (edit, i, edits) =>
            edit.start <= edit.end &&
            (i === 0 || (edits[i - 1].end <= edit.start && edits[i - 1].start !== edit.start)),
        ),
    )
  );
}

/** Runs the builder of `kind`; the kind is passed apart so the compiler pairs builder and request. */
function build<K extends FixKind>(
  table: Builders,
  docs: FixDocuments,
  kind: K,
  request: FixRequestOf<K>,
  anchor: RequestedFix['anchor'],
): Fix[] {
  return table[kind](docs, request, anchor);
}

export function createFixDocuments(source: FixSource, queries: ModelQueries): FixDocuments {
  return new FixDocuments(source, queries);
}
