// Public DNS forwarder zones per private-endpoint target (FACTS §1 "Public DNS forwarder zone(s)" column,
// dns-zones.json `forwarders`, per cloud): the public names clients ask, whose CNAME leads into the
// privatelink zone (FACTS §1). Invariant: keys are `resourcetype|groupid` in lower case; generated from
// dns-zones.json (test/unit/facts-zone-forwarders.test.ts compares them).
import type { Cloud } from './cloud';

type Forwarders = Readonly<Partial<Record<Cloud, readonly string[]>>>;

const table: Readonly<Record<string, Forwarders>> = {
  'microsoft.machinelearningservices/workspaces|amlworkspace': {
    AzureCloud: [
      'api.azureml.ms',
      'notebooks.azure.net',
      'instances.azureml.ms',
      'aznbcontent.net',
      'inference.ml.azure.com',
    ],
    AzureUSGovernment: [
      'api.ml.azure.us',
      'notebooks.usgovcloudapi.net',
      'instances.azureml.us',
      'aznbcontent.net',
      'inference.ml.azure.us',
    ],
    AzureChinaCloud: [
      'api.ml.azure.cn',
      'notebooks.chinacloudapi.cn',
      'instances.azureml.cn',
      'aznbcontent.net',
      'inference.ml.azure.cn',
    ],
  },
  'microsoft.machinelearningservices/registries|amlregistry': { AzureCloud: ['api.azureml.ms'] },
  'microsoft.cognitiveservices/accounts|account': {
    AzureCloud: ['cognitiveservices.azure.com', 'openai.azure.com', 'services.ai.azure.com'],
    AzureUSGovernment: ['cognitiveservices.azure.us'],
  },
  'microsoft.botservice/botservices|bot': { AzureCloud: ['directline.botframework.com'] },
  'microsoft.botservice/botservices|token': { AzureCloud: ['token.botframework.com'] },
  'microsoft.synapse/workspaces|sql': {
    AzureCloud: ['sql.azuresynapse.net'],
    AzureUSGovernment: ['sql.azuresynapse.usgovcloudapi.net'],
  },
  'microsoft.synapse/workspaces|sqlondemand': {
    AzureCloud: ['sql.azuresynapse.net'],
    AzureUSGovernment: ['{workspaceName}-ondemand.sql.azuresynapse.usgovcloudapi.net'],
  },
  'microsoft.synapse/workspaces|dev': {
    AzureCloud: ['dev.azuresynapse.net'],
    AzureUSGovernment: ['dev.azuresynapse.usgovcloudapi.net'],
  },
  'microsoft.synapse/privatelinkhubs|web': {
    AzureCloud: ['azuresynapse.net'],
    AzureUSGovernment: ['azuresynapse.usgovcloudapi.net'],
  },
  'microsoft.eventhub/namespaces|namespace': {
    AzureCloud: ['servicebus.windows.net'],
    AzureUSGovernment: ['servicebus.usgovcloudapi.net'],
    AzureChinaCloud: ['servicebus.chinacloudapi.cn'],
  },
  'microsoft.servicebus/namespaces|namespace': {
    AzureCloud: ['servicebus.windows.net'],
    AzureUSGovernment: ['servicebus.usgovcloudapi.net'],
    AzureChinaCloud: ['servicebus.chinacloudapi.cn'],
  },
  'microsoft.datafactory/factories|datafactory': {
    AzureCloud: ['datafactory.azure.net'],
    AzureUSGovernment: ['datafactory.azure.us'],
    AzureChinaCloud: ['datafactory.azure.cn'],
  },
  'microsoft.datafactory/factories|portal': {
    AzureCloud: ['adf.azure.com'],
    AzureUSGovernment: ['adf.azure.us'],
    AzureChinaCloud: ['adf.azure.cn'],
  },
  'microsoft.hdinsight/clusters|gateway': {
    AzureCloud: ['azurehdinsight.net'],
    AzureUSGovernment: ['azurehdinsight.us'],
    AzureChinaCloud: ['azurehdinsight.cn'],
  },
  'microsoft.hdinsight/clusters|headnode': {
    AzureCloud: ['azurehdinsight.net'],
    AzureUSGovernment: ['azurehdinsight.us'],
    AzureChinaCloud: ['azurehdinsight.cn'],
  },
  'microsoft.kusto/clusters|cluster': {
    AzureCloud: [
      '{regionName}.kusto.windows.net',
      'blob.core.windows.net',
      'queue.core.windows.net',
      'table.core.windows.net',
    ],
    AzureChinaCloud: ['{regionName}.kusto.windows.cn'],
  },
  'microsoft.powerbi/privatelinkservicesforpowerbi|tenant': {
    AzureCloud: ['analysis.windows.net', 'pbidedicated.windows.net', 'prod.powerquery.microsoft.com'],
  },
  'microsoft.databricks/workspaces|databricks_ui_api': {
    AzureCloud: ['azuredatabricks.net'],
    AzureUSGovernment: ['databricks.azure.us'],
  },
  'microsoft.databricks/workspaces|browser_authentication': {
    AzureCloud: ['azuredatabricks.net'],
    AzureUSGovernment: ['databricks.azure.us'],
  },
  'microsoft.fabric/privatelinkservicesforfabric|workspace': { AzureCloud: ['fabric.microsoft.com'] },
  'microsoft.batch/batchaccounts|batchaccount': {
    AzureCloud: ['{regionName}.batch.azure.com'],
    AzureUSGovernment: ['{regionName}.batch.usgovcloudapi.net'],
    AzureChinaCloud: ['{region}.batch.chinacloudapi.cn'],
  },
  'microsoft.batch/batchaccounts|nodemanagement': {
    AzureCloud: ['{regionName}.service.batch.azure.com'],
    AzureUSGovernment: ['{regionName}.service.batch.usgovcloudapi.net'],
    AzureChinaCloud: ['{region}.service.batch.chinacloudapi.cn'],
  },
  'microsoft.desktopvirtualization/workspaces|global': {
    AzureCloud: ['wvd.microsoft.com'],
    AzureUSGovernment: ['wvd.azure.us'],
    AzureChinaCloud: ['wvd.azure.cn'],
  },
  'microsoft.desktopvirtualization/workspaces|feed': {
    AzureCloud: ['wvd.microsoft.com'],
    AzureUSGovernment: ['wvd.azure.us'],
    AzureChinaCloud: ['wvd.azure.cn'],
  },
  'microsoft.desktopvirtualization/hostpools|connection': {
    AzureCloud: ['wvd.microsoft.com'],
    AzureUSGovernment: ['wvd.azure.us'],
    AzureChinaCloud: ['wvd.azure.cn'],
  },
  'microsoft.containerservice/managedclusters|management': { AzureCloud: ['{regionName}.azmk8s.io'] },
  'microsoft.app/managedenvironments|managedenvironments': { AzureCloud: ['azurecontainerapps.io'] },
  'microsoft.containerregistry/registries|registry': {
    AzureCloud: ['azurecr.io', '{regionName}.data.azurecr.io'],
    AzureUSGovernment: ['azurecr.us', '{regionName}.azurecr.us'],
  },
  'microsoft.sql/servers|sqlserver': {
    AzureCloud: ['database.windows.net'],
    AzureUSGovernment: ['database.usgovcloudapi.net'],
    AzureChinaCloud: ['database.chinacloudapi.cn'],
  },
  'microsoft.sql/managedinstances|managedinstance': {
    AzureCloud: ['{dnsPrefix}.database.windows.net'],
    AzureUSGovernment: ['{dnsPrefix}.database.usgovcloudapi.net'],
  },
  'microsoft.documentdb/databaseaccounts|sql': {
    AzureCloud: ['documents.azure.com'],
    AzureUSGovernment: ['documents.azure.us'],
    AzureChinaCloud: ['documents.azure.cn'],
  },
  'microsoft.documentdb/databaseaccounts|mongodb': {
    AzureCloud: ['mongo.cosmos.azure.com'],
    AzureUSGovernment: ['mongo.cosmos.azure.us'],
    AzureChinaCloud: ['mongo.cosmos.azure.cn'],
  },
  'microsoft.documentdb/databaseaccounts|cassandra': {
    AzureCloud: ['cassandra.cosmos.azure.com'],
    AzureUSGovernment: ['cassandra.cosmos.azure.us'],
    AzureChinaCloud: ['cassandra.cosmos.azure.cn'],
  },
  'microsoft.documentdb/databaseaccounts|gremlin': {
    AzureCloud: ['gremlin.cosmos.azure.com'],
    AzureUSGovernment: ['gremlin.cosmos.azure.us'],
    AzureChinaCloud: ['gremlin.cosmos.azure.cn'],
  },
  'microsoft.documentdb/databaseaccounts|table': {
    AzureCloud: ['table.cosmos.azure.com'],
    AzureUSGovernment: ['table.cosmos.azure.us'],
    AzureChinaCloud: ['table.cosmos.azure.cn'],
  },
  'microsoft.documentdb/databaseaccounts|analytical': { AzureCloud: ['analytics.cosmos.azure.com'] },
  'microsoft.dbforpostgresql/servergroupsv2|coordinator': { AzureCloud: ['postgres.cosmos.azure.com'] },
  'microsoft.documentdb/mongoclusters|mongocluster': { AzureCloud: ['mongocluster.cosmos.azure.com'] },
  'microsoft.dbforpostgresql/servers|postgresqlserver': {
    AzureCloud: ['postgres.database.azure.com'],
    AzureUSGovernment: ['postgres.database.usgovcloudapi.net'],
    AzureChinaCloud: ['postgres.database.chinacloudapi.cn'],
  },
  'microsoft.dbforpostgresql/flexibleservers|postgresqlserver': {
    AzureCloud: ['postgres.database.azure.com'],
    AzureUSGovernment: ['postgres.database.usgovcloudapi.net'],
    AzureChinaCloud: ['postgres.database.chinacloudapi.cn'],
  },
  'microsoft.dbformysql/servers|mysqlserver': {
    AzureCloud: ['mysql.database.azure.com'],
    AzureUSGovernment: ['mysql.database.usgovcloudapi.net'],
    AzureChinaCloud: ['mysql.database.chinacloudapi.cn'],
  },
  'microsoft.dbformysql/flexibleservers|mysqlserver': {
    AzureCloud: ['mysql.database.azure.com'],
    AzureUSGovernment: ['mysql.database.usgovcloudapi.net'],
    AzureChinaCloud: ['mysql.database.chinacloudapi.cn'],
  },
  'microsoft.dbformariadb/servers|mariadbserver': {
    AzureCloud: ['mariadb.database.azure.com'],
    AzureUSGovernment: ['mariadb.database.usgovcloudapi.net'],
    AzureChinaCloud: ['mariadb.database.chinacloudapi.cn'],
  },
  'microsoft.cache/redis|rediscache': {
    AzureCloud: ['redis.cache.windows.net'],
    AzureUSGovernment: ['redis.cache.usgovcloudapi.net'],
    AzureChinaCloud: ['redis.cache.chinacloudapi.cn'],
  },
  'microsoft.cache/redisenterprise|redisenterprise': {
    AzureCloud: ['{cachename}.{region}.redisenterprise.cache.azure.net', '{region}.redis.azure.net'],
  },
  'microsoft.hybridcompute/privatelinkscopes|hybridcompute': {
    AzureCloud: ['his.arc.azure.com', 'guestconfiguration.azure.com', 'dp.kubernetesconfiguration.azure.com'],
  },
  'microsoft.eventgrid/topics|topic': {
    AzureCloud: ['eventgrid.azure.net'],
    AzureUSGovernment: ['eventgrid.azure.us'],
  },
  'microsoft.eventgrid/domains|domain': {
    AzureCloud: ['eventgrid.azure.net'],
    AzureUSGovernment: ['eventgrid.azure.us'],
  },
  'microsoft.eventgrid/namespaces|topic': { AzureCloud: ['eventgrid.azure.net'] },
  'microsoft.eventgrid/namespaces|topicspace': { AzureCloud: ['eventgrid.azure.net'] },
  'microsoft.eventgrid/partnernamespaces|partnernamespace': { AzureCloud: ['eventgrid.azure.net'] },
  'microsoft.apimanagement/service|gateway': { AzureCloud: ['azure-api.net'] },
  'microsoft.healthcareapis/workspaces|healthcareworkspace': {
    AzureCloud: ['workspace.azurehealthcareapis.com', 'fhir.azurehealthcareapis.com', 'dicom.azurehealthcareapis.com'],
    AzureUSGovernment: [
      'workspace.azurehealthcareapis.us',
      'fhir.azurehealthcareapis.us',
      'dicom.azurehealthcareapis.us',
    ],
  },
  'microsoft.devices/iothubs|iothub': {
    AzureCloud: ['azure-devices.net', 'servicebus.windows.net'],
    AzureUSGovernment: ['azure-devices.us', 'servicebus.usgovcloudapi.net'],
    AzureChinaCloud: ['azure-devices.cn', 'servicebus.chinacloudapi.cn'],
  },
  'microsoft.devices/provisioningservices|iotdps': {
    AzureCloud: ['azure-devices-provisioning.net'],
    AzureUSGovernment: ['azure-devices-provisioning.us'],
    AzureChinaCloud: ['azure-devices-provisioning.cn'],
  },
  'microsoft.deviceupdate/accounts|deviceupdate': { AzureCloud: ['api.adu.microsoft.com'] },
  'microsoft.iotcentral/iotapps|iotapp': {
    AzureCloud: [
      'azureiotcentral.com',
      'privatelink.azure-devices.net',
      'privatelink.servicebus.windows.net',
      'privatelink.azure-devices-provisioning.net',
    ],
  },
  'microsoft.digitaltwins/digitaltwinsinstances|api': { AzureCloud: ['digitaltwins.azure.net'] },
  'microsoft.media/mediaservices|keydelivery': { AzureCloud: ['media.azure.net'] },
  'microsoft.media/mediaservices|liveevent': { AzureCloud: ['media.azure.net'] },
  'microsoft.media/mediaservices|streamingendpoint': { AzureCloud: ['media.azure.net'] },
  'microsoft.videoindexer/accounts|account': { AzureCloud: ['api.videoindexer.ai'] },
  'microsoft.automation/automationaccounts|webhook': {
    AzureCloud: ['{regionCode}.azure-automation.net'],
    AzureUSGovernment: ['azure-automation.us'],
    AzureChinaCloud: ['azure-automation.cn'],
  },
  'microsoft.automation/automationaccounts|dscandhybridworker': {
    AzureCloud: ['{regionCode}.azure-automation.net'],
    AzureUSGovernment: ['azure-automation.us'],
    AzureChinaCloud: ['azure-automation.cn'],
  },
  'microsoft.recoveryservices/vaults|azurebackup': {
    AzureCloud: ['{regionCode}.backup.windowsazure.com', 'blob.core.windows.net', 'queue.core.windows.net'],
    AzureUSGovernment: ['{regionCode}.backup.windowsazure.us'],
  },
  'microsoft.recoveryservices/vaults|azurebackup_secondary': {
    AzureCloud: ['{regionCode}.backup.windowsazure.com', 'blob.core.windows.net', 'queue.core.windows.net'],
  },
  'microsoft.recoveryservices/vaults|azuresiterecovery': {
    AzureCloud: ['{regionCode}.siterecovery.windowsazure.com'],
    AzureUSGovernment: ['{regionCode}.siterecovery.windowsazure.us'],
  },
  'microsoft.insights/privatelinkscopes|azuremonitor': {
    AzureCloud: [
      'monitor.azure.com',
      'oms.opinsights.azure.com',
      'ods.opinsights.azure.com',
      'agentsvc.azure-automation.net',
      'blob.core.windows.net',
      'services.visualstudio.com',
      'applicationinsights.azure.com',
    ],
    AzureUSGovernment: [
      'monitor.azure.us',
      'adx.monitor.azure.us',
      'oms.opinsights.azure.us',
      'ods.opinsights.azure.us',
      'agentsvc.azure-automation.us',
      'blob.core.usgovcloudapi.net',
    ],
  },
  'microsoft.purview/accounts|account': { AzureCloud: ['purview.azure.com'], AzureUSGovernment: ['purview.azure.us'] },
  'microsoft.purview/accounts|portal': {
    AzureCloud: ['purviewstudio.azure.com'],
    AzureUSGovernment: ['purview.azure.com', 'purviewstudio.azure.us'],
  },
  'microsoft.purview/accounts|platform': { AzureCloud: ['purview-service.microsoft.com'] },
  'microsoft.migrate/migrateprojects|default': {
    AzureCloud: ['prod.migration.windowsazure.com'],
    AzureUSGovernment: ['prod.migration.windowsazure.us'],
  },
  'microsoft.migrate/assessmentprojects|default': {
    AzureCloud: ['prod.migration.windowsazure.com'],
    AzureUSGovernment: ['prod.migration.windowsazure.us'],
  },
  'microsoft.authorization/resourcemanagementprivatelinks|resourcemanagement': { AzureCloud: ['azure.com'] },
  'microsoft.dashboard/grafana|grafana': { AzureCloud: ['grafana.azure.com'] },
  'microsoft.monitor/accounts|prometheusmetrics': { AzureCloud: ['{region}.prometheus.monitor.azure.com'] },
  'microsoft.keyvault/vaults|vault': {
    AzureCloud: ['vault.azure.net', 'vaultcore.azure.net'],
    AzureUSGovernment: ['vault.usgovcloudapi.net', 'vaultcore.usgovcloudapi.net'],
    AzureChinaCloud: ['vaultcore.azure.cn'],
  },
  'microsoft.keyvault/managedhsms|managedhsm': { AzureCloud: ['managedhsm.azure.net'] },
  'microsoft.appconfiguration/configurationstores|configurationstores': {
    AzureCloud: ['azconfig.io'],
    AzureUSGovernment: ['azconfig.azure.us'],
  },
  'microsoft.attestation/attestationproviders|standard': { AzureCloud: ['attest.azure.net'] },
  'microsoft.storage/storageaccounts|blob': {
    AzureCloud: ['blob.core.windows.net'],
    AzureUSGovernment: ['blob.core.usgovcloudapi.net'],
    AzureChinaCloud: ['blob.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|blob_secondary': {
    AzureCloud: ['blob.core.windows.net'],
    AzureUSGovernment: ['blob.core.usgovcloudapi.net'],
    AzureChinaCloud: ['blob.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|table': {
    AzureCloud: ['table.core.windows.net'],
    AzureUSGovernment: ['table.core.usgovcloudapi.net'],
    AzureChinaCloud: ['table.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|table_secondary': {
    AzureCloud: ['table.core.windows.net'],
    AzureUSGovernment: ['table.core.usgovcloudapi.net'],
    AzureChinaCloud: ['table.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|queue': {
    AzureCloud: ['queue.core.windows.net'],
    AzureUSGovernment: ['queue.core.usgovcloudapi.net'],
    AzureChinaCloud: ['queue.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|queue_secondary': {
    AzureCloud: ['queue.core.windows.net'],
    AzureUSGovernment: ['queue.core.usgovcloudapi.net'],
    AzureChinaCloud: ['queue.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|file': {
    AzureCloud: ['file.core.windows.net'],
    AzureUSGovernment: ['file.core.usgovcloudapi.net'],
    AzureChinaCloud: ['file.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|web': {
    AzureCloud: ['web.core.windows.net'],
    AzureUSGovernment: ['web.core.usgovcloudapi.net'],
    AzureChinaCloud: ['web.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|web_secondary': {
    AzureCloud: ['web.core.windows.net'],
    AzureUSGovernment: ['web.core.usgovcloudapi.net'],
    AzureChinaCloud: ['web.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|dfs': {
    AzureCloud: ['dfs.core.windows.net'],
    AzureUSGovernment: ['dfs.core.usgovcloudapi.net'],
    AzureChinaCloud: ['dfs.core.chinacloudapi.cn'],
  },
  'microsoft.storage/storageaccounts|dfs_secondary': {
    AzureCloud: ['dfs.core.windows.net'],
    AzureUSGovernment: ['dfs.core.usgovcloudapi.net'],
    AzureChinaCloud: ['dfs.core.chinacloudapi.cn'],
  },
  'microsoft.storagesync/storagesyncservices|afs': { AzureCloud: ['afs.azure.net'], AzureChinaCloud: ['afs.azure.cn'] },
  'microsoft.compute/diskaccesses|disks': { AzureCloud: ['blob.core.windows.net'] },
  'microsoft.elasticsan/elasticsans|volumegroup': { AzureCloud: ['blob.storage.azure.net'] },
  'microsoft.fileshares/fileshares|fileshare': { AzureCloud: ['file.core.windows.net'] },
  'microsoft.search/searchservices|searchservice': {
    AzureCloud: ['search.windows.net'],
    AzureUSGovernment: ['search.azure.us'],
  },
  'microsoft.relay/namespaces|namespace': {
    AzureCloud: ['servicebus.windows.net'],
    AzureUSGovernment: ['servicebus.usgovcloudapi.net'],
    AzureChinaCloud: ['servicebus.chinacloudapi.cn'],
  },
  'microsoft.web/sites|sites': {
    AzureCloud: ['azurewebsites.net', 'scm.azurewebsites.net'],
    AzureUSGovernment: ['azurewebsites.us', 'scm.azurewebsites.us'],
    AzureChinaCloud: ['chinacloudsites.cn'],
  },
  'microsoft.signalrservice/signalr|signalr': {
    AzureCloud: ['service.signalr.net'],
    AzureChinaCloud: ['service.signalr.azure.cn'],
  },
  'microsoft.web/staticsites|staticsites': { AzureCloud: ['azurestaticapps.net', '{partitionId}.azurestaticapps.net'] },
  'microsoft.maps/accounts|account': { AzureCloud: ['account.maps.azure.com'] },
  'microsoft.signalrservice/webpubsub|webpubsub': { AzureCloud: ['webpubsub.azure.com'] },
  'microsoft.storage/storageaccounts|file_secondary': {
    AzureCloud: ['file.core.windows.net'],
    AzureUSGovernment: ['file.core.usgovcloudapi.net'],
    AzureChinaCloud: ['file.core.chinacloudapi.cn'],
  },
};

/** The public forwarder zones of a target type and group id in a cloud (case-insensitive); empty when FACTS lists none. */
export function forwarderZones(cloud: Cloud, resourceType: string, groupId: string): readonly string[] {
  return table[`${resourceType.toLowerCase()}|${groupId.toLowerCase()}`]?.[cloud] ?? [];
}

/** Every (type, group id) key with its forwarders, for tests. */
export const forwarderTable = table;
