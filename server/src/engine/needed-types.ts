// The resource types networking analysis evaluates on its own: the Microsoft.Network types the model
// and rules read (network-types-read.ts) and the private-link target types the facts know (a private
// endpoint may name one by a resourceId() string rather than a symbol), each with its parent types so
// that a child nested in its parent is reached. Anything else is evaluated only when one of those
// refers to it — a role assignment, a lock, a public IP or a DNS record costs nothing.
import { groupIdTypes, publicAccessFacts, publicAccessTypes } from '../facts';
import { holdsNetworkRules, networkRuleProperties } from '../model';
import { remembered } from '../evaluate/remembered';
import { networkTypesRead } from './network-types-read';

const networkPrefix = 'microsoft.network/';

let neededTypes: Set<string> | undefined;

/** The network types read and the known target types, and each of their parent types, lower case. */
function neededTypesAndParents(): Set<string> {
  const types = new Set<string>();
  for (const type of [...Object.keys(networkTypesRead), ...groupIdTypes(), ...publicAccessTypes]) {
    const segments = type.toLowerCase().split('/');
    for (let length = 2; length <= segments.length; length++) types.add(segments.slice(0, length).join('/'));
  }
  return types;
}

/**
 * Whether a resource of `type`, or a child nested in it, may matter to the network model. An
 * `existing` target is needed only when something refers to it (then it is evaluated anyway): on
 * its own it has no properties to check.
 */
export function needsResourceType(type: string, existing = false): boolean {
  // Asked for every resource declaration on every analysis (and by the skims): once per type as written,
  // by deciders made once (a closure per ask was garbage on this path).
  return existing ? remembered(existingAnswers, type, decideExisting) : remembered(createdAnswers, type, decideCreated);
}

const createdAnswers = new Map<string, boolean>();
const existingAnswers = new Map<string, boolean>();
const decideCreated = (type: string) => decideNeedsType(type, false);
const decideExisting = (type: string) => decideNeedsType(type, true);

function decideNeedsType(type: string, existing: boolean): boolean {
  const lower = type.toLowerCase();
  neededTypes ??= neededTypesAndParents();
  // A network type is needed even when `existing`: a VNet, zone or NSG declared so is referred to.
  if (lower.startsWith(networkPrefix)) return neededTypes.has(lower);
  // Service-endpoint rules (model/service-rules.ts) read PaaS network rules, some in child resources.
  return !existing && (neededTypes.has(lower) || holdsNetworkRules(lower));
}

/**
 * The `properties` keys the model reads of a resource type: all (undefined) for Microsoft.Network
 * types; for a private-link target only those its public-access facts name (FACTS §6), since the
 * rules read a target's type, name, location and public access, nothing else.
 */
export function neededProperties(type: string): readonly string[] | undefined {
  const lower = type.toLowerCase();
  if (lower.startsWith(networkPrefix)) return undefined;
  // Asked once per resource instance evaluated: the answer per type is built once.
  let keys = propertiesByType.get(lower);
  if (!keys) {
    const settings = publicAccessFacts(type)?.settings ?? [];
    const ruleKeys = networkRuleProperties(type);
    if (ruleKeys === undefined) return undefined;
    keys = [
      ...new Set(
        [...settings.map((setting) => setting.path.split('.')[1]), ...ruleKeys].filter(
          (key): key is string => key !== undefined,
        ),
      ),
    ];
    propertiesByType.set(lower, keys);
  }
  return keys;
}

const propertiesByType = new Map<string, readonly string[]>();
