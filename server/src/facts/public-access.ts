// Public network access per private-endpoint target type (FACTS §6): the property that turns public exposure
// off, the values that keep it on, and the value a fix writes.
// Invariants: string values compare case-insensitively (FACTS §6 Search case trap); `enabling` lists only
// values FACTS §6 or the official type data (checked in facts-bicep-types.test.ts) give, so an empty list
// keeps `pe-public-access-enabled` silent; an absent property is never judged (DESIGN §3).

export type AccessValue = string | boolean;

export interface VersionedValue {
  readonly from: string;
  /** Last API version of the range, inclusive; open when absent. */
  readonly to?: string;
  readonly value: AccessValue;
}

export interface PublicAccessSetting {
  readonly path: string;
  /** Values that turn public access off; the first is what a fix writes. */
  readonly disabling: readonly AccessValue[];
  /** Values known to keep public access on; empty when no source states one. */
  readonly enabling: readonly AccessValue[];
  /** Where the written value depends on the API version; outside every range the fix value is unknown. */
  readonly disablingByApiVersion?: readonly VersionedValue[];
}

export interface PublicAccessFacts {
  readonly resourceType: string;
  /** API version FACTS §6 checked (absent where it gives none). */
  readonly apiVersion?: string;
  /** Each setting exposes on its own: the target is public if any is set to an enabling value. */
  readonly settings: readonly PublicAccessSetting[];
}

const pna = 'properties.publicNetworkAccess';
const perimeter = ['Disabled', 'SecuredByPerimeter'] as const;
/** String setting at `path` with FACTS' disabling values and the known enabling ones. */
const str = (
  path: string,
  enabling: readonly string[],
  disabling: readonly string[] = ['Disabled'],
): PublicAccessSetting => ({ path, disabling, enabling });
const bool = (path: string, off: boolean): PublicAccessSetting => ({ path, disabling: [off], enabling: [!off] });
const entry = (
  resourceType: string,
  apiVersion: string | undefined,
  ...settings: PublicAccessSetting[]
): PublicAccessFacts => ({
  resourceType,
  ...(apiVersion ? { apiVersion } : {}),
  settings,
});

