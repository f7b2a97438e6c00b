// Values computed on first read (evaluate/lazy.ts): a module's outputs (lazyObject) and the params a
// module call binds (LazyBindings). Each value is computed once, on first read; a read during its own
// computation is a cycle and gives an unknown. The getters of lazy objects are shared by name, never
// closures per object: a closure per object kept whole analyses alive past young-generation
// collections.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LazyBindings, lazyObject } from '../../server/src/evaluate/lazy';
import { getProperty, isObject, Unknown, type Value } from '../../server/src/evaluate/value';

test('a lazy object computes each property once, on first read, and only the ones read', () => {
  const computed: string[] = [];
  const outputs = lazyObject(
    ['id', 'name', 'unused'],
    (name) => {
      computed.push(name);
      return `${name}-value`;
    },
    'outputs:main',
  );
  assert.deepEqual(Object.keys(outputs), ['id', 'name', 'unused']);
  assert.ok(isObject(outputs));
  assert.deepEqual(computed, []);
  assert.equal(getProperty(outputs, 'id'), 'id-value');
  assert.equal(outputs.id, 'id-value');
  assert.equal(getProperty(outputs, 'name'), 'name-value');
  assert.deepEqual(computed, ['id', 'name']);
});

test('reading a lazy property while it is computed gives an unknown keyed by the object and name', () => {
  const outputs: Record<string, Value> = lazyObject(['loop'], () => outputs.loop, 'outputs:main');
  const value = outputs.loop;
  assert.ok(value instanceof Unknown);
  assert.equal(value.key, 'cycle:outputs:main.loop');
});

test('a property whose computation threw is computed again when read again', () => {
  let calls = 0;
  const outputs: Record<string, Value> = lazyObject(
    ['flaky'],
    () => {
      calls++;
      if (calls === 1) throw new Error('first read fails');
      return 'second';
    },
    'outputs:main',
  );
  assert.throws(() => outputs.flaky, /first read fails/);
  assert.equal(outputs.flaky, 'second');
});

test('lazy objects share one getter per property name, and their state is not one of their keys', () => {
  const first = lazyObject(['id'], () => 'a', 'first');
  const second = lazyObject(['id'], () => 'b', 'second');
  const getterOf = (object: object) => Object.getOwnPropertyDescriptor(object, 'id')?.get;
  assert.ok(getterOf(first));
  assert.equal(getterOf(first), getterOf(second));
  assert.deepEqual(Object.entries(second), [['id', 'b']]);
  assert.equal(first.id, 'a');
});

test('lazy bindings compute a parameter from its source once, on first read, in declaration order', () => {
  const computed: string[] = [];
  const sources = new Map([
    ['location', 'westeurope'],
    ['name', 'vnet'],
  ]);
  const bindings = new LazyBindings(
    [...sources.keys()],
    (name) => {
      const source = sources.get(name)!;
      computed.push(source);
      return source.toUpperCase();
    },
    'module:main#network.params',
  );
  assert.equal(bindings.size, 2);
  assert.ok(bindings.has('name'));
  assert.ok(!bindings.has('tags'));
  assert.equal(bindings.get('tags'), undefined);
  assert.deepEqual(computed, []);
  assert.equal(bindings.get('name'), 'VNET');
  assert.equal(bindings.get('name'), 'VNET');
  assert.deepEqual(computed, ['vnet']);
  assert.deepEqual([...bindings.keys()], ['location', 'name']);
  assert.deepEqual(
    [...bindings],
    [
      ['location', 'WESTEUROPE'],
      ['name', 'VNET'],
    ],
  );
  assert.deepEqual(computed, ['vnet', 'westeurope']);
});

test('a binding read while it is computed is a cycle: an unknown keyed by the call and name', () => {
  const bindings: LazyBindings = new LazyBindings(
    ['self'],
    (name) => bindings.get(name) ?? null,
    'module:main#loop.params',
  );
  const value = bindings.get('self');
  assert.ok(value instanceof Unknown);
  assert.equal(value.key, 'cycle:module:main#loop.params.self');
});

test('a binding whose value is null is kept, not computed again', () => {
  let calls = 0;
  const bindings = new LazyBindings(
    ['tags'],
    () => {
      calls++;
      return null;
    },
    'module:main#x.params',
  );
  assert.equal(bindings.get('tags'), null);
  assert.equal(bindings.get('tags'), null);
  assert.equal(calls, 1);
});
