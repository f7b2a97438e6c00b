// The group ids the Azure landing zone initiative `Deploy-Private-DNS-Zones` (2.2.0) gives zone groups to,
// by target type (FACTS §15), for pe-dns-zone-group-missing in policy mode (`privateDns.zoneGroups`).
// Invariants: ids the initiative passes explicitly and the storage ids are as FACTS §15 lists them; for a
// service FACTS §15 names as covered through a built-in policy without reading its id, the ids are the ones
// the DNS zone table documents for that type (FACTS §1): exactly one for most; for Batch, Bot Service and
// Recovery Services vaults (Site Recovery and Backup) every documented id, since FACTS cannot say which the
// built-in serves and an absence rule stays silent where it may be covered.
// Types FACTS §15 lists as not covered (SQL, PostgreSQL/MySQL/MariaDB, AKS, Container Apps, Purview, Relay,
// Cosmos Analytical and SqlDedicated, storage file_secondary, ...) are absent. Ids compare without case:
// the initiative itself passes `SQL` for the documented Cosmos DB `Sql`.

export interface PolicyCoverage {
  readonly resourceType: string;
  readonly groupIds: readonly string[];
}

/** FACTS §15 rows 4 and 5 (explicit ids, storage ids, built-ins with their documented ids). */
export const alzPrivateDnsCoverage: readonly PolicyCoverage[] = [
  // Passed explicitly by the initiative (FACTS §15 row 4).
  { resourceType: 'Microsoft.Automation/automationAccounts', groupIds: ['Webhook', 'DSCAndHybridWorker'] },
  {
    resourceType: 'Microsoft.DocumentDB/databaseAccounts',
    groupIds: ['SQL', 'MongoDB', 'Cassandra', 'Gremlin', 'Table'],
  },
  { resourceType: 'Microsoft.DataFactory/factories', groupIds: ['dataFactory', 'portal'] },
  { resourceType: 'Microsoft.Databricks/workspaces', groupIds: ['databricks_ui_api', 'browser_authentication'] },
  { resourceType: 'Microsoft.HDInsight/clusters', groupIds: ['cluster'] },
  { resourceType: 'Microsoft.Synapse/workspaces', groupIds: ['Sql', 'SqlOnDemand', 'Dev'] },
  { resourceType: 'Microsoft.Media/mediaservices', groupIds: ['keydelivery', 'liveevent', 'streamingendpoint'] },
  { resourceType: 'Microsoft.DesktopVirtualization/hostpools', groupIds: ['connection'] },
  { resourceType: 'Microsoft.DesktopVirtualization/workspaces', groupIds: ['feed'] },
  // Storage built-ins (FACTS §15 row 5; file_secondary is not covered).
  {
    resourceType: 'Microsoft.Storage/storageAccounts',
    groupIds: [
      'blob',
      'blob_secondary',
      'queue',
      'queue_secondary',
      'table',
      'table_secondary',
      'file',
      'web',
      'web_secondary',
      'dfs',
      'dfs_secondary',
    ],
  },
  // Built-ins FACTS §15 row 5 names, with the one group id FACTS §1 documents for the type.
  { resourceType: 'Microsoft.KeyVault/vaults', groupIds: ['vault'] },
  { resourceType: 'Microsoft.SignalRService/SignalR', groupIds: ['signalr'] },
  { resourceType: 'Microsoft.SignalRService/webPubSub', groupIds: ['webpubsub'] },
  { resourceType: 'Microsoft.AppConfiguration/configurationStores', groupIds: ['configurationStores'] },
  { resourceType: 'Microsoft.Cache/Redis', groupIds: ['redisCache'] },
  { resourceType: 'Microsoft.ContainerRegistry/registries', groupIds: ['registry'] },
  { resourceType: 'Microsoft.EventHub/namespaces', groupIds: ['namespace'] },
  { resourceType: 'Microsoft.ServiceBus/namespaces', groupIds: ['namespace'] },
  { resourceType: 'Microsoft.CognitiveServices/accounts', groupIds: ['account'] },
  { resourceType: 'Microsoft.Web/sites', groupIds: ['sites'] },
  { resourceType: 'Microsoft.EventGrid/topics', groupIds: ['topic'] },
  { resourceType: 'Microsoft.EventGrid/domains', groupIds: ['domain'] },
  { resourceType: 'Microsoft.Compute/diskAccesses', groupIds: ['disks'] },
  { resourceType: 'Microsoft.Devices/IotHubs', groupIds: ['iotHub'] },
  { resourceType: 'Microsoft.Devices/provisioningServices', groupIds: ['iotDps'] },
  { resourceType: 'Microsoft.Search/searchServices', groupIds: ['searchService'] },
  { resourceType: 'Microsoft.MachineLearningServices/workspaces', groupIds: ['amlworkspace'] },
  { resourceType: 'Microsoft.Insights/privateLinkScopes', groupIds: ['azuremonitor'] },
  { resourceType: 'Microsoft.Dashboard/grafana', groupIds: ['grafana'] },
  { resourceType: 'Microsoft.StorageSync/storageSyncServices', groupIds: ['afs'] },
  { resourceType: 'Microsoft.IoTCentral/IoTApps', groupIds: ['iotApp'] },
  { resourceType: 'Microsoft.DeviceUpdate/accounts', groupIds: ['DeviceUpdate'] },
  { resourceType: 'Microsoft.HybridCompute/privateLinkScopes', groupIds: ['hybridcompute'] },
  { resourceType: 'Microsoft.Migrate/migrateProjects', groupIds: ['Default'] },
  { resourceType: 'Microsoft.Migrate/assessmentProjects', groupIds: ['Default'] },
  // Built-ins FACTS §15 row 5 names for a type the table documents several ids for: each may be the one.
  { resourceType: 'Microsoft.Batch/batchAccounts', groupIds: ['batchAccount', 'nodeManagement'] },
  { resourceType: 'Microsoft.BotService/botServices', groupIds: ['Bot', 'Token'] },
  {
    resourceType: 'Microsoft.RecoveryServices/vaults',
    groupIds: ['AzureSiteRecovery', 'AzureBackup', 'AzureBackup_secondary'],
  },
];

/**
 * Whether a DeployIfNotExists policy gives a zone group to an automatic connection of `groupId` to a
 * target of `resourceType`: by the configured ids when the user lists them (any type), else by the
 * initiative's coverage above. Without a known type, only a configured list can answer.
 */
export function policyCoversGroupId(
  resourceType: string | undefined,
  groupId: string,
  configured?: readonly string[],
): boolean {
  const lower = groupId.toLowerCase();
  if (configured) return configured.some((id) => id.toLowerCase() === lower);
  if (resourceType === undefined) return false;
  const type = resourceType.toLowerCase();
  return alzPrivateDnsCoverage.some(
    (entry) => entry.resourceType.toLowerCase() === type && entry.groupIds.some((id) => id.toLowerCase() === lower),
  );
}
