// The file cache keeps an ARM file's syntax errors from its first full reading, so the CLI's syntax
// findings never read a template a second time after the recently-used limit dropped its reading (the
// networking corpus read 308 of its 323 ARM files twice).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileCache, type IndexedFile } from '../../server/src/engine/file-cache';

const armFile = (text: string): IndexedFile => ({ text, version: 1, language: 'arm-template', tooLarge: false });

const brokenTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "name": "[concat('a', ]" } ]
}`;
const template = (index: number) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "name": "vnet-${index}" } ]
}`;

test('an ARM reading dropped by the recently-used limit leaves its errors in the summary, and they are not read again', () => {
  const cache = new FileCache();
  cache.syntaxErrorsOnLoad = true; // as the CLI sets it
  const broken = armFile(brokenTemplate);
  // The index summarises first (no reading: the template cannot link others), evaluation reads it later.
  assert.deepEqual(cache.summaryOf('file:///broken.json', broken)?.errors, undefined);
  const reading = cache.armLoaded('file:///broken.json', broken);
  const errors = reading?.arm.errors.map(({ start, end, message }) => ({ start, end, message }));
  assert.ok(errors && errors.length > 0, 'the broken expression is an error of the reading');
  for (let index = 0; index < 200; index++) cache.armLoaded(`file:///t${index}.json`, armFile(template(index)));
  assert.equal(broken.arm, undefined, 'the limit dropped the reading');
  assert.deepEqual(cache.syntaxErrors('file:///broken.json', broken), errors);
  assert.equal(broken.arm, undefined, 'the errors came from the summary, not from a second reading');
});

test("where not every file's errors are asked (the server), a reading parses no expression, and errors asked still include them", () => {
  const cache = new FileCache();
  const broken = armFile(brokenTemplate);
  const reading = cache.armLoaded('file:///broken.json', broken);
  assert.equal(reading?.expressions.size, 0, 'evaluation parses an expression when it reaches it');
  assert.deepEqual(reading?.arm.errors, []);
  const errors = cache.syntaxErrors('file:///broken.json', broken);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /./);
  assert.equal(cache.armLoaded('file:///broken.json', broken), reading, 'the reading is kept as it was');
});
