// Registry modules through Bicep's restore cache (issue 15, item 1): references resolve as Bicep
// resolves them (aliases, the nearest bicepconfig.json, FACTS §16 layout), a cached module's
// compiled JSON is evaluated with the caller's params, and findings with and without the cache
// agree. The cache is built at test time, in memory, from the corpus's compiled AVM modules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeWorkspace, workspaceModel } from '../../server/src/engine/analyze';
import { defaultAnalysisOptions } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import {
  cachedModuleFor,
  cachedModuleUri,
  encodeTag,
  parseRegistryConfig,
} from '../../server/src/evaluate/registry/cache-location';
import { displayValue } from '../../server/src/model/json';
import { templateWithAnOutputOverTheCap } from '../support/arm-fixtures';
import { fixtureHost, splitFixture } from '../support/fixture';
import { corpusRoot, repoRoot } from '../support/paths';
import { expandSnippet } from '../support/snippet-expander';

const avm = path.join(corpusRoot, 'broad/Azure__bicep-registry-modules/avm/res');
const compiled = (module: string) => fs.readFileSync(path.join(avm, module, 'main.json'), 'utf8');

/** The restore cache Bicep would leave under `root` for these modules and tags (FACTS §16). */
function restoreCache(root: string, modules: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [module, tag] of Object.entries(modules)) {
    files.set(
      `file://${root}/br/mcr.microsoft.com/bicep${encodeURIComponent('$avm$res$' + module.replace(/\//g, '$'))}/${encodeURIComponent(encodeTag(tag))}/main.json`,
      compiled(module),
    );
  }
  return files;
}

