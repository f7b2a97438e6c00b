// Deployments: a root (a file no analysed file deploys, or a parameter file) with its module tree,
// as Workspace.evaluate gives them (DeploymentResult: entry, template, files, resources). Each is
// judged on its own model, so unrelated templates never satisfy or trigger each other's rules.
// Across roots, resources meet only through an explicit reference: an `existing` declaration, or an
// id written out from names, that is certainly the id of a resource another root creates joins that
// resource (with its children) into the model; findings that rest on such a join say so (joinedRoot).
// Where the ids may be the same but are not certainly, another root's peerings, zone groups and VNet
// links under this one's resources join as maybe deployed (maybe-joins.ts): they can only silence.
import type { ResourceDecl } from '../evaluate/declaration';
import type { DeploymentResult } from '../evaluate/deployment';
import { buildModel } from '../model/build';
import { idKey } from '../model/identity';
import { keepOn, keptValue } from '../evaluate/remembered';
import type { NetworkModel } from '../model/types';
import { ancestorsOf, forEachString, sameOrder } from './id-walks';
import {
  indexOffers,
  maybeCopy,
  maybeJoined,
  reachesOf,
  takesAnyOf,
  type OfferIndex,
  type Reaches,
} from './maybe-joins';

/** For each model, the declarations joined from other roots, with the root they belong to. */
const joinsKey = Symbol('joins');

/** A certainly known id (no unknown part): the only kind that can name a resource across roots. */
function knownIdKey(decl: ResourceDecl): string | undefined {
  // Only a string id is known throughout (asking keyOf of a partial id would join its parts for nothing).
  return typeof decl.id === 'string' ? idKey(decl.id) : undefined;
}

/** One model per deployment, each with what its `existing` declarations join from other roots. */
export function deploymentModels(deployments: readonly DeploymentResult[]): NetworkModel[] {
  return new DeploymentModels().models(deployments);
}

/** What one deployment offers to and asks of the others: computed once per evaluation result. */
interface Reach {
  result: DeploymentResult;
  /** Certainly known ids it creates, with their declarations, in declaration order (createsOf: found when asked). */
  creates?: [key: string, decl: ResourceDecl][];
  /**
   * Ids it names (`existing` declarations, ids written out from names), in the order it names them:
   * found when first asked (namesOf), which a workspace of one deployment never does.
   */
  names?: string[];
  /**
   * The '/'-bounded ancestors of the ids it names, each once: found when first asked (namedAround), so
   * that a kept deployment is asked whether a changed id is around one of its names without cutting
   * every name into its ancestors again per keystroke (issue 16).
   */
  around?: string[];
  /** The ancestors of the ids it creates, each once: found when it changes and a kept deployment asks (withAncestors). */
  createdAround?: string[];
  /** What it may add under other deployments' resources, and what it declares (maybe-joins.ts): found when asked. */
  reaches?: Reaches;
  model?: NetworkModel;
}

/**
 * The models of a workspace's deployments, kept between analyses (issue 16 item 2): a deployment
 * whose evaluation result is the same object as last time, and that names no id another changed
 * deployment creates (or created), keeps its model, so the rules' results for it can be kept too.
 * Invariant: `models` answers what `deploymentModels` computes from scratch, model for model.
 */
export class DeploymentModels {
  private reach = new Map<string, Reach>();
  private created: Created = new Map();
  /** Created ids by each of their '/'-bounded ancestors. */
  private below = new Map<string, Set<string>>();
  /** Every deployment's offers (maybe-joins.ts), made when a model first asks after a change. */
  private offers: OfferIndex | undefined;

