// Deployments: a root (a file no analysed file deploys, or a parameter file) with its module tree,
// as Workspace.evaluate gives them (DeploymentResult: entry, template, files, resources). Each is
// judged on its own model, so unrelated templates never satisfy or trigger each other's rules.
// Across roots, resources meet only through an explicit reference: an `existing` declaration whose
// id is certainly the id of a resource another root creates joins that resource (with its children)
// into the model; findings that rest on such a join say so (joinedRoot).
import type { ResourceDecl } from '../evaluate/declaration';
import type { DeploymentResult } from '../evaluate/deployment';
import { buildModel } from '../model/build';
import { idKey } from '../model/identity';
import type { NetworkModel } from '../model/types';
import { keyOf } from '../evaluate/value';

/** For each model, the declarations joined from other roots, with the root they belong to. */
const joins = new WeakMap<NetworkModel, Map<ResourceDecl, string>>();

/** A certainly known id (no unknown part): the only kind that can name a resource across roots. */
function knownIdKey(decl: ResourceDecl): string | undefined {
  return keyOf(decl.id) === undefined ? idKey(decl.id) : undefined;
}

/** One model per deployment, each with what its `existing` declarations join from other roots. */
export function deploymentModels(deployments: readonly DeploymentResult[]): NetworkModel[] {
  const created = new Map<string, { root: string; decl: ResourceDecl }[]>();
  for (const deployment of deployments) {
    for (const decl of deployment.resources) {
      const key = decl.existing ? undefined : knownIdKey(decl);
      if (key === undefined) continue;
      const list = created.get(key);
      if (list) list.push({ root: deployment.entry, decl });
      else created.set(key, [{ root: deployment.entry, decl }]);
    }
  }
  return deployments.map((deployment) => {
    const own = new Set(deployment.resources);
    const joined = new Map<ResourceDecl, string>();
    if (created.size > 0) {
      for (const decl of deployment.resources) {
        const key = decl.existing ? knownIdKey(decl) : undefined;
        if (key === undefined) continue;
        for (const [id, list] of created) {
          if (id !== key && !id.startsWith(`${key}/`)) continue;
          for (const other of list) if (other.root !== deployment.entry && !own.has(other.decl)) joined.set(other.decl, other.root);
        }
      }
    }
    const model = buildModel([...deployment.resources, ...joined.keys()]);
    if (joined.size > 0) joins.set(model, joined);
    return model;
  });
}

/** The root whose deployment creates `decl`, when `model` joined it from another root. */
export function joinedRoot(model: NetworkModel, decl: ResourceDecl): string | undefined {
  return joins.get(model)?.get(decl);
}
