// pe-public-access-enabled: a resource reached through a private endpoint still accepts traffic from
// public networks, because a private endpoint does not by itself turn public access off (FACTS §6, S4).
// Certain cases only (DESIGN §3): the target is declared and deployed by the analysed set, facts know
// its type's public-access property, and that property is explicitly set to a value facts state keeps
// public access on. An absent property stays silent (the service default is not verified).
// Anchor: the target resource, once however many endpoints point at it. No fix is offered when the
// target writes virtual network or IP rules: turning public access off would make them grant nothing
// (network-rules-ineffective, FACTS §9.3), so which to keep is the author's call, and the finding says
// so at information level (a SQL server's VNet rules need public access on beside private endpoints). Nor when its firewall
// denies by default (FACTS §6 firewall path): the public endpoint is on, but only the firewall's rules
// and bypass reach it, which is the author's evident design; the message then claims no public reach.
// Nor is a firewall whose default action is not known (a parameter, an AVM module's own) taken for an
// open one: no fix, and a message that says only that the public endpoint stays on.
import {
  firewallDefaultActionPath,
  firewallDenies,
  firewallRuleChildTypes,
  publicAccessFacts,
  publicAccessState,
  rulesThatDenyUnmatchedPath,
} from '../facts';
import {
  isArray,
  isObject,
  serviceNetworkRules,
  type NetworkModel,
  type PrivateEndpoint,
  type ResourceDecl,
  type Target,
  type Value,
} from '../model';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { lookup } from './support/endpoint-common';
import { declaresChild } from './support/model-lookups';
import { defineRule, type RuleContext } from './support/rule';

interface Exposure {
  target: Target;
  path: string;
  value: string | boolean;
  endpoints: PrivateEndpoint[];
}

export default defineRule({
  id: 'pe-public-access-enabled',
  level: 'warning',
  fixable: true,
  startsFrom: ['privateEndpoints'],
  description: 'A resource behind a private endpoint has public network access turned off.',
  messages: {
    enabled:
      "'{{target}}' ({{type}}) is reached through private endpoint '{{endpoint}}'{{others}} but sets {{property}} to {{value}}, so it stays reachable from public networks. Turn public access off.",
    enabledFirewallUnknown:
      "'{{target}}' ({{type}}) is reached through private endpoint '{{endpoint}}'{{others}} but sets {{property}} to {{value}}: its public endpoint stays on, open to whatever its firewall lets through. Turn public access off if nothing needs it.",
    enabledForNetworkRules:
      "'{{target}}' ({{type}}) is reached through private endpoint '{{endpoint}}'{{others}} and sets {{property}} to {{value}}, which its virtual network or IP rules need: its public endpoint stays on for them. Turn public access off if they are not needed.",
    enabledBehindRules:
      "'{{target}}' ({{type}}) is reached through private endpoint '{{endpoint}}'{{others}} but sets {{property}} to {{value}}: its public endpoint stays on, open only to what its access restrictions allow (with any restriction written and no default action, the rest is denied). Turn public access off if nothing needs that.",
    enabledBehindFirewall:
      "'{{target}}' ({{type}}) is reached through private endpoint '{{endpoint}}'{{others}} but sets {{property}} to {{value}}: its public endpoint stays on, closed by its firewall's default action 'Deny' except to what the firewall's rules and bypass let through. Turn public access off if nothing needs that.",
  },
  check({ model, report }: RuleContext) {
    // By target entity, not its declaration's key: one declaration deployed by two module calls is two
    // resources, each with its own endpoints.
    const exposures = new Map<Target, Exposure>();
    for (const endpoint of certainlyCreatedAmong(model.privateEndpoints)) {
      for (const connection of endpoint.connections) {
        if (!connection.target?.resolved || connection.target.target.kind !== 'target') continue;
        const target = connection.target.target;
        const exposure = exposures.get(target) ?? exposedSetting(target);
        if (!exposure) continue;
        if (!exposure.endpoints.includes(endpoint)) exposure.endpoints.push(endpoint);
        exposures.set(target, exposure);
      }
    }
    // Found only when a target is exposed: most endpoints' targets keep public access off or unsaid.
    const ruled = exposures.size > 0 ? targetsWithNetworkRules(model, exposures.keys()) : undefined;
    for (const { target, path, value, endpoints } of exposures.values()) {
      const [first] = endpoints;
      if (!first) continue;
      const firewall = firewallOf(target);
      // Where the rules are the gate (no default action that opens it to all, as a SQL server's, or one
      // that denies), they need the public endpoint on (FACTS §9.3: VNet rules grant nothing with public
      // access off); the author evidently keeps it for them: said, as information.
      const forRules =
        (firewall === 'denies' || firewall === 'rulesDeny' || firewallDefaultActionPath(target.type) === undefined) &&
        ruled?.has(target.key) === true;
      report({
        messageId: forRules ? 'enabledForNetworkRules' : messageByFirewall[firewall],
        ...(forRules ? { level: 'info' as const } : {}),
        data: {
          target: label(target),
          type: target.type,
          endpoint: label(first),
          others: endpoints.length > 1 ? ` (and ${endpoints.length - 1} more)` : '',
          property: path,
          value: typeof value === 'string' ? `'${value}'` : String(value),
        },
        at: { decl: target.decl },
        related: [
          { decl: target.decl, path, message: 'public network access is turned on here' },
          // A loop's instances share a declaration and, unexpanded, a label: each said once.
          ...endpoints
            .filter(
              (endpoint, index) =>
                endpoints.findIndex((other) => other.decl === endpoint.decl && label(other) === label(endpoint)) ===
                index,
            )
            .map((endpoint) => ({
              decl: endpoint.decl,
              message: `private endpoint '${label(endpoint)}' connects to '${label(target)}'`,
            })),
        ],
        ...(firewall !== 'open' || ruled?.has(target.key) ? {} : { fix: { kind: 'disable-public-access' } }),
      });
    }
  },
});

