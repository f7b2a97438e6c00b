// Service endpoints and the virtual network rules that depend on them (FACTS §9.1–§9.4): which endpoint
// a service's rules need on the subnet, which settings make its rules grant nothing, and which services
// cannot combine service-endpoint rules with a private endpoint.
// Invariants: only what FACTS §9 states; a service or a case it does not settle has no entry here, and
// the rules stay silent on it. Endpoint names compare case-insensitively (an odd spelling silences).

/** The services whose virtual network rules the model reads (model/service-rules.ts), by the model's names. */
export type EndpointService =
  'storage' | 'keyVault' | 'sql' | 'cosmosDb' | 'eventHubs' | 'serviceBus' | 'appService' | 'containerRegistry';

export interface ServiceEndpointFacts {
  /** How messages name the service. */
  readonly label: string;
  /** Subnet `serviceEndpoints[].service` names that serve the service's rules; the first is what a fix adds. */
  readonly endpoints: readonly string[];
  /** Whether FACTS §9.2 names a bypass flag in the rule (`ignoreMissingVnetServiceEndpoint` and its Cosmos casing). */
  readonly bypassFlag: boolean;
  /** FACTS §9.2 Container Registry: "not supported in Azure US Government or Azure China". */
  readonly publicCloudOnly?: boolean;
}

// FACTS §9.1 (names, S30) and §9.2 (per resource type: endpoint needed, bypass flag).
const endpointFacts: Readonly<Record<EndpointService, ServiceEndpointFacts>> = {
  // §9.1: `Microsoft.Storage.Global` (cross-region) serves storage too; the two cannot share a subnet.
  storage: { label: 'Storage', endpoints: ['Microsoft.Storage', 'Microsoft.Storage.Global'], bypassFlag: false },
  keyVault: { label: 'Key Vault', endpoints: ['Microsoft.KeyVault'], bypassFlag: true },
  sql: { label: 'SQL', endpoints: ['Microsoft.Sql'], bypassFlag: true },
  cosmosDb: { label: 'Cosmos DB', endpoints: ['Microsoft.AzureCosmosDB'], bypassFlag: true },
  eventHubs: { label: 'Event Hubs', endpoints: ['Microsoft.EventHub'], bypassFlag: true },
  serviceBus: { label: 'Service Bus', endpoints: ['Microsoft.ServiceBus'], bypassFlag: true },
  // §9.2 App Service: no flag in ARM; without the endpoint the subnet rule never matches (S37).
  appService: { label: 'App Service', endpoints: ['Microsoft.Web'], bypassFlag: false },
  containerRegistry: {
    label: 'Container Registry',
    endpoints: ['Microsoft.ContainerRegistry'],
    bypassFlag: false,
    publicCloudOnly: true,
  },
};

export function serviceEndpointFacts(service: EndpointService): ServiceEndpointFacts {
  return endpointFacts[service];
}

/** Whether a subnet's endpoint name serves the service (FACTS §9.1), compared case-insensitively. */
export function endpointServes(service: EndpointService, endpointName: string): boolean {
  const name = endpointName.toLowerCase();
  return endpointFacts[service].endpoints.some((endpoint) => endpoint.toLowerCase() === name);
}

/** Why a service's rules grant nothing, as a message clause, with the value that does it. */
export interface IneffectiveSetting {
  /** Which setting: the resource's (or rule set's) public network access, or the rules' default action. */
  readonly setting: 'publicNetworkAccess' | 'defaultAction';
  /** Values (compared as `caseInsensitive` says) that make the rules grant nothing. */
  readonly values: readonly string[];
  readonly caseInsensitive: boolean;
  /** Which rules it silences: virtual network rules only (SQL), or IP rules too. */
  readonly rules: 'vnet' | 'vnet-and-ip';
  /** First API version of the rule-holding resource where the statement holds (inclusive), when FACTS limits it. */
  readonly sinceApiVersion?: string;
  /** What happens, for messages. */
  readonly effect: string;
}

