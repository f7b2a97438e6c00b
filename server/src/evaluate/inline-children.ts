// Child collections ARM lets a parent declare inline (a VNet's `subnets`, an NSG's
// `securityRules`): each element is a child resource whose id is the parent's id plus
// `/{segment}/{name}`. Evaluators add that id, so `vnet.properties.subnets[0].id` resolves.
import { concatStrings, isArray, isObject, makeObject, type ObjectValue, type Value } from './value';
/** Parent type (lower case) → property under `properties` → child type segment. Maps: a type or key named `constructor` finds nothing. */
const inlineChildren: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    'microsoft.network/virtualnetworks',
    new Map([
      ['subnets', 'subnets'],
      ['virtualNetworkPeerings', 'virtualNetworkPeerings'],
    ]),
  ],
  ['microsoft.network/networksecuritygroups', new Map([['securityRules', 'securityRules']])],
  ['microsoft.network/routetables', new Map([['routes', 'routes']])],
]);

/** `properties` with an `id` on every inline child that has a name and no id of its own. */
export function withInlineChildIds(parentType: string, parentId: Value, properties: Value): Value {
  // Every resource passes here and most types have no inline children: one lookup tells.
  const collections = inlineChildren.get(parentType.toLowerCase());
  if (!collections || !isObject(properties)) return properties;
  const entries = Object.entries(properties).map(([key, value]): [string, Value] => {
    const segment = collections.get(key);
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
