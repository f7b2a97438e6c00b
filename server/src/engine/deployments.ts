// Deployments: a root (a file no analysed file deploys, or a parameter file) with its module tree,
// as Workspace.evaluate gives them (DeploymentResult: entry, template, files, resources). Each is
// judged on its own model, so unrelated templates never satisfy or trigger each other's rules.
// Across roots, resources meet only through an explicit reference: an `existing` declaration, or an
// id written out from names, that is certainly the id of a resource another root creates joins that
// resource (with its children) into the model; findings that rest on such a join say so (joinedRoot).
import type { ResourceDecl } from '../evaluate/declaration';
import type { DeploymentResult } from '../evaluate/deployment';
import { buildModel } from '../model/build';
import { idKey } from '../model/identity';
import type { NetworkModel } from '../model/types';
import { isArray, isObject, keyOf, type Value } from '../evaluate/value';

/** For each model, the declarations joined from other roots, with the root they belong to. */
const joins = new WeakMap<NetworkModel, Map<ResourceDecl, string>>();

/** A certainly known id (no unknown part): the only kind that can name a resource across roots. */
function knownIdKey(decl: ResourceDecl): string | undefined {
  return keyOf(decl.id) === undefined ? idKey(decl.id) : undefined;
}

/** One model per deployment, each with what its `existing` declarations join from other roots. */
export function deploymentModels(deployments: readonly DeploymentResult[]): NetworkModel[] {
  const created: Created = new Map();
  for (const deployment of deployments) {
    for (const decl of deployment.resources) {
      const key = decl.existing ? undefined : knownIdKey(decl);
      if (key === undefined) continue;
      const list = created.get(key);
      if (list) list.push({ root: deployment.entry, decl });
      else created.set(key, [{ root: deployment.entry, decl }]);
    }
  }
  const index = indexCreated(created);
  return deployments.map((deployment) => {
    const own = new Set(deployment.resources);
    const joined = new Map<ResourceDecl, string>();
    if (created.size > 0) {
      // The resource an id names, its children, and its parent (whose inline children it may name).
      const join = (key: string) => {
        for (const other of createdAtOrAround(created, index, key)) {
          if (other.root !== deployment.entry && !own.has(other.decl)) joined.set(other.decl, other.root);
        }
      };
      for (const decl of deployment.resources) {
        const key = decl.existing ? knownIdKey(decl) : undefined;
        if (key !== undefined) join(key);
        // An id written out from names (`/subscriptions/…/virtualNetworks/hub`) names its resource too.
        else forEachString(decl.properties, (text) => { if (text.startsWith('/')) join(text.toLowerCase().replace(/\/+$/, '')); });
      }
    }
    const model = buildModel([...deployment.resources, ...joined.keys()]);
    if (joined.size > 0) joins.set(model, joined);
    return model;
  });
}

type Created = Map<string, { root: string; decl: ResourceDecl }[]>;

/** The '/'-bounded proper prefixes of an id (`/a/b/c` → `/a`, `/a/b`). */
function ancestorsOf(id: string): string[] {
  const ancestors: string[] = [];
  for (let slash = id.indexOf('/', 1); slash > 0; slash = id.indexOf('/', slash + 1)) ancestors.push(id.slice(0, slash));
  return ancestors;
}

/** Created ids by each of their ancestors, and each id's place in creation order. */
interface CreatedIndex {
  below: Map<string, string[]>;
  position: Map<string, number>;
}

function indexCreated(created: Created): CreatedIndex {
  const below = new Map<string, string[]>();
  const position = new Map<string, number>();
  for (const id of created.keys()) {
    position.set(id, position.size);
    for (const ancestor of ancestorsOf(id)) {
      const list = below.get(ancestor);
      if (list) list.push(id);
      else below.set(ancestor, [id]);
    }
  }
  return { below, position };
}

/**
 * What an id joins: the resource it names, its descendants, and its ancestors (whose inline children
 * it may name), in creation order — found through the index, not by scanning every created id.
 */
function createdAtOrAround(created: Created, index: CreatedIndex, key: string): { root: string; decl: ResourceDecl }[] {
  const ids = new Set([key, ...(index.below.get(key) ?? []), ...ancestorsOf(key)].filter((id) => created.has(id)));
  return [...ids]
    .sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0))
    .flatMap((id) => created.get(id) ?? []);
}

/** Calls `visit` with every known string inside a value (ids sit in nested objects and arrays). */
function forEachString(value: Value | undefined, visit: (text: string) => void, depth = 0): void {
  if (typeof value === 'string') visit(value);
  else if (depth < 32 && isArray(value)) for (const item of value) forEachString(item, visit, depth + 1);
  else if (depth < 32 && isObject(value)) for (const item of Object.values(value)) forEachString(item, visit, depth + 1);
}

/** The root whose deployment creates `decl`, when `model` joined it from another root. */
export function joinedRoot(model: NetworkModel, decl: ResourceDecl): string | undefined {
  return joins.get(model)?.get(decl);
}
