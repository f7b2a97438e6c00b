// subnet-inline-and-child: a standalone subnet resource that the next deployment of its VNet deletes or
// reverts (DESIGN §3, FACTS §14). A VNet that lists `properties.subnets` owns that whole list, so a
// child subnet absent from it is deleted (or blocks the redeployment with InUseSubnetCannotBeDeleted),
// and one whose inline twin differs is put back to the twin's properties; a child that repeats its
// twin changes nothing. Before API 2023-09-01 a VNet without `subnets` deletes its unlisted subnets too.
// Certain cases: a certainly deployed child subnet (not `existing`) of a certainly deployed VNet this set
// creates once, with every name and compared value known.
import {
  isApiVersionAtLeast,
  policyDefault,
  policyProperties,
  vnetPutKeepsUnlistedSubnetsSince,
  vnetPutSuggestedApiVersion,
  type PolicyProperty,
} from '../facts';
import {
  at,
  formatCidr,
  isArray,
  isObject,
  parseCidr,
  same,
  type Subnet,
  type Tri,
  type Value,
  type VirtualNetwork,
} from '../model';
import { isCreatedMoreThanOnce } from './support/entity-placement';
import { certainlyDeployed, label } from './support/certain';
import { subnetName } from './support/endpoint-common';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'subnet-inline-and-child',
  level: 'warning',
  fixable: false,
  startsFrom: ['subnets'],
  description: 'A virtual network declares its subnets either inline or as separate subnet resources, not both.',
  messages: {
    mixed:
      "Subnet '{{subnet}}' is a separate resource, but VNet '{{vnet}}' lists its subnets inline without it: each redeployment of the VNet replaces its subnets with the inline list, deleting '{{subnet}}' or failing with InUseSubnetCannotBeDeleted.",
    differs:
      "Subnet '{{subnet}}' is a separate resource whose {{property}} differs from its inline twin in VNet '{{vnet}}': each redeployment of the VNet puts back the inline {{property}}.",
    oldApi:
      "Subnet '{{subnet}}' is a separate resource, and VNet '{{vnet}}' lists no subnets at API version {{apiVersion}}: before {{since}} a VNet redeployment deletes the subnets it does not list, so '{{subnet}}' is deleted or the deployment fails with InUseSubnetCannotBeDeleted. Use API version {{suggested}} or later for the VNet.",
  },
  check({ model, report }: RuleContext) {
    for (const subnet of model.subnets) {
      const vnet = subnet.vnet;
      if (
        subnet.inline ||
        !vnet ||
        subnet.decl.existing ||
        vnet.decl.existing ||
        isCreatedMoreThanOnce(model.vnets, vnet)
      )
        continue;
      if (!certainlyDeployed(subnet.decl) || !certainlyDeployed(vnet.decl) || !isObject(vnet.decl.properties)) continue;
      const name = subnetName(subnet);
      const data = { subnet: label(subnet), vnet: label(vnet) };
      const inline = at(vnet.decl.properties, 'subnets');
      if (inline === undefined || inline === null) {
        const apiVersion = vnet.decl.apiVersion ?? '';
        if (isApiVersionAtLeast(apiVersion, vnetPutKeepsUnlistedSubnetsSince) !== false) continue;
        report({
          messageId: 'oldApi',
          data: { ...data, apiVersion, since: vnetPutKeepsUnlistedSubnetsSince, suggested: vnetPutSuggestedApiVersion },
          at: { decl: subnet.decl },
          related: [
            {
              decl: vnet.decl,
              message: `VNet '${label(vnet)}' is declared without subnets at API version ${apiVersion}.`,
            },
          ],
        });
        continue;
      }
      if (!isArray(inline) || name === undefined) continue;
      const twin = inlineTwin(vnet, name);
      if (twin === 'unknown') continue;
      if (twin === undefined) {
        report({
          messageId: 'mixed',
          data,
          at: { decl: subnet.decl },
          related: [
            {
              decl: vnet.decl,
              path: 'properties.subnets',
              message: `VNet '${label(vnet)}' lists its subnets inline here, without '${name}'.`,
            },
          ],
        });
        continue;
      }
      const property = differingProperty(subnet.properties, twin.properties);
      if (property === undefined) continue;
      report({
        messageId: 'differs',
        data: { ...data, property },
        at: { decl: subnet.decl },
        related: [
          {
            decl: vnet.decl,
            path: `${twin.path}.name`,
            message: `The inline subnet '${name}' of VNet '${label(vnet)}'.`,
          },
        ],
      });
    }
  },
});

