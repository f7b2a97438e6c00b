// The other readers of JSON trees — a fix's documents and the ARM cursor — use ARM reading's one builder: the
// tree ARM reading saw (a byte order mark skipped, offsets kept), and broken text that nests without end read
// without a stack overflow (jsonc-parser's parseTree recursed once per level there).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { armCursor } from '../../server/src/assist/cursor-arm';
import { createFixDocuments } from '../../server/src/fixes';
import { readJsonTree } from '../../server/src/syntax/arm';
import { fixQueries } from '../../server/src/rules/support/fix-queries';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const template = (properties: string) =>
  `{ "$schema": "${schema}", "resources": [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": ` +
  `"2024-05-01", "name": "v", "properties": { ${properties} } } ] }`;

function documentsOf(files: Record<string, string>) {
  return createFixDocuments(
    { cloud: 'AzureCloud', text: (uri) => files[uri], uris: () => Object.keys(files) },
    fixQueries,
  );
}

test("a fix's JSON documents: the tree ARM reading sees; none for broken text, however deep", () => {
  const text = '\ufeff' + template('"addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }');
  const docs = documentsOf({ 'a.json': text, 'deep.json': template('"x": ' + '[}, '.repeat(20_000)) });
  const root = docs.jsonTree('a.json');
  assert.equal(root?.offset, 1);
  assert.deepEqual(root, readJsonTree(text).root);
  assert.equal(docs.jsonTree('deep.json'), undefined);
  assert.equal(docs.jsonTree('missing.json'), undefined);
});

test('the ARM cursor in broken text that nests without end: no stack overflow', () => {
  const body = '"addressSpace": { "addressPrefixes": [ ';
  const text = template(body + '"x": ' + '[}, '.repeat(20_000));
  assert.doesNotThrow(() => armCursor(text, text.indexOf('addressPrefixes') + 3));
  // Within the depth limit, the cursor still finds its resource in broken text.
  const shallow = template(body + '] }, "x": ' + '[}, '.repeat(20));
  const context = armCursor(shallow, shallow.indexOf('addressPrefixes') + 3);
  assert.equal(context?.resourceType, 'Microsoft.Network/virtualNetworks');
});
