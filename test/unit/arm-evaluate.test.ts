// The ARM template evaluator on one template: parameters, variables, functions and expressions, copy
// loops, conditions, child resources, languageVersion 2.0 symbolic resources, scopes, and the ranges
// declarations point at (checked by slicing the source text).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateArmTemplate, loadArmText } from '../../server/src/evaluate/arm';
import type { ResourceDecl } from '../../server/src/evaluate/declaration';
import { defaultScope } from '../../server/src/evaluate/scope';
import { isObject, toJson, Unknown, type ObjectValue, type Value } from '../../server/src/evaluate/value';
import { displayValue } from '../../server/src/model/json';
import { fixtureRoot } from '../support/fixture';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
let fileCounter = 0;

function templateText(body: object): string {
  return JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', ...body }, null, 2);
}

/** Evaluates one template (as text, or a body to put under the schema); returns outputs, declarations and text. */
function evaluate(body: object | string, params: Record<string, Value> = {}) {
  const text = typeof body === 'string' ? body : templateText(body);
  const file = loadArmText(`${fixtureRoot}t${++fileCounter}.json`, text);
  const sink: ResourceDecl[] = [];
  const outputs = evaluateArmTemplate({
    file,
    files: new Map(),
    params: new Map(Object.entries(params)),
    paramKeyPrefix: 'param',
    scope: defaultScope('AzureCloud'),
    via: [],
    condition: true,
    count: 1,
    stack: [file.uri],
    sink,
  });
  return { outputs, decls: sink, text };
}

/** The outputs of a template whose outputs are `values` (expressions or JSON). */
function outputs(values: Record<string, unknown>, rest: object = {}, params: Record<string, Value> = {}): ObjectValue {
  const entries = Object.entries(values).map(([name, value]) => [name, { type: 'object', value }]);
  return evaluate({ ...rest, outputs: Object.fromEntries(entries) }, params).outputs;
}

const json = (value: Value | undefined) => (value === undefined ? undefined : toJson(value));
const slice = (text: string, span: { start: number; end: number } | undefined) =>
  span ? text.slice(span.start, span.end) : undefined;
const vnet = (name: unknown, extra: object = {}) => ({
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name,
  location: 'westeurope',
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
  ...extra,
});

