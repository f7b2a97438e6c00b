// What of a resource's `properties` evaluation reads, for a type its readers take in part (a private-link
// target, a VNet: engine/needed-types.ts neededProperties), shared by the Bicep and ARM evaluators. A key
// the projection names is evaluated; any other written key holds an unknown of its own, so a reader still
// sees that it is written, never that it is absent.
import { Unknown } from './value';

export interface Projection {
  /** The keys evaluated, as their readers write them (matched case-insensitively, as ARM does). */
  keys: readonly string[];
  /** The key of the resource's `properties`: a key not evaluated holds the unknown `{unread}.{key}`. */
  unread: string;
}

/** The projection's keys, lower case: one set per list of keys (each is built once per type). */
export function wantedKeys(projection: Projection): ReadonlySet<string> {
  let set = lowerCaseSets.get(projection.keys);
  if (!set) lowerCaseSets.set(projection.keys, (set = new Set(projection.keys.map((key) => key.toLowerCase()))));
  return set;
}

const lowerCaseSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** What a written key the projection does not name holds. */
export function unreadValue(projection: Projection, key: string): Unknown {
  return new Unknown(`${projection.unread}.${key}`);
}