describe('where the restore cache keeps a module', () => {
  test('tags encode their upper-case positions; registries and repositories flatten with $', () => {
    assert.equal(encodeTag('0.11.0'), '0.11.0$');
    assert.equal(encodeTag('V1'), 'V1$1');
    assert.equal(encodeTag('aBc'), 'aBc$2');
    const config = { cacheRootDirectory: '/home/u/.bicep', br: {}, ts: {} };
    assert.equal(
      decodeURIComponent(cachedModuleUri('br/public:avm/res/key-vault/vault:0.11.0', config)!),
      'file:///home/u/.bicep/br/mcr.microsoft.com/bicep$avm$res$key-vault$vault/0.11.0$/main.json',
    );
    assert.equal(
      decodeURIComponent(cachedModuleUri('br:MyReg.azurecr.io:443/modules/hub@sha256:abc123', config)!),
      'file:///home/u/.bicep/br/myreg.azurecr.io$443/modules$hub/sha256#abc123/main.json',
    );
    assert.equal(
      decodeURIComponent(cachedModuleUri('ts:0000/rg-Specs/Hub:V1', config)!),
      'file:///home/u/.bicep/ts/0000/rg-specs/hub/v1/main.json',
    );
  });

  test('aliases come from bicepconfig.json over the built-in public alias; unknown aliases and relative roots give nothing', () => {
    const config = parseRegistryConfig(`{
      // comments are allowed
      "cacheRootDirectory": "/c",
      "moduleAliases": { "br": { "corp": { "registry": "contoso.azurecr.io", "modulePath": "bicep/modules" } }, "ts": { "specs": { "subscription": "0000", "resourceGroup": "RG" } } }
    }`)!;
    assert.equal(
      decodeURIComponent(cachedModuleUri('br/corp:hub:1.0.0', config)!),
      'file:///c/br/contoso.azurecr.io/bicep$modules$hub/1.0.0$/main.json',
    );
    assert.equal(
      decodeURIComponent(cachedModuleUri('br/public:avm/res/network/virtual-network:0.7.0', config)!),
      'file:///c/br/mcr.microsoft.com/bicep$avm$res$network$virtual-network/0.7.0$/main.json',
    );
    assert.equal(
      decodeURIComponent(cachedModuleUri('ts/specs:hub:1.0', config)!),
      'file:///c/ts/0000/rg/hub/1.0/main.json',
    );
    assert.equal(cachedModuleUri('br/other:hub:1.0.0', config), undefined);
    assert.equal(
      cachedModuleUri('br/public:x:1.0.0', { cacheRootDirectory: 'relative/cache', br: {}, ts: {} }),
      undefined,
    );
  });

  test('a reference holding a lone surrogate is not placed, and nothing throws', () => {
    const config = { cacheRootDirectory: '/c', br: {}, ts: {} };
    assert.equal(cachedModuleUri('br/public:avm/res/key-vault/vault:0.11.0\uD800', config), undefined);
    assert.equal(cachedModuleUri('br/public:avm/res/key\uDC00-vault/vault:0.11.0', config), undefined);
    assert.equal(cachedModuleUri('ts:0000/rg/hub\uD800:1.0', config), undefined);
    assert.ok(
      cachedModuleUri('br/public:avm/res/key-vault/vault:0.11.0-\uD83D\uDE00', config),
      'a well-formed pair is placed',
    );
  });

  test('the nearest bicepconfig.json up the folder tree decides', () => {
    const configs = new Map([
      ['file:///repo/bicepconfig.json', '{ "cacheRootDirectory": "/outer" }'],
      ['file:///repo/infra/bicepconfig.json', '{ "cacheRootDirectory": "/inner" }'],
    ]);
    const at = (from: string) =>
      decodeURIComponent(cachedModuleFor(from, 'br/public:avm/res/x/y:1.0.0', (uri) => configs.get(uri))!);
    assert.match(at('file:///repo/infra/net/main.bicep'), /^file:\/\/\/inner\//);
    assert.match(at('file:///repo/main.bicep'), /^file:\/\/\/outer\//);
  });

  test('placements remembered between analyses follow an edited config and a changed home folder', () => {
    const reference = 'br/public:avm/res/x/y:1.0.0';
    const configs = new Map([['file:///repo/bicepconfig.json', '{ "cacheRootDirectory": "/first" }']]);
    const at = () =>
      decodeURIComponent(cachedModuleFor('file:///repo/main.bicep', reference, (uri) => configs.get(uri))!);
    assert.match(at(), /^file:\/\/\/first\//);
    configs.set('file:///repo/bicepconfig.json', '{ "cacheRootDirectory": "/second" }');
    assert.match(at(), /^file:\/\/\/second\//);
    configs.clear();
    const home = process.env.HOME;
    try {
      process.env.HOME = '/home/one';
      assert.match(at(), /^file:\/\/\/home\/one\/\.bicep\//);
      process.env.HOME = '/home/two';
      assert.match(at(), /^file:\/\/\/home\/two\/\.bicep\//);
    } finally {
      process.env.HOME = home;
    }
  });
});

const scenario = `//- /main.bicep
module hub 'br/public:avm/res/network/virtual-network:0.10.1' = {
  name: 'hub'
  params: {
    name: 'vnet-hub'
    addressPrefixes: ['10.0.0.0/16']
    subnets: [
      { name: 'snet-pe', addressPrefix: '10.0.1.0/24' }
    ]
  }
}

module spoke 'br/public:avm/res/network/virtual-network:0.10.1' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.1.0.0/16']
    peerings: [
      { remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: true }
    ]
  }
}

module zone 'br/public:avm/res/network/private-dns-zone:0.8.1' = {
  name: 'zone'
  params: {
    name: 'privatelink.vaultcore.azure.net'
    virtualNetworkLinks: [
      { virtualNetworkResourceId: hub.outputs.resourceId }
    ]
  }
}

module kv 'br/public:avm/res/key-vault/vault:0.14.0' = {
  name: 'kv'
  params: {
    name: 'kv-demo'
    publicNetworkAccess: 'Enabled'
    privateEndpoints: [
      { subnetResourceId: '\${hub.outputs.resourceId}/subnets/snet-pe' }
      {
        subnetResourceId: '\${hub.outputs.resourceId}/subnets/snet-pe'
        privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zone.outputs.resourceId } ] }
      }
    ]
  }
}
`;

async function run(fixture: string, cache: Map<string, string>, config?: string) {
  const files = splitFixture(fixture);
  if (config) files.set('file:///fixture/bicepconfig.json', config);
  const served = fixtureHost(new Map([...files, ...cache]));
  const reads: string[] = [];
  const host = {
    readFile: async (uri: string) =>
      (await served.readFile(uri)) === undefined ? undefined : (reads.push(uri), served.readFile(uri)),
  };
  const workspace = new Workspace(host);
  for (const [uri, text] of files) if (uri.endsWith('.bicep')) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  const result = await analyzeWorkspace(workspace, workspace.uris(), defaultAnalysisOptions);
  return { model, result, reads };
}

describe('cached modules', () => {
  const cache = restoreCache('/cache', {
    'network/virtual-network': '0.10.1',
    'network/private-dns-zone': '0.8.1',
    'key-vault/vault': '0.14.0',
  });
  const config = '{ "cacheRootDirectory": "/cache" }';

  test("the compiled module is evaluated with the caller's params; its resources land at the caller's entries", async () => {
    const { model, result } = await run(scenario, cache, config);
    const endpoints = model.privateEndpoints.map((endpoint) => displayValue(endpoint.name)).sort();
    assert.deepEqual(endpoints, ['pep-kv-demo-vault-0', 'pep-kv-demo-vault-1']);
    for (const entity of [
      ...model.privateEndpoints,
      ...model.vnets,
      ...model.peerings,
      ...model.dnsZones,
      ...model.vnetLinks,
    ]) {
      assert.equal(
        entity.decl.uri,
        'file:///fixture/main.bicep',
        `${displayValue(entity.name)} is reported in the caller`,
      );
      assert.ok(entity.decl.registry, 'and carries its registry origin');
    }
    // The cached template, not an interface model, declared them: its own properties are there.
    assert.ok(model.peerings.every((peering) => 'enableOnlyIPv6Peering' in (peering.properties as object)));
    assert.deepEqual(result.notices, [], 'nothing stays unseen');
  });

  test('findings with and without the cache agree', async () => {
    const key = (finding: { ruleId: string; uri: string; start: number; end: number }) =>
      `${finding.ruleId}@${finding.start}-${finding.end}`;
    const withCache = (await run(scenario, cache, config)).result.findings.map(key).sort();
    const without = (await run(scenario, new Map(), config)).result.findings.map(key).sort();
    assert.ok(without.length >= 3, `the scenario has findings: ${without.join(', ')}`);
    assert.deepEqual(withCache, without);
  });

  test("what a parameter's default leaves out, a caller may put in: silent with and without the cache (DESIGN §2)", async () => {
    // Review of AVM calls: each of these was reported as certainly missing, with the cache or both ways.
    const choices = `//- /main.bicep
param createHubSide bool = false
param linkZone bool = false
param zoneId string = ''
module hub 'br/public:avm/res/network/virtual-network:0.10.1' = {
  name: 'hub'
  params: {
    name: 'vnet-hub'
    addressPrefixes: ['10.0.0.0/22']
    subnets: [ { name: 'snet-pe', addressPrefix: '10.0.0.0/24' } ]
  }
}
module spoke 'br/public:avm/res/network/virtual-network:0.10.1' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.9.0.0/22']
    peerings: [ { remoteVirtualNetworkResourceId: hub.outputs.resourceId, remotePeeringEnabled: createHubSide } ]
  }
}
module zone 'br/public:avm/res/network/private-dns-zone:0.8.1' = {
  name: 'zone'
  params: {
    name: 'privatelink.vaultcore.azure.net'
    virtualNetworkLinks: linkZone ? [ { virtualNetworkResourceId: hub.outputs.resourceId } ] : []
  }
}
module kv 'br/public:avm/res/key-vault/vault:0.14.0' = {
  name: 'kv'
  params: {
    name: 'kv-choices'
    privateEndpoints: [
      { subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zone.outputs.resourceId } ] } }
      { subnetResourceId: hub.outputs.subnetResourceIds[0], privateDnsZoneGroup: empty(zoneId) ? null : { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zoneId } ] } }
    ]
  }
}
`;
    const key = (finding: { ruleId: string; message: string }) => `${finding.ruleId}: ${finding.message}`;
    const withCache = (await run(choices, cache, config)).result.findings.map(key);
    const without = (await run(choices, new Map(), config)).result.findings.map(key);
    assert.deepEqual(withCache, [], 'with the cache');
    assert.deepEqual(without, [], 'without the cache');
    // The same calls with the choices written as the defaults make them: each is found, both ways.
    const fixed = choices
      .replace('remotePeeringEnabled: createHubSide', 'remotePeeringEnabled: false')
      .replace(/linkZone \? \[[^\]]*\] : \[\]/, '[]')
      .replace(
        'empty(zoneId) ? null : { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zoneId } ] }',
        'null',
      );
    for (const modules of [cache, new Map<string, string>()]) {
      const rules = (await run(fixed, modules, config)).result.findings.map((finding) => finding.ruleId).sort();
      assert.deepEqual(rules, ['dns-zone-unlinked', 'pe-dns-zone-group-missing', 'peering-reverse-missing']);
    }
  });

  test("outputs the compiled module leaves unknown come from the interface model: a subnet id read off the VNet module's loop", async () => {
    // subnetResourceIds reads the subnets' nested deployments in a copy loop, which the cached module
    // leaves unknown: with a cache, the endpoint's subnet was never found (review of AVM calls).
    const fixture = `//- /main.bicep
module hub 'br/public:avm/res/network/virtual-network:0.10.1' = {
  name: 'hub'
  params: {
    name: 'vnet-hub'
    location: 'westeurope'
    addressPrefixes: ['10.0.0.0/22']
    subnets: [ { name: 'GatewaySubnet', addressPrefix: '10.0.0.0/27' } ]
  }
}
module kv 'br/public:avm/res/key-vault/vault:0.14.0' = {
  name: 'kv'
  params: {
    name: 'kv-gw'
    privateEndpoints: [ { subnetResourceId: hub.outputs.subnetResourceIds[0] } ]
  }
}
`;
    const rules = async (modules: Map<string, string>) =>
      (await run(fixture, modules, config)).result.findings.map((finding) => finding.ruleId).sort();
    assert.deepEqual(await rules(cache), await rules(new Map()));
    assert.ok((await rules(cache)).includes('pe-subnet-reserved'), 'the endpoint is found in GatewaySubnet');
  });

  test('a param the interface model read is not evaluated again for the cached module: both see one value', async () => {
    // newGuid() is unknown and unlike any other value: evaluated twice, the vault and its modelled
    // twin would differ, and the vault would sit at the call instead of at the entries that name it.
    const { model } = await run(
      `//- /main.bicep
module kv 'br/public:avm/res/key-vault/vault:0.14.0' = {
  name: 'kv'
  params: {
    name: 'kv-\${newGuid()}'
    publicNetworkAccess: 'Enabled'
  }
}
`,
      cache,
      config,
    );
    const vault = model.targets.find((target) => target.decl.type === 'Microsoft.KeyVault/vaults');
    assert.equal(vault?.decl.registry?.paramPath, '', 'the twin was found: the call itself asked for it');
    assert.ok(vault.decl.propertyRanges.has('name'), 'with the range of the name the caller wrote');
  });

  test("a cached module's outputs are computed when read, not when its value is reached", async () => {
    // One output the caller reads, one over the size cap nobody reads: reaching `demo.outputs.name`
    // must not compute the other (it did when the module's value was sized whole, and its notice
    // told the user of an expression nothing evaluates).
    const template = JSON.stringify(templateWithAnOutputOverTheCap('vnet-from-module'));
    const demoCache = new Map([
      [
        `file:///cache/br/mcr.microsoft.com/bicep${encodeURIComponent('$avm$res$network$demo')}/${encodeURIComponent(encodeTag('1.0.0'))}/main.json`,
        template,
      ],
    ]);
    const { model, result } = await run(
      `//- /main.bicep
module demo 'br/public:avm/res/network/demo:1.0.0' = {
  name: 'demo'
}
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: demo.outputs.name
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`,
      demoCache,
      config,
    );
    assert.deepEqual(
      model.vnets.map((vnet) => displayValue(vnet.name)),
      ['vnet-from-module'],
    );
    assert.deepEqual(result.notices, [], 'no notice of an output nobody read');
  });

  test('a module missing from the cache falls back to its interface model, and one neither cached nor modelled is noted', async () => {
    const partial = restoreCache('/cache', { 'key-vault/vault': '0.14.0' });
    const { model, result } = await run(
      `${scenario}
module rg 'br/public:avm/res/resources/resource-group:0.4.0' = {
  name: 'rg'
}
`,
      partial,
      config,
    );
    assert.equal(model.vnets.length, 2);
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /resource-group:0\.4\.0/);
  });
});

describe('ARM parameters bound to null (as compiled modules pass optional values)', () => {
  test('a null parameter takes its default value, and parameters() of a null one is null, not unknown', async () => {
    const { model } = await run(
      `//- /main.bicep
module m './t.json' = {
  name: 'm'
  params: { first: null, second: null }
}
//- /t.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "first": { "type": "string", "defaultValue": "vnet-default" },
    "second": { "type": "string", "nullable": true }
  },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "[parameters('first')]", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } } },
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "[coalesce(parameters('second'), 'vnet-fallback')]", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } }
  ]
}
`,
      new Map(),
    );
    assert.deepEqual(model.vnets.map((vnet) => displayValue(vnet.name)).sort(), ['vnet-default', 'vnet-fallback']);
  });
});

describe('the vnl-avm snippets with a cache', () => {
  const snippets = Object.values(
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/bicep.json'), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >,
  ).filter((snippet) => snippet.prefix.startsWith('vnl-avm-'));
  const cache = restoreCache('/cache', {
    'network/virtual-network': '0.10.1',
    'network/private-dns-zone': '0.8.1',
    'key-vault/vault': '0.14.0',
  });

  test('there are three', () => assert.equal(snippets.length, 3));
  for (const snippet of snippets) {
    test(`${snippet.prefix} raises no finding when its modules are read from the cache`, async () => {
      const { model, result, reads } = await run(
        `//- /main.bicep\n${expandSnippet(snippet.body)}`,
        cache,
        '{ "cacheRootDirectory": "/cache" }',
      );
      assert.ok(
        reads.some((uri) => uri.startsWith('file:///cache/')),
        'the cache was read',
      );
      assert.ok(
        model.declarations.some((decl) => decl.registry && decl.uri === 'file:///fixture/main.bicep'),
        'its resources are in the snippet',
      );
      assert.deepEqual(
        result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
        [],
      );
      assert.deepEqual(result.notices, []);
    });
  }
});
