// Registry module calls without a restore cache: the Azure Verified Modules whose interfaces are
// modelled (avm-catalog.ts) declare their resources in the caller's deployment from the call's
// parameters; anything else (another registry, an unplaceable version) stays unseen.
import { remembered } from '../remembered';
import { makeObject, Unknown, withOrigin, type ObjectValue, type Value } from '../value';
import { placeAvmModule, type AvmModule } from './avm-catalog';
import { declareDnsZonesPattern, declarePrivateDnsZone } from './avm-dns';
import { declareEntryEndpoints, declarePrivateEndpointModule } from './avm-endpoints';
import { declareVirtualNetwork } from './avm-network';
import { emit, field, forEachEntry, isSet, type RegistryCall } from './emit';
import { avmModuleOf, parseRegistryReference } from './reference';

export type { RegistryCall, CallParams } from './emit';

/** What the interface models know of a registry path: modelled, known but unplaceable, or not at all. */
export function registryModelOf(path: string): RegistryModel | undefined {
  return placedPath(path)?.model;
}

type RegistryModel = Readonly<{ module: string; tag: string; status: 'modelled' | 'unplaceable' }>;
interface PlacedPath {
  model: RegistryModel;
  /** The interface model of the module, when the version is one it covers. */
  modelled: AvmModule | undefined;
}
const placedPaths = new Map<string, PlacedPath | undefined>();

/** What the catalog says of a path: asked for each call on every analysis and for the unseen-module notice, answered once per path. */
function placedPath(path: string): PlacedPath | undefined {
  return remembered(placedPaths, path, () => placePath(path));
}

function placePath(path: string): PlacedPath | undefined {
  const reference = parseRegistryReference(path);
  const avm = reference && avmModuleOf(reference);
  if (!avm) return undefined;
  const placement = placeAvmModule(avm.path, avm.tag);
  if (!placement) return undefined;
  return {
    model: { module: avm.path, tag: avm.tag, status: placement.version ? 'modelled' : 'unplaceable' },
    modelled: placement.version ? placement.module : undefined,
  };
}

/**
 * Declares the resources of a modelled registry module call into its sink and returns the
 * module's outputs (those the model knows; others read as unknowns keyed by the call), or
 * undefined when the path is not modelled at this version.
 */
export function evaluateRegistryCall(
  path: string,
  call: Omit<RegistryCall, 'module' | 'tag'>,
): ObjectValue | undefined {
  const placed = placedPath(path);
  if (!placed?.modelled) return undefined;
  const full: RegistryCall = { ...call, module: placed.model.module, tag: placed.model.tag };
  const outputs = declareModule(full, placed.modelled);
  return (
    outputs &&
    withOrigin(
      makeObject(Object.entries(outputs).filter((entry): entry is [string, Value] => entry[1] !== undefined)),
      `${call.key}.outputs`,
    )
  );
}

function declareModule(call: RegistryCall, module: AvmModule): Record<string, Value | undefined> | undefined {
  switch (module.kind) {
    case 'private-endpoint': {
      const endpoint = declarePrivateEndpointModule(call);
      return { resourceId: endpoint.id, name: endpoint.name };
    }
    case 'virtual-network': {
      const vnet = declareVirtualNetwork(call);
      return { resourceId: vnet.id, name: vnet.name, subnetResourceIds: vnet.subnetIds };
    }
    case 'private-dns-zone': {
      const zone = declarePrivateDnsZone(call);
      return { resourceId: zone.id, name: zone.name };
    }
    case 'private-link-dns-zones':
      return declareDnsZonesPattern(call) ? {} : undefined;
    case 'resource':
      return declareResourceModule(call, module);
  }
}

/** An `avm/res` module's main resource (the endpoints' target) and its `privateEndpoints`. */
function declareResourceModule(call: RegistryCall, module: AvmModule): Record<string, Value | undefined> {
  const params = call.params;
  const name = params.get('name') ?? new Unknown(`${call.key}.params.name`);
  const location = params.get('location') ?? call.scope.location;
  const main = emit(call, {
    type: module.mainType!,
    name,
    location,
    at: '',
    properties: makeObject([['publicNetworkAccess', publicNetworkAccess(call, module)], ...mainFirewall(call, module)]),
    ranges: [
      ['properties.publicNetworkAccess', 'publicNetworkAccess'],
      ['name', 'name'],
      ['location', 'location'],
    ],
  });
  declareEntryEndpoints(call, { id: main.id, name: main.name, defaultService: module.defaultService });
  if (module.mainType === 'Microsoft.Sql/servers') declareSqlVnetRules(call, main);
  return { resourceId: main.id, name: main.name };
}

const sqlVnetRuleType = 'Microsoft.Sql/servers/virtualNetworkRules';

/**
 * A SQL server module's `virtualNetworkRules` entries, each the rule its `virtual-network-rule` child
 * module declares (as the sources at FACTS §17's commit write it): pe-public-access-enabled and the
 * service endpoint rules read them as they read a cached module's. A list not known is one rule of
 * unknown count, its subnet not known.
 */
function declareSqlVnetRules(call: RegistryCall, server: { id: Value; name: Value }): void {
  forEachEntry(call, call.params.get('virtualNetworkRules'), 'virtualNetworkRules', (rule, at, count) =>
    emit(call, {
      type: sqlVnetRuleType,
      name: field(rule, 'name') ?? new Unknown(`${call.key}.${at}.name`),
      parent: server,
      at,
      count,
      properties: makeObject([
        [
          'virtualNetworkSubnetId',
          field(rule, 'virtualNetworkSubnetResourceId') ??
            new Unknown(`${call.key}.${at}.virtualNetworkSubnetResourceId`),
        ],
        ['ignoreMissingVnetServiceEndpoint', field(rule, 'ignoreMissingVnetServiceEndpoint') ?? false],
      ]),
      ranges: [['properties.virtualNetworkSubnetId', `${at}.virtualNetworkSubnetResourceId`]],
    }),
  );
}

/**
 * The main resource's firewall (avm-catalog.ts `firewall`) as an unknown, where the module may write
 * one: what it writes differs by version (FACTS §17), and pe-public-access-enabled then claims no
 * public reach.
 */
function mainFirewall(call: RegistryCall, module: AvmModule): [string, Value][] {
  const firewall = module.firewall;
  if (!firewall || (firewall.param !== undefined && call.params.get(firewall.param) === undefined)) return [];
  return [[firewall.property, new Unknown(`${call.key}.${firewall.property}`)]];
}

/**
 * The value the module writes to `publicNetworkAccess`: what the caller passes, where the module
 * passes it through; the module's own default differs by module and version, so it is unknown.
 */
function publicNetworkAccess(call: RegistryCall, module: AvmModule): Value {
  const given = call.params.get('publicNetworkAccess');
  const unknown = new Unknown(`${call.key}.publicNetworkAccess`);
  switch (module.publicAccess) {
    case 'explicit-if-non-empty':
      return isSet(given) === true ? given! : unknown;
    case 'explicit-if-not-null':
      return given !== undefined ? given : unknown;
    default:
      return unknown;
  }
}
