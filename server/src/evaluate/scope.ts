// What a deployment knows about where it runs: cloud, subscription, resource group. Unless a
// caller binds them, they are unknowns with fixed keys, so every file of one deployment agrees.
import { makeObject, Unknown, type Value } from './value';

export interface DeploymentScope {
  /** The cloud's name, as `environment().name` gives it (one of facts' `clouds`: evaluation only carries it). */
  cloud: string;
  kind: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
  subscriptionId: Value;
  resourceGroupName: Value;
  /** A region, never 'global' (DESIGN §3 edge cases). */
  location: Value;
  deploymentName: Value;
  /** What `environment()` returns in this cloud; the engine builds it from facts. */
  environment: Value;
}

/** `environment()` with every property unknown (one key per property), for callers without facts. */
export function unknownEnvironment(cloud: string): Value {
  return makeObject([
    ['name', cloud],
    ['resourceManager', new Unknown('environment().resourceManager')],
    ['suffixes', new Unknown('environment().suffixes')],
  ]);
}

/**
 * `tag` names the deployment: two deployments of a workspace may target different subscriptions
 * and resource groups, so their unknown scope values get different keys (equal keys would make
 * unrelated templates' same-named resources one resource). Modules share their caller's scope.
 */
export function defaultScope(
  cloud: string,
  kind: DeploymentScope['kind'] = 'resourceGroup',
  environment: Value = unknownEnvironment(cloud),
  tag = '',
): DeploymentScope {
  const at = tag ? `@${tag}` : '';
  return {
    cloud,
    kind,
    subscriptionId: new Unknown(`subscription().subscriptionId${at}`, 'segment'),
    resourceGroupName: new Unknown(`resourceGroup().name${at}`, 'segment'),
    location: new Unknown(
      `${kind === 'resourceGroup' ? 'resourceGroup().location' : 'deployment().location'}${at}`,
      'region',
    ),
    deploymentName: new Unknown(`deployment().name${at}`),
    environment,
  };
}
