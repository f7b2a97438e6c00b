// The virtual network and IP rules PaaS resources write (FACTS §9.2 shapes, §6 paths): per declaration
// that holds rules, each rule's subnet id resolved to the analysed subnets with that id, its bypass flag,
// the IP rules' count, the default action and the public network access that govern them. Derived once
// per model from its targets; nothing here judges the rules (rules/service-endpoint-*.ts do).
import { getProperty, isArray, isObject, type Value } from '../evaluate/value';
import { at } from './property-path';
import { IdIndex, idKey, parentIdOf } from './identity';
import { keptOn, lowerCase } from '../evaluate/remembered';
import type {
  NetworkModel,
  NetworkRuleService,
  ServiceNetworkRules,
  ServiceRuleSetting,
  Subnet,
  Target,
  VnetRuleEntry,
} from './types';

interface Shape {
  service: NetworkRuleService;
  /** Arrays of virtual network rules, relative to the declaration. */
  vnetRules: readonly string[];
  /** The declaration's `properties` is one rule (SQL `virtualNetworkRules` children). */
  single?: boolean;
  /** The subnet id inside one rule. */
  subnetId: string;
  ipRules?: string;
  defaultAction?: string;
  /** The rule-holding declaration is a child of the PaaS resource (SQL rules, Event Hubs / Service Bus rule sets). */
  child?: boolean;
  /** The child's own public network access property (Event Hubs / Service Bus rule sets, FACTS §6). */
  ownPublicAccess?: boolean;
}

const acls = 'properties.networkAcls';
/** Rules under `networkAcls` (Storage, Key Vault): `id` names the subnet. */
const networkAcls = (service: NetworkRuleService): Shape => ({
  service,
  vnetRules: [`${acls}.virtualNetworkRules`],
  subnetId: 'id',
  ipRules: `${acls}.ipRules`,
  defaultAction: `${acls}.defaultAction`,
});
/** An Event Hubs or Service Bus `networkRuleSets` child: `subnet.id` names the subnet. */
const ruleSet = (service: NetworkRuleService): Shape => ({
  service,
  vnetRules: ['properties.virtualNetworkRules'],
  subnetId: 'subnet.id',
  ipRules: 'properties.ipRules',
  defaultAction: 'properties.defaultAction',
  child: true,
  ownPublicAccess: true,
});
// FACTS §9.2 (shapes from the S2 types) and §6 (public access, default action and IP rule paths).
const shapes: Readonly<Record<string, Shape>> = {
  'microsoft.storage/storageaccounts': networkAcls('storage'),
  'microsoft.keyvault/vaults': networkAcls('keyVault'),
  'microsoft.sql/servers/virtualnetworkrules': {
    service: 'sql',
    vnetRules: ['properties'],
    single: true,
    subnetId: 'virtualNetworkSubnetId',
    child: true,
  },
  'microsoft.documentdb/databaseaccounts': {
    service: 'cosmosDb',
    vnetRules: ['properties.virtualNetworkRules'],
    subnetId: 'id',
    ipRules: 'properties.ipRules',
  },
  'microsoft.eventhub/namespaces/networkrulesets': ruleSet('eventHubs'),
  'microsoft.servicebus/namespaces/networkrulesets': ruleSet('serviceBus'),
  // Access restrictions: only entries with `vnetSubnetResourceId` are subnet rules (FACTS §9.2, S37).
  'microsoft.web/sites': {
    service: 'appService',
    subnetId: 'vnetSubnetResourceId',
    vnetRules: ['properties.siteConfig.ipSecurityRestrictions', 'properties.siteConfig.scmIpSecurityRestrictions'],
  },
  // IP rules and the default action: the 2025-11-01 type data (FACTS §8.1's version), §6's firewall path.
  'microsoft.containerregistry/registries': {
    service: 'containerRegistry',
    vnetRules: ['properties.networkRuleSet.virtualNetworkRules'],
    subnetId: 'id',
    ipRules: 'properties.networkRuleSet.ipRules',
    defaultAction: 'properties.networkRuleSet.defaultAction',
  },
};

const publicAccess = 'properties.publicNetworkAccess';

/** The resource types whose network rules the model reads, lower case. */
export const networkRuleTypes: readonly string[] = Object.keys(shapes);

/** Whether the model reads network rules of this resource type (lower case or not). */
export function holdsNetworkRules(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(shapes, lowerCase(type));
}

/**
 * The `properties` keys the network rules of a type live under (for demand-driven evaluation):
 * undefined (all) for the small child resources, [] for types that hold none.
 */
export function networkRuleProperties(type: string): readonly string[] | undefined {
  const shape = shapes[lowerCase(type)];
  if (!shape) return [];
  if (shape.child) return undefined;
  const paths = [...shape.vnetRules, shape.ipRules, shape.defaultAction, publicAccess];
  return [...new Set(paths.flatMap((path) => path?.split('.')[1] ?? []))];
}
/** FACTS §9.2: `ignoreMissingVnetServiceEndpoint`, `ignoreMissingVNetServiceEndpoint` on Cosmos DB; any casing is read. */
const bypassFlag = /^ignoremissingvnetserviceendpoint$/i;

