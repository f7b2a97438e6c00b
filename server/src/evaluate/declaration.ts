// What evaluation produces: one resource declaration per resource (a loop is one declaration with
// its multiplicity), with evaluated values and the source ranges diagnostics and fixes point at.
// Invariant: `properties` and the other values are Values (known, unknown or partial); ranges are
// offsets into the declaring file, never line/column.
import type { OrderNode } from './order';
import type { DeploymentScope } from './scope';
import type { StopClock } from './stop-clock';
import type { Tri, Value } from './value';

/** Whether the analysis needs resources of `type` (or children nested in them), declared or `existing`. */
export type NeedsType = (type: string, existing: boolean) => boolean;

/**
 * Whether evaluation takes up, on its own, the top-level declaration of file `uri` spanning
 * `start`..`end` (a resource, a module call, a nested deployment). What an expression reads is
 * evaluated whatever this answers.
 */
export type WantsDeclaration = (uri: string, start: number, end: number) => boolean;

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Where a property value is written. A part of a variable's value, or of a parameter's default, is
 * written in that declaration: `usedAt` is then where the resource refers to it. A parameter a
 * parameter file binds is written where the resource refers to it, and `givenAt` is the value in that
 * file (DESIGN §2: a finding names the other files it rests on).
 */
export interface PropertyRange extends TextSpan {
  usedAt?: TextSpan;
  givenAt?: SourceLocation;
  /** Where a parameter file gives the items of the loop that wrote this value (or made this resource). */
  itemsGivenAt?: SourceLocation;
}

/** Where a parameter file gives the parameters of the template it binds (the deployment's root). */
export interface ParamsGiven {
  template: string;
  at: ReadonlyMap<string, SourceLocation>;
}

/** A place in a file: what related information and cross-file references point at. */
export interface SourceLocation extends TextSpan {
  uri: string;
}

export type Language = 'bicep' | 'arm';

export interface ResourceDecl {
  /** The file that declares the resource. */
  uri: string;
  language: Language;
  /** Bicep symbolic name, or the symbolic name of a languageVersion 2.0 ARM template. */
  symbol?: string;
  /** Full resource type, e.g. Microsoft.Network/virtualNetworks/subnets. */
  type: string;
  apiVersion?: string;
  /** The full name (`vnet/subnet` for a child), as ARM sees it. */
  name: Value;
  /** Canonical id: /subscriptions/{s}/resourceGroups/{rg}/providers/{type segments and names}. */
  id: Value;
  location?: Value;
  /** The evaluated `properties` object (or an unknown). */
  properties: Value;
  /** Other top-level body values (sku, kind, tags, zones, ...). */
  body: Readonly<Record<string, Value>>;
  existing: boolean;
  /** Whether it is deployed: true, false, or unknown (a condition on an unknown value). */
  condition: Tri;
  /** A loop's instance count; 1 outside loops. */
  count: number | 'unknown';
  /** Instance index inside a loop whose items were expanded. */
  instance?: number;
  /**
   * The declaration's anchor: Bicep symbolic name, ARM `"type"` property; for a resource a registry
   * module's interface declares, the call's parameter that asks for it (registry below).
   */
  range: PropertyRange;
  /** Ranges of property values by path (`properties.subnets[0].properties.addressPrefix`). */
  propertyRanges: ReadonlyMap<string, PropertyRange>;
  /** The module calls that led here, outermost first (for related information). */
  via: readonly SourceLocation[];
  /**
   * Set when a registry module's interface model declared the resource: `range` is then the
   * parameter entry in the caller that asked for it, and `via` ends with the module call.
   */
  registry?: { module: string; tag: string; paramPath: string };
  /** Deployment order (issue 17): the declaration's node in its template's order; absent where not recorded. */
  order?: OrderNode;
  /**
   * Set on the deployment a module call or linked template makes when its file is not read (missing,
   * outside the files analysed, a registry module neither cached nor modelled, a URI): a
   * `Microsoft.Resources/deployments` declaration whose `properties.given` holds the strings it is given
   * (unread-call.ts).
   */
  unread?: true;
}

/** The type of a deployment: what a module call or a linked or nested template deploys as. */
export const deploymentsType = 'Microsoft.Resources/deployments';

/** The range of the nearest recorded path at or above `path`, else the declaration's range. */
export function rangeOfPath(decl: ResourceDecl, path: string): PropertyRange {
  let current = path;
  for (;;) {
    const found = decl.propertyRanges.get(current);
    if (found) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return decl.range;
    current = current.slice(0, cut);
  }
}

