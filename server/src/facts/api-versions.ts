// API versions: the newest stable version per resource type for fixes and snippets (FACTS §8.1, bicep-types-az
// commit 1f896de2, 2026-08-20), and comparison of `YYYY-MM-DD[-suffix]` version strings.
// Invariants: only FACTS §8.1 rows (plus Network child types, which share the Network file's versions per the
// §8.1 notes); type lookups are case-insensitive; a comparison that a preview suffix could change is unknown.

interface ApiVersionRow {
  readonly resourceType: string;
  readonly latestStable: string;
  readonly firstStable: string;
}

const row = (resourceType: string, latestStable: string, firstStable: string): ApiVersionRow => ({
  resourceType,
  latestStable,
  firstStable,
});

// FACTS §8.1. The Network child types `routeTables/routes` and `networkSecurityGroups/securityRules` live in
// the same per-version Network file (§8.1 notes), so their newest stable version is the file's, 2025-09-01.
const rows: readonly ApiVersionRow[] = [
  row('Microsoft.Network/virtualNetworks', '2025-09-01', '2015-06-15'),
  row('Microsoft.Network/virtualNetworks/subnets', '2025-09-01', '2015-06-15'),
  row('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', '2025-09-01', '2016-06-01'),
  row('Microsoft.Network/privateEndpoints', '2025-09-01', '2018-10-01'),
  row('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', '2025-09-01', '2020-03-01'),
  row('Microsoft.Network/privateDnsZones', '2024-06-01', '2018-09-01'),
  row('Microsoft.Network/privateDnsZones/virtualNetworkLinks', '2024-06-01', '2018-09-01'),
  row('Microsoft.Network/privateDnsZones/A', '2024-06-01', '2018-09-01'),
  row('Microsoft.Network/networkSecurityGroups', '2025-09-01', '2015-06-15'),
  row('Microsoft.Network/routeTables', '2025-09-01', '2015-06-15'),
  row('Microsoft.Network/privateLinkServices', '2025-09-01', '2018-10-01'),
  row('Microsoft.Storage/storageAccounts', '2026-04-01', '2015-06-15'),
  row('Microsoft.Sql/servers', '2025-01-01', '2014-04-01'),
  row('Microsoft.KeyVault/vaults', '2026-02-01', '2015-06-01'),
  row('Microsoft.DocumentDB/databaseAccounts', '2026-03-15', '2015-04-01'),
  row('Microsoft.Web/sites', '2025-03-01', '2015-08-01'),
  row('Microsoft.ContainerRegistry/registries', '2025-11-01', '2017-03-01'),
  row('Microsoft.EventHub/namespaces', '2026-01-01', '2014-09-01'),
  row('Microsoft.ServiceBus/namespaces', '2026-01-01', '2015-08-01'),
  row('Microsoft.Cache/redis', '2024-11-01', '2015-08-01'),
  row('Microsoft.DBforPostgreSQL/flexibleServers', '2025-08-01', '2021-06-01'),
  row('Microsoft.DBforMySQL/flexibleServers', '2024-12-30', '2021-05-01'),
  row('Microsoft.CognitiveServices/accounts', '2026-07-01', '2017-04-18'),
  row('Microsoft.Search/searchServices', '2025-05-01', '2015-02-28'),
  row('Microsoft.AppConfiguration/configurationStores', '2024-06-01', '2019-10-01'),
  row('Microsoft.Synapse/workspaces', '2021-06-01', '2020-12-01'),
  row('Microsoft.DataFactory/factories', '2018-06-01', '2018-06-01'),
  row('Microsoft.ContainerService/managedClusters', '2026-05-01', '2017-08-31'),
  row('Microsoft.Insights/privateLinkScopes', '2021-09-01', '2021-09-01'),
  row('Microsoft.Network/routeTables/routes', '2025-09-01', '2015-06-15'),
  row('Microsoft.Network/networkSecurityGroups/securityRules', '2025-09-01', '2015-06-15'),
];

const byType = new Map(rows.map((r) => [r.resourceType.toLowerCase(), r]));

/** Resource types with a known newest stable API version. */
export const apiVersionTypes: readonly string[] = rows.map((r) => r.resourceType);

/** The newest stable API version of a type (for fixes and snippets), or `undefined` when FACTS lacks it. */
export function latestStableApiVersion(resourceType: string): string | undefined {
  return byType.get(resourceType.toLowerCase())?.latestStable;
}

/** The first stable API version of a type, or `undefined` when FACTS lacks it. */
export function firstStableApiVersion(resourceType: string): string | undefined {
  return byType.get(resourceType.toLowerCase())?.firstStable;
}

export interface ApiVersion {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Text after the date, e.g. `preview`; empty for a stable version. */
  readonly suffix: string;
}

/** Parses `2023-09-01` or `2023-09-01-preview`; `undefined` for anything else. */
export function parseApiVersion(text: string): ApiVersion | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:-([A-Za-z0-9.-]+))?$/.exec(text.trim());
  return match ? { date: match[1]!, suffix: match[2] ?? '' } : undefined;
}

/**
 * Whether `apiVersion` is at or after the stable version `since`: `true`, `false`, or `'unknown'` when the
 * text is not an API version or a suffixed (preview) version sits on either side of `since`.
 */
export function isApiVersionAtLeast(apiVersion: string, since: string): boolean | 'unknown' {
  const version = parseApiVersion(apiVersion);
  const threshold = parseApiVersion(since);
  if (!version || !threshold) return 'unknown';
  if (version.suffix === '') return version.date >= threshold.date;
  // A preview dated after `since` still might lack a feature, and one dated before it might have it.
  return 'unknown';
}

/** Orders two API version strings by date, stable after a suffixed one of the same date; unparseable last. */
export function compareApiVersions(a: string, b: string): number {
  const x = parseApiVersion(a);
  const y = parseApiVersion(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  if (x.suffix === y.suffix) return 0;
  return x.suffix === '' ? 1 : y.suffix === '' ? -1 : x.suffix < y.suffix ? -1 : 1;
}
