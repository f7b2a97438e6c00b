// The Azure Verified Modules whose interfaces VNet Lens models without a restore cache, each with
// the version range its interface was checked for (FACTS §17, read from the AVM sources in the
// corpus and from the versions real callers pass). A version outside its range is not modelled.
import { compareVersions, parseVersion, type Version } from './reference';

export type AvmKind =
  'resource' | 'private-endpoint' | 'virtual-network' | 'private-dns-zone' | 'private-link-dns-zones';

/** How a resource module sets its main resource's `publicNetworkAccess` (FACTS §17 row 4). */
export type PublicAccessRule =
  /** A non-empty `publicNetworkAccess` param is written as given; the default depends on the module's version. */
  | 'explicit-if-non-empty'
  /** A non-null `publicNetworkAccess` param is written as given. */
  | 'explicit-if-not-null';

/**
 * The firewall a resource module may write on its main resource (FACTS §6 firewall path): `property`
 * under `properties`; with `param`, only when the caller passes that parameter.
 */
export interface ModuleFirewall {
  property: string;
  param?: string;
}

export interface AvmModule {
  kind: AvmKind;
  /** Lowest and highest version whose interface was checked, inclusive. */
  from: Version;
  through: Version;
  /** Resource modules: the main resource's type, the private endpoint target. */
  mainType?: string;
  /** Resource modules: the group id used when a `privateEndpoints` entry has no `service` (undefined: required). */
  defaultService?: string;
  publicAccess?: PublicAccessRule;
  firewall?: ModuleFirewall;
}

const v = (text: string): Version => parseVersion(text)!;

/**
 * Every `avm/res` module takes `privateEndpoints` of the shared AVM type (`avm-common-types`); the
 * DNS shape changed once (`privateDnsZoneResourceIds` → `privateDnsZoneGroup`, FACTS §17) and both
 * are read. Checked for the 0.x releases: a 1.0 or later may change the interface.
 */
const resourceRange = { from: v('0.1.0'), through: v('0.999.999') };

/** Main resource type and default group id per module (each module's `main.bicep`, private endpoint loop). */
const resourceModules: ReadonlyArray<readonly [string, string, string | undefined, PublicAccessRule?]> = [
  ['api-management/service', 'Microsoft.ApiManagement/service', 'Gateway'],
  [
    'app-configuration/configuration-store',
    'Microsoft.AppConfiguration/configurationStores',
    'configurationStores',
    'explicit-if-non-empty',
  ],
  ['app/managed-environment', 'Microsoft.App/managedEnvironments', 'managedEnvironments'],
  ['automation/automation-account', 'Microsoft.Automation/automationAccounts', undefined],
  ['batch/batch-account', 'Microsoft.Batch/batchAccounts', undefined],
  ['cache/redis', 'Microsoft.Cache/redis', 'redisCache'],
  ['cache/redis-enterprise', 'Microsoft.Cache/redisEnterprise', 'redisEnterprise'],
  ['cognitive-services/account', 'Microsoft.CognitiveServices/accounts', 'account', 'explicit-if-not-null'],
  ['container-registry/registry', 'Microsoft.ContainerRegistry/registries', 'registry'],
  ['data-factory/factory', 'Microsoft.DataFactory/factories', undefined],
  ['databricks/workspace', 'Microsoft.Databricks/workspaces', undefined],
  ['db-for-my-sql/flexible-server', 'Microsoft.DBforMySQL/flexibleServers', 'mysqlServer'],
  ['devices/iot-hub', 'Microsoft.Devices/IotHubs', 'iotHub'],
  ['digital-twins/digital-twins-instance', 'Microsoft.DigitalTwins/digitalTwinsInstances', 'API'],
  ['document-db/database-account', 'Microsoft.DocumentDB/databaseAccounts', undefined],
  ['event-grid/domain', 'Microsoft.EventGrid/domains', 'domain'],
  ['event-grid/namespace', 'Microsoft.EventGrid/namespaces', 'topic'],
  ['event-grid/topic', 'Microsoft.EventGrid/topics', 'topic'],
  ['event-hub/namespace', 'Microsoft.EventHub/namespaces', 'namespace'],
  ['insights/private-link-scope', 'Microsoft.Insights/privateLinkScopes', 'azuremonitor'],
  ['key-vault/vault', 'Microsoft.KeyVault/vaults', 'vault', 'explicit-if-non-empty'],
  ['kusto/cluster', 'Microsoft.Kusto/clusters', undefined],
  ['machine-learning-services/registry', 'Microsoft.MachineLearningServices/registries', 'amlregistry'],
  ['machine-learning-services/workspace', 'Microsoft.MachineLearningServices/workspaces', 'amlworkspace'],
  ['recovery-services/vault', 'Microsoft.RecoveryServices/vaults', 'AzureSiteRecovery'],
  ['relay/namespace', 'Microsoft.Relay/namespaces', 'namespace'],
  ['service-bus/namespace', 'Microsoft.ServiceBus/namespaces', 'namespace', 'explicit-if-non-empty'],
  ['signal-r-service/signal-r', 'Microsoft.SignalRService/signalR', 'signalr'],
  ['signal-r-service/web-pub-sub', 'Microsoft.SignalRService/webPubSub', 'webpubsub'],
  ['sql/server', 'Microsoft.Sql/servers', 'sqlServer', 'explicit-if-non-empty'],
  ['storage/storage-account', 'Microsoft.Storage/storageAccounts', undefined, 'explicit-if-non-empty'],
  ['synapse/private-link-hub', 'Microsoft.Synapse/privateLinkHubs', 'web'],
  ['synapse/workspace', 'Microsoft.Synapse/workspaces', undefined],
  ['web/site', 'Microsoft.Web/sites', 'sites'],
];