// FACTS §9.3. Storage: "Network rules have no effect unless you set the -DefaultAction parameter to Deny",
// and public access Disabled allows traffic "only through a private endpoint" (S31). Key Vault: 'disabled'
// "will override the set firewall rules" (S33, a free string: compared case-insensitively). Cosmos DB:
// 'Disabled' "takes precedence over any IP or virtual network rule" (S35b). Event Hubs / Service Bus
// (API >= 2021-06-01-preview): defaultAction 'Allow' → "IP filters and VNet rules aren't enforced";
// publicNetworkAccess 'Disabled' → "restricted to private links only" (S36). SQL: virtual network rules
// need "Deny public network access" set to No (S34).
/** A setting with values compared exactly (enums) that silences virtual network and IP rules. */
const overrides = (
  setting: IneffectiveSetting['setting'],
  value: string,
  effect: string,
  sinceApiVersion?: string,
): IneffectiveSetting => ({
  setting,
  values: [value],
  caseInsensitive: false,
  rules: 'vnet-and-ip',
  effect,
  ...(sinceApiVersion ? { sinceApiVersion } : {}),
});
const privateLinksOnly = 'operations are restricted to private links only';
const notEnforced = 'IP filters and virtual network rules are not enforced';
const ineffective: Partial<Record<EndpointService, readonly IneffectiveSetting[]>> = {
  storage: [
    overrides('publicNetworkAccess', 'Disabled', 'only private endpoint traffic is allowed'),
    overrides('defaultAction', 'Allow', 'network rules take effect only with defaultAction Deny'),
  ],
  keyVault: [
    {
      setting: 'publicNetworkAccess',
      values: ['Disabled'],
      caseInsensitive: true,
      rules: 'vnet-and-ip',
      effect: 'this overrides the firewall rules: only private endpoint and trusted service traffic is allowed',
    },
  ],
  cosmosDb: [
    overrides('publicNetworkAccess', 'Disabled', 'this takes precedence over every IP and virtual network rule'),
  ],
  eventHubs: [
    overrides('publicNetworkAccess', 'Disabled', privateLinksOnly, '2021-06-01'),
    overrides('defaultAction', 'Allow', notEnforced, '2021-06-01'),
  ],
  serviceBus: [
    overrides('publicNetworkAccess', 'Disabled', privateLinksOnly, '2021-06-01'),
    overrides('defaultAction', 'Allow', notEnforced, '2021-06-01'),
  ],
  sql: [
    {
      setting: 'publicNetworkAccess',
      values: ['Disabled'],
      caseInsensitive: false,
      rules: 'vnet',
      effect: "SQL virtual network rules need public network access 'Enabled'",
    },
  ],
};

export function ineffectiveSettings(service: EndpointService): readonly IneffectiveSetting[] {
  return ineffective[service] ?? [];
}

/** Whether a written value makes the rules grant nothing (its API version checked against `sinceApiVersion`). */
export function makesRulesIneffective(
  setting: IneffectiveSetting,
  value: string,
  apiVersion: string | undefined,
): boolean {
  if (
    setting.sinceApiVersion !== undefined &&
    !(apiVersion !== undefined && apiVersion.slice(0, 10) >= setting.sinceApiVersion)
  )
    return false;
  return setting.values.some((v) => (setting.caseInsensitive ? v.toLowerCase() === value.toLowerCase() : v === value));
}

/**
 * Services that do not support service-endpoint rules beside a private endpoint (FACTS §9.3): Container
 * Registry ("does not support enabling both private link and service endpoint features", S38) and App
 * Service ("Access restriction rules based on service endpoints are not supported on apps that have
 * private endpoint configured", S37).
 */
export const servicesWithoutEndpointsBesidePrivateLink: readonly EndpointService[] = [
  'containerRegistry',
  'appService',
];
