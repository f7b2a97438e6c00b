// DNS managed by Azure Policy (issue 14, class 8): the `privateDns` configuration in vnetlens.json and the
// `vnetLens.privateDns.*` settings, pe-dns-zone-group-missing in policy mode (FACTS §15), and the CLI's
// --config taking it end to end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { workspaceModel } from '../../server/src/engine/analyze';
import { effectivePrivateDns, readConfig } from '../../server/src/engine/config';
import { runRules } from '../../server/src/engine/run-rules';
import type { Finding, PrivateDnsSettings } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import { readSettings } from '../../server/src/lsp/settings';
import { alzPrivateDnsCoverage, policyCoversGroupId } from '../../server/src/facts/alz-private-dns-policy';
import { groupIdFacts } from '../../server/src/facts/group-ids';
import rule from '../../server/src/rules/pe-dns-zone-group-missing';
import { fixtureHost, splitFixture } from '../support/fixture';

describe('privateDns configuration (class 8)', () => {
  test('vnetlens.json: zoneGroups and policyGroupIds are read as written', () => {
    const { config, errors } = readConfig(
      '{ "privateDns": { "zoneGroups": "policy", "policyGroupIds": ["blob", "vault"] } }',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config.privateDns, { zoneGroups: 'policy', policyGroupIds: ['blob', 'vault'] });
    assert.equal(readConfig('{ "rules": {} }').config.privateDns, undefined);
  });

  test('vnetlens.json: a bad value is reported at the value, with the allowed ones', () => {
    const text = '{ "privateDns": { "zoneGroups": "azure-policy" } }';
    const { config, errors } = readConfig(text);
    assert.equal(config.privateDns, undefined);
    assert.equal(text.slice(errors[0].start, errors[0].end), '"azure-policy"');
    assert.match(errors[0].message, /must be one of "template", "policy"/);
    const unknown = readConfig('{ "privateDns": { "zoneGroup": "policy" } }');
    assert.match(unknown.errors[0].message, /'zoneGroup' is not a known setting/);
    assert.equal(readConfig('{ "privateDns": { "policyGroupIds": ["blob", ""] } }').errors.length, 1);
  });

  test('layers: the first that says each part wins; only policy mode changes the analysis', () => {
    assert.equal(effectivePrivateDns(undefined, {}), undefined);
    assert.equal(effectivePrivateDns({ zoneGroups: 'template' }, { zoneGroups: 'policy' }), undefined);
    assert.deepEqual(
      effectivePrivateDns({ policyGroupIds: ['blob'] }, { zoneGroups: 'policy', policyGroupIds: ['vault'] }),
      { zoneGroups: 'policy', policyGroupIds: ['blob'] },
    );
    assert.deepEqual(effectivePrivateDns(undefined, { zoneGroups: 'policy' }), { zoneGroups: 'policy' });
  });

  test('VS Code settings: vnetLens.privateDns.* kept only when valid', () => {
    assert.deepEqual(readSettings({ privateDns: { zoneGroups: 'policy', policyGroupIds: ['blob'] } }).privateDns, {
      zoneGroups: 'policy',
      policyGroupIds: ['blob'],
    });
    assert.deepEqual(readSettings({ privateDns: { zoneGroups: 'sometimes', policyGroupIds: [1] } }).privateDns, {});
    assert.deepEqual(readSettings({}).privateDns, {});
  });

  test('package.json contributes both settings and the schema documents privateDns', () => {
    const root = path.resolve(__dirname, '..', '..');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(properties['vnetLens.privateDns.zoneGroups'].enum, ['template', 'policy']);
    assert.equal(properties['vnetLens.privateDns.policyGroupIds'].type, 'array');
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'vnetlens.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.privateDns.properties.zoneGroups.enum, ['template', 'policy']);
  });
});

