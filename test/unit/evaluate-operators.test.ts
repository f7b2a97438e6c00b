// Bicep's comparison and arithmetic operators evaluate as the ARM functions they stand for (less, add, …),
// and an operand that is unknown keeps the result unknown.
import assert from 'node:assert/strict';
import test from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { Unknown, type Value } from '../../server/src/evaluate/value';
import { fixtureHost, splitFixture } from '../support/fixture';

async function addressPrefixes(list: string): Promise<unknown> {
  const files = splitFixture(`//- /main.bicep
param unknownNumber int
param unknownObject object
param unknownList array
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ${list} } }
}
`);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  return model.vnets[0]?.addressPrefixes;
}

test('comparison and arithmetic operators give the ARM functions’ results', async () => {
  assert.deepEqual(await addressPrefixes('[ 1 < 2, 2 <= 2, 1 > 2, 2 >= 3, 1 + 2, 5 - 3, 2 * 3, 7 / 2, 7 % 3 ]'), [
    true,
    true,
    false,
    false,
    3,
    2,
    6,
    3,
    1,
  ]);
});

test('an unknown operand makes the result unknown', async () => {
  const [sum] = (await addressPrefixes('[ unknownNumber + 1 ]')) as unknown[];
  assert.ok(sum instanceof Unknown);
});

test("safe access is null where the key or item is not there; [^i] counts from the end (review of Bicep's language)", async () => {
  const list = `[
    { a: 1 }.?b ?? 'absent'
    { a: 1 }.?a
    [ 'x', 'y', 'z' ][^1]
    [ 'x', 'y', 'z' ][?5] ?? 'none'
    [ 'x' ][?0]
  ]`;
  assert.deepEqual(await addressPrefixes(list), ['absent', 1, 'z', 'none', 'x']);
});

test('unknowns made of different values are different: a ternary or ?? in a loop is not one value for every item', async () => {
  const [first, second, again] = (await addressPrefixes(
    "[ unknownNumber ? 'a' : 'b', unknownNumber ? 'a' : 'c', unknownNumber ? 'a' : 'b' ]",
  )) as Unknown[];
  assert.ok(first instanceof Unknown && second instanceof Unknown);
  assert.notEqual(first.key, second.key, 'other branches, another value');
  assert.equal(first.key, again.key, 'the same parts, the same value');
});

test('unknowns from different lambdas, spreads of different values, and .? on an object with a key not known', async () => {
  const [prod, test, spreadA, spreadB, computed] = (await addressPrefixes(`[
    filter(unknownList, v => contains(v, 'prod'))
    filter(unknownList, v => contains(v, 'test'))
    { ...unknownObject }
    { ...unknownList }
    { '\${unknownNumber}': 'a' }.?b ?? 'default'
  ]`)) as Unknown[];
  // A key written before one not known may be replaced by it; one written after wins (final review).
  const [before, after] = (await addressPrefixes(
    "[ { b: 'x', '${unknownNumber}': 'a' }.b, { '${unknownNumber}': 'a', b: 'y' }.b ]",
  )) as Value[];
  assert.ok(before instanceof Unknown, String(before));
  assert.equal(after, 'y');
  for (const value of [prod, test, spreadA, spreadB, computed]) assert.ok(value instanceof Unknown, String(value));
  assert.notEqual(prod.key, test.key, 'other lambdas, other values');
  assert.notEqual(spreadA.key, spreadB.key, 'spreads of other values');
});
