// Ids and strings built from parts (evaluate/value.ts concatStrings, model/identity.ts parentIdOf):
// text-only joins, partly known ids, and the parent of a child id two segments up, with the empty
// text that joins drop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concatStrings, maxStringLength, PartialString, same, Unknown } from '../../server/src/evaluate/value';
import { parentIdOf } from '../../server/src/model/identity';

const subscription = new Unknown('subscription().subscriptionId');

test('joining text only gives one string, empty when nothing is joined', () => {
  assert.equal(concatStrings([]), '');
  assert.equal(concatStrings(['']), '');
  assert.equal(concatStrings(['vnet']), 'vnet');
  assert.equal(concatStrings(['vnet', '', '-', 'hub']), 'vnet-hub');
  assert.ok(concatStrings(['x'.repeat(maxStringLength), 'y']) instanceof Unknown, 'over the cap: unknown');
});

test('joining unknowns keeps text runs joined, scalars as text and null as nothing', () => {
  const joined = concatStrings(['/subscriptions/', subscription, '/a', null, 1, true, '']);
  assert.ok(joined instanceof PartialString);
  assert.deepEqual(joined.parts, ['/subscriptions/', subscription, '/a1true']);
  assert.equal(concatStrings(['', subscription, null]), subscription);
  assert.equal(concatStrings([null, 'a', null]), 'a');
  const nested = concatStrings([joined, '/b']);
  assert.ok(nested instanceof PartialString);
  assert.deepEqual(nested.parts, ['/subscriptions/', subscription, '/a1true/b']);
  assert.ok(concatStrings(['a', [1] as never]) instanceof Unknown, 'an array is no text');
});

test('a parent id is its child id two segments up, partly known ids keeping their unknown parts', () => {
  assert.equal(parentIdOf('/rg/providers/ns/vnets/hub/subnets/a'), '/rg/providers/ns/vnets/hub');
  assert.equal(parentIdOf('/subnets/a'), undefined, 'nothing is left');
  assert.equal(parentIdOf('a'), undefined);
  assert.equal(parentIdOf(subscription), undefined);
  const vnetName = new Unknown('param:vnet');
  const child = new PartialString(['/subscriptions/', subscription, '/vnets/', vnetName, '/subnets/a']);
  const parent = parentIdOf(child);
  assert.ok(parent instanceof PartialString);
  assert.deepEqual(parent.parts, ['/subscriptions/', subscription, '/vnets/', vnetName]);
  // The second slash up is in an earlier part: the parts after it are dropped, empty text too.
  const split = new PartialString(['/subscriptions/', subscription, '/', vnetName]);
  assert.equal(parentIdOf(split), '/subscriptions');
  assert.equal(parentIdOf(new PartialString(['/', subscription, '/x'])), undefined, 'only empty text is left');
  assert.equal(parentIdOf(new PartialString([subscription, '/b/x'])), subscription);
});

test('partial strings differ where their text, lined up from either end by the same text and unknowns, does', () => {
  const unique = new Unknown('uniqueString(rg)');
  const endpoint = (prefix: string, suffix = '-blob') =>
    concatStrings([
      '/subscriptions/',
      subscription,
      `/providers/Microsoft.Network/privateEndpoints/pe-${prefix}`,
      unique,
      suffix,
    ]);
  assert.equal(same(endpoint('sta'), endpoint('stb'), true), false, 'one length, different text');
  assert.equal(same(endpoint('sta'), endpoint('STA'), true), true, 'the same text, case aside');
  assert.equal(
    same(endpoint('sta'), endpoint('stab'), true),
    false,
    "from the end: the text before the unknown ('a', 'b')",
  );
  // 'pe-{u}ay' and 'pe-a{u}y' are one string when the unknown is 'a': neither end tells them apart.
  assert.equal(same(concatStrings(['pe-', unique, 'ay']), concatStrings(['pe-a', unique, 'y']), true), 'unknown');
  assert.equal(
    same(endpoint('sta', '-blob'), endpoint('sta', '-file'), true),
    false,
    'the text after the last unknown',
  );
  const other = concatStrings([
    '/subscriptions/',
    subscription,
    '/providers/Microsoft.Network/privateEndpoints/pe-stb',
    new Unknown('x'),
    '-blob',
  ]);
  assert.equal(same(endpoint('sta'), other, true), false, 'the text before the first different unknowns differs');
  const literal = concatStrings([
    '/subscriptions/',
    subscription,
    '/providers/Microsoft.Network/privateEndpoints/pe-lit',
  ]);
  assert.equal(same(endpoint('sta'), literal, true), false, 'a name without the unknown, differing before it');
  const st = concatStrings(['/subscriptions/', subscription, '/providers/Microsoft.Network/privateEndpoints/pe-st']);
  assert.equal(same(st, endpoint('sta', '')), false, "'…/pe-st' ends where '…/pe-sta{u}' goes on");
  assert.equal(same(st, concatStrings([st, unique])), 'unknown', "'…/pe-st{u}' is '…/pe-st' when the unknown is ''");
  assert.equal(
    same(concatStrings(['/a/', new Unknown('x'), '/b']), concatStrings(['/a/', new Unknown('y'), '/b']), true),
    'unknown',
    'different unknowns between equal text: nothing tells them apart',
  );
});