/** Where a parameter file gives what a finding rests on: the value itself, or the items of its loop. */
export interface GivenPlace {
  at: SourceLocation;
  /** The file gives the items of the loop that wrote the value (not necessarily the value itself). */
  items: boolean;
}

/**
 * Where a parameter file gives the value at `path`, or the items of the loop that wrote it: the nearest
 * recorded path at or above it that says so (a property loop over a parameter's items), else the
 * declaration's own (a resource loop over such a parameter).
 */
export function givenPlaceOfPath(decl: ResourceDecl, path: string | undefined): GivenPlace | undefined {
  for (let current = path ?? ''; current !== '';) {
    const range = decl.propertyRanges.get(current);
    if (range?.givenAt) return { at: range.givenAt, items: false };
    if (range?.itemsGivenAt) return { at: range.itemsGivenAt, items: true };
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut <= 0 ? '' : current.slice(0, cut);
  }
  return decl.range.itemsGivenAt ? { at: decl.range.itemsGivenAt, items: true } : undefined;
}

/**
 * What evaluating one template (a deployment entry, a module, a nested deployment) is given, in
 * both languages: bound values, where it deploys, how it was reached, and where resources go.
 */
export interface EvaluationInput {
  /** Values bound by the caller (module params, a parameter file, a nested deployment). */
  params: ReadonlyMap<string, Value>;
  /** Prefix of the keys of parameters nobody binds and without default. */
  paramKeyPrefix: string;
  /** Where the template's resources are deployed. */
  scope: DeploymentScope;
  via: readonly SourceLocation[];
  condition: Tri;
  count: number | 'unknown';
  /** The files of the calls that led here, the entry first (cycles end in unknowns). */
  stack: readonly string[];
  sink: ResourceDecl[];
  /**
   * Whether the analysis needs resources of a type, or children nested in them (absent: all
   * types), declared or `existing`. Other resources are evaluated only when an expression refers
   * to them, so what they alone use is never computed.
   */
  needsType?: NeedsType;
  /** Narrows needsType to some declarations (absent: all): the engine's second, open pass asks for few. */
  wantsDeclaration?: WantsDeclaration;
  /**
   * The keys of `properties` the analysis reads for a resource type; undefined: all. For the
   * others, a resource's body is evaluated in part: `name`, `location`, `parent`, `scope` and those keys.
   */
  neededProperties?: (type: string) => readonly string[] | undefined;
  /** The deployment's deadline, ticked on every evaluation step. */
  clock?: StopClock;
  /** Where a parameter file gives the root template's parameters (absent: no parameter file binds it). */
  paramsGiven?: ParamsGiven;
  /** Deployment order (issue 17): the module call or nested deployment this template runs in. */
  orderCaller?: OrderNode;
  /**
   * The instance of the loop of calls this evaluation is one of (a module call or nested deployment in a
   * loop whose items are known, or a call inside one): see instanceIn.
   */
  instance?: number;
  /**
   * Which evaluation of its template this is, for a template called as a module or linked deployment:
   * the chain of calls that reached it. A template called twice (or from two calls of another) is
   * evaluated twice, and what either evaluation cannot know is not known to be one value.
   */
  instanceKey?: string;
}

/** How many instances a loop inside a loop (or inside a call of one) stands for: unknown when either count is. */
export function multiplyCounts(a: number | 'unknown', b: number | 'unknown'): number | 'unknown' {
  return a === 'unknown' || b === 'unknown' ? 'unknown' : a * b;
}

/**
 * The loop instance of a declaration or call evaluated in `input`: its own loop's index when it has a
 * loop (none when that loop is not expanded: it stands for several resources, or none); else the
 * instance of the call it is evaluated in. So what one call of a loop over known items declares is one
 * resource each (rules/support/certain.ts certainlyCreatedAsOne), as an expanded loop's instance is.
 */
export function instanceIn(
  input: Pick<EvaluationInput, 'instance'>,
  ownLoop: boolean,
  index: number | undefined,
): number | undefined {
  return ownLoop ? index : input.instance;
}

/**
 * `key` (an unknown's or an origin's) made unique to one evaluation of its template: without it, two
 * calls of a module made the same unknown for `app.listKeys()` or an existing resource's property,
 * and rules read those as one value (a VNet linked twice).
 */
export function keyInInstance(input: Pick<EvaluationInput, 'instanceKey'>, key: string): string {
  return input.instanceKey === undefined ? key : `${input.instanceKey}${instanceSeparator}${key}`;
}

/** Between an instance's key and a key made in it (model/as-written.ts shows only what follows the last). */
export const instanceSeparator = ' > ';
