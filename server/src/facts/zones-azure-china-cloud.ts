// Private DNS zones for private endpoints in AzureChinaCloud (21Vianet): FACTS Appendix B (source S1).
// Invariants: rows the current China table lacks and only a 2020 docs.azure.cn copy lists (FACTS App. B
// "chinaUnverified": AKS, ACR, Backup, Event Grid) are `unverified`; no rule may enforce them.
import { z, type ZoneRow } from './zone-table';

export const azureChinaCloudZones: readonly ZoneRow[] = [
  z('Microsoft.MachineLearningServices/workspaces', ['amlworkspace'], 'Azure Machine Learning workspace', [
    'privatelink.api.ml.azure.cn',
    'privatelink.notebooks.chinacloudapi.cn',
  ]),
  z('Microsoft.DataFactory/factories', ['dataFactory'], 'Azure Data Factory', ['privatelink.datafactory.azure.cn']),
  z('Microsoft.DataFactory/factories', ['portal'], 'Azure Data Factory', ['privatelink.adf.azure.cn']),
  z('Microsoft.HDInsight/clusters', ['gateway', 'headnode'], 'Azure HDInsight', ['privatelink.azurehdinsight.cn']),
  z('Microsoft.Kusto/Clusters', ['cluster'], 'Azure Data Explorer', ['privatelink.{regionName}.kusto.windows.cn']),
  z('Microsoft.Batch/batchAccounts', ['batchAccount', 'nodeManagement'], 'Azure Batch', [
    'privatelink.batch.chinacloudapi.cn',
  ]),
  z('Microsoft.DesktopVirtualization/workspaces', ['global'], 'Azure Virtual Desktop', [
    'privatelink-global.wvd.azure.cn',
  ]),
  z('Microsoft.DesktopVirtualization/workspaces', ['feed'], 'Azure Virtual Desktop', ['privatelink.wvd.azure.cn']),
  z('Microsoft.DesktopVirtualization/hostpools', ['connection'], 'Azure Virtual Desktop', ['privatelink.wvd.azure.cn']),
  z('Microsoft.Sql/servers', ['sqlServer'], 'Azure SQL Database', ['privatelink.database.chinacloudapi.cn']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Sql'], 'Azure Cosmos DB', ['privatelink.documents.azure.cn']),
  z('Microsoft.DocumentDB/databaseAccounts', ['MongoDB'], 'Azure Cosmos DB', ['privatelink.mongo.cosmos.azure.cn']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Cassandra'], 'Azure Cosmos DB', [
    'privatelink.cassandra.cosmos.azure.cn',
  ]),
  z('Microsoft.DocumentDB/databaseAccounts', ['Gremlin'], 'Azure Cosmos DB', ['privatelink.gremlin.cosmos.azure.cn']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Table'], 'Azure Cosmos DB', ['privatelink.table.cosmos.azure.cn']),
  z('Microsoft.DBforPostgreSQL/servers', ['postgresqlServer'], 'Azure Database for PostgreSQL single server', [
    'privatelink.postgres.database.chinacloudapi.cn',
  ]),
  z(
    'Microsoft.DBforPostgreSQL/flexibleServers',
    ['postgresqlServer'],
    'Azure Database for PostgreSQL flexible server',
    ['privatelink.postgres.database.chinacloudapi.cn'],
  ),
  z('Microsoft.DBforMySQL/servers', ['mysqlServer'], 'Azure Database for MySQL single server', [
    'privatelink.mysql.database.chinacloudapi.cn',
  ]),
  z('Microsoft.DBforMySQL/flexibleServers', ['mysqlServer'], 'Azure Database for MySQL flexible server', [
    'privatelink.mysql.database.chinacloudapi.cn',
  ]),
  z('Microsoft.DBforMariaDB/servers', ['mariadbServer'], 'Azure Database for MariaDB', [
    'privatelink.mariadb.database.chinacloudapi.cn',
  ]),
  z('Microsoft.Cache/Redis', ['redisCache'], 'Azure Cache for Redis', ['privatelink.redis.cache.chinacloudapi.cn']),
  z('Microsoft.ServiceBus/namespaces', ['namespace'], 'Azure Service Bus', ['privatelink.servicebus.chinacloudapi.cn']),
  z('Microsoft.Devices/IotHubs', ['iotHub'], 'Azure IoT Hub', [
    'privatelink.azure-devices.cn',
    'privatelink.servicebus.chinacloudapi.cn',
  ]),
  z('Microsoft.Devices/ProvisioningServices', ['iotDps'], 'Azure IoT Hub Device Provisioning Service', [
    'privatelink.azure-devices-provisioning.cn',
  ]),
  z('Microsoft.Automation/automationAccounts', ['Webhook', 'DSCAndHybridWorker'], 'Azure Automation', [
    'privatelink.azure-automation.cn',
  ]),
  // The China Key Vault row notes a stale 2020 docs.azure.cn name; it is accepted as legacy (information).
  z('Microsoft.KeyVault/vaults', ['vault'], 'Azure Key Vault', ['privatelink.vaultcore.azure.cn'], {
    legacy: [{ name: 'privatelink.vaultcore.chinacloudapi.cn', replacedBy: 'privatelink.vaultcore.azure.cn' }],
  }),
  z('Microsoft.Storage/storageAccounts', ['blob', 'blob_secondary'], 'Storage account', [
    'privatelink.blob.core.chinacloudapi.cn',
  ]),
  z('Microsoft.Storage/storageAccounts', ['table', 'table_secondary'], 'Storage account', [
    'privatelink.table.core.chinacloudapi.cn',
  ]),
  z('Microsoft.Storage/storageAccounts', ['queue', 'queue_secondary'], 'Storage account', [
    'privatelink.queue.core.chinacloudapi.cn',
  ]),
  z('Microsoft.Storage/storageAccounts', ['file', 'file_secondary'], 'Storage account', [
    'privatelink.file.core.chinacloudapi.cn',
  ]),
  z('Microsoft.Storage/storageAccounts', ['web', 'web_secondary'], 'Storage account', [
    'privatelink.web.core.chinacloudapi.cn',
  ]),
  z('Microsoft.Storage/storageAccounts', ['dfs', 'dfs_secondary'], 'Azure Data Lake Storage Gen2', [
    'privatelink.dfs.core.chinacloudapi.cn',
  ]),
  z('Microsoft.StorageSync/storageSyncServices', ['afs'], 'Azure File Sync', ['privatelink.afs.azure.cn']),
  z('Microsoft.EventHub/namespaces', ['namespace'], 'Azure Event Hubs', ['privatelink.servicebus.chinacloudapi.cn']),
  z('Microsoft.Relay/namespaces', ['namespace'], 'Azure Relay', ['privatelink.servicebus.chinacloudapi.cn']),
  z('Microsoft.Web/sites', ['sites'], 'Azure Web Apps', ['privatelink.chinacloudsites.cn']),
  z('Microsoft.SignalRService/SignalR', ['signalR'], 'Azure SignalR', ['privatelink.signalr.azure.cn']),
  // Not in the current China table; only the 2020 docs.azure.cn copy (FACTS App. B, dns-zones.json chinaUnverified).
  z(
    'Microsoft.ContainerService/managedClusters',
    ['management'],
    'Azure Kubernetes Service API',
    ['privatelink.{region}.cx.prod.service.azk8s.cn'],
    { unverified: true },
  ),
  z('Microsoft.ContainerRegistry/registries', ['registry'], 'Azure Container Registry', ['privatelink.azurecr.cn'], {
    unverified: true,
  }),
  z(
    'Microsoft.RecoveryServices/vaults',
    ['AzureBackup'],
    'Azure Backup',
    ['privatelink.{region}.backup.windowsazure.cn'],
    { unverified: true },
  ),
  z('Microsoft.EventGrid/topics', ['topic'], 'Azure Event Grid', ['privatelink.eventgrid.azure.cn'], {
    unverified: true,
  }),
  z('Microsoft.EventGrid/domains', ['domain'], 'Azure Event Grid', ['privatelink.eventgrid.azure.cn'], {
    unverified: true,
  }),
];
