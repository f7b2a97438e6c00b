// The resource types networking analysis evaluates on its own: the Microsoft.Network types the model
// and rules read (network-types-read.ts) and the private-link target types the facts know (a private
// endpoint may name one by a resourceId() string rather than a symbol), each with its parent types so
// that a child nested in its parent is reached. Anything else is evaluated only when one of those
// refers to it — a role assignment, a lock, a public IP or a DNS record costs nothing.
import {
  firewallDefaultActionPath,
  firewallRuleChildTypes,
  groupIdTypes,
  publicAccessFacts,
  publicAccessTypes,
} from '../facts';
import { holdsNetworkRules, networkRuleProperties, networkRuleTypes } from '../model';
import { lowerCase, remembered } from '../evaluate/remembered';
import { networkPropertiesRead, networkTypesRead } from './network-types-read';

const networkPrefix = 'microsoft.network/';

let neededTypes: Set<string> | undefined;

/** The network types read and the known target types, and each of their parent types, lower case. */
function neededTypesAndParents(): Set<string> {
  const types = new Set<string>();
  for (const type of [
    ...Object.keys(networkTypesRead),
    ...groupIdTypes(),
    ...publicAccessTypes,
    ...firewallRuleChildTypes,
  ]) {
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
  // Most types asked are none of the needed ones (a deployment, a role assignment, a child setting):
  // a look at a few characters says so without the memo, whose lookup hashed the type, a string made
  // afresh from the text on every analysis (~3% of a small module's analysis, issue 16).
  if (!mayBeNeeded(type)) return false;
  // Asked for every resource declaration on every analysis (and by the skims): once per type as written,
  // by deciders made once (a closure per ask was garbage on this path).
  return existing ? remembered(existingAnswers, type, decideExisting) : remembered(createdAnswers, type, decideCreated);
}

/**
 * False only when `type`, lower-cased, is none of the needed types and their parents nor a type whose
 * network rules the model reads, the only types decideNeedsType can answer true for: its signature (see
 * `signatureOf`) is none of theirs. True when it may be one (rarely when it is not: then the memo decides).
 */
function mayBeNeeded(type: string): boolean {
  const signature = signatureOf(type);
  return signature < 0 || (neededSignatures ??= signaturesOfNeeded())[signature] === 1;
}

let neededSignatures: Uint8Array | undefined;
const signatureSlots = 1 << 16;

function signaturesOfNeeded(): Uint8Array {
  const slots = new Uint8Array(signatureSlots);
  neededTypes ??= neededTypesAndParents();
  for (const type of [...neededTypes, ...networkRuleTypes]) {
    const signature = signatureOf(type);
    // Every needed type is lower-case ASCII and longer than the characters sampled.
    if (signature < 0) throw new Error(`needed-types: no signature for ${type}`);
    slots[signature] = 1;
  }
  return slots;
}

/**
 * A hash of the length and four characters of `type` as lower-cased, or -1 when `type` is too short or
 * one of those characters is not ASCII. Sound for any type whose toLowerCase() is lower-case ASCII (as
 * every needed type is): lower-casing such a type keeps its length (a character outside ASCII that
 * lower-cases into ASCII, the Kelvin sign, is one character), and an ASCII character lower-cases here
 * as toLowerCase() does.
 */
function signatureOf(type: string): number {
  const length = type.length;
  if (length < 12) return -1;
  // After `Microsoft.`: the provider's first two characters; the type's last and third-last.
  const a = type.charCodeAt(10);
  const b = type.charCodeAt(11);
  const c = type.charCodeAt(length - 1);
  const d = type.charCodeAt(length - 3);
  if ((a | b | c | d) >= 128) return -1;
  const hash =
    Math.imul(Math.imul(Math.imul(Math.imul(length, 31) + asciiLower(a), 31) + asciiLower(b), 31) + asciiLower(c), 31) +
    asciiLower(d);
  return (hash ^ (hash >>> 16)) & (signatureSlots - 1);
}

/** An ASCII character lower-cased. */
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

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
 * The `properties` keys the model reads of a resource type: for Microsoft.Network types those
 * network-types-read.ts lists (all, undefined, for a type it does not); for a private-link target only
 * those its public-access facts name (FACTS §6, its firewall's default action included), since the rules
 * read a target's type, name, location and public access, nothing else.
 */
export function neededProperties(type: string): readonly string[] | undefined {
  // Asked for every resource instance evaluated: lower-cased once per type as written.
  const lower = lowerCase(type);
  if (lower.startsWith(networkPrefix)) return networkPropertiesRead[lower];
  // Asked once per resource instance evaluated: the answer per type is built once.
  let keys = propertiesByType.get(lower);
  if (!keys) {
    const settings = publicAccessFacts(type)?.settings ?? [];
    const ruleKeys = networkRuleProperties(type);
    if (ruleKeys === undefined) return undefined;
    const paths = [...settings.map((setting) => setting.path), firewallDefaultActionPath(type)];
    keys = [
      ...new Set(
        [...paths.map((path) => path?.split('.')[1]), ...ruleKeys].filter((key): key is string => key !== undefined),
      ),
    ];
    propertiesByType.set(lower, keys);
  }
  return keys;
}

const propertiesByType = new Map<string, readonly string[]>();
