// Private DNS zones for private endpoints in AzureCloud (Commercial): FACTS §1a (source S1, checked 2026-05-07).
// Invariants: one row per target type and zone set, group ids as FACTS spells them; rows marked
// `unverified` come from dns-zones.json `inferred` flags; legacy names are FACTS §1 "Legacy values".
import { z, type ZoneRow } from './zone-table';

export const azureCloudZones: readonly ZoneRow[] = [
  z('Microsoft.MachineLearningServices/workspaces', ['amlworkspace'], 'Azure Machine Learning workspace', [
    'privatelink.api.azureml.ms',
    'privatelink.notebooks.azure.net',
  ]),
  z('Microsoft.MachineLearningServices/registries', ['amlregistry'], 'Azure Machine Learning registry', [
    'privatelink.api.azureml.ms',
  ]),
  z('Microsoft.CognitiveServices/accounts', ['account'], 'Azure AI services / Azure OpenAI', [
    'privatelink.cognitiveservices.azure.com',
    'privatelink.openai.azure.com',
    'privatelink.services.ai.azure.com',
  ]),
  z('Microsoft.BotService/botServices', ['Bot'], 'Azure Bot Service', ['privatelink.directline.botframework.com']),
  z('Microsoft.BotService/botServices', ['Token'], 'Azure Bot Service', ['privatelink.token.botframework.com']),
  z('Microsoft.Synapse/workspaces', ['Sql', 'SqlOnDemand'], 'Azure Synapse Analytics', [
    'privatelink.sql.azuresynapse.net',
  ]),
  z('Microsoft.Synapse/workspaces', ['Dev'], 'Azure Synapse Analytics', ['privatelink.dev.azuresynapse.net']),
  z('Microsoft.Synapse/privateLinkHubs', ['Web'], 'Azure Synapse Studio', ['privatelink.azuresynapse.net']),
  z('Microsoft.EventHub/namespaces', ['namespace'], 'Azure Event Hubs', ['privatelink.servicebus.windows.net']),
  z('Microsoft.ServiceBus/namespaces', ['namespace'], 'Azure Service Bus', ['privatelink.servicebus.windows.net']),
  z('Microsoft.DataFactory/factories', ['dataFactory'], 'Azure Data Factory', ['privatelink.datafactory.azure.net']),
  z('Microsoft.DataFactory/factories', ['portal'], 'Azure Data Factory', ['privatelink.adf.azure.com']),
  z('Microsoft.HDInsight/clusters', ['gateway', 'headnode'], 'Azure HDInsight', ['privatelink.azurehdinsight.net']),
  // FACTS §2.2 [INFERRED]: an ADX endpoint needs all 4 zones.
  z(
    'Microsoft.Kusto/Clusters',
    ['cluster'],
    'Azure Data Explorer',
    [
      'privatelink.{regionName}.kusto.windows.net',
      'privatelink.blob.core.windows.net',
      'privatelink.queue.core.windows.net',
      'privatelink.table.core.windows.net',
    ],
    { needsAll: 'inferred' },
  ),
  z(
    'Microsoft.PowerBI/privateLinkServicesForPowerBI',
    ['tenant'],
    'Microsoft Power BI',
    [
      'privatelink.analysis.windows.net',
      'privatelink.pbidedicated.windows.net',
      'privatelink.prod.powerquery.microsoft.com',
    ],
    {
      legacy: [
        { name: 'privatelink.tip1.powerquery.microsoft.com', replacedBy: 'privatelink.prod.powerquery.microsoft.com' },
      ],
    },
  ),
  z('Microsoft.Databricks/workspaces', ['databricks_ui_api', 'browser_authentication'], 'Azure Databricks', [
    'privatelink.azuredatabricks.net',
  ]),
  z('Microsoft.Fabric/privateLinkServicesForFabric', ['workspace'], 'Microsoft Fabric', [
    'privatelink.fabric.microsoft.com',
  ]),
  z('Microsoft.Batch/batchAccounts', ['batchAccount'], 'Azure Batch', ['privatelink.batch.azure.com'], {
    legacy: [{ name: '{regionName}.privatelink.batch.azure.com', replacedBy: 'privatelink.batch.azure.com' }],
  }),
  z('Microsoft.Batch/batchAccounts', ['nodeManagement'], 'Azure Batch', ['privatelink.batch.azure.com'], {
    legacy: [{ name: '{regionName}.service.privatelink.batch.azure.com', replacedBy: 'privatelink.batch.azure.com' }],
  }),
  z('Microsoft.DesktopVirtualization/workspaces', ['global'], 'Azure Virtual Desktop', [
    'privatelink-global.wvd.microsoft.com',
  ]),
  z('Microsoft.DesktopVirtualization/workspaces', ['feed'], 'Azure Virtual Desktop', ['privatelink.wvd.microsoft.com']),
  z('Microsoft.DesktopVirtualization/hostpools', ['connection'], 'Azure Virtual Desktop', [
    'privatelink.wvd.microsoft.com',
  ]),
  z('Microsoft.ContainerService/managedClusters', ['management'], 'Azure Kubernetes Service API', [
    'privatelink.{regionName}.azmk8s.io',
    '{subzone}.privatelink.{regionName}.azmk8s.io',
  ]),
  z('Microsoft.App/ManagedEnvironments', ['managedEnvironments'], 'Azure Container Apps', [
    'privatelink.{regionName}.azurecontainerapps.io',
  ]),
  z(
    'Microsoft.ContainerRegistry/registries',
    ['registry'],
    'Azure Container Registry',
    ['privatelink.azurecr.io', '{regionName}.data.privatelink.azurecr.io'],
    {
      records: ['{regionName}.data.privatelink.azurecr.io'],
    },
  ),
  z('Microsoft.Sql/servers', ['sqlServer'], 'Azure SQL Database', ['privatelink.database.windows.net']),
  z('Microsoft.Sql/managedInstances', ['managedInstance'], 'Azure SQL Managed Instance', [
    'privatelink.{dnsPrefix}.database.windows.net',
  ]),
  z('Microsoft.DocumentDB/databaseAccounts', ['Sql'], 'Azure Cosmos DB', ['privatelink.documents.azure.com']),
  z('Microsoft.DocumentDB/databaseAccounts', ['MongoDB'], 'Azure Cosmos DB', ['privatelink.mongo.cosmos.azure.com']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Cassandra'], 'Azure Cosmos DB', [
    'privatelink.cassandra.cosmos.azure.com',
  ]),
  z('Microsoft.DocumentDB/databaseAccounts', ['Gremlin'], 'Azure Cosmos DB', ['privatelink.gremlin.cosmos.azure.com']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Table'], 'Azure Cosmos DB', ['privatelink.table.cosmos.azure.com']),
  z('Microsoft.DocumentDB/databaseAccounts', ['Analytical'], 'Azure Cosmos DB', [
    'privatelink.analytics.cosmos.azure.com',
  ]),
  z('Microsoft.DBforPostgreSQL/serverGroupsv2', ['coordinator'], 'Azure Cosmos DB for PostgreSQL', [
    'privatelink.postgres.cosmos.azure.com',
  ]),
  z('Microsoft.DocumentDB/mongoClusters', ['MongoCluster'], 'Azure Cosmos DB for MongoDB vCore', [
    'privatelink.mongocluster.cosmos.azure.com',
  ]),
  z('Microsoft.DBforPostgreSQL/servers', ['postgresqlServer'], 'Azure Database for PostgreSQL single server', [
    'privatelink.postgres.database.azure.com',
  ]),
  z(
    'Microsoft.DBforPostgreSQL/flexibleServers',
    ['postgresqlServer'],
    'Azure Database for PostgreSQL flexible server',
    ['privatelink.postgres.database.azure.com'],
  ),
  z('Microsoft.DBforMySQL/servers', ['mysqlServer'], 'Azure Database for MySQL single server', [
    'privatelink.mysql.database.azure.com',
  ]),
  z('Microsoft.DBforMySQL/flexibleServers', ['mysqlServer'], 'Azure Database for MySQL flexible server', [
    'privatelink.mysql.database.azure.com',
  ]),
  z('Microsoft.DBforMariaDB/servers', ['mariadbServer'], 'Azure Database for MariaDB', [
    'privatelink.mariadb.database.azure.com',
  ]),
  z('Microsoft.Cache/Redis', ['redisCache'], 'Azure Cache for Redis', ['privatelink.redis.cache.windows.net']),
  // Same type and group id, two services with different zones (FACTS §1): lookups report `ambiguous`.
  z('Microsoft.Cache/RedisEnterprise', ['redisEnterprise'], 'Azure Cache for Redis Enterprise', [
    'privatelink.redisenterprise.cache.azure.net',
  ]),
  z('Microsoft.Cache/RedisEnterprise', ['redisEnterprise'], 'Azure Managed Redis', ['privatelink.redis.azure.net']),
  z('Microsoft.HybridCompute/privateLinkScopes', ['hybridcompute'], 'Azure Arc', [
    'privatelink.his.arc.azure.com',
    'privatelink.guestconfiguration.azure.com',
    'privatelink.dp.kubernetesconfiguration.azure.com',
  ]),
  z('Microsoft.EventGrid/topics', ['topic'], 'Azure Event Grid', ['privatelink.eventgrid.azure.net']),
  z('Microsoft.EventGrid/domains', ['domain'], 'Azure Event Grid', ['privatelink.eventgrid.azure.net']),
  z('Microsoft.EventGrid/namespaces', ['topic'], 'Azure Event Grid', ['privatelink.eventgrid.azure.net']),
  z('Microsoft.EventGrid/namespaces', ['topicSpace'], 'Azure Event Grid', ['privatelink.ts.eventgrid.azure.net']),
  z('Microsoft.EventGrid/partnerNamespaces', ['partnernamespace'], 'Azure Event Grid', [
    'privatelink.eventgrid.azure.net',
  ]),
  z('Microsoft.ApiManagement/service', ['Gateway'], 'Azure API Management', ['privatelink.azure-api.net']),
  z(
    'Microsoft.HealthcareApis/workspaces',
    ['healthcareworkspace'],
    'Azure Health Data Services',
    ['privatelink.azurehealthcareapis.com', 'privatelink.dicom.azurehealthcareapis.com'],
    {
      legacy: [
        { name: 'privatelink.workspace.azurehealthcareapis.com', replacedBy: 'privatelink.azurehealthcareapis.com' },
        { name: 'privatelink.fhir.azurehealthcareapis.com', replacedBy: 'privatelink.azurehealthcareapis.com' },
      ],
    },
  ),
  z('Microsoft.Devices/IotHubs', ['iotHub'], 'Azure IoT Hub', [
    'privatelink.azure-devices.net',
    'privatelink.servicebus.windows.net',
  ]),
  z('Microsoft.Devices/ProvisioningServices', ['iotDps'], 'Azure IoT Hub Device Provisioning Service', [
    'privatelink.azure-devices-provisioning.net',
  ]),
  z('Microsoft.DeviceUpdate/accounts', ['DeviceUpdate'], 'Device Update for IoT Hubs', [
    'privatelink.api.adu.microsoft.com',
  ]),
  z('Microsoft.IoTCentral/IoTApps', ['iotApp'], 'Azure IoT Central', [
    'privatelink.azureiotcentral.com',
    'privatelink.azure-devices.net',
    'privatelink.servicebus.windows.net',
    'privatelink.azure-devices-provisioning.net',
  ]),
  z('Microsoft.DigitalTwins/digitalTwinsInstances', ['API'], 'Azure Digital Twins', [
    'privatelink.digitaltwins.azure.net',
  ]),
  z('Microsoft.Media/mediaservices', ['keydelivery', 'liveevent', 'streamingendpoint'], 'Azure Media Services', [
    'privatelink.media.azure.net',
  ]),
  z('Microsoft.VideoIndexer/accounts', ['account'], 'Azure AI Video Indexer', ['privatelink.api.videoindexer.ai']),
  z('Microsoft.Automation/automationAccounts', ['Webhook', 'DSCAndHybridWorker'], 'Azure Automation', [
    'privatelink.azure-automation.net',
  ]),
  // FACTS §2.2 [INFERRED]: a Backup endpoint needs all 3 zones.
  z(
    'Microsoft.RecoveryServices/vaults',
    ['AzureBackup', 'AzureBackup_secondary'],
    'Azure Backup',
    [
      'privatelink.{regionCode}.backup.windowsazure.com',
      'privatelink.blob.core.windows.net',
      'privatelink.queue.core.windows.net',
    ],
    { needsAll: 'inferred' },
  ),
  z(
    'Microsoft.RecoveryServices/vaults',
    ['AzureSiteRecovery'],
    'Azure Site Recovery',
    ['privatelink.siterecovery.windowsazure.com'],
    {
      legacy: [
        {
          name: '{region}.privatelink.siterecovery.windowsazure.com',
          replacedBy: 'privatelink.siterecovery.windowsazure.com',
        },
      ],
    },
  ),
  // FACTS §1a #64: one AMPLS endpoint needs all 5 zones in its zone group.
  z(
    'Microsoft.Insights/privateLinkScopes',
    ['azuremonitor'],
    'Azure Monitor private link scope',
    [
      'privatelink.monitor.azure.com',
      'privatelink.oms.opinsights.azure.com',
      'privatelink.ods.opinsights.azure.com',
      'privatelink.agentsvc.azure-automation.net',
      'privatelink.blob.core.windows.net',
    ],
    { needsAll: 'verified' },
  ),
  z('Microsoft.Purview/accounts', ['account'], 'Microsoft Purview', ['privatelink.purview.azure.com']),
  z('Microsoft.Purview/accounts', ['portal'], 'Microsoft Purview', ['privatelink.purviewstudio.azure.com']),
  z('Microsoft.Purview/accounts', ['platform'], 'Microsoft Purview', ['privatelink.purview-service.microsoft.com']),
  z('Microsoft.Migrate/migrateProjects', ['Default'], 'Azure Migrate', ['privatelink.prod.migration.windowsazure.com']),
  z('Microsoft.Migrate/assessmentProjects', ['Default'], 'Azure Migrate', [
    'privatelink.prod.migration.windowsazure.com',
  ]),
  z('Microsoft.Authorization/resourceManagementPrivateLinks', ['ResourceManagement'], 'Azure Resource Manager', [
    'privatelink.azure.com',
  ]),
  z('Microsoft.Dashboard/grafana', ['grafana'], 'Azure Managed Grafana', ['privatelink.grafana.azure.com']),
  z('Microsoft.Monitor/accounts', ['prometheusMetrics'], 'Azure Managed Prometheus', [
    'privatelink.{region}.prometheus.monitor.azure.com',
  ]),
  z('Microsoft.KeyVault/vaults', ['vault'], 'Azure Key Vault', ['privatelink.vaultcore.azure.net']),
  z('Microsoft.KeyVault/managedHSMs', ['managedhsm'], 'Azure Key Vault Managed HSM', [
    'privatelink.managedhsm.azure.net',
  ]),
  z('Microsoft.AppConfiguration/configurationStores', ['configurationStores'], 'Azure App Configuration', [
    'privatelink.azconfig.io',
  ]),
  z('Microsoft.Attestation/attestationProviders', ['standard'], 'Azure Attestation', ['privatelink.attest.azure.net']),
  z('Microsoft.Storage/storageAccounts', ['blob', 'blob_secondary'], 'Storage account', [
    'privatelink.blob.core.windows.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['table', 'table_secondary'], 'Storage account', [
    'privatelink.table.core.windows.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['queue', 'queue_secondary'], 'Storage account', [
    'privatelink.queue.core.windows.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['file'], 'Storage account', ['privatelink.file.core.windows.net']),
  // The Commercial table lists only `file`; dns-zones.json infers file_secondary by analogy.
  z('Microsoft.Storage/storageAccounts', ['file_secondary'], 'Storage account', ['privatelink.file.core.windows.net'], {
    unverified: true,
  }),
  z('Microsoft.Storage/storageAccounts', ['web', 'web_secondary'], 'Storage account', [
    'privatelink.web.core.windows.net',
  ]),
  z('Microsoft.Storage/storageAccounts', ['dfs', 'dfs_secondary'], 'Azure Data Lake Storage Gen2', [
    'privatelink.dfs.core.windows.net',
  ]),
  z('Microsoft.StorageSync/storageSyncServices', ['afs'], 'Azure File Sync', ['privatelink.afs.azure.net'], {
    legacy: [{ name: '{regionName}.privatelink.afs.azure.net', replacedBy: 'privatelink.afs.azure.net' }],
  }),
  z('Microsoft.Compute/diskAccesses', ['disks'], 'Azure Managed Disks', ['privatelink.blob.core.windows.net']),
  z('Microsoft.ElasticSan/elasticSans', ['volumegroup'], 'Azure Elastic SAN', ['privatelink.blob.core.windows.net']),
  z('Microsoft.FileShares/fileShares', ['FileShare'], 'Azure Files (file shares)', [
    'privatelink.file.core.windows.net',
  ]),
  z('Microsoft.Search/searchServices', ['searchService'], 'Azure AI Search', ['privatelink.search.windows.net']),
  z('Microsoft.Relay/namespaces', ['namespace'], 'Azure Relay', ['privatelink.servicebus.windows.net']),
  z(
    'Microsoft.Web/sites',
    ['sites'],
    'Azure Web Apps / Function Apps',
    ['privatelink.azurewebsites.net', 'scm.privatelink.azurewebsites.net'],
    {
      records: ['scm.privatelink.azurewebsites.net'],
    },
  ),
  z('Microsoft.SignalRService/SignalR', ['signalr'], 'Azure SignalR', ['privatelink.service.signalr.net']),
  z('Microsoft.Web/staticSites', ['staticSites'], 'Azure Static Web Apps', [
    'privatelink.azurestaticapps.net',
    'privatelink.{partitionId}.azurestaticapps.net',
  ]),
  z('Microsoft.Maps/accounts', ['account'], 'Azure Maps', ['privatelink.account.maps.azure.com']),
  z('Microsoft.SignalRService/WebPubSub', ['webpubsub'], 'Azure Web PubSub', ['privatelink.webpubsub.azure.com']),
];
