// Absence is judged over every value a caller may pass (DESIGN §2): a declaration that the entry's
// parameter defaults switch off (`if (!empty(privateDnsZoneId))` with default '', `if (deployX)`)
// is one the deployer may switch on. Such declarations become "maybe deployed": they can silence a
// rule that reports something missing, and no rule reports them as present and wrong (rules judge
// only certainly deployed declarations). Values a parameter file or a calling module binds stay
// certain: only the entry template's own parameters are opened.
import type { ResourceDecl, WantsDeclaration } from '../evaluate/declaration';
import type { DeploymentOptions, DeploymentResult } from '../evaluate/deployment';

type NeedsType = NonNullable<DeploymentOptions['needsType']>;

const place = (decl: ResourceDecl) =>
  `${decl.via.map((call) => `${call.uri}:${call.start}`).join('>')}>${decl.uri}:${decl.range.start}`;

/**
 * Resource types whose presence can satisfy a rule that reports something missing: zone groups and
 * manual records (pe-dns-zone-group-*), zones and their links (dns-zone-*, dns-custom-server-unlinked),
 * VNets with their subnets and peerings (peering-*, dns-zone-vnet-link-missing, service-endpoint-missing),
 * resolvers and gateways. A new rule that reports something missing adds the types it looks for.
 */
const satisfiesAbsence =
  /^microsoft\.network\/(privateendpoints\/privatednszonegroups|privatednszones|virtualnetworks|dnsresolvers|virtualnetworkgateways)(\/|$)/i;

/** Types that may nest one of those as a child declaration (a zone group inside its endpoint). */
const nestsAbsenceType = /^microsoft\.network\/privateendpoints$/i;

/**
 * What the open evaluation needs of a deployment: withCallerChoices reads there only the conditions
 * of declarations `satisfiesAbsence` names, so only those types (and the parents that nest them)
 * are evaluated; whatever they refer to is still evaluated when read.
 */
export function openEvaluationNeeds(needsType: NeedsType): NeedsType {
  return (type, existing) => opensType(type) && needsType(type, existing);
}

/** The types the open evaluation is for; what else it reads on the way is not opened. */
const opensType = (type: string) => satisfiesAbsence.test(type) || nestsAbsenceType.test(type);

/**
 * Whether the deployment has a declaration its defaults switch off that could satisfy such a rule:
 * only then is the open evaluation worth its cost (it evaluates the deployment again).
 */
export function hasSwitchedOff(result: DeploymentResult): boolean {
  return result.resources.some((decl) => decl.condition === false && satisfiesAbsence.test(decl.type));
}

/**
 * The top-level declarations the open evaluation must take up: those that hold a switched-off
 * declaration of `result`, or a module call or nested deployment on the way to one. withCallerChoices
 * reads the open evaluation only there; opening a parameter can only make a condition less known, so
 * a declaration on by default has nothing to gain from it, and a module that holds only such
 * declarations is not evaluated again (what a wanted one reads is, as in any evaluation).
 */
export function switchedOffPlaces(result: DeploymentResult): WantsDeclaration {
  const places = new Map<string, number[]>();
  const add = (uri: string, offset: number) => {
    const offsets = places.get(uri);
    if (offsets) offsets.push(offset);
    else places.set(uri, [offset]);
  };
  for (const decl of result.resources) {
    // As withCallerChoices opens them: an endpoint switched off with its zone group is opened too.
    if (decl.condition !== false || !opensType(decl.type)) continue;
    add(decl.uri, decl.range.start);
    for (const call of decl.via) add(call.uri, call.start);
  }
  return (uri, start, end) => places.get(uri)?.some((offset) => offset >= start && offset <= end) ?? false;
}

/**
 * `result`'s declarations, those switched off by default but not when every entry parameter is
 * unknown (`open`, the same deployment evaluated with openParameters) turned "maybe deployed". Only
 * the types `satisfiesAbsence` names are opened (openEvaluationNeeds): other declarations switched
 * off by default stay off, in the model as in the rules.
 */
export function withCallerChoices(result: DeploymentResult, open: DeploymentResult): DeploymentResult {
  // Instances are matched one to one; a loop over a parameter's default has instances, and opened it
  // is one declaration of unknown count, which then stands for each of them. An instance the open
  // evaluation still switches off stays off (another instance switched on says nothing about it).
  const exact = new Map<string, ResourceDecl['condition']>();
  const wholeLoop = new Map<string, ResourceDecl['condition']>();
  for (const decl of open.resources) {
    exact.set(`${place(decl)}[${decl.instance ?? ''}]`, decl.condition);
    if (decl.instance === undefined) wholeLoop.set(place(decl), decl.condition);
  }
  const resources = result.resources.map((decl) => {
    // Whatever else the open evaluation met (a storage account an endpoint reads, or every resource
    // when evaluation is not demand-driven) stays as the defaults have it, so both ways agree.
    if (decl.condition !== false || !opensType(decl.type)) return decl;
    const key = `${place(decl)}[${decl.instance ?? ''}]`;
    const opened = exact.has(key) ? exact.get(key) : wholeLoop.get(place(decl));
    return opened === undefined || opened === false ? decl : { ...decl, condition: 'unknown' as const };
  });
  return { ...result, resources };
}
