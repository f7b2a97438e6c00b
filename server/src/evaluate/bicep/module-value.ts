// The value a Bicep module call gives, `{ name, outputs }`, for a local module and a registry one alike.
import { lazyObject } from '../lazy';
import { withOrigin, type ObjectValue, type Value } from '../value';
import { sizedByParts } from '../value-size';

/**
 * A module's value, `{ name, outputs }`, its name evaluated when first read: nothing but a reference
 * to `module.name` reads it (the callee's `deployment().name` is not it), and an AVM module names each
 * call from `uniqueString` of the subscription, the group, the location and the name (issue 16: a
 * quarter of dns-resolver's analysis). The outputs are a plain key: they are lazy inside.
 */
export function lazilyNamed(name: () => Value, outputs: Value, key: string): ObjectValue {
  const value = lazyObject(['name'], name, key) as Record<string, Value>;
  value.outputs = outputs;
  return withOrigin(value, key);
}

/**
 * A module's value (lazilyNamed) of parts each capped where they are computed: not capped whole, and
 * neither are its outputs, which a variable or a module parameter may hold whole (`hub.outputs`).
 * `outputs` are the callee's, each computed when first read; a missing one is unknown under `key`.
 */
export function moduleValue(name: () => Value, outputs: ObjectValue, key: string): ObjectValue {
  return sizedByParts(lazilyNamed(name, sizedByParts(withOrigin(outputs, `${key}.outputs`)), key));
}
