// The codec that carries deployments from the server's analysis worker to its main thread
// (lsp/deployment-codec.ts): a model built from decoded deployments reads as the original does — the
// same model JSON and the same hovers over examples/ and a sample of the corpus — and the value kinds
// structured cloning would lose (unknowns with their hint and written text, partial strings, lambdas,
// null-prototype objects, Maps, shared parts, lazy properties nobody read) survive as they should.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { hoverFor } from '../../server/src/assist/hover';
import { Workspace } from '../../server/src/engine';
import type { DeploymentResult } from '../../server/src/evaluate/deployment';
import { lazyObject } from '../../server/src/evaluate/lazy';
import {
  LambdaValue,
  makeObject,
  objectValuePrototype,
  PartialString,
  Unknown,
  type Value,
} from '../../server/src/evaluate/value';
import { noteWritten, writtenInArm, writtenOf } from '../../server/src/evaluate/written';
import { decodeDeployment, encodeDeployment, roundTrip } from '../../server/src/lsp/deployment-codec';
import { modelToJson } from '../../server/src/engine/model-json';
import { buildModel } from '../../server/src/model';
import { hubAndSpokeFileBicep, spokesForLines } from '../../bench/hub-and-spoke';
import { corpusRoot, repoRoot } from '../support/paths';

async function deploymentsOf(
  folder: string,
  limit = Infinity,
): Promise<{ workspace: Workspace; results: readonly DeploymentResult[] }> {
  const workspace = new Workspace({ readFile: async () => undefined });
  const files = fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => /\.(bicep|bicepparam|json)$/.test(file))
    .sort()
    .slice(0, limit);
  for (const file of files)
    workspace.setFile(pathToFileURL(path.join(folder, file)).href, fs.readFileSync(path.join(folder, file), 'utf8'));
  return { workspace, results: await workspace.evaluate() };
}