/**
 * Keys of the targets that write (or may write) virtual network or IP rules, or declare firewall rules as
 * child resources (`Microsoft.Sql/servers/firewallRules`, Synapse's and Redis's `…/firewallRules`): those
 * grant access only through the public endpoint, so turning it off is the author's call.
 */
function targetsWithNetworkRules(model: NetworkModel, exposed: Iterable<Target>): Set<string> {
  const keys = new Set<string>();
  for (const rules of serviceNetworkRules(model)) {
    const writesRules =
      rules.vnetRules.some((list) => list.count !== 0) || (rules.ipRules !== undefined && rules.ipRules.count !== 0);
    if (writesRules && rules.resource) keys.add(rules.resource.key);
  }
  for (const target of exposed) {
    const childType = `${target.type}/firewallRules`.toLowerCase();
    if (firewallRuleChildTypes.includes(childType) && declaresChild(model, childType, target.id, mayBeDeployed))
      keys.add(target.key);
  }
  return keys;
}

const mayBeDeployed = (decl: ResourceDecl) => decl.condition !== false;

const messageByFirewall = {
  open: 'enabled',
  denies: 'enabledBehindFirewall',
  rulesDeny: 'enabledBehindRules',
  unknown: 'enabledFirewallUnknown',
} as const;

/**
 * What the target's own firewall (FACTS §6) does with traffic no rule of it names: `denies`, `rulesDeny`
 * (no default action, but rules written that deny the rest), `open` (no firewall written, or a known
 * action other than 'Deny'), or `unknown` (not known here).
 */
function firewallOf(target: Target): 'denies' | 'rulesDeny' | 'open' | 'unknown' {
  const path = firewallDefaultActionPath(target.type);
  if (!path) return 'open';
  const found = lookup(target.properties, path.slice('properties.'.length));
  // undefined: a step of the path is not an object (an unknown, a parameter without default).
  if (found === undefined) return 'unknown';
  if (!found.present) return rulesDenyUnmatched(target);
  if (firewallDenies(found.value)) return 'denies';
  return typeof found.value === 'string' ? 'open' : 'unknown';
}

/**
 * With no default action written: App Service denies what no access restriction matches once any is
 * written (FACTS §9.2), so a known non-empty list `rulesDeny`; a list that is not known is `unknown`.
 */
function rulesDenyUnmatched(target: Target): 'rulesDeny' | 'open' | 'unknown' {
  const path = rulesThatDenyUnmatchedPath(target.type);
  if (!path) return 'open';
  const found = lookup(target.properties, path.slice('properties.'.length));
  if (found === undefined) return 'unknown';
  if (!found.present || found.value === null) return 'open';
  if (!isArray(found.value)) return 'unknown';
  if (found.value.length === 0) return 'open';
  // An Allow of every address ('Any', 0.0.0.0/0) lets everything through all the same.
  let known = true;
  for (const restriction of found.value) {
    const address = isObject(restriction) ? restriction.ipAddress : undefined;
    const action = isObject(restriction) ? (restriction.action ?? 'Allow') : undefined;
    if (typeof action !== 'string' || (address !== undefined && typeof address !== 'string')) known = false;
    else if (action.toLowerCase() === 'allow' && typeof address === 'string' && allAddresses.has(address.toLowerCase()))
      return 'open';
  }
  return known ? 'rulesDeny' : 'unknown';
}

/** How an access restriction names every address. */
const allAddresses = new Set(['any', '0.0.0.0/0', '::/0']);

/** The first of the type's settings (FACTS §6) that is explicitly set to a value keeping public access on. */
function exposedSetting(target: Target): Exposure | undefined {
  if (!certainlyCreated(target.decl)) return undefined;
  const facts = publicAccessFacts(target.type);
  if (!facts) return undefined;
  for (const setting of facts.settings) {
    const found = setting.path.startsWith('properties.')
      ? lookup(target.properties, setting.path.slice('properties.'.length))
      : undefined;
    if (!found?.present) continue;
    const value: Value = found.value;
    if (typeof value !== 'string' && typeof value !== 'boolean') continue;
    if (publicAccessState(target.type, setting.path, value) === 'enabled')
      return { target, path: setting.path, value, endpoints: [] };
  }
  return undefined;
}
