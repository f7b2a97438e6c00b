// Completion of private-networking values at a cursor context: group ids valid for the endpoint's target,
// privatelink zone names (zone declarations and zone group configs), subnet policy values for the file's
// API version, and peering flags (names and values). Bicep and ARM differ only in how a value is written.
// Invariants: offers only what the facts state for the configured cloud; offers nothing when the target
// or the place is not known (no guessing); never changes text outside `context.replace`.
import {
  checkPolicyValue,
  groupIdFacts,
  peeringFlags,
  policyDefault,
  policyProperties,
  policyValues,
  privateEndpointPolicyEffect,
  type PeeringFlag,
  type PolicyProperty,
} from '../facts';
import { peeringFlagValueItems, peeringFlagKeyItems } from './complete-peering';
import { zoneConfigNameItems, zoneIdItems, zoneNameItems } from './complete-zones';
import { connectionTargetType, declarationsAt, endpointNeeds, inlinePath, neededZoneNames } from './lookup';
import { item, pathIs, quoted, type CompletionInput } from './complete-common';
import type { AssistCompletion, PathStep } from './types';

const types = {
  endpoint: 'microsoft.network/privateendpoints',
  zoneGroup: 'microsoft.network/privateendpoints/privatednszonegroups',
  zone: 'microsoft.network/privatednszones',
  vnet: 'microsoft.network/virtualnetworks',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  peering: 'microsoft.network/virtualnetworks/virtualnetworkpeerings',
} as const;

export function completionsFor(input: CompletionInput): AssistCompletion[] {
  const { context } = input;
  const type = context.resourceType?.toLowerCase();
  if (!type) return [];
  const path = context.path;
  if (context.position === 'key') {
    const where =
      type === types.peering && pathIs(path, ['properties'])
        ? 'resource'
        : type === types.vnet
          ? vnetPeeringPath(path)
          : undefined;
    return where ? peeringFlagKeyItems(input) : [];
  }
  if (
    type === types.endpoint &&
    pathIs(path, [
      'properties',
      'privateLinkServiceConnections|manualPrivateLinkServiceConnections',
      '#',
      'properties',
      'groupIds',
      '#',
    ])
  ) {
    return groupIdItems(input, String(path[1]), path[2] as number);
  }
  if (type === types.zone && pathIs(path, ['name'])) return zoneNameItems(input);
  if (
    type === types.zoneGroup &&
    pathIs(path, ['properties', 'privateDnsZoneConfigs', '#', 'properties', 'privateDnsZoneId'])
  )
    return zoneIdItems(input);
  if (type === types.zoneGroup && pathIs(path, ['properties', 'privateDnsZoneConfigs', '#', 'name']))
    return zoneConfigNameItems(input);
  const policy = policyAt(type, path);
  if (policy) return policyItems(input, policy);
  const flag = flagAt(type, path);
  if (flag) return peeringFlagValueItems(input, flag.flag, flag.inline);
  return [];
}

/** `properties` of an inline peering of a VNet: `['properties', 'virtualNetworkPeerings', n, 'properties']`. */
function vnetPeeringPath(path: readonly PathStep[]): 'inline' | undefined {
  return pathIs(path, ['properties', 'virtualNetworkPeerings', '#', 'properties']) ? 'inline' : undefined;
}

function policyAt(type: string, path: readonly PathStep[]): PolicyProperty | undefined {
  const last = path[path.length - 1];
  const property = policyProperties.find((p) => typeof last === 'string' && p.toLowerCase() === last.toLowerCase());
  if (!property) return undefined;
  if (type === types.subnet && path.length === 2 && pathIs(path.slice(0, 1), ['properties'])) return property;
  if (
    type === types.vnet &&
    path.length === 5 &&
    pathIs(path.slice(0, 4), ['properties', 'subnets', '#', 'properties'])
  )
    return property;
  return undefined;
}

function flagAt(
  type: string,
  path: readonly PathStep[],
): { flag: PeeringFlag; inline: number | undefined } | undefined {
  const last = path[path.length - 1];
  const flag = peeringFlags.find((f) => typeof last === 'string' && f.toLowerCase() === last.toLowerCase());
  if (!flag) return undefined;
  if (type === types.peering && path.length === 2 && pathIs(path.slice(0, 1), ['properties']))
    return { flag, inline: undefined };
  if (
    type === types.vnet &&
    path.length === 5 &&
    pathIs(path.slice(0, 4), ['properties', 'virtualNetworkPeerings', '#', 'properties'])
  ) {
    return { flag, inline: path[2] as number };
  }
  return undefined;
}

function groupIdItems(input: CompletionInput, collection: string, index: number): AssistCompletion[] {
  const { context, model } = input;
  if (!model) return [];
  const path = inlinePath(collection, index).toLowerCase();
  const endpoint = model.privateEndpoints.find((e) =>
    declarationsAt(model, input.uri, context.anchor).includes(e.decl),
  );
  const connection = endpoint?.connections.find((c) => c.path.toLowerCase() === path);
  const targetType = connection ? connectionTargetType(connection) : undefined;
  const facts = targetType ? groupIdFacts(targetType) : undefined;
  if (!targetType || !facts) return [];
  return facts.groupIds.map((groupId, order) => {
    const needs = endpointNeeds([{ ...connection!, groupIds: [groupId] }], input.cloud);
    const zones = neededZoneNames(needs);
    const service = needs[0]?.expectation?.zones[0]?.service;
    return item(context, {
      index: order,
      label: groupId,
      kind: 'enum',
      insertText: quoted(context, groupId),
      filterText: quoted(context, groupId).trim(),
      detail: `${facts.resourceType} sub-resource`,
      documentation: [
        service ? `Group id of ${service}.` : `Group id of \`${facts.resourceType}\`.`,
        zones.length > 0
          ? `Private DNS zone${zones.length > 1 ? 's' : ''} in ${input.cloud}: ${zones.map((z) => `\`${z}\``).join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    });
  });
}

function policyItems(input: CompletionInput, property: PolicyProperty): AssistCompletion[] {
  const { context } = input;
  const api = context.apiVersion;
  const checks = policyValues(property).map((value) => ({
    value,
    check: api ? checkPolicyValue(property, api, value) : undefined,
  }));
  const offered = checks
    .filter(({ check }) => !check || check.status === 'valid' || check.status === 'unknown')
    .map(({ value }) => value);
  return offered.map((value, order) =>
    item(context, {
      index: order,
      label: value,
      kind: 'enum',
      insertText: quoted(context, value),
      filterText: quoted(context, value).trim(),
      detail: value === policyDefault(property) ? `${property} (default)` : property,
      documentation: policyDocumentation(property, value),
    }),
  );
}

function policyDocumentation(property: PolicyProperty, value: string): string {
  if (property === 'privateLinkServiceNetworkPolicies') {
    return value === 'Disabled'
      ? 'Required on the subnet a Private Link service takes its NAT addresses from.'
      : 'The default; a Private Link service cannot take its NAT addresses from this subnet.';
  }
  const effect = privateEndpointPolicyEffect(value);
  if (!effect) return '';
  const applies = [effect.nsg ? 'the NSG' : '', effect.routeTable ? 'the route table' : ''].filter(Boolean);
  return applies.length > 0
    ? `${applies.join(' and ')} of the subnet ${applies.length > 1 ? 'apply' : 'applies'} to private endpoint traffic.`
    : "The default: the subnet's NSG and route table do not apply to private endpoint traffic.";
}
