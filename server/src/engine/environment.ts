// Builds the value `environment()` returns for a cloud from the facts, for the evaluator's scope.
// Unknown suffixes keep one key per property, so the same expression still compares equal.
import { environmentFacts } from '../facts/environment';
import type { Cloud } from '../facts';
import { makeObject, Unknown, type Value } from '../evaluate/value';
import { remembered } from '../evaluate/remembered';

const suffixNames = [
  'storage',
  'keyvaultDns',
  'sqlServerHostname',
  'acrLoginServer',
  'azureFrontDoorEndpointSuffix',
  'azureDatalakeStoreFileSystem',
  'azureDatalakeAnalyticsCatalogAndJob',
];

const byCloud = new Map<string, Value>();

/** The value for a cloud, built once: values are never mutated, so deployments can share it. */
export function environmentValue(cloud: Cloud): Value {
  return remembered(byCloud, cloud, () => buildEnvironmentValue(cloud));
}

function buildEnvironmentValue(cloud: Cloud): Value {
  const facts = environmentFacts(cloud);
  return makeObject([
    ['name', facts.name],
    ['resourceManager', facts.resourceManager ?? new Unknown('environment().resourceManager')],
    [
      'suffixes',
      makeObject(
        suffixNames.map((name) => [name, facts.suffixes[name] ?? new Unknown(`environment().suffixes.${name}`)]),
      ),
    ],
  ]);
}
