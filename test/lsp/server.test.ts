// The built server over stdio: initialize, diagnostics for Bicep and ARM documents, the model
// request, code actions, and a clean shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ModelJson, TopologyJson } from '../../server/src/protocol';
import { examples, exampleUri, openExample, startServer, type LspSession } from '../support/lsp-client';

const uriOf = exampleUri;
const open = (session: LspSession, relative: string, languageId: string) => openExample(session, relative, languageId);

describe('language server over stdio', () => {
  let session: LspSession;

  before(async () => {
    session = await startServer(pathToFileURL(examples).href);
  });

  after(async () => {
    if (session.child.exitCode === null) session.child.kill();
  });

  test('publishes diagnostics for an opened Bicep document', async () => {
    const uri = open(session, 'main.bicep', 'bicep');
    const published = await session.nextDiagnostics(uri);
    assert.equal(published.uri, uri);
    assert.ok(
      published.diagnostics.some((diagnostic) => diagnostic.code === 'peering-reverse-missing'),
      'the hub peering in main.bicep lacks its reverse',
    );
  });

  test('publishes diagnostics for an opened ARM template', async () => {
    const uri = open(session, 'arm/dns.json', 'json');
    const published = await session.nextDiagnostics(uri);
    assert.equal(published.uri, uri);
  });

  test('answers vnetLens/model with the network the deployment builds, across modules', async () => {
    const model = await session.connection.sendRequest<ModelJson>('vnetLens/model', { uri: uriOf('main.bicep') });
    const names = (kind: string) =>
      model.entities
        .filter((entity) => entity.kind === kind)
        .map((entity) => entity.name)
        .sort();
    assert.deepEqual(names('vnet'), ['vnet-hub', 'vnet-spoke-orders', 'vnet-spoke-reports']);
    assert.deepEqual(names('dnsZone'), [
      'privatelink.blob.core.windows.net',
      'privatelink.file.core.windows.net',
      'privatelink.vaultcore.azure.net',
    ]);
    assert.equal(names('privateEndpoint').length, 3);
    const spoke = model.entities.find((entity) => entity.name === 'vnet-spoke-orders');
    assert.equal(spoke?.file, uriOf('modules/spoke.bicep'));
    const peering = model.references.find((reference) => reference.kind === 'peering.remoteVnet');
    assert.equal(peering?.to, spoke?.id, 'the hub peering resolves to the spoke VNet declared in the module');
  });

  test('vnetLens/model carries the name resolutions the topology view draws, with the path as model ids', async () => {
    const model = await session.connection.sendRequest<TopologyJson>('vnetLens/model', { uri: uriOf('main.bicep') });
    const ids = new Set(model.entities.map((entity) => entity.id));
    const answers = (model.resolutions ?? [])
      .map((resolution) => `${resolution.targetName.split('$')[0]} from ${resolution.fromName}: ${resolution.answer}`)
      .sort();
    assert.deepEqual(answers, [
      'kv-orders- from vnet-spoke-orders: unknown',
      'storders from vnet-spoke-orders: private',
      'streporders from vnet-spoke-reports: public',
    ]);
    for (const resolution of model.resolutions ?? []) {
      assert.ok(ids.has(resolution.from), `the asking VNet of ${resolution.targetName} is an entity of the model`);
      for (const step of resolution.steps)
        for (const id of step.entities)
          assert.ok(ids.has(id), `${step.step} goes through an entity of the model: ${id}`);
    }
    const blob = model.resolutions?.find((resolution) => resolution.answer === 'private');
    assert.deepEqual(
      blob?.steps.map((step) => step.step),
      ['dns', 'zone', 'link', 'record', 'answer'],
    );
    assert.ok(ids.has(blob?.target ?? ''), 'the blob store is declared: its node is the target');
  });

  test('answers code action requests', async () => {
    const actions = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf('main.bicep') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
  });

  test('clears diagnostics when a document closes', async () => {
    const uri = uriOf('main.bicep');
    // main.bicep has findings (its peering lacks the reverse), so an empty publish is the close's own.
    // Publishes of analyses scheduled before the close (opening arm/dns.json re-analyses the workspace)
    // may still be queued, and are skipped.
    void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const published = await session.diagnosticsWhere(uri, (params) => params.diagnostics.length === 0);
    assert.deepEqual(published.diagnostics, []);
  });

  test('shuts down and exits with code 0', async () => {
    assert.equal(await session.close(), 0);
    assert.doesNotMatch(session.stderr(), /Error/);
  });
});