/**
 * As the sources at FACTS §17's commit show: the storage and container registry modules write a
 * firewall that denies by default unless told otherwise; the Key Vault and Azure AI services modules
 * write the `networkAcls` a caller passes. What other versions write may differ (FACTS §17), so an
 * interface model holds that firewall as unknown (registry/index.ts).
 */
const firewalls: Readonly<Record<string, ModuleFirewall>> = {
  'storage/storage-account': { property: 'networkAcls' },
  'container-registry/registry': { property: 'networkRuleSet' },
  'key-vault/vault': { property: 'networkAcls', param: 'networkAcls' },
  'cognitive-services/account': { property: 'networkAcls', param: 'networkAcls' },
};

const catalog = new Map<string, AvmModule>([
  ...resourceModules.map(
    ([path, mainType, defaultService, publicAccess]) =>
      [
        `avm/res/${path}`,
        {
          kind: 'resource' as const,
          ...resourceRange,
          mainType,
          ...(defaultService ? { defaultService } : {}),
          ...(publicAccess ? { publicAccess } : {}),
          ...(firewalls[path] ? { firewall: firewalls[path] } : {}),
        },
      ] as const,
  ),
  // `privateDnsZoneGroup` since 0.7.0 (Azure/bicep-registry-modules#2896); 0.12.1 is the source read.
  ['avm/res/network/private-endpoint', { kind: 'private-endpoint', from: v('0.7.0'), through: v('0.12.1') }],
  // The oldest version corpus callers pass through the source read (0.10.1): same parameter names.
  ['avm/res/network/virtual-network', { kind: 'virtual-network', from: v('0.1.6'), through: v('0.10.1') }],
  ['avm/res/network/private-dns-zone', { kind: 'private-dns-zone', from: v('0.2.5'), through: v('0.8.1') }],
  [
    'avm/ptn/network/private-link-private-dns-zones',
    { kind: 'private-link-dns-zones', from: v('0.7.0'), through: v('0.7.0') },
  ],
]);

export type Placement = { module: AvmModule; version: Version } | { module: AvmModule; version: undefined } | undefined;

/**
 * The modelled interface of a module at a tag: `version` undefined when the module is known but
 * the tag falls outside every checked range (its resources are then unknown); undefined when the
 * module is not modelled at all.
 */
export function placeAvmModule(path: string, tag: string): Placement {
  const module = catalog.get(path.toLowerCase());
  if (!module) return undefined;
  const version = parseVersion(tag);
  if (!version || compareVersions(version, module.from) < 0 || compareVersions(version, module.through) > 0)
    return { module, version: undefined };
  return { module, version };
}