const rulesKey = Symbol('serviceNetworkRules');

/** The network rules of the model's PaaS declarations, built on first use. */
export const serviceNetworkRules = (model: NetworkModel): readonly ServiceNetworkRules[] =>
  keptOn(model, rulesKey, build);

function build(model: NetworkModel): ServiceNetworkRules[] {
  // Most models hold no resource with network rules (issue 16: a module of DNS records): nothing to index.
  if (!model.targets.some((target) => shapes[lowerCase(target.type)] !== undefined)) return [];
  const subnetsById = new Map<string, Subnet[]>();
  for (const subnet of model.subnets) {
    const key = idKey(subnet.id);
    if (key === undefined) continue;
    subnetsById.set(key, [...(subnetsById.get(key) ?? []), subnet]);
  }
  const parents = new IdIndex<Target>();
  for (const target of model.targets) parents.add(target);

  const result: ServiceNetworkRules[] = [];
  for (const target of model.targets) {
    const shape = shapes[lowerCase(target.type)];
    if (!shape) continue;
    const parent = shape.child
      ? parents.resolve(parentIdOf(target.id), (candidate) => !candidate.decl.existing)
      : undefined;
    const resource = shape.child ? (parent?.resolved ? parent.target : undefined) : target;
    const body = { properties: target.properties };
    const ipValue = shape.ipRules === undefined ? undefined : at(body, shape.ipRules);
    const ipRules =
      ipValue === undefined || shape.ipRules === undefined
        ? undefined
        : { path: shape.ipRules, count: isArray(ipValue) ? ipValue.length : undefined };
    const publicNetworkAccess = [
      written(shape.ownPublicAccess ? target : undefined, publicAccess),
      written(resource, publicAccess),
    ].filter((setting): setting is ServiceRuleSetting => setting !== undefined);
    result.push({
      kind: 'networkRules',
      service: shape.service,
      decl: target.decl,
      owner: target,
      resource,
      vnetRules: vnetRulesOf(target, shape, subnetsById),
      ipRules,
      defaultAction: written(target, shape.defaultAction),
      publicNetworkAccess,
    });
  }
  return result;
}

/** The declaration's virtual network rules, per array of them its shape names. */
function vnetRulesOf(
  target: Target,
  shape: Shape,
  subnetsById: ReadonlyMap<string, Subnet[]>,
): ServiceNetworkRules['vnetRules'] {
  const body = { properties: target.properties };
  return shape.vnetRules.flatMap((path): ServiceNetworkRules['vnetRules'] => {
    if (shape.single) {
      const one = vnetRuleEntry(target.properties, path, shape, subnetsById);
      return one ? [{ path, count: 1, rules: [one] }] : [];
    }
    const value = at(body, path);
    if (value === undefined) return [];
    if (!isArray(value)) return [{ path, count: undefined, rules: [] }];
    const rules = value.flatMap((rule, index) => vnetRuleEntry(rule, `${path}[${index}]`, shape, subnetsById) ?? []);
    return [{ path, count: shape.subnetId === 'vnetSubnetResourceId' ? rules.length : value.length, rules }];
  });
}

/** One rule's subnet id, the analysed subnets it names and its bypass flag; undefined when it names none. */
function vnetRuleEntry(
  rule: Value,
  path: string,
  shape: Shape,
  subnetsById: ReadonlyMap<string, Subnet[]>,
): VnetRuleEntry | undefined {
  if (!isObject(rule)) return undefined;
  const subnetId = at(rule, shape.subnetId);
  if (subnetId === undefined || subnetId === null) return undefined;
  const key = idKey(isObject(subnetId) ? getProperty(subnetId, 'id') : subnetId);
  const flag = Object.keys(rule).find((name) => bypassFlag.test(name));
  return {
    path: `${path}.${shape.subnetId}`,
    subnetId,
    subnets: key === undefined ? [] : (subnetsById.get(key) ?? []),
    bypass: flag === undefined ? undefined : { path: `${path}.${flag}`, value: rule[flag] },
  };
}

/** The setting at `path` of a declaration, when the declaration is known and writes it. */
function written(from: Target | undefined, path: string | undefined): ServiceRuleSetting | undefined {
  if (!from || path === undefined) return undefined;
  const value = at({ properties: from.properties }, path);
  return value === undefined ? undefined : { decl: from.decl, path, value };
}

/**
 * The services a subnet's `serviceEndpoints` name: the names when the list and every `service` are
 * known (none when the property is absent), undefined when it cannot tell.
 */
export function subnetServiceEndpoints(subnet: Subnet): string[] | undefined {
  if (!isObject(subnet.properties)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(subnet.properties, 'serviceEndpoints')) return [];
  const list = subnet.properties.serviceEndpoints;
  if (list === null) return [];
  if (!isArray(list)) return undefined;
  const names: string[] = [];
  for (const item of list) {
    const service = isObject(item) ? item.service : undefined;
    if (typeof service !== 'string') return undefined;
    names.push(service);
  }
  return names;
}
