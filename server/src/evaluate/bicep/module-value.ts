// The value a Bicep module call gives, `{ name, outputs }`, for a local module and a registry one alike.
import { lazyObject } from '../lazy';
import { withOrigin, type ObjectValue, type Value } from '../value';
import { sizedByParts } from '../value-size';

/**
 * A module's value, `{ name, outputs }`, of parts each capped where it is computed. Its name is
 * evaluated when first read: nothing but a reference to `module.name` reads it (the callee's
 * `deployment().name` is not it), and an AVM module names each call from `uniqueString` of the
 * subscription, the group, the location and the name (issue 16: a quarter of dns-resolver's analysis).
 */
export function moduleValue(name: () => Value, outputs: Value, key: string): ObjectValue {
  return sizedByParts(
    withOrigin(
      lazyObject(['name', 'outputs'], (field) => (field === 'name' ? name() : outputs), key),
      key,
    ),
  );
}