describe('ARM expressions', () => {
  test('parameters: bound value, then default (which may use other parameters), then an unknown keyed by name', () => {
    const result = outputs(
      {
        bound: "[parameters('A')]",
        defaulted: "[parameters('b')]",
        chained: "[parameters('c')]",
        unbound: "[parameters('d')]",
      },
      {
        parameters: {
          a: { type: 'string', defaultValue: 'x' },
          b: { type: 'string', defaultValue: 'dflt' },
          c: { type: 'string', defaultValue: "[concat(parameters('b'), '-c')]" },
          d: { type: 'string' },
        },
      },
      { a: 'from-caller' },
    );
    assert.deepEqual(json(result), {
      bound: 'from-caller',
      defaulted: 'dflt',
      chained: 'dflt-c',
      unbound: { $unknown: 'param:d' },
    });
  });

  test('variables: values, variables of variables, copy variables and property copy loops', () => {
    const result = outputs(
      { prefix: "[variables('full')]", names: "[variables('subnets')]", copied: "[variables('obj').items]" },
      {
        variables: {
          base: '10.1',
          full: "[concat(variables('base'), '.0.0/16')]",
          copy: [{ name: 'subnets', count: 2, input: { name: "[format('snet-{0}', copyIndex('subnets', 1))]" } }],
          obj: { copy: [{ name: 'items', count: 3, input: "[mul(copyIndex('items'), 10)]" }] },
        },
      },
    );
    assert.deepEqual(json(result), {
      prefix: '10.1.0.0/16',
      names: [{ name: 'snet-1' }, { name: 'snet-2' }],
      copied: [0, 10, 20],
    });
  });

  test('a cycle between variables is unknown, not a hang', () => {
    const result = outputs(
      { a: "[variables('a1')]" },
      { variables: { a1: "[variables('a2')]", a2: "[variables('a1')]" } },
    );
    assert.ok(result.a instanceof Unknown);
  });

  test('a name read in any spelling is one value, computed once; a cycle answer is not kept for later reads', () => {
    const result = outputs(
      {
        first: "[parameters('Tag')]",
        again: "[parameters('TAG')]",
        cyclic: "[variables('Loop')]",
        later: "[variables('loop')]",
        settled: "[variables('Settled')]",
        settledAgain: "[variables('settled')]",
      },
      {
        parameters: { tag: { type: 'string', defaultValue: '[newGuid()]' } },
        variables: { loop: "[variables('LOOP')]", settled: "[concat(variables('Inner'), '-x')]", inner: 'in' },
      },
    );
    assert.ok(result.first instanceof Unknown && result.again instanceof Unknown);
    assert.equal(result.first.key, result.again.key, 'one newGuid() for both spellings');
    assert.ok(result.cyclic instanceof Unknown && result.later instanceof Unknown);
    assert.equal(result.cyclic.key, result.later.key);
    assert.equal(result.settled, 'in-x');
    assert.equal(result.settledAgain, 'in-x');
  });

  test('function names match in any case, each spelling alike however often it is called', () => {
    const result = outputs(
      {
        calls: "[createArray(toLower('A'), TOLOWER('B'), ToLower('C'), toLower('D'))]",
        parameter: "[PARAMETERS('p')]",
        nested: "[Concat(concat('a', 'b'), CONCAT('c'))]",
      },
      { parameters: { p: { type: 'string' } } },
      { p: 'given' },
    );
    assert.deepEqual(json(result.calls), ['a', 'b', 'c', 'd']);
    assert.equal(result.parameter, 'given');
    assert.equal(result.nested, 'abc');
  });

  test('functions of the shared library, the lazy if, and the [[ escape', () => {
    const result = outputs(
      {
        concat: "[concat('a', 'b', string(1))]",
        format: "[format('{0}-{1}', 'x', 2)]",
        lower: "[toLower('ABC')]",
        lazyIf: "[if(true, 'yes', variables('missing')[5])]",
        unknownIf: "[if(equals(parameters('p'), 'a'), 'same', 'same')]",
        escaped: '[[not an expression]',
        joined: "[join(split('a,b', ','), '+')]",
        union: "[union(createObject('a', 1), createObject('b', 2))]",
        length: '[length(createArray(1, 2, 3))]',
        empty: "[empty('')]",
        tryGet: "[tryGet(createObject('a', 1), 'b')]",
        nulls: '[null()]',
        caseless: "[createObject('Name', 'n').name]",
      },
      { parameters: { p: { type: 'string' } } },
    );
    assert.deepEqual(json(result), {
      concat: 'ab1',
      format: 'x-2',
      lower: 'abc',
      lazyIf: 'yes',
      unknownIf: 'same',
      escaped: '[not an expression]',
      joined: 'a+b',
      union: { a: 1, b: 2 },
      length: 3,
      empty: true,
      tryGet: null,
      nulls: null,
      caseless: 'n',
    });
  });

  test('resourceId and its variants give canonical ids with symbolic subscription and group', () => {
    const result = outputs({
      rg: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet')]",
      otherRg: "[resourceId('rg-x', 'Microsoft.Network/virtualNetworks', 'vnet')]",
      sub: "[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')]",
      location: '[resourceGroup().location]',
    });
    assert.equal(
      displayValue(result.rg),
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet',
    );
    assert.equal(
      displayValue(result.otherRg),
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/vnet',
    );
    assert.equal(
      displayValue(result.sub),
      '/subscriptions/{subscription().subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg',
    );
    assert.ok(result.location instanceof Unknown && result.location.hint === 'region');
  });

  test('compiled-template idioms: split of a partly known name, json() with comments, a lookup by an unknown key', () => {
    const result = outputs(
      {
        parent: "[split(format('{0}/{1}', parameters('vnet'), 'snet'), '/')[0]]",
        child: "[split(format('{0}/{1}', parameters('vnet'), 'snet'), '/')[1]]",
        json: '[json(\'{ "a": 1, // note\n }\').a]',
        lookup1: "[variables('regions')[parameters('location')]]",
        lookup2: "[createObject('westeurope', 'weu', 'northeurope', 'neu')[parameters('location')]]",
      },
      {
        parameters: { vnet: { type: 'string' }, location: { type: 'string' } },
        variables: { regions: { westeurope: 'weu', northeurope: 'neu' } },
      },
    );
    assert.equal(displayValue(result.parent), '{param:vnet}');
    assert.equal(result.child, 'snet');
    assert.equal(result.json, 1);
    assert.ok(result.lookup1 instanceof Unknown && result.lookup2 instanceof Unknown);
    assert.equal(result.lookup1.key, result.lookup2.key, 'the same table and key name the same unknown');
  });

  test('user-defined functions (by namespace) and lambdas', () => {
    const result = outputs(
      {
        zone: "[contoso.zoneName('blob')]",
        mapped: "[map(createArray(1, 2), lambda('n', mul(lambdaVariables('n'), 2)))]",
        filtered: "[filter(createArray('a', 'bb'), lambda('s', equals(length(lambdaVariables('s')), 2)))]",
      },
      {
        functions: [
          {
            namespace: 'contoso',
            members: {
              zoneName: {
                parameters: [{ name: 'service', type: 'string' }],
                output: {
                  type: 'string',
                  value: "[format('privatelink.{0}.core.windows.net', parameters('service'))]",
                },
              },
            },
          },
        ],
      },
    );
    assert.deepEqual(json(result), { zone: 'privatelink.blob.core.windows.net', mapped: [2, 4], filtered: ['bb'] });
  });
});

