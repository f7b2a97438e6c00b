// The function library: known inputs compute, unknown inputs give stable symbolic keys, and the
// resource id functions agree with each other so references resolve by identity.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callFunction, type FunctionContext } from '../../server/src/evaluate/functions';
import { defaultScope } from '../../server/src/evaluate/scope';
import { environmentValue } from '../../server/src/engine/environment';
import {
  concatStrings,
  isObject,
  LambdaValue,
  PartialString,
  same,
  toJson,
  Unknown,
  type Value,
} from '../../server/src/evaluate/value';

const context: FunctionContext = { scope: defaultScope('AzureCloud', 'resourceGroup', environmentValue('AzureCloud')) };
const call = (name: string, ...args: Value[]) => callFunction(name, args, context);

describe('function library', () => {
  test("split(id, '/') of an id whose unknowns are its subscription and resource group: the name is known", () => {
    const vnetId = call('resourceId', 'Microsoft.Network/virtualNetworks', 'vnet-hub');
    assert.ok(vnetId instanceof PartialString);
    const pieces = call('split', vnetId, '/');
    assert.ok(Array.isArray(pieces));
    assert.equal(call('last', pieces), 'vnet-hub');
    assert.deepEqual((pieces as Value[]).slice(5), ['providers', 'Microsoft.Network', 'virtualNetworks', 'vnet-hub']);
    assert.equal(pieces[2], context.scope.subscriptionId, 'the subscription is a piece of its own');
    // Another separator, or an unknown that may hold '/' (a parameter): unknown, as before.
    assert.ok(call('split', vnetId, '-') instanceof Unknown);
    const fromParameter = concatStrings(['/x/', new Unknown('param:id'), '/vnet']);
    assert.ok(call('split', fromParameter, '/') instanceof Unknown);
  });

  test('string functions on known input', () => {
    assert.equal(call('concat', 'a', 'b', 1), 'ab1');
    assert.deepEqual(call('concat', ['a'], ['b']), ['a', 'b']);
    assert.equal(call('format', '{0}-{1}-{{x}}', 'vnet', 2), 'vnet-2-{x}');
    // .NET's D specifier pads an integer's digits after its sign; on a non-integer it is not modelled.
    assert.equal(call('format', 'vnet-spoke-{0:D2}-{1:d3}-{0:D}', 7, -5), 'vnet-spoke-07--005-7');
    assert.equal(call('format', '{0:D2}', 123), '123');
    assert.ok(call('format', '{0:D2}', 'a') instanceof Unknown);
    assert.ok(call('format', '{0:D2}', 1.5) instanceof Unknown);
    assert.ok(call('format', '{0:N0}', 8175133) instanceof Unknown);
    assert.equal(call('toLower', 'VNet'), 'vnet');
    assert.equal(call('replace', 'a-b-c', '-', '/'), 'a/b/c');
    assert.deepEqual(call('split', 'a/b', '/'), ['a', 'b']);
    assert.equal(call('join', ['a', 'b'], ','), 'a,b');
    assert.equal(call('substring', 'abcdef', 1, 3), 'bcd');
    assert.equal(call('startsWith', 'Privatelink.Blob', 'privatelink'), true);
    assert.equal(call('last', ['x', 'y']), 'y');
    assert.equal(call('length', 'abc'), 3);
  });

  test('unknown input gives the same key for the same call', () => {
    const param = new Unknown('param:name');
    const a = call('uniqueString', call('resourceGroup') as Value);
    const b = call('uniqueString', call('resourceGroup') as Value);
    assert.ok(a instanceof Unknown);
    assert.equal(same(a, b), true);
    assert.equal(same(call('toUpper', param), call('toUpper', param)), true);
    assert.equal(same(call('toUpper', param), call('toUpper', new Unknown('param:other'))), 'unknown');
  });

  test('interpolation with unknowns keeps the known text', () => {
    const joined = concatStrings(['pe-', new Unknown('param:app'), '-blob']);
    assert.ok(joined instanceof PartialString);
    assert.equal(joined.key, 'pe-{param:app}-blob');
    assert.equal(same(joined, concatStrings(['pe-', new Unknown('param:app'), '-file'])), false);
  });

  test('resourceId forms agree with each other and with a child id built by hand', () => {
    const vnetName = new Unknown('param:vnetName');
    const vnet = call('resourceId', 'Microsoft.Network/virtualNetworks', vnetName);
    const subnet = call('resourceId', 'Microsoft.Network/virtualNetworks/subnets', vnetName, 'snet-pe');
    assert.equal(
      (vnet as PartialString).key,
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/virtualNetworks/{param:vnetName}',
    );
    assert.equal(same(subnet, concatStrings([vnet, '/subnets/snet-pe']), true), true);
    const rgId = (call('resourceGroup') as { id: Value }).id;
    assert.equal(
      same(concatStrings([rgId, '/providers/Microsoft.Network/virtualNetworks/', vnetName]), vnet, true),
      true,
    );
    const otherGroup = call('resourceId', 'rg-hub', 'Microsoft.Network/virtualNetworks', 'vnet-hub');
    assert.match(
      (otherGroup as PartialString).key,
      /\/resourceGroups\/rg-hub\/providers\/Microsoft.Network\/virtualNetworks\/vnet-hub$/,
    );
    assert.ok(call('resourceId', 'not-a-type') instanceof Unknown);
  });

  test('odd ids (class 6): a resource type with a trailing slash, which ARM accepts, gives the same id', () => {
    const vnetName = new Unknown('param:vnetName');
    assert.equal(
      same(
        call('resourceId', 'Microsoft.Network/virtualNetworks/', vnetName),
        call('resourceId', 'Microsoft.Network/virtualNetworks', vnetName),
      ),
      true,
    );
    assert.equal(
      same(
        call('resourceId', 'rg-hub', 'Microsoft.Network/virtualNetworks/subnets/', 'vnet-hub', 'snet'),
        call('resourceId', 'rg-hub', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet'),
      ),
      true,
    );
    assert.equal(
      same(
        call('subscriptionResourceId', 'Microsoft.Resources/resourceGroups/', 'rg'),
        call('subscriptionResourceId', 'Microsoft.Resources/resourceGroups', 'rg'),
      ),
      true,
    );
    assert.ok(call('resourceId', 'Microsoft.Network//virtualNetworks', 'v') instanceof Unknown);
  });

  test('environment() per cloud: known AzureCloud suffixes, unknown elsewhere', () => {
    const azure = call('environment') as { suffixes: Record<string, Value> };
    assert.equal(azure.suffixes.storage, 'core.windows.net');
    const gov = callFunction('environment', [], {
      scope: defaultScope('AzureUSGovernment', 'resourceGroup', environmentValue('AzureUSGovernment')),
    }) as { suffixes: Record<string, Value>; name: Value };
    assert.equal(gov.name, 'AzureUSGovernment');
    assert.ok(gov.suffixes.storage instanceof Unknown);
  });

  test('resourceGroup().location is an unknown region', () => {
    const group = call('resourceGroup');
    assert.ok(isObject(group));
    const location = group.location;
    assert.ok(location instanceof Unknown && location.hint === 'region');
  });

  test('logic: if and coalesce with unknowns, equals in three values', () => {
    const unknown = new Unknown('param:flag');
    assert.equal(call('if', true, 'a', 'b'), 'a');
    assert.equal(call('if', unknown, 'a', 'a'), 'a');
    assert.ok(call('if', unknown, 'a', 'b') instanceof Unknown);
    assert.equal(call('coalesce', null, 'x'), 'x');
    assert.equal(call('equals', 'a', 'a'), true);
    assert.ok(call('equals', unknown, 'a') instanceof Unknown);
    assert.equal(call('and', false, unknown), false);
    assert.equal(call('or', unknown, true), true);
  });

  test('collections and lambdas over known input; huge ranges become unknown', () => {
    const double = new LambdaValue(1, ([x]) => (x as number) * 2);
    assert.deepEqual(call('map', [1, 2], double), [2, 4]);
    assert.deepEqual(call('filter', [1, 2, 3], new LambdaValue(1, ([x]) => (x as number) > 1)), [2, 3]);
    assert.equal(call('reduce', [1, 2, 3], 0, new LambdaValue(2, ([acc, x]) => (acc as number) + (x as number))), 6);
    assert.deepEqual(toJson(call('toObject', ['a', 'b'], new LambdaValue(1, ([x]) => x))), { a: 'a', b: 'b' });
    // Bicep's mapValues keeps the keys and maps each value; shallowMerge merges top-level keys, later ones win.
    assert.deepEqual(toJson(call('mapValues', { a: 1, b: 2 } as Value, double)), { a: 2, b: 4 });
    assert.ok(call('mapValues', [1, 2], double) instanceof Unknown);
    assert.deepEqual(
      toJson(
        call('shallowMerge', [
          { a: 1, n: { x: 1 } },
          { b: 2, n: { y: 2 } },
        ] as Value),
      ),
      {
        a: 1,
        n: { y: 2 },
        b: 2,
      },
    );
    assert.ok(call('shallowMerge', [{ a: 1 }, 'x']) instanceof Unknown);
    assert.deepEqual(call('range', 1, 3), [1, 2, 3]);
    assert.ok(call('range', 0, 10_000_000) instanceof Unknown);
    assert.deepEqual(toJson(call('union', { a: 1, n: { x: 1 } } as Value, { b: 2, n: { y: 2 } } as Value)), {
      a: 1,
      b: 2,
      n: { x: 1, y: 2 },
    });
  });

  test('CIDR functions', () => {
    assert.equal(call('cidrSubnet', '10.1.0.0/16', 24, 2), '10.1.2.0/24');
    assert.equal(call('cidrHost', '10.1.2.0/24', 3), '10.1.2.4');
    assert.equal((call('parseCidr', '10.144.0.0/20') as Record<string, Value>).broadcast, '10.144.15.255');
    assert.ok(call('cidrSubnet', new Unknown('param:space'), 24, 0) instanceof Unknown);
  });

  test('functions we do not model are symbolic, never a crash', () => {
    assert.ok(call('listSecrets', 'x') instanceof Unknown);
    assert.ok(call('format', '{7}', 'x') instanceof Unknown);
    assert.ok(call('div', 1, 0) instanceof Unknown);
  });
});
