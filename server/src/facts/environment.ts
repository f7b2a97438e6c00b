// What `environment()` returns per cloud, as far as we know it for certain. Invariant: a property
// we have no source for stays absent, and the evaluator then treats it as unknown.
//
// AzureCloud: the example output of `environment()` in the Bicep and ARM deployment-function docs
// (learn.microsoft.com, bicep-functions-deployment / template-functions-deployment), whose
// `suffixes` are: storage core.windows.net, keyvaultDns .vault.azure.net, sqlServerHostname
// .database.windows.net, acrLoginServer .azurecr.io. DESIGN §4 relies on the storage one. No
// source in the project's materials gives the other clouds' values, so none are encoded.
import type { Cloud } from './cloud';

export interface EnvironmentFacts {
  name: Cloud;
  suffixes: Readonly<Record<string, string>>;
  resourceManager?: string;
}

const environments: Readonly<Record<Cloud, EnvironmentFacts>> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com/',
    suffixes: {
      storage: 'core.windows.net',
      keyvaultDns: '.vault.azure.net',
      sqlServerHostname: '.database.windows.net',
      acrLoginServer: '.azurecr.io',
    },
  },
  AzureUSGovernment: { name: 'AzureUSGovernment', suffixes: {} },
  AzureChinaCloud: { name: 'AzureChinaCloud', suffixes: {} },
};

export function environmentFacts(cloud: Cloud): EnvironmentFacts {
  return environments[cloud];
}
