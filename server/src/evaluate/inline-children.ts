// Child collections ARM lets a parent declare inline (a VNet's `subnets`, an NSG's
// `securityRules`): each element is a child resource whose id is the parent's id plus
// `/{segment}/{name}`. Evaluators add that id, so `vnet.properties.subnets[0].id` resolves.
import { concatStrings, isArray, isObject, makeObject, type ObjectValue, type Value } from './value';

/** Parent type (lower case) → property under `properties` → child type segment. */
const inlineChildren: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'microsoft.network/virtualnetworks': { subnets: 'subnets', virtualNetworkPeerings: 'virtualNetworkPeerings' },
  'microsoft.network/networksecuritygroups': { securityRules: 'securityRules' },
  'microsoft.network/routetables': { routes: 'routes' },
};

export function inlineChildCollections(parentType: string): Readonly<Record<string, string>> {
  return inlineChildren[parentType.toLowerCase()] ?? {};
}

/** `properties` with an `id` on every inline child that has a name and no id of its own. */
export function withInlineChildIds(parentType: string, parentId: Value, properties: Value): Value {
  // Every resource passes here and most types have no inline children: no array of keys to learn it.
  // Own entries only: a type written `constructor` must not find Object's.
  const type = parentType.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(inlineChildren, type) || !isObject(properties)) return properties;
  const collections = inlineChildren[type];
  const entries = Object.entries(properties).map(([key, value]): [string, Value] => {
    const segment = collections[key];
    if (!segment || !isArray(value)) return [key, value];
    return [key, value.map((child) => addId(child, parentId, segment))];
  });
  return makeObject(entries);
}

function addId(child: Value, parentId: Value, segment: string): Value {
  if (!isObject(child) || 'id' in child || child.name === undefined) return child;
  const named = child as ObjectValue;
  return makeObject([['id', concatStrings([parentId, `/${segment}/`, named.name])], ...Object.entries(named)]);
}