describe('ARM resources', () => {
  test('a resource: full type, API version, name, canonical id, location, body and properties', () => {
    const { decls } = evaluate({
      resources: [vnet('vnet-a', { sku: { name: 'x' }, tags: { env: "[toUpper('dev')]" } })],
    });
    assert.equal(decls.length, 1);
    const [decl] = decls;
    assert.equal(decl.language, 'arm');
    assert.equal(decl.type, 'Microsoft.Network/virtualNetworks');
    assert.equal(decl.apiVersion, '2024-05-01');
    assert.equal(decl.name, 'vnet-a');
    assert.equal(
      displayValue(decl.id),
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/virtualNetworks/vnet-a',
    );
    assert.equal(decl.location, 'westeurope');
    assert.deepEqual(json(decl.body.tags), { env: 'DEV' });
    assert.deepEqual(json(decl.body.sku), { name: 'x' });
    assert.deepEqual(json(decl.properties), { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } });
    assert.equal(decl.condition, true);
    assert.equal(decl.count, 1);
    assert.equal(decl.existing, false);
  });

  test('copy loops: known counts expand with copyIndex(); unknown or large counts give one declaration', () => {
    const { decls } = evaluate({
      parameters: { n: { type: 'int' } },
      resources: [
        vnet("[format('vnet-{0}', copyIndex(1))]", { copy: { name: 'vnets', count: 3 } }),
        vnet("[format('many-{0}', copyIndex())]", { copy: { name: 'many', count: 150 } }),
        vnet("[format('p-{0}', copyIndex())]", { copy: { name: 'p', count: "[parameters('n')]" } }),
        vnet('none', { copy: { name: 'none', count: 0 } }),
      ],
    });
    assert.deepEqual(decls.map((d) => displayValue(d.name)).slice(0, 3), ['vnet-1', 'vnet-2', 'vnet-3']);
    assert.deepEqual(
      decls.slice(0, 3).map((d) => [d.count, d.instance]),
      [
        [3, 0],
        [3, 1],
        [3, 2],
      ],
    );
    assert.equal(decls[3].count, 150);
    assert.equal(decls[3].instance, undefined);
    assert.match(displayValue(decls[3].name), /^many-\{copyIndex@/);
    assert.equal(decls[4].count, 'unknown');
    // A count of zero deploys nothing: one declaration that is off, which the caller choices may open
    // when the count is a parameter's default (engine/caller-choices.ts).
    assert.equal(decls.length, 6);
    assert.deepEqual([decls[5].condition, decls[5].count, decls[5].instance], [false, 'unknown', undefined]);
  });

  test("conditions: true, false and unknown; a nested child inherits its parent's", () => {
    const { decls } = evaluate({
      parameters: { deploy: { type: 'bool' }, off: { type: 'bool', defaultValue: false } },
      resources: [
        vnet('on', { condition: true }),
        vnet('off', {
          condition: "[parameters('off')]",
          resources: [{ type: 'subnets', apiVersion: '2024-05-01', name: 's', properties: {} }],
        }),
        vnet('maybe', { condition: "[parameters('deploy')]" }),
      ],
    });
    assert.deepEqual(
      decls.map((d) => [displayValue(d.name), d.condition]),
      [
        ['on', true],
        ['off', false],
        ['off/s', false],
        ['maybe', 'unknown'],
      ],
    );
  });

  test("child resources: nested (relative type, name joined to the parent's) and top-level `parent/child` names", () => {
    const { decls } = evaluate({
      parameters: { vnetName: { type: 'string' } },
      resources: [
        vnet("[parameters('vnetName')]", {
          resources: [
            { type: 'subnets', apiVersion: '2024-05-01', name: 'nested', properties: { addressPrefix: '10.0.1.0/24' } },
          ],
        }),
        {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2024-05-01',
          name: "[concat(parameters('vnetName'), '/flat')]",
          properties: {},
        },
      ],
    });
    const [, nested, flat] = decls;
    assert.equal(nested.type, 'Microsoft.Network/virtualNetworks/subnets');
    assert.equal(displayValue(nested.name), '{param:vnetName}/nested');
    assert.match(displayValue(nested.id), /\/virtualNetworks\/\{param:vnetName\}\/subnets\/nested$/);
    assert.match(displayValue(flat.id), /\/virtualNetworks\/\{param:vnetName\}\/subnets\/flat$/);
  });

  test('languageVersion 2.0: symbolic names, existing resources, and references to symbols stay unknown', () => {
    const { decls, outputs: out } = evaluate({
      languageVersion: '2.0',
      resources: {
        hub: { existing: true, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet-hub' },
        snet: {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2024-05-01',
          name: 'vnet-hub/pe',
          properties: { addressPrefix: '10.0.1.0/24' },
        },
      },
      outputs: { ref: { type: 'object', value: "[reference('hub')]" } },
    });
    assert.deepEqual(
      decls.map((d) => d.symbol),
      ['hub', 'snet'],
    );
    assert.equal(decls[0].existing, true);
    assert.ok(decls[0].properties instanceof Unknown);
    assert.ok(out.ref instanceof Unknown);
  });

  test("scopes: an extension resource's `scope`, and `resourceGroup`/`subscriptionId` on a symbolic resource", () => {
    const { decls } = evaluate({
      languageVersion: '2.0',
      resources: {
        lock: {
          type: 'Microsoft.Authorization/locks',
          apiVersion: '2020-05-01',
          name: 'lock',
          scope: "[format('Microsoft.Network/virtualNetworks/{0}', 'vnet')]",
          properties: {},
        },
        remote: {
          existing: true,
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: 'vnet-r',
          resourceGroup: 'rg-r',
          subscriptionId: 'sub-r',
        },
      },
    });
    assert.match(
      displayValue(decls[0].id),
      /\/resourceGroups\/\{resourceGroup\(\)\.name\}\/providers\/Microsoft\.Network\/virtualNetworks\/vnet\/providers\/Microsoft\.Authorization\/locks\/lock$/,
    );
    assert.equal(
      displayValue(decls[1].id),
      '/subscriptions/sub-r/resourceGroups/rg-r/providers/Microsoft.Network/virtualNetworks/vnet-r',
    );
  });

  test('ranges: the "type" value, and every value inside the resource by path', () => {
    const { decls, text } = evaluate({
      resources: [
        vnet('vnet-r', {
          properties: {
            addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
            subnets: [
              { name: 'a', properties: { addressPrefix: '10.0.0.0/24' } },
              { name: 'b', properties: { addressPrefix: "[concat('10.0.1', '.0/24')]" } },
            ],
            copy: [{ name: 'dhcp', count: 2, input: { server: "[format('10.0.0.{0}', copyIndex('dhcp'))]" } }],
          },
        }),
      ],
    });
    const [decl] = decls;
    assert.equal(slice(text, decl.range), '"Microsoft.Network/virtualNetworks"');
    assert.equal(slice(text, decl.propertyRanges.get('name')), '"vnet-r"');
    assert.equal(slice(text, decl.propertyRanges.get('location')), '"westeurope"');
    assert.equal(
      slice(text, decl.propertyRanges.get('properties.subnets[0].properties.addressPrefix')),
      '"10.0.0.0/24"',
    );
    assert.equal(
      slice(text, decl.propertyRanges.get('properties.subnets[1].properties.addressPrefix')),
      "\"[concat('10.0.1', '.0/24')]\"",
    );
    assert.equal(slice(text, decl.propertyRanges.get('properties.addressSpace.addressPrefixes[0]')), '"10.0.0.0/16"');
    assert.equal(
      slice(text, decl.propertyRanges.get('properties.dhcp[1].server')),
      "\"[format('10.0.0.{0}', copyIndex('dhcp'))]\"",
    );
  });

  test('inline child collections get their ids', () => {
    const { decls } = evaluate({
      resources: [vnet('v', { properties: { subnets: [{ name: 's', properties: {} }] } })],
    });
    const subnets = isObject(decls[0].properties) ? decls[0].properties.subnets : undefined;
    assert.match(displayValue((subnets as ObjectValue[])[0].id), /\/virtualNetworks\/v\/subnets\/s$/);
  });
});

describe('ARM evaluation is bounded and never throws', () => {
  test('odd shapes and hostile sizes give unknowns, quickly', () => {
    const started = Date.now();
    const cases: (object | string)[] = [
      '',
      '{',
      '[]',
      templateText({ resources: 5 }),
      templateText({ resources: [{ type: 5 }, { type: 'subnets', name: 'orphan' }] }),
      {
        variables: {
          big: {
            copy: [{ name: 'a', count: 800, input: { copy: [{ name: 'b', count: 800, input: '[range(0, 100)]' }] } }],
          },
        },
        outputs: { o: { type: 'object', value: "[variables('big')]" } },
      },
      {
        variables: { huge: { copy: [{ name: 'a', count: 1000000000, input: 1 }] } },
        outputs: { o: { type: 'object', value: "[variables('huge')]" } },
      },
      { resources: [vnet("[copyIndex('nope')]"), vnet('[parameters(1)]'), vnet('[unparsable(')] },
      {
        functions: [
          { namespace: 'f', members: { loop: { parameters: [], output: { type: 'string', value: '[f.loop()]' } } } },
        ],
        outputs: { o: { type: 'string', value: '[f.loop()]' } },
      },
    ];
    for (const body of cases) assert.doesNotThrow(() => evaluate(body));
    let nested: object = { $schema: schema, resources: [vnet('deepest')] };
    for (let level = 0; level < 40; level++) {
      nested = {
        $schema: schema,
        resources: [
          vnet(`level-${level}`),
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: `d${level}`,
            properties: { mode: 'Incremental', template: nested },
          },
        ],
      };
    }
    const deep = evaluate(JSON.stringify(nested));
    assert.ok(deep.decls.length > 30 && deep.decls.length < 41, 'nesting stops at the limit');
    assert.ok(Date.now() - started < 10_000, 'bounded work');
  });
});