// FACTS §6 rows for types that appear as private-endpoint targets in FACTS §1. Enabling values:
// - 'Enabled' where §6 prints the enum (Storage, SQL, Cosmos DB, Event Hubs, Service Bus, Relay, Search, Purview)
//   or the official types list it (Managed HSM, Container Registry, Cognitive Services);
// - Web sites / static sites: the S2 description "Allowed Values: 'Enabled', 'Disabled' or an empty string";
// - Key Vault: the S2 description "If set to 'disabled' all traffic except private endpoint traffic [...] will be
//   blocked", so 'Enabled' does not block;
// - Azure Cache for Redis, Redis Enterprise and Synapse workspaces: 'Enabled' in the REST specifications' enums
//   (RedisPublicNetworkAccess: "Public internet access to the cache, via its public IP address, is enabled";
//   RedisEnterprisePublicNetworkAccess; WorkspacePublicNetworkAccess: "Enable or Disable public network access
//   to workspace"), as the Azure SDK references generated from them print them;
// - booleans: the opposite of the disabling value.
const table: readonly PublicAccessFacts[] = [
  entry('Microsoft.Storage/storageAccounts', '2026-04-01', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.Sql/servers', '2025-01-01', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.Sql/managedInstances', '2025-01-01', bool('properties.publicDataEndpointEnabled', false)),
  entry('Microsoft.KeyVault/vaults', '2026-02-01', str(pna, ['Enabled'])),
  entry('Microsoft.KeyVault/managedHSMs', undefined, str(pna, ['Enabled'])),
  entry('Microsoft.DocumentDB/databaseAccounts', '2026-03-15', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.Web/sites', '2025-03-01', str(pna, ['Enabled'])),
  entry('Microsoft.Web/staticSites', undefined, str(pna, ['Enabled'])),
  entry('Microsoft.ContainerRegistry/registries', '2025-11-01', str(pna, ['Enabled'])),
  entry('Microsoft.EventHub/namespaces', '2026-01-01', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.ServiceBus/namespaces', '2026-01-01', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.Relay/namespaces', '2026-01-01', str(pna, ['Enabled'], perimeter)),
  entry('Microsoft.Cache/redis', '2024-11-01', str(pna, ['Enabled'])),
  entry('Microsoft.Cache/redisEnterprise', '2025-07-01', str(pna, ['Enabled'])),
  entry('Microsoft.DBforPostgreSQL/flexibleServers', '2025-08-01', str('properties.network.publicNetworkAccess', [])),
  entry('Microsoft.DBforMySQL/flexibleServers', '2024-12-30', str('properties.network.publicNetworkAccess', [])),
  entry('Microsoft.CognitiveServices/accounts', '2026-07-01', str(pna, ['Enabled'])),
  entry('Microsoft.Search/searchServices', '2025-05-01', {
    path: pna,
    disabling: perimeter,
    enabling: ['Enabled'],
    // FACTS §6: 2020-03-13 … 2023-11-01 used lower-case 'disabled'; 2025-05-01 switched to 'Disabled'.
    disablingByApiVersion: [
      { from: '2020-03-13', to: '2023-11-01', value: 'disabled' },
      { from: '2025-05-01', value: 'Disabled' },
    ],
  }),
  entry('Microsoft.AppConfiguration/configurationStores', '2024-06-01', str(pna, [])),
  entry('Microsoft.Synapse/workspaces', '2021-06-01', str(pna, ['Enabled'])),
  entry('Microsoft.DataFactory/factories', '2018-06-01', str(pna, [])),
  entry('Microsoft.ContainerService/managedClusters', '2026-05-01', str(pna, [])),
  entry(
    'Microsoft.Insights/privateLinkScopes',
    '2021-09-01',
    str('properties.accessModeSettings.ingestionAccessMode', [], ['PrivateOnly']),
    str('properties.accessModeSettings.queryAccessMode', [], ['PrivateOnly']),
  ),
  entry('Microsoft.MachineLearningServices/workspaces', '2026-05-01', str(pna, [])),
  entry('Microsoft.SignalRService/signalR', '2024-03-01', str(pna, [])),
  entry('Microsoft.SignalRService/webPubSub', '2024-03-01', str(pna, [])),
  entry('Microsoft.EventGrid/topics', '2025-02-15', str(pna, [])),
  entry('Microsoft.EventGrid/domains', '2025-02-15', str(pna, [])),
  entry('Microsoft.EventGrid/namespaces', '2025-02-15', str(pna, [])),
  entry('Microsoft.Batch/batchAccounts', '2025-06-01', str(pna, [])),
  entry('Microsoft.Devices/IotHubs', '2023-06-30', str(pna, [])),
  entry('Microsoft.Devices/provisioningServices', '2022-12-12', str(pna, [])),
  entry('Microsoft.Databricks/workspaces', '2026-01-01', str(pna, [])),
  entry('Microsoft.ApiManagement/service', '2024-05-01', str(pna, [])),
  entry('Microsoft.Purview/accounts', '2021-12-01', str(pna, ['Enabled'])),
  entry('Microsoft.Kusto/clusters', '2025-02-14', str(pna, [])),
  entry('Microsoft.Automation/automationAccounts', '2024-10-23', bool(pna, false)),
  entry('Microsoft.RecoveryServices/vaults', '2026-07-01', str(pna, [])),
  entry('Microsoft.App/managedEnvironments', '2026-01-01', str(pna, [])),
  entry('Microsoft.DigitalTwins/digitalTwinsInstances', undefined, str(pna, [])),
  entry('Microsoft.HealthcareApis/workspaces', undefined, str(pna, [])),
  entry('Microsoft.Dashboard/grafana', undefined, str(pna, [])),
  entry('Microsoft.DocumentDB/mongoClusters', undefined, str(pna, [])),
];

const byType = new Map(table.map((facts) => [facts.resourceType.toLowerCase(), facts]));

/** Every type with public-access facts. */
export const publicAccessTypes: readonly string[] = table.map((facts) => facts.resourceType);

/** The public-access settings of a target type, or `undefined` when FACTS §6 has no row for it. */
export function publicAccessFacts(resourceType: string): PublicAccessFacts | undefined {
  return byType.get(resourceType.toLowerCase());
}

const same = (a: AccessValue, b: unknown) =>
  typeof a === 'string' ? typeof b === 'string' && a.toLowerCase() === b.trim().toLowerCase() : a === b;

/**
 * What a known value of the setting at `path` means: `disabled`, `enabled` (a value a source states keeps
 * public access on), or `unknown` (anything else, or a path without facts).
 */
export function publicAccessState(
  resourceType: string,
  path: string,
  value: unknown,
): 'disabled' | 'enabled' | 'unknown' {
  const setting = publicAccessFacts(resourceType)?.settings.find((s) => s.path === path);
  if (!setting) return 'unknown';
  if (setting.disabling.some((v) => same(v, value))) return 'disabled';
  if (setting.enabling.some((v) => same(v, value))) return 'enabled';
  return 'unknown';
}

/**
 * FACTS §6 "Network ACL / firewall path" on the resource itself: where its firewall says what becomes of
 * traffic no rule names. `'Deny'` there closes the public endpoint to all but the firewall's rules and
 * bypass. (Event Hubs and Service Bus keep theirs in a child resource, and are not read here.)
 */
const firewallDefaultActionPaths: ReadonlyMap<string, string> = new Map([
  ['microsoft.storage/storageaccounts', 'properties.networkAcls.defaultAction'],
  ['microsoft.keyvault/vaults', 'properties.networkAcls.defaultAction'],
  ['microsoft.keyvault/managedhsms', 'properties.networkAcls.defaultAction'],
  ['microsoft.cognitiveservices/accounts', 'properties.networkAcls.defaultAction'],
  ['microsoft.containerregistry/registries', 'properties.networkRuleSet.defaultAction'],
  ['microsoft.web/sites', 'properties.siteConfig.ipSecurityRestrictionsDefaultAction'],
]);

/** The path of the type's firewall default action (FACTS §6), or undefined when it has none on itself. */
export function firewallDefaultActionPath(resourceType: string): string | undefined {
  return firewallDefaultActionPaths.get(resourceType.toLowerCase());
}

/**
 * FACTS §9.2 (App Service access restrictions): with at least one rule written and no default action,
 * traffic no rule matches is denied. The path of those rules, for the types that behave so.
 */
const rulesDenyUnmatchedPaths: ReadonlyMap<string, string> = new Map([
  ['microsoft.web/sites', 'properties.siteConfig.ipSecurityRestrictions'],
]);

/** Where the type's firewall rules are when writing any of them denies what none matches (FACTS §9.2). */
export function rulesThatDenyUnmatchedPath(resourceType: string): string | undefined {
  return rulesDenyUnmatchedPaths.get(resourceType.toLowerCase());
}

/**
 * Firewall rules a target declares as child resources (FACTS §6: SQL's and Synapse's `firewallRules` child;
 * Azure Cache for Redis has the same child type): they admit clients through the public endpoint only, so
 * turning public access off is the author's call, not a fix to offer. Lower case.
 */
export const firewallRuleChildTypes: readonly string[] = [
  'microsoft.sql/servers/firewallrules',
  'microsoft.synapse/workspaces/firewallrules',
  'microsoft.cache/redis/firewallrules',
];

/** Whether a known firewall default action denies (`'Deny'`, compared as public-access values are). */
export function firewallDenies(value: unknown): boolean {
  return same('Deny', value);
}

/**
 * The property values a fix writes to turn public access off for a template at `apiVersion`, or `undefined`
 * when the type has no facts or the value for that version is unknown.
 */
export function publicAccessFix(
  resourceType: string,
  apiVersion: string,
): { path: string; value: AccessValue }[] | undefined {
  const facts = publicAccessFacts(resourceType);
  if (!facts) return undefined;
  const edits: { path: string; value: AccessValue }[] = [];
  for (const setting of facts.settings) {
    const value = setting.disablingByApiVersion
      ? versionedValue(setting.disablingByApiVersion, apiVersion)
      : setting.disabling[0];
    if (value === undefined) return undefined;
    edits.push({ path: setting.path, value });
  }
  return edits;
}

function versionedValue(ranges: readonly VersionedValue[], apiVersion: string): AccessValue | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(apiVersion) ? apiVersion : undefined;
  if (!date) return undefined;
  return ranges.find((r) => date >= r.from && (r.to === undefined || date <= r.to))?.value;
}
