import rule from '../../../server/src/rules/pe-dns-zone-mismatch';
import { armDnsVnet, vnet } from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';
import {
  armKvPe,
  armZoneWithLink,
  targetEndpoint,
  zoneIdJson as zoneId,
  zoneWithLink,
} from '../../support/zone-group-fixtures';

/** A private endpoint `pe` to `target` (declared as `existing` of `type`) with `groupIds`. */
const endpoint = (type = 'Microsoft.KeyVault/vaults@2026-02-01', groupIds = "[ 'vault' ]", name = 'kv-prod') =>
  targetEndpoint(type, groupIds, name);

const zone = (name: string, symbol = 'zone') => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: 'global'
}
`;

/** A zone group on `pe` with one config per zone id expression (each may carry a [|…|] marker). */
const group = (
  ids: string[],
  head = '',
) => `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
${ids.map((id, index) => `      { name: 'z${index}', properties: { privateDnsZoneId: ${id} } }`).join('\n')}
    ]
  }
}
`;

ruleTests(rule, {
  valid: [
    {
      // The name resolves through its own zone (FACTS §1); FACTS says no harm of the other (a review of
      // real repositories: groups that list every storage zone for each endpoint).
      name: 'a config for another zone beside the right one',
      code:
        endpoint() +
        zone('privatelink.vault.azure.net') +
        zone('privatelink.vaultcore.azure.net', 'right') +
        zone('privatelink.blob.core.windows.net', 'blob') +
        group(['zone.id', 'right.id', 'blob.id']),
    },
    {
      name: 'Key Vault with privatelink.vaultcore.azure.net',
      code: endpoint() + zone('privatelink.vaultcore.azure.net') + group(['zone.id']),
    },
    {
      name: 'zone names compare case-insensitively',
      code: endpoint() + zone('PrivateLink.VaultCore.Azure.Net') + group(['zone.id']),
    },
    {
      name: 'blob with the environment() storage suffix',
      code:
        endpoint('Microsoft.Storage/storageAccounts@2026-04-01', "[ 'blob' ]", 'stprod') +
        zone('privatelink.blob.${environment().suffixes.storage}') +
        group(['zone.id']),
    },
    {
      name: 'a hub zone given by resourceId() with the right name',
      code:
        endpoint() +
        group(["resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')"]),
    },
    { name: 'a zone given as an unknown id', code: `param zoneId string\n${endpoint()}${group(['zoneId'])}` },
    {
      name: 'an unknown group id',
      code: `param groupId string\n${endpoint('Microsoft.KeyVault/vaults@2026-02-01', '[ groupId ]')}${zone('privatelink.vault.azure.net')}${group(['zone.id'])}`,
    },
    {
      name: 'a second connection with an unknown group id may need this zone',
      code: `param groupId string\n${endpoint().replace("groupIds: [ 'vault' ] } } ]", "groupIds: [ 'vault' ] } }, { name: 'd', properties: { privateLinkServiceId: target.id, groupIds: [ groupId ] } } ]")}${zone('privatelink.vault.azure.net')}${group(['zone.id'])}`,
    },
    {
      name: 'a group id without zones (a Web Apps slot) cannot be judged',
      code:
        endpoint('Microsoft.Web/sites@2025-03-01', "[ 'sites-staging' ]", 'app') +
        zone('privatelink.azurewebsites.net') +
        group(['zone.id']),
    },
    {
      name: 'a zone group that may not be deployed',
      code: `param dns bool\n${endpoint()}${zone('privatelink.vault.azure.net')}${group(['zone.id'], 'if (dns) ')}`,
    },
    {
      name: 'an unknown zone name',
      code: `param zoneName string\n${endpoint()}${zone('${zoneName}')}${group(['zone.id'])}`,
    },
    {
      name: 'Redis Enterprise and Azure Managed Redis share a group id: either zone is right',
      code:
        endpoint('Microsoft.Cache/redisEnterprise@2025-07-01', "[ 'redisEnterprise' ]", 'redis') +
        zone('privatelink.redis.azure.net') +
        group(['zone.id']),
    },
    {
      name: 'pe-group-id-invalid takes precedence (a Private Link service given a group id)',
      code:
        endpoint('Microsoft.Network/privateLinkServices@2025-09-01', "[ 'vault' ]", 'pls') +
        zone('privatelink.vault.azure.net') +
        group(['zone.id']),
    },
  ],
  invalid: [
    {
      name: 'Key Vault with privatelink.vault.azure.net (the public host suffix, not the private link zone)',
      code: endpoint() + zone('privatelink.vault.azure.net') + group(['[|zone.id|]']),
      errors: [
        {
          messageId: 'wrongZone',
          level: 'warning',
          message:
            /^Zone 'privatelink\.vault\.azure\.net' is not the private DNS zone of Azure Key Vault \('vault'\): the record of private endpoint 'pe-kv-prod' lands where no client looks, so clients resolve the public address\. Use 'privatelink\.vaultcore\.azure\.net'\.$/,
        },
      ],
      // The renamed zone has no link: dns-zone-unlinked sees it now (a DESIGN §4 (c) gap of the rename fix).
      reveals: ['dns-zone-unlinked'],
      output: edited(['privatelink.vault.azure.net', 'privatelink.vaultcore.azure.net']),
    },
    {
      name: 'a hub zone given by resourceId() with a wrong name',
      code:
        endpoint('Microsoft.Storage/storageAccounts@2026-04-01', "[ 'file' ]", 'stprod') +
        group(["[|resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net')|]"]),
      errors: [{ messageId: 'wrongZone', message: /'privatelink\.file\.core\.windows\.net'/ }],
    },
    {
      name: 'zone names follow the configured cloud',
      cloud: 'AzureUSGovernment',
      code: endpoint() + zone('privatelink.vaultcore.azure.net') + group(['[|zone.id|]']),
      errors: [{ messageId: 'wrongZone', message: /Use 'privatelink\.vaultcore\.usgovcloudapi\.net'/ }],
      reveals: ['dns-zone-unlinked'],
      output: edited(['privatelink.vaultcore.azure.net', 'privatelink.vaultcore.usgovcloudapi.net']),
    },
    {
      name: 'an older documented zone name is information',
      code:
        endpoint('Microsoft.StorageSync/storageSyncServices@2022-09-01', "[ 'afs' ]", 'sync') +
        zone('westeurope.privatelink.afs.azure.net') +
        group(['[|zone.id|]']),
      errors: [{ messageId: 'legacyZone', level: 'info', message: /current name is 'privatelink\.afs\.azure\.net'/ }],
      reveals: ['dns-zone-unlinked'],
      output: edited(['westeurope.privatelink.afs.azure.net', 'privatelink.afs.azure.net']),
    },
    {
      // FACTS says an AMPLS endpoint needs all five zones: a misspelt fifth beside four right ones is still
      // wrong (review of real Bicep: azure-search-openai-demo writes 'azure.automation' for 'azure-automation').
      name: 'an AMPLS group with four right zones and the fifth misspelt: the misspelt one is reported',
      code:
        endpoint('Microsoft.Insights/privateLinkScopes@2021-09-01', "[ 'azuremonitor' ]", 'ampls') +
        zone('privatelink.monitor.azure.com', 'monitor') +
        zone('privatelink.oms.opinsights.azure.com', 'oms') +
        zone('privatelink.ods.opinsights.azure.com', 'ods') +
        zone('privatelink.agentsvc.azure.automation.net', 'agent') +
        zone('privatelink.blob.core.windows.net', 'blob') +
        group(['monitor.id', 'oms.id', 'ods.id', '[|agent.id|]', 'blob.id']),
      errors: [
        {
          messageId: 'wrongZone',
          // Only the zone it lacks is named (regression review: all five were).
          message:
            /^Zone 'privatelink\.agentsvc\.azure\.automation\.net' .* Use 'privatelink\.agentsvc\.azure-automation\.net'\.$/,
        },
      ],
      reveals: ['dns-zone-unlinked'],
      output: edited(['privatelink.agentsvc.azure.automation.net', 'privatelink.agentsvc.azure-automation.net']),
    },
    {
      name: 'each wrong config of a group is reported when none is the right one',
      code:
        endpoint() +
        zone('privatelink.vault.azure.net') +
        zone('privatelink.blob.core.windows.net', 'blob') +
        group(['[|zone.id|]', '[|blob.id|]']),
      errors: [{ messageId: 'wrongZone' }, { messageId: 'wrongZone' }],
      reveals: ['dns-zone-unlinked'],
      output: edited(['privatelink.vault.azure.net', 'privatelink.vaultcore.azure.net']),
    },
    {
      name: 'reported in the module that declares the zone group, the zone in another file',
      code: `//- /main.bicep\n${zone('privatelink.vault.azure.net')}module dns 'dns.bicep' = {\n  name: 'dns'\n  params: { zoneId: zone.id }\n}\n//- /dns.bicep\nparam zoneId string\n${endpoint()}${group(['[|zoneId|]'])}`,
      errors: [{ messageId: 'wrongZone' }],
      reveals: ['dns-zone-unlinked'],
      output: edited(['privatelink.vault.azure.net', 'privatelink.vaultcore.azure.net']),
    },
    {
      // Each call's zone group is one resource (evaluate/declaration.ts instanceIn), as in AVM's init/idem
      // tests, which deploy the module twice with the same params: one finding for the declaration. No zone
      // of the right name exists to point at, and the other call's group uses this one too, so it is not
      // renamed (fixes/dns-plan.ts renamableZone): no fix.
      name: 'a zone group of a module called in a loop over known items',
      code: `//- /main.bicep\n${zone('privatelink.vault.azure.net')}module dns 'dns.bicep' = [for iteration in [ 'init', 'idem' ]: {\n  name: 'dns-\${iteration}'\n  params: { zoneId: zone.id }\n}]\n//- /dns.bicep\nparam zoneId string\n${endpoint()}${group(['[|zoneId|]'])}`,
      errors: [{ messageId: 'wrongZone' }],
      output: null,
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the config's zone id).
const arm = (zoneName: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${armKvPe()},
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": {
        "privateDnsZoneConfigs": [
          { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', '${zoneName}')]" } }
        ]
      }
    }
  ]
}
`;

const armCases = {
  valid: [
    { name: 'ARM: Key Vault with privatelink.vaultcore.azure.net', code: arm('privatelink.vaultcore.azure.net') },
  ],
  invalid: [
    {
      name: 'ARM: Key Vault with privatelink.vault.azure.net',
      code: arm('privatelink.vault.azure.net').replace(/"privateDnsZoneId": ("[^"]*")/, '"privateDnsZoneId": [|$1|]'),
      errors: [{ messageId: 'wrongZone' }],
    },
  ],
};
ruleTests(rule, armCases);

// point-zone-config: the config pointed at the right zone of the workspace, or, when none exists and
// nothing else uses it, the zone renamed.
const kv = targetEndpoint(
  'Microsoft.KeyVault/vaults@2026-02-01',
  "[ 'vault' ]",
  'target',
  'vnet.properties.subnets[0].id',
);
const network = vnet();
const armMismatch = (right: boolean, id: string, dependsOn: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [${armDnsVnet('vnet-spoke', 1)}
${armZoneWithLink('privatelink.vault.azure.net')}${right ? `\n${armZoneWithLink('privatelink.vaultcore.azure.net')}` : ''}
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": ${id} } } ] }${dependsOn}
    },
${armKvPe()}
  ]
}
`;
const wrongGroup = (
  id: string,
) => `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: ${id} } } ]
  }
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the right zone exists: the config points at it (renaming the wrong one is the other choice)',
      code:
        network +
        kv +
        zoneWithLink('privatelink.vault.azure.net', 'wrong') +
        zoneWithLink('privatelink.vaultcore.azure.net', 'right') +
        wrongGroup('[|wrong.id|]'),
      errors: [{ messageId: 'wrongZone' }],
      fixTitle: /^Point the zone config at 'privatelink\.vaultcore\.azure\.net'$/,
      output:
        network +
        kv +
        zoneWithLink('privatelink.vault.azure.net', 'wrong') +
        zoneWithLink('privatelink.vaultcore.azure.net', 'right') +
        wrongGroup('right.id'),
    },
    {
      name: 'Bicep: no right zone and nothing else uses the wrong one: it is renamed',
      code: network + kv + zoneWithLink('privatelink.vault.azure.net', 'wrong') + wrongGroup('[|wrong.id|]'),
      errors: [{ messageId: 'wrongZone' }],
      fixTitle: /^Rename the private DNS zone to 'privatelink\.vaultcore\.azure\.net'$/,
      output: network + kv + zoneWithLink('privatelink.vaultcore.azure.net', 'wrong') + wrongGroup('wrong.id'),
    },
    {
      name: 'ARM: the config names the wrong zone by its name, so no rename; the right zone of the template is pointed at',
      code: armMismatch(true, `[|${zoneId('privatelink.vault.azure.net')}|]`, ''),
      errors: [{ messageId: 'wrongZone' }],
      output: armMismatch(
        true,
        zoneId('privatelink.vaultcore.azure.net'),
        `,
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
      ]`,
      ),
    },
    {
      name: 'ARM: without the right zone, renaming would strand the id built from the old name: no fix',
      code: armMismatch(false, `[|${zoneId('privatelink.vault.azure.net')}|]`, ''),
      errors: [{ messageId: 'wrongZone' }],
      output: null,
    },
  ],
});
