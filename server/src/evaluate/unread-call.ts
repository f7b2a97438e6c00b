// What a module call or linked template nobody can read is given (declaration.ts `unread`), kept as the
// strings in its parameters (ids, names, partly known ones): rules ask whether it names a resource
// (rules/support/unread-calls.ts). Evaluated when the call is declared and kept as that list alone:
// parameters evaluated when first read held the caller's whole evaluation alive with the model kept
// for the deployment (25 MB more over the corpus).
import {
  deploymentsType,
  type Language,
  type PropertyRange,
  type ResourceDecl,
  type SourceLocation,
} from './declaration';
import { resourceIdAt, scopeId } from './resource-id';
import type { DeploymentScope } from './scope';
import { isArray, isObject, makeObject, PartialString, type ObjectValue, type Tri, type Value } from './value';

/** How deep into a parameter's value strings are looked for (objects in arrays in objects…). */
const maxDepth = 6;
/** How many strings are kept: enough for any call's ids and names, bounded for hostile ones. */
const maxStrings = 1000;

/** A call nobody can read, as each language's evaluator knows it. */
export interface UnreadCall {
  uri: string;
  language: Language;
  symbol: string | undefined;
  /** The deployment's name. */
  name: Value;
  /** Where it deploys. */
  scope: DeploymentScope;
  condition: Tri;
  count: number | 'unknown';
  instance: number | undefined;
  /** The call's anchor: the module's symbolic name, the deployment's `"type"`. */
  range: PropertyRange;
  via: readonly SourceLocation[];
  params: ReadonlyMap<string, Value>;
}

/**
 * The declaration of the deployment an unread call is (`Microsoft.Resources/deployments`, `unread`),
 * with the strings its parameters hold as `properties.given`.
 */
export function unreadDeployment(call: UnreadCall): ResourceDecl {
  return {
    uri: call.uri,
    language: call.language,
    ...(call.symbol === undefined ? {} : { symbol: call.symbol }),
    type: deploymentsType,
    name: call.name,
    id: resourceIdAt(scopeId(call.scope), deploymentsType, call.name),
    properties: unreadCallProperties(call.params),
    body: {},
    existing: false,
    condition: call.condition,
    count: call.count,
    ...(call.instance === undefined ? {} : { instance: call.instance }),
    range: call.range,
    propertyRanges: new Map(),
    via: call.via,
    unread: true,
  };
}

/** The `properties` of an unread call's declaration: `{ given: [the strings its parameters hold] }`. */
function unreadCallProperties(params: ReadonlyMap<string, Value>): ObjectValue {
  const given: (string | PartialString)[] = [];
  for (const name of params.keys()) collect(params.get(name), given, 0);
  return makeObject([['given', given]]);
}

function collect(value: Value | undefined, into: (string | PartialString)[], depth: number): void {
  if (into.length >= maxStrings) return;
  if (typeof value === 'string' || value instanceof PartialString) into.push(value);
  else if (depth >= maxDepth) return;
  else if (isArray(value)) for (const item of value) collect(item, into, depth + 1);
  else if (isObject(value)) for (const key of Object.keys(value)) collect(value[key], into, depth + 1);
}