/** The model JSON and every hover of a model, for comparing two models of one text. */
function reading(workspace: Workspace, results: readonly DeploymentResult[]): unknown {
  const model = buildModel(results.flatMap((result) => result.resources));
  const json = modelToJson(model, (_uri, offset) => offset);
  const hovers = model.declarations.map((decl) => hoverFor(model, decl.uri, decl.range.start, 'AzureCloud')?.markdown);
  // Fresh unknowns (equal to nothing) are numbered in the order they are made, which differs between two builds.
  return JSON.parse(JSON.stringify({ json, hovers, files: workspace.uris().length }).replace(/#\d+/g, '#'));
}

test('models built from decoded deployments read as the originals: examples/', async () => {
  const { workspace, results } = await deploymentsOf(path.join(repoRoot, 'examples'));
  assert.ok(results.some((result) => result.resources.length > 0));
  const decoded = results.map((result) => decodeDeployment(encodeDeployment(result)));
  assert.deepEqual(reading(workspace, decoded), reading(workspace, results));
});

test('models built from decoded deployments read as the originals: a corpus sample', async () => {
  const { workspace, results } = await deploymentsOf(corpusRoot, 400);
  assert.ok(
    results.filter((result) => result.resources.length > 0).length > 10,
    'the sample has deployments with resources',
  );
  const decoded = results.map((result) => decodeDeployment(encodeDeployment(result)));
  assert.deepEqual(reading(workspace, decoded), reading(workspace, results));
});

test('unknowns keep key, hint and written text (and its language); partial strings their parts; shared parts stay shared', () => {
  const region = new Unknown('param:location', 'region');
  noteWritten(region, "param location string = 'x'", 6, 14);
  const fromArm = new Unknown('param:name');
  noteWritten(fromArm, "[parameters('name')]", 1, 19, true);
  const id = new PartialString(['/subscriptions/', new Unknown('subscription'), '/resourceGroups/rg']);
  const shared = makeObject([['a', 1]]);
  const value = roundTrip([region, id, shared, shared, makeObject([['ids', [id]]]), fromArm]) as Value[];
  const [decodedRegion, decodedId, first, second] = value as [Unknown, PartialString, object, object];
  assert.ok(decodedRegion instanceof Unknown);
  assert.equal(decodedRegion.key, 'param:location');
  assert.equal(decodedRegion.hint, 'region');
  assert.equal(writtenOf(decodedRegion), 'location');
  assert.deepEqual([writtenInArm(decodedRegion), writtenInArm(value[5] as Unknown)], [false, true]);
  assert.equal(writtenOf(value[5] as Unknown), "parameters('name')");
  assert.ok(decodedId instanceof PartialString);
  assert.equal(decodedId.key, id.key);
  assert.ok(decodedId.parts[1] instanceof Unknown);
  assert.equal(first, second, 'one object, as before');
  assert.equal((value[4] as Record<string, Value[]>).ids[0], decodedId);
});

test('object values stay without Object.prototype and keys such as __proto__ stay data; numbers beyond JSON survive', () => {
  const object = makeObject([
    ['__proto__', 'text'],
    ['constructor', 1],
  ]) as Record<string, Value>;
  const decoded = roundTrip([object, Number.POSITIVE_INFINITY, Number.NaN]) as [Record<string, Value>, number, number];
  assert.equal(Object.getPrototypeOf(decoded[0]), objectValuePrototype);
  assert.deepEqual(Object.entries(decoded[0]), [
    ['__proto__', 'text'],
    ['constructor', 1],
  ]);
  assert.equal(decoded[1], Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(decoded[2]));
});

test('a lambda decodes to one that yields an unknown; a lazy property nobody read is not computed', () => {
  let computed = 0;
  const lazy = lazyObject(
    ['value'],
    () => {
      computed++;
      return 'x';
    },
    'module',
  );
  const [lambda, object] = roundTrip([new LambdaValue(2, () => 'never'), lazy]) as [LambdaValue, Record<string, Value>];
  assert.ok(lambda instanceof LambdaValue);
  assert.equal(lambda.arity, 2);
  assert.ok(lambda.apply([1, 2]) instanceof Unknown);
  assert.equal(computed, 0, 'encoding did not evaluate the lazy property');
  assert.ok(object.value instanceof Unknown);
});

test('nesting deeper than the codec keeps becomes an unknown, not a stack overflow', () => {
  let deep: Value = 'leaf';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  let decoded = roundTrip(deep);
  let depth = 0;
  while (Array.isArray(decoded)) {
    decoded = (decoded as Value[])[0]!;
    depth++;
  }
  assert.ok(decoded instanceof Unknown);
  assert.ok(depth > 100 && depth < 1000, `cut at ${depth}`);
});

test('machinery is left out: a deployment of a 5,000-line file encodes to a few times its text, not its syntax tree', async () => {
  // A Bicep deployment-order frame (a class) holds the file's outline and tree; written out, a 5,000-line
  // hub-and-spoke file passed V8's longest string and every keystroke cost seconds.
  const text = hubAndSpokeFileBicep(spokesForLines(5000));
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile('file:///hub.bicep', text);
  const [result] = await workspace.evaluate();
  assert.ok(
    result.resources.some((decl) => decl.order !== undefined),
    'the declarations carry their order',
  );
  const encoded = encodeDeployment(result);
  assert.ok(
    encoded.length < 40 * text.length,
    `encoded ${encoded.length} characters for a ${text.length}-character file`,
  );
  const decoded = decodeDeployment(encoded);
  assert.equal(decoded.resources.length, result.resources.length);
});

// A class instance left out still takes an id (a second sight of it writes a reference, which decodes
// to an unknown); an undefined property is left out; a lazy property nobody read is marked.
test('the text is written as the tagged JSON it always was: a golden text of every kind of value', () => {
  class Machinery {}
  const machinery = new Machinery();
  const hinted = new Unknown('param:location', 'region');
  noteWritten(hinted, "param location string = 'x'", 6, 14);
  const shared = makeObject([['a', 1]]);
  const value = [
    null,
    true,
    'text "quoted"',
    -0,
    Number.NaN,
    hinted,
    new PartialString(['/a/', new Unknown('b')]),
    new LambdaValue(2, () => 'never'),
    new Map<string, unknown>([
      ['one', 1],
      ['machine', machinery],
    ]),
    { plain: shared, gone: machinery, left: undefined },
    shared,
    machinery,
    lazyObject(['later'], () => 'x', 'module'),
  ];
  const encoded = encodeDeployment({ entry: '', template: '', files: [], resources: [], value } as never);
  assert.equal(
    encoded,
    '{"#":"o","i":0,"v":{"entry":"","template":"","files":{"#":"a","i":1,"v":[]},"resources":{"#":"a","i":2,"v":[]},' +
      '"value":{"#":"a","i":3,"v":[null,true,"text \\"quoted\\"",0,{"#":"n","v":"NaN"},' +
      '{"#":"u","i":4,"k":"param:location","h":"region","w":"location"},' +
      '{"#":"s","i":5,"p":["/a/",{"#":"u","i":6,"k":"b"}]},{"#":"l","i":7,"n":2},' +
      '{"#":"m","i":8,"v":[["one",1],["machine",null]]},' +
      '{"#":"o","i":10,"v":{"plain":{"#":"o","i":11,"v":{"a":1}},"gone":{"#":"r","i":9}},"p":1},{"#":"r","i":11},{"#":"r","i":9},' +
      '{"#":"o","i":12,"v":{"later":{"#":"x"}}}]}},"p":1}',
  );
});