  models(deployments: readonly DeploymentResult[]): NetworkModel[] {
    if (deployments.length === 1 && this.reach.size <= 1) return [this.onlyModel(deployments[0])];
    // The same entries in the same order (an edit that deploys what it did): the map is updated in
    // place (issue 16: a new map of every deployment of a corpus-sized workspace per keystroke lived
    // until the next one, and was promoted for nothing).
    const previous = sameEntries(deployments, this.reach) ? undefined : this.reach;
    if (previous) this.reach = new Map();
    // Ids whose creators changed: a deployment naming one of them (or one around it) joins anew.
    const changed = new Set<string>();
    /** The reaches whose created ids make `changed`: their ancestors are found once per reach. */
    const changers: Reach[] = [];
    /** The changed deployments, each with what it was before. */
    const changedEntries = new Map<string, Reach | undefined>();
    for (const deployment of deployments) {
      const before = (previous ?? this.reach).get(deployment.entry);
      if (before?.result === deployment) {
        if (previous) this.reach.set(deployment.entry, before);
        continue;
      }
      const reach: Reach = { result: deployment };
      this.reach.set(deployment.entry, reach);
      changedEntries.set(deployment.entry, before);
      for (const changer of before ? [before, reach] : [reach]) {
        for (const [key] of createsOf(changer)) changed.add(key);
        changers.push(changer);
      }
    }
    for (const [entry, before] of previous ?? []) {
      if (this.reach.get(entry) === before) continue;
      for (const [key] of createsOf(before)) changed.add(key);
      changers.push(before);
    }
    // Creation order follows the order of the deployments: a new order is a new index. Otherwise only
    // the changed deployments' ids are taken out and put back (issue 16: rebuilding the index over
    // every created id of a corpus-sized workspace cost milliseconds per keystroke).
    // A single deployment joins nothing (modelOf), so it keeps no index: a second one rebuilds it.
    if (this.reach.size <= 1) this.clearIndex();
    else if (previous && !sameOrder(this.reach.keys(), previous.keys())) this.rebuildIndex();
    else if (changed.size > 0) {
      let rank = 0;
      for (const [root, reach] of this.reach) {
        if (changedEntries.has(root)) {
          const before = changedEntries.get(root);
          this.unindex(root, before ? createsOf(before) : []);
          this.index(root, rank, createsOf(reach));
        }
        rank++;
      }
    }
    // A changed deployment's children may join a kept one's resources as maybe deployed (maybe-joins.ts).
    if (changers.length > 0) this.offers = undefined;
    let offered: OfferIndex | undefined;
    const offeredTo = (reach: Reach) => {
      offered ??= indexOffers(changers.map((changer) => [changer.result.entry, reachesFor(changer)]));
      return offered.size > 0 && takesAnyOf(reachesFor(reach), offered);
    };
    // Found when a kept deployment first asks: an edited file alone (one changed deployment) never does.
    let touched: Set<string> | undefined;
    const rejoins = (reach: Reach) => {
      const { names, around } = namedAround(reach);
      return (
        names.some((key) => (touched ??= withAncestors(changed, changers)).has(key)) ||
        around.some((ancestor) => changed.has(ancestor))
      );
    };
    return deployments.map((deployment) => {
      const reach = this.reach.get(deployment.entry)!;
      if (
        !reach.model ||
        changedEntries.has(deployment.entry) ||
        (changed.size > 0 && rejoins(reach)) ||
        (changers.length > 0 && offeredTo(reach))
      )
        reach.model = this.modelOf(reach);
      return reach.model;
    });
  }

  /**
   * `models` of a workspace's only deployment, which had at most one before (a registry module, most `check`
   * runs): it joins nothing and keeps no index, so it needs no bookkeeping of changed ids (issue 16).
   */
  private onlyModel(deployment: DeploymentResult): NetworkModel {
    const kept = this.reach.get(deployment.entry);
    if (kept?.result === deployment && kept.model) return kept.model;
    // Another entry before: it is no longer a deployment (with at most one, the index is empty).
    if (!kept && this.reach.size > 0) this.reach = new Map();
    const reach: Reach = { result: deployment };
    this.reach.set(deployment.entry, reach);
    return (reach.model = this.modelOf(reach));
  }

  private clearIndex(): void {
    if (this.created.size > 0) this.created = new Map();
    if (this.below.size > 0) this.below = new Map();
  }

  private rebuildIndex(): void {
    this.clearIndex();
    let rank = 0;
    for (const [root, reach] of this.reach) this.index(root, rank++, createsOf(reach));
  }

  /** Adds a root's created ids; each id's creators stay in creation order (rank of the root, then `at`). */
  private index(root: string, rank: number, creates: CreatedIds): void {
    creates.forEach(([key, decl], at) => {
      const creator = { root, decl, rank, at };
      const list = this.created.get(key);
      if (!list) {
        this.created.set(key, [creator]);
        for (const ancestor of ancestorsOf(key)) {
          const ids = this.below.get(ancestor);
          if (ids) ids.add(key);
          else this.below.set(ancestor, new Set([key]));
        }
        return;
      }
      let place = list.length;
      while (place > 0 && compareCreators(list[place - 1], creator) > 0) place--;
      list.splice(place, 0, creator);
    });
  }

  /** Takes a root's created ids out (`creates`: what it created when indexed). */
  private unindex(root: string, creates: CreatedIds): void {
    for (const [key] of creates) {
      const list = this.created.get(key)?.filter((creator) => creator.root !== root);
      if (list === undefined) continue;
      if (list.length > 0) {
        this.created.set(key, list);
        continue;
      }
      this.created.delete(key);
      for (const ancestor of ancestorsOf(key)) {
        const ids = this.below.get(ancestor);
        ids?.delete(key);
        if (ids?.size === 0) this.below.delete(ancestor);
      }
    }
  }