/** The VNet's inline subnet of that name; 'unknown' when some inline name is not known. */
function inlineTwin(vnet: VirtualNetwork, name: string): Subnet | undefined | 'unknown' {
  const inline = vnet.subnets.filter((subnet) => subnet.inline && subnet.decl === vnet.decl);
  const count = at(vnet.decl.properties, 'subnets');
  if (!isArray(count) || inline.length !== count.length) return 'unknown';
  let unknown = false;
  for (const subnet of inline) {
    if (typeof subnet.name !== 'string') unknown = true;
    else if (subnet.name.toLowerCase() === name.toLowerCase()) return subnet;
  }
  return unknown ? 'unknown' : undefined;
}

/**
 * The first property the child and its inline twin certainly set differently, or undefined when they
 * agree or cannot be told apart. A property only one side sets differs when the other side's absence
 * certainly means something else: an empty value means none; a policy absent means its default
 * (FACTS §3.1); any other absent string or flag has a default FACTS does not give, so it cannot tell.
 * The address range is compared as the set of ranges, however written (`addressPrefix` or a list of
 * one, IPv6 shortened or not); other lists as sets of items, so an order alone is no difference.
 */
function differingProperty(child: Value, twin: Value): string | undefined {
  if (!isObject(child) || !isObject(twin)) return undefined;
  const ranges = sameRanges(child, twin);
  // Written under one name on both sides, the finding names it; else it speaks of the range.
  if (ranges === false) return rangeKey(child) === rangeKey(twin) ? rangeKey(child) : 'address range';
  for (const key of new Set([...Object.keys(child), ...Object.keys(twin)])) {
    if (rangeKeys.includes(key)) continue;
    const inChild = Object.prototype.hasOwnProperty.call(child, key);
    const inTwin = Object.prototype.hasOwnProperty.call(twin, key);
    if (inChild && inTwin) {
      if (sameAsSets(child[key], twin[key]) === false) return key;
      continue;
    }
    if (absenceDiffers(key, inChild ? child[key] : twin[key])) return key;
  }
  return undefined;
}

const rangeKeys = ['addressPrefix', 'addressPrefixes'];
const rangeKey = (properties: Readonly<Record<string, Value>>) =>
  rangeKeys.find((key) => Object.prototype.hasOwnProperty.call(properties, key) && properties[key] !== null);

/** Whether both sides give the same set of address ranges: unknown when either is not fully known. */
function sameRanges(child: Readonly<Record<string, Value>>, twin: Readonly<Record<string, Value>>): Tri {
  const a = rangesOf(child);
  const b = rangesOf(twin);
  // One side without a range (an IPAM allocation, say) gives no certain difference of ranges.
  if (a === undefined || b === undefined || a.size === 0 || b.size === 0) return 'unknown';
  return a.size === b.size && [...a].every((range) => b.has(range));
}

/** The canonical ranges of `addressPrefix` and `addressPrefixes` together; undefined when one is not known. */
function rangesOf(properties: Readonly<Record<string, Value>>): Set<string> | undefined {
  const written: Value[] = [];
  const single = properties['addressPrefix'];
  if (single !== undefined && single !== null) written.push(single);
  const list = properties['addressPrefixes'];
  if (isArray(list)) written.push(...list);
  else if (list !== undefined && list !== null) return undefined;
  const ranges = new Set<string>();
  for (const text of written) {
    if (typeof text !== 'string') return undefined;
    const cidr = parseCidr(text);
    ranges.add(cidr ? formatCidr(cidr.version, cidr.network, cidr.prefix) : text.toLowerCase());
  }
  return ranges;
}

/** `same`, lists compared as sets: each item of one the same as an item of the other, each used once. */
function sameAsSets(a: Value, b: Value): Tri {
  if (!isArray(a) || !isArray(b)) return same(a, b, true);
  if (a.length !== b.length) return same(a, b, true);
  const used = new Set<number>();
  let result: Tri = true;
  for (const item of a) {
    const match = b.findIndex((other, index) => !used.has(index) && same(item, other, true) === true);
    if (match >= 0) {
      used.add(match);
      continue;
    }
    if (b.some((other, index) => !used.has(index) && same(item, other, true) === 'unknown')) result = 'unknown';
    else return false;
  }
  return result;
}

function absenceDiffers(key: string, value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  if (typeof value === 'string' && (policyProperties as readonly string[]).includes(key)) {
    return value.toLowerCase() !== policyDefault(key as PolicyProperty).toLowerCase();
  }
  return false;
}
