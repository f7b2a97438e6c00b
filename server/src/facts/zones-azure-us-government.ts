// Private DNS zones for private endpoints in AzureUSGovernment: FACTS Appendix A (source S1).
// Invariants: one row per target type and zone set; the suspected doc typo (IoT Hub) is `unverified` so no
// rule enforces it; AMPLS lists 6 zones, more than one zone group holds, so it carries no `needsAll`.
import { z, type ZoneRow } from './zone-table';

export const azureUsGovernmentZones: readonly ZoneRow[] = [
  z('Microsoft.CognitiveServices/accounts', ['account'], 'Azure AI services', [
    'privatelink.cognitiveservices.azure.us',
  ]),
  z('Microsoft.MachineLearningServices/workspaces', ['amlworkspace'], 'Azure Machine Learning workspace', [
    'privatelink.api.ml.azure.us',
    'privatelink.notebooks.usgovcloudapi.net',
  ]),
  z('Microsoft.EventHub/namespaces', ['namespace'], 'Azure Event Hubs', ['privatelink.servicebus.usgovcloudapi.net']),
  z('Microsoft.Synapse/workspaces', ['Sql', 'SqlOnDemand'], 'Azure Synapse Analytics', [
    'privatelink.sql.azuresynapse.usgovcloudapi.net',
  ]),
  z('Microsoft.Synapse/workspaces', ['Dev'], 'Azure Synapse Analytics', [
    'privatelink.dev.azuresynapse.usgovcloudapi.net',
  ]),
  z('Microsoft.Synapse/privateLinkHubs', ['Web'], 'Azure Synapse Studio', [
    'privatelink.azuresynapse.usgovcloudapi.net',
  ]),
  z('Microsoft.DataFactory/factories', ['dataFactory'], 'Azure Data Factory', ['privatelink.datafactory.azure.us']),
  z('Microsoft.DataFactory/factories', ['portal'], 'Azure Data Factory', ['privatelink.adf.azure.us']),
  z('Microsoft.HDInsight/clusters', ['gateway', 'headnode'], 'Azure HDInsight', ['privatelink.azurehdinsight.us']),
  z('Microsoft.Databricks/workspaces', ['databricks_ui_api', 'browser_authentication'], 'Azure Databricks', [
    'privatelink.databricks.azure.us',
  ]),
  z('Microsoft.Batch/batchAccounts', ['batchAccount', 'nodeManagement'], 'Azure Batch', [
    'privatelink.batch.usgovcloudapi.net',
  ]),
  z('Microsoft.DesktopVirtualization/workspaces', ['global'], 'Azure Virtual Desktop', [
    'privatelink-global.wvd.azure.us',
  ]),
  z('Microsoft.DesktopVirtualization/workspaces', ['feed'], 'Azure Virtual Desktop', ['privatelink.wvd.azure.us']),
  z('Microsoft.DesktopVirtualization/hostpools', ['connection'], 'Azure Virtual Desktop', ['privatelink.wvd.azure.us']),
  z('Microsoft.ContainerRegistry/registries', ['registry'], 'Azure Container Registry', [
    'privatelink.azurecr.us',
    '{regionName}.privatelink.azurecr.us',
  ]),
  z('Microsoft.Sql/servers', ['sqlServer'], 'Azure SQL Database', ['privatelink.database.usgovcloudapi.net']),
  z('Microsoft.Sql/managedInstances', ['managedInstance'], 'Azure SQL Managed Instance', [
    'privatelink.{dnsPrefix}.database.usgovcloudapi.net',
  ]),
  z('Microsoft.DocumentDB/databaseAccounts', ['Sql'], 'Azure Cosmos DB', ['privatelink.documents.azure.us']),
  z('Microsoft.DocumentDB/databaseAccounts', ['MongoDB'], 'Azure Cosmos DB', ['privatelink.mongo.cosmos.azure.us']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Cassandra'], 'Azure Cosmos DB', [
    'privatelink.cassandra.cosmos.azure.us',
  ]),
  z('Microsoft.DocumentDB/databaseAccounts', ['Gremlin'], 'Azure Cosmos DB', ['privatelink.gremlin.cosmos.azure.us']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Table'], 'Azure Cosmos DB', ['privatelink.table.cosmos.azure.us']),
  z('Microsoft.DBforPostgreSQL/servers', ['postgresqlServer'], 'Azure Database for PostgreSQL single server', [
    'privatelink.postgres.database.usgovcloudapi.net',
  ]),
  z(
    'Microsoft.DBforPostgreSQL/flexibleServers',
    ['postgresqlServer'],
    'Azure Database for PostgreSQL flexible server',
    ['privatelink.postgres.database.usgovcloudapi.net'],
  ),
  z('Microsoft.DBforMySQL/servers', ['mysqlServer'], 'Azure Database for MySQL single server', [
    'privatelink.mysql.database.usgovcloudapi.net',
  ]),
  z('Microsoft.DBforMySQL/flexibleServers', ['mysqlServer'], 'Azure Database for MySQL flexible server', [
    'privatelink.mysql.database.usgovcloudapi.net',
  ]),
  z('Microsoft.DBforMariaDB/servers', ['mariadbServer'], 'Azure Database for MariaDB', [
    'privatelink.mariadb.database.usgovcloudapi.net',
  ]),
  z('Microsoft.Cache/Redis', ['redisCache'], 'Azure Cache for Redis', ['privatelink.redis.cache.usgovcloudapi.net']),
  z('Microsoft.ServiceBus/namespaces', ['namespace'], 'Azure Service Bus', [
    'privatelink.servicebus.usgovcloudapi.net',
  ]),
  z('Microsoft.EventGrid/topics', ['topic'], 'Azure Event Grid', ['privatelink.eventgrid.azure.us']),
  z('Microsoft.EventGrid/domains', ['domain'], 'Azure Event Grid', ['privatelink.eventgrid.azure.us']),
  z('Microsoft.HealthcareApis/workspaces', ['healthcareworkspace'], 'Azure Health Data Services', [
    'privatelink.workspace.azurehealthcareapis.us',
    'privatelink.fhir.azurehealthcareapis.us',
    'privatelink.dicom.azurehealthcareapis.us',
  ]),
  // FACTS App. A #35: `privatelink.servicebus.windows.us` is a suspected doc typo: "flag, don't enforce".
  z(
    'Microsoft.Devices/IotHubs',
    ['iotHub'],
    'Azure IoT Hub',
    ['privatelink.azure-devices.us', 'privatelink.servicebus.windows.us'],
    { unverified: true },
  ),
  z('Microsoft.Devices/ProvisioningServices', ['iotDps'], 'Azure IoT Hub Device Provisioning Service', [
    'privatelink.azure-devices-provisioning.us',
  ]),
  z('Microsoft.Automation/automationAccounts', ['Webhook', 'DSCAndHybridWorker'], 'Azure Automation', [
    'privatelink.azure-automation.us',
  ]),
  z('Microsoft.RecoveryServices/vaults', ['AzureBackup'], 'Azure Backup', [
    'privatelink.{regionCode}.backup.windowsazure.us',
  ]),
  z('Microsoft.Migrate/migrateProjects', ['Default'], 'Azure Migrate', ['privatelink.prod.migration.windowsazure.us']),
  z('Microsoft.Migrate/assessmentProjects', ['Default'], 'Azure Migrate', [
    'privatelink.prod.migration.windowsazure.us',
  ]),
  z('Microsoft.RecoveryServices/vaults', ['AzureSiteRecovery'], 'Azure Site Recovery', [
    'privatelink.siterecovery.windowsazure.us',
  ]),
  z('Microsoft.Insights/privateLinkScopes', ['azuremonitor'], 'Azure Monitor private link scope', [
    'privatelink.monitor.azure.us',
    'privatelink.adx.monitor.azure.us',
    'privatelink.oms.opinsights.azure.us',
    'privatelink.ods.opinsights.azure.us',
    'privatelink.agentsvc.azure-automation.us',
    'privatelink.blob.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Purview/accounts', ['account'], 'Microsoft Purview', ['privatelink.purview.azure.us']),
  z('Microsoft.Purview/accounts', ['portal'], 'Microsoft Purview', ['privatelink.purviewstudio.azure.us']),
  z('Microsoft.KeyVault/vaults', ['vault'], 'Azure Key Vault', ['privatelink.vaultcore.usgovcloudapi.net']),
  z('Microsoft.AppConfiguration/configurationStores', ['configurationStores'], 'Azure App Configuration', [
    'privatelink.azconfig.azure.us',
  ]),
  z('Microsoft.Storage/storageAccounts', ['blob', 'blob_secondary'], 'Storage account', [
    'privatelink.blob.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['table', 'table_secondary'], 'Storage account', [
    'privatelink.table.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['queue', 'queue_secondary'], 'Storage account', [
    'privatelink.queue.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['file', 'file_secondary'], 'Storage account', [
    'privatelink.file.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['web', 'web_secondary'], 'Storage account', [
    'privatelink.web.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['dfs', 'dfs_secondary'], 'Azure Data Lake Storage Gen2', [
    'privatelink.dfs.core.usgovcloudapi.net',
  ]),
  z('Microsoft.Search/searchServices', ['searchService'], 'Azure AI Search', ['privatelink.search.azure.us'], {
    legacy: [{ name: 'privatelink.search.windows.us', replacedBy: 'privatelink.search.azure.us' }],
  }),
  z('Microsoft.Relay/namespaces', ['namespace'], 'Azure Relay', ['privatelink.servicebus.usgovcloudapi.net']),
  // "Same SCM footnote as commercial": the scm name is a record in the parent zone.
  z(
    'Microsoft.Web/sites',
    ['sites'],
    'Azure Web Apps',
    ['privatelink.azurewebsites.us', 'scm.privatelink.azurewebsites.us'],
    {
      records: ['scm.privatelink.azurewebsites.us'],
    },
  ),
];