const storage = `resource st 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stapp'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: 'westeurope'
}
`;
/** An endpoint to `target` for `groupId`, automatic unless `manual`. */
const endpoint = (
  symbol: string,
  target: string,
  groupId: string,
  manual = false,
) => `resource ${symbol} 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${symbol}'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/pe' }
    ${manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections'}: [ { name: 'c', properties: { privateLinkServiceId: ${target}.id, groupIds: [ '${groupId}' ] } } ]
  }
}
`;
const zoneGroup = (
  parent: string,
) => `resource ${parent}Dns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: ${parent}
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'blob', properties: { privateDnsZoneId: '/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net' } } ] }
}
`;

async function findings(code: string, privateDns?: PrivateDnsSettings): Promise<Finding[]> {
  const files = splitFixture(code.startsWith('//- ') ? code : `//- /main.bicep\n${code}`);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  return runRules(model, workspace, { cloud: 'AzureCloud', ruleLevels: {}, ...(privateDns ? { privateDns } : {}) }, [
    rule,
  ]);
}
const summary = (list: readonly Finding[]) =>
  list.map((f) => `${f.messageId}:${f.level}:${/'([^']+)'/.exec(f.message)?.[1]}`);
const policy: PrivateDnsSettings = { zoneGroups: 'policy' };

describe('the ALZ initiative coverage as data (FACTS §15)', () => {
  test('every covered id is one the DNS zone table documents for its type, but HDInsight cluster (FACTS §15 notes it)', () => {
    for (const entry of alzPrivateDnsCoverage) {
      const documented = (groupIdFacts(entry.resourceType)?.groupIds ?? []).map((id) => id.toLowerCase());
      for (const id of entry.groupIds) {
        if (entry.resourceType === 'Microsoft.HDInsight/clusters') continue;
        assert.ok(documented.includes(id.toLowerCase()), `${entry.resourceType} ${id}`);
      }
    }
  });

  test('what FACTS §15 lists as not covered is not covered', () => {
    assert.equal(policyCoversGroupId('Microsoft.Sql/servers', 'sqlServer'), false);
    assert.equal(policyCoversGroupId('Microsoft.Storage/storageAccounts', 'file_secondary'), false);
    assert.equal(policyCoversGroupId('Microsoft.DocumentDB/databaseAccounts', 'Analytical'), false);
    assert.equal(policyCoversGroupId('Microsoft.Relay/namespaces', 'namespace'), false);
    assert.equal(policyCoversGroupId('Microsoft.DocumentDB/databaseAccounts', 'sql'), true);
    assert.equal(policyCoversGroupId(undefined, 'blob'), false);
    assert.equal(policyCoversGroupId(undefined, 'BLOB', ['blob']), true);
  });

  test('services FACTS §15 names as covered by built-ins are covered, each documented id where it cannot say which', () => {
    assert.equal(policyCoversGroupId('Microsoft.Migrate/migrateProjects', 'Default'), true);
    assert.equal(policyCoversGroupId('Microsoft.RecoveryServices/vaults', 'AzureSiteRecovery'), true);
    assert.equal(policyCoversGroupId('Microsoft.RecoveryServices/vaults', 'AzureBackup'), true);
    assert.equal(policyCoversGroupId('Microsoft.Batch/batchAccounts', 'nodeManagement'), true);
    assert.equal(policyCoversGroupId('Microsoft.BotService/botServices', 'Token'), true);
  });
});

