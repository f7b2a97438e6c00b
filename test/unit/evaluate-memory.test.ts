// DESIGN §10 "never blocks", memory: values that grow exponentially or quadratically while a few
// kilobytes of template are evaluated become unknown at the size cap, with one information notice
// naming the expression; the deployment goes on, and a value under the cap is kept whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocuments } from '../../server/src/engine/analyze';
import { maxValueUnits, sizeOf } from '../../server/src/evaluate/value-size';
import { makeObject, type Value } from '../../server/src/evaluate/value';
import {
  armConcatDoubling,
  bicepArrayDoubling,
  bicepInterpolationDoubling,
  bicepKeyDoubling,
  bicepLoopSquare,
  bicepMapSquare,
  bicepObjectDoubling,
  type HostileTemplate,
} from '../support/hostile';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

async function analyse(template: HostileTemplate) {
  const documents = Object.entries(template.files).map(([name, text]) => ({ uri: `file:///w/${name}`, text }));
  return analyzeDocuments(documents, { readFile: async () => undefined }, options);
}

/** Exactly one notice, at the expression the template says, quoting it; and no crash on the way. */
async function assertCutOnce(template: HostileTemplate): Promise<void> {
  const result = await analyse(template);
  assert.equal(result.notices.length, 1, result.notices.map((notice) => notice.message).join('\n'));
  const [notice] = result.notices;
  const text = Object.values(template.files)[0];
  assert.ok(
    text.slice(notice.start, notice.end).startsWith(template.cutAt!),
    `notice at ${JSON.stringify(text.slice(notice.start, notice.start + 40))}`,
  );
  assert.match(notice.message, /treats the value of `.+` as unknown: it would be over the size evaluation keeps/);
}

test('an ARM variable doubled 60 times by concat is cut off, with one notice naming the expression', async () => {
  await assertCutOnce(armConcatDoubling(60));
});

test('a Bicep string doubled by interpolation 60 times is cut off, from known text and from a parameter', async () => {
  await assertCutOnce(bicepInterpolationDoubling(60));
  await assertCutOnce(bicepInterpolationDoubling(60, true));
});

test('objects and arrays that double (shared parts counted every time a walk meets them) are cut off', async () => {
  await assertCutOnce(bicepObjectDoubling(60));
  await assertCutOnce(bicepArrayDoubling(60));
});

test('a loop of loops and a map that builds an array per item stop at the cap, before the rest is built', async () => {
  await assertCutOnce(bicepLoopSquare(10_000, 10_000, 1_000));
  await assertCutOnce(bicepMapSquare(10_000, 10_000));
});

test('unknown keys of calls on calls stay short: no notice, the name is simply unknown', async () => {
  const result = await analyse(bicepKeyDoubling(60));
  assert.deepEqual(result.notices, []);
});

test('values under the cap are kept whole and give no notice', async () => {
  const result = await analyse(bicepLoopSquare(100, 100));
  assert.deepEqual(result.notices, []);
  const doubled = await analyse(bicepInterpolationDoubling(12));
  assert.deepEqual(doubled.notices, []);
});

test('sizeOf counts shared parts once per occurrence, and cheaply', () => {
  let value: Value = makeObject([['a', 1]]);
  for (let i = 0; i < 40; i++)
    value = makeObject([
      ['a', value],
      ['b', value],
    ]);
  assert.ok(sizeOf(value) > maxValueUnits * 1000, 'a 40-level doubling is far over the cap');
  assert.equal(sizeOf(['ab', 'c']), 1 + 3 + 2);
});
