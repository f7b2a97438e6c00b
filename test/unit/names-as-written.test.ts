// Names as people wrote them (issue 18 item 4): wherever a name with unknown parts is shown — the
// model JSON the topology draws, rule messages, hovers, `vnet-lens model --format text` — each unknown
// part reads as its source expression, shortened, never as the evaluator's key.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocuments, modelOfDocuments } from '../../server/src/engine';
import { makeObject, Unknown } from '../../server/src/evaluate/value';
import { displayValue } from '../../server/src/model';
import { asWritten, shortExpression } from '../../server/src/model/as-written';
import { cli, workspace } from '../support/cli-run';
import { armTemplate, hover } from '../support/cursor-fixture';
import { fixtureHost, splitFixture } from '../support/fixture';

const documentsOf = (fixture: string) => {
  const files = splitFixture(fixture);
  return { files, documents: [...files].map(([uri, text]) => ({ uri, text })) };
};
async function names(fixture: string): Promise<string[]> {
  const { files, documents } = documentsOf(fixture);
  const model = await modelOfDocuments(documents, fixtureHost(files), 'AzureCloud');
  return model.entities.map((entity) => `${entity.kind} ${entity.name}`);
}

const bicepNetwork = `param storageName string
var suffix = uniqueString(resourceGroup().id)
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-\${suffix}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'snet-\${toLower(storageName)}-pe', properties: { addressPrefix: '10.0.1.0/24' } }
    ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-st\${uniqueString(subscription().subscriptionId, resourceGroup().id)}-blob'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: []
  }
}
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: storageName
  location: 'westeurope'
}
`;

describe('names as written: Bicep', () => {
  test('interpolated unknowns read as their expressions: parameters by name, calls shortened', async () => {
    assert.deepEqual((await names(bicepNetwork)).sort(), [
      'nsg ${storageName}',
      'privateEndpoint pe-st${uniqueString(…)}-blob',
      'subnet snet-${toLower(storageName)}-pe',
      'vnet vnet-${uniqueString(…)}',
    ]);
  });

  test('a name passed to a module reads as the caller wrote it', async () => {
    assert.deepEqual(
      await names(`//- /main.bicep
param env string
module spoke 'spoke.bicep' = {
  name: 'spoke'
  params: { vnetName: 'vnet-\${env}-spoke' }
}
//- /spoke.bicep
param vnetName string
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`),
      ['vnet vnet-${env}-spoke'],
    );
  });

  test('hover names an inline subnet as written', async () => {
    const result = await hover(bicepNetwork.replace("-pe', properties", "-pe$0', properties"));
    assert.ok(result.hover, 'a hover on the subnet');
    assert.match(result.hover.markdown, /snet-\$\{toLower\(storageName\)\}-pe/);
    assert.doesNotMatch(result.hover.markdown, /param:|@file:|\{toLower\(\{/);
  });

  test('rule messages name resources as written', async () => {
    const overlapping = bicepNetwork.replace(
      "{ name: 'snet-${toLower(storageName)}-pe', properties: { addressPrefix: '10.0.1.0/24' } }",
      "{ name: 'snet-${toLower(storageName)}-a', properties: { addressPrefix: '10.0.1.0/24' } }\n      { name: 'snet-${toLower(storageName)}-b', properties: { addressPrefix: '10.0.1.0/25' } }",
    );
    const { files, documents } = documentsOf(overlapping);
    const result = await analyzeDocuments(documents, fixtureHost(files));
    const overlap = result.findings.find((finding) => finding.ruleId === 'subnet-overlap');
    assert.ok(overlap, 'the overlap is found');
    assert.match(overlap.message, /snet-\$\{toLower\(storageName\)\}-b/);
    assert.doesNotMatch(overlap.message, /param:|@file:/);
  });
});

describe('names as written: ARM', () => {
  const arm = armTemplate(
    `    {
      "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01",
      "name": "[format('vnet-{0}-hub', uniqueString(resourceGroup().id))]", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } }
    }`,
    `    {
      "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2024-05-01",
      "name": "[concat('pe-', parameters('storageName'), '-blob')]", "location": "westeurope",
      "properties": { "subnet": { "id": "[parameters('subnetId')]" }, "privateLinkServiceConnections": [] }
    }`,
  ).replace(
    '"resources"',
    '"parameters": { "storageName": { "type": "string" }, "subnetId": { "type": "string" } },\n  "resources"',
  );

  test('concat and format show each unknown argument as written, in brackets as ARM writes expressions', async () => {
    assert.deepEqual((await names(`//- /main.json\n${arm}`)).sort(), [
      "privateEndpoint pe-[parameters('storageName')]-blob",
      'vnet vnet-[uniqueString(…)]-hub',
    ]);
  });
});

describe('shortExpression', () => {
  test('keeps short expressions, drops the arguments of nested or long calls, cuts what is still long', () => {
    assert.equal(shortExpression('storageName'), 'storageName');
    assert.equal(shortExpression("parameters('storageAccountName')"), "parameters('storageAccountName')");
    assert.equal(shortExpression('environment().suffixes.storage'), 'environment().suffixes.storage');
    assert.equal(shortExpression('uniqueString(resourceGroup().id)'), 'uniqueString(…)');
    assert.equal(
      shortExpression("reference(resourceId('Microsoft.Network/virtualNetworks', 'x')).outputs.name"),
      'reference(…).outputs.name',
    );
    assert.equal(shortExpression("concat('a', ')', parameters('b'))"), 'concat(…)');
    assert.equal(shortExpression('condition\n  ? averyveryverylongname\n  : anotherveryveryverylongname').length, 40);
  });

  test("an unknown a module call made reads by its path in the call, not by the module file's URL", () => {
    const fromModule = new Unknown('module:file:///home/someone/repo/modules/hub.bicep#hub[0].subnets[].name');
    assert.equal(asWritten(fromModule), '${hub[0].subnets[].name}');
    assert.equal(displayValue(fromModule), '{module:hub.bicep#hub[0].subnets[].name}');
    assert.equal(
      asWritten(makeObject([['name', fromModule]])),
      '{"name":{"$unknown":"module:hub.bicep#hub[0].subnets[].name"}}',
    );
  });
});

describe('vnet-lens model --format text', () => {
  test('prints names as written and references by name; ids only with --ids', async () => {
    const dir = workspace({ 'main.bicep': bicepNetwork });
    const plain = await cli(['model', '.', '--format', 'text'], dir);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^main\.bicep:\d+: privateEndpoint pe-st\$\{uniqueString\(…\)\}-blob$/m);
    assert.match(
      plain.stdout,
      /^privateEndpoint\.subnet: pe-st\$\{uniqueString\(…\)\}-blob -> snet-\$\{toLower\(storageName\)\}-pe$/m,
    );
    assert.doesNotMatch(plain.stdout, /\/subscriptions\/|\{subscription\(\)/);
    const withIds = await cli(['model', '.', '--format', 'text', '--ids'], dir);
    assert.equal(withIds.code, 0, withIds.stderr);
    assert.match(
      withIds.stdout,
      /^ {2}id \/subscriptions\/\{subscription\(\)\.subscriptionId[^}]*\}\/.*\/privateEndpoints\/pe-st/m,
    );
    const wrongCommand = await cli(['check', '.', '--ids'], dir);
    assert.equal(wrongCommand.code, 2);
    assert.match(wrongCommand.stderr, /--ids applies to 'model' only/);
  });
});