describe('pe-dns-zone-group-missing in policy mode (class 8)', () => {
  test('template mode (the default) reports every endpoint without a zone group', async () => {
    assert.deepEqual(summary(await findings(storage + endpoint('peBlob', 'st', 'blob'))), ['missing:warning:peBlob']);
  });

  test('a covered group id on an automatic connection is silent', async () => {
    assert.deepEqual(await findings(storage + endpoint('peBlob', 'st', 'blob'), policy), []);
    assert.deepEqual(
      await findings(storage + endpoint('peBlob', 'st', 'BLOB').replace("'BLOB'", "'blob'"), policy),
      [],
    );
  });

  test('a manual connection still fires: the policy ignores manual connections (FACTS §15)', async () => {
    const list = await findings(storage + endpoint('peManual', 'st', 'blob', true), policy);
    assert.deepEqual(summary(list), ['missing:warning:peManual']);
    assert.match(
      list[0].related.map((r) => r.message).join('\n'),
      /manual connection, which the DNS policy gives no zone group/,
    );
  });

  test('an uncovered group id still fires (sqlServer is not in the ALZ initiative, FACTS §15)', async () => {
    const list = await findings(storage + endpoint('peSql', 'sql', 'sqlServer'), policy);
    assert.deepEqual(summary(list), ['missing:warning:peSql']);
    assert.match(
      list[0].related.map((r) => r.message).join('\n'),
      /'sqlServer' of Microsoft\.Sql\/servers is not among the group ids the DNS policy covers/,
    );
  });

  test('configured policyGroupIds replace the initiative list', async () => {
    const code = storage + endpoint('peBlob', 'st', 'blob') + endpoint('peSql', 'sql', 'sqlServer');
    assert.deepEqual(summary(await findings(code, { zoneGroups: 'policy', policyGroupIds: ['sqlserver'] })), [
      'missing:warning:peBlob',
    ]);
  });

  test('a zone group the template creates for a covered group id is marked as information', async () => {
    const list = await findings(storage + endpoint('peBlob', 'st', 'blob') + zoneGroup('peBlob'), policy);
    assert.deepEqual(summary(list), ['competesWithPolicy:info:default']);
    assert.match(
      list[0].message,
      /Zone group 'default' of private endpoint 'peBlob' is created by the template, but Azure Policy creates the zone groups for group id 'blob'/,
    );
    assert.deepEqual(
      await findings(storage + endpoint('peBlob', 'st', 'blob') + zoneGroup('peBlob')),
      [],
      'template mode: a zone group is what it wants',
    );
    assert.deepEqual(
      await findings(storage + endpoint('peManual', 'st', 'blob', true) + zoneGroup('peManual'), policy),
      [],
      'a manual connection needs the template zone group',
    );
  });

  test('ARM: the same in a deployment template', async () => {
    const arm = (connections: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2024-01-01", "name": "stapp", "location": "westeurope", "kind": "StorageV2", "sku": { "name": "Standard_LRS" } },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2024-05-01",
      "name": "pe-blob",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/pe" },
        "${connections}": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Storage/storageAccounts', 'stapp')]", "groupIds": [ "blob" ] } } ]
      }
    }
  ]
}
`;
    assert.deepEqual(await findings(arm('privateLinkServiceConnections'), policy), []);
    assert.deepEqual(summary(await findings(arm('manualPrivateLinkServiceConnections'), policy)), [
      'missing:warning:pe-blob',
    ]);
    assert.deepEqual(summary(await findings(arm('privateLinkServiceConnections'))), ['missing:warning:pe-blob']);
  });
});

const temporaryDirs: string[] = [];
after(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the CLI takes privateDns from vnetlens.json end to end (class 8)', () => {
  test('--config with policy mode silences a covered endpoint; without it the endpoint is reported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-policy-'));
    temporaryDirs.push(dir);
    fs.writeFileSync(
      path.join(dir, 'main.bicep'),
      storage + endpoint('peBlob', 'st', 'blob') + endpoint('peSql', 'sql', 'sqlServer'),
    );
    fs.writeFileSync(path.join(dir, 'policy.json'), '{ "privateDns": { "zoneGroups": "policy" } }');
    const run = async (args: string[]) => {
      let stdout = '';
      const code = await runCli(args, {
        cwd: dir,
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => undefined,
      });
      return { code, stdout };
    };
    const ruleIdsOf = (stdout: string) =>
      (JSON.parse(stdout) as { files: { findings: { ruleId: string; message: string }[] }[] }).files
        .flatMap((file) => file.findings)
        .filter((f) => f.ruleId === rule.id)
        .map((f) => /'([^']+)'/.exec(f.message)?.[1]);
    const template = await run(['check', '.', '--format', 'json', '--fail-on', 'none']);
    assert.deepEqual(ruleIdsOf(template.stdout).sort(), ['peBlob', 'peSql']);
    const policyMode = await run(['check', '.', '--format', 'json', '--fail-on', 'none', '--config', 'policy.json']);
    assert.deepEqual(ruleIdsOf(policyMode.stdout), ['peSql']);
  });
});