  private modelOf(reach: Reach): NetworkModel {
    const deployment = reach.result;
    // Made at the first join: most models join nothing.
    let joined: Map<ResourceDecl, string> | undefined;
    // The resource an id names, its children, and its parent (whose inline children it may name);
    // only another deployment's resources join. (A workspace of one deployment joins nothing: no set
    // of its own resources, nor a copy of them, is made.)
    if (this.created.size > 0 && this.reach.size > 1) {
      const own = new Set(deployment.resources);
      for (const key of namesOf(reach)) {
        for (const other of createdAtOrAround(this.created, this.below, key)) {
          if (other.root !== deployment.entry && !own.has(other.decl))
            (joined ??= new Map()).set(other.decl, other.root);
        }
      }
    }
    // What other deployments may add under its resources, as maybe deployed (maybe-joins.ts).
    if (this.reach.size > 1) {
      this.offers ??= indexOffers([...this.reach].map(([root, other]) => [root, reachesFor(other)]));
      const sameTemplate = (other: string) => this.reach.get(other)?.result.template === deployment.template;
      for (const [decl, root] of maybeJoined(deployment.entry, reachesFor(reach), this.offers, sameTemplate) ?? [])
        if (!joined?.has(decl)) (joined ??= new Map()).set(maybeCopy(decl), root);
    }
    // buildModel copies the declarations it is given.
    const model = buildModel(joined ? [...deployment.resources, ...joined.keys()] : deployment.resources);
    if (joined) keepOn(model, joinsKey, joined);
    return model;
  }
}

const reachesFor = (reach: Reach): Reaches => (reach.reaches ??= reachesOf(reach.result.resources));

type CreatedIds = NonNullable<Reach['creates']>;
/** The certainly known ids a deployment creates (Reach.creates), found once: one deployment alone never asks. */
function createsOf(reach: Reach): CreatedIds {
  if (reach.creates) return reach.creates;
  const creates: CreatedIds = [];
  for (const decl of reach.result.resources) {
    const key = knownIdKey(decl);
    if (key !== undefined && !decl.existing) creates.push([key, decl]);
  }
  return (reach.creates = creates);
}

function namesOf(reach: Reach): string[] {
  if (reach.names) return reach.names;
  const names: string[] = [];
  for (const decl of reach.result.resources) {
    const named = decl.existing ? knownIdKey(decl) : undefined;
    if (named !== undefined) names.push(named);
    else {
      // An id written out from names (`/subscriptions/…/virtualNetworks/hub`) names its resource too.
      forEachString(decl.properties, (text) => {
        if (text.startsWith('/')) names.push(text.toLowerCase().replace(/\/+$/, ''));
      });
    }
  }
  return (reach.names = names);
}

/** The ids a deployment names, and their ancestors. */
function namedAround(reach: Reach): { names: string[]; around: string[] } {
  const names = namesOf(reach);
  reach.around ??= [...new Set(names.flatMap(ancestorsOf))];
  return { names, around: reach.around };
}

/** Whether the deployments are those of the map, in its order. */
function sameEntries(deployments: readonly DeploymentResult[], reach: ReadonlyMap<string, Reach>): boolean {
  if (deployments.length !== reach.size) return false;
  let index = 0;
  for (const entry of reach.keys()) if (deployments[index++].entry !== entry) return false;
  return true;
}

/** The ids (those `creators` create) with every '/'-bounded prefix of each. */
function withAncestors(ids: ReadonlySet<string>, creators: readonly Reach[]): Set<string> {
  const all = new Set(ids);
  // Per reach, so the deployment changed by the edit before this one is not cut into ancestors again.
  for (const reach of creators) {
    reach.createdAround ??= [...new Set(createsOf(reach).flatMap(([key]) => ancestorsOf(key)))];
    for (const ancestor of reach.createdAround) all.add(ancestor);
  }
  return all;
}

/** A created id's creators: the root, the declaration, and its place in creation order (root's rank, then `at`). */
type Created = Map<string, Creator[]>;
interface Creator {
  root: string;
  decl: ResourceDecl;
  rank: number;
  at: number;
}

const compareCreators = (a: Creator, b: Creator) => a.rank - b.rank || a.at - b.at;

/**
 * What an id joins: the resource it names, its descendants, and its ancestors (whose inline children
 * it may name), in creation order — found through the index, not by scanning every created id.
 */
function createdAtOrAround(created: Created, below: ReadonlyMap<string, ReadonlySet<string>>, key: string): Creator[] {
  const ids = new Set([key, ...(below.get(key) ?? []), ...ancestorsOf(key)].filter((id) => created.has(id)));
  return [...ids]
    .map((id) => created.get(id)!)
    .sort((a, b) => compareCreators(a[0], b[0]))
    .flat();
}

/** The root whose deployment creates `decl`, when `model` joined it from another root. */
export function joinedRoot(model: NetworkModel, decl: ResourceDecl): string | undefined {
  return keptValue<Map<ResourceDecl, string>>(model, joinsKey)?.get(decl);
}
