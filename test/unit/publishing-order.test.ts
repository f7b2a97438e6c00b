// The publisher (lsp/publishing.ts) converts the closed files' diagnostics only once the open
// documents' answers are written: the connection writes in a later turn of the event loop, so
// converting every other file first kept the answer the editor waits for unwritten (issue 16). The
// connection here is a recording one whose writes finish when the test says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine';
import { Baselines } from '../../server/src/lsp/baselines';
import { Publisher } from '../../server/src/lsp/publishing';

const openUri = 'file:///w/main.bicep';
const closedUri = 'file:///w/spoke.bicep';
const texts = new Map([
  [openUri, "param name string = 'a'\n"],
  [closedUri, "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'z'\n}\n"],
]);

const finding = (uri: string): Finding => ({
  ruleId: 'dns-zone-location',
  messageId: 'notGlobal',
  level: 'warning',
  message: 'A private DNS zone is global.',
  uri,
  start: 0,
  end: 8,
  related: [],
});

/** A connection that records what is sent and finishes each write only when `finishWrites` is called. */
function recordingConnection() {
  const sent: PublishDiagnosticsParams[] = [];
  const writes: (() => void)[] = [];
  return {
    sent,
    finishWrites: () => writes.splice(0).forEach((finish) => finish()),
    sendDiagnostics: (params: PublishDiagnosticsParams) => {
      sent.push(params);
      return new Promise<void>((resolve) => writes.push(resolve));
    },
  };
}

test('closed files are converted and sent only after the open documents are written', async () => {
  const connection = recordingConnection();
  const open = TextDocument.create(openUri, 'bicep', 7, texts.get(openUri)!);
  const documents = { all: () => [open], get: (uri: string) => (uri === openUri ? open : undefined) };
  const publisher = new Publisher(
    connection,
    documents,
    (uri) => texts.get(uri),
    new Baselines(
      () => undefined,
      () => undefined,
    ),
  );
  let done = false;
  const published = publisher.publishAll([finding(closedUri), finding(openUri)], []).then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    connection.sent.map((params) => [params.uri, params.version]),
    [[openUri, 7]],
    'only the open document, while its answer is being written',
  );
  assert.equal(done, false);
  connection.finishWrites();
  await published;
  assert.deepEqual(
    connection.sent.map((params) => [params.uri, params.diagnostics.length]),
    [
      [openUri, 1],
      [closedUri, 1],
    ],
  );
});

test('with no open document, closed files are sent at once', async () => {
  const connection = recordingConnection();
  const publisher = new Publisher(
    connection,
    { all: () => [], get: () => undefined },
    (uri) => texts.get(uri),
    new Baselines(
      () => undefined,
      () => undefined,
    ),
  );
  const published = publisher.publishAll([finding(closedUri)], []);
  assert.deepEqual(
    connection.sent.map((params) => params.uri),
    [closedUri],
  );
  connection.finishWrites();
  await published;
});

/** A publisher over the open document and the closed file, counting how often each text is read (converted). */
function countingPublisher(connection: ReturnType<typeof recordingConnection>) {
  const reads = new Map<string, number>();
  const open = TextDocument.create(openUri, 'bicep', 7, texts.get(openUri)!);
  const baselines = new Baselines(
    () => undefined,
    () => undefined,
  );
  const publisher = new Publisher(
    connection,
    { all: () => [open], get: (uri: string) => (uri === openUri ? open : undefined) },
    (uri) => {
      reads.set(uri, (reads.get(uri) ?? 0) + 1);
      return texts.get(uri);
    },
    baselines,
  );
  const publish = async (changed?: ReadonlySet<string>) => {
    const published = publisher.publishAll([finding(closedUri), finding(openUri)], [], changed);
    connection.finishWrites();
    await published;
  };
  return { publisher, publish, baselines, reads: (uri: string) => reads.get(uri) ?? 0 };
}

test('a closed file whose findings did not change is not converted again', async () => {
  const connection = recordingConnection();
  const { publish, reads } = countingPublisher(connection);
  await publish();
  assert.equal(reads(closedUri), 1);
  await publish(new Set([openUri]));
  assert.equal(reads(closedUri), 1, 'not read again');
  assert.deepEqual(
    connection.sent.map((params) => params.uri),
    [openUri, closedUri, openUri],
  );
  await publish(new Set([openUri, closedUri]));
  assert.equal(reads(closedUri), 2, 'named changed: converted again');
});

test('an unchanged closed file is published again after it was cleared, or the baselines changed', async () => {
  const connection = recordingConnection();
  const { publisher, publish, baselines, reads } = countingPublisher(connection);
  await publish();
  publisher.cleared(closedUri);
  await publish(new Set([openUri]));
  assert.deepEqual(
    connection.sent.map((params) => [params.uri, params.diagnostics.length]),
    [
      [openUri, 1],
      [closedUri, 1],
      [closedUri, 0],
      [openUri, 1],
      [closedUri, 1],
    ],
  );
  const before = reads(closedUri);
  baselines.forget('file:///w/baseline.json');
  await publish(new Set([openUri]));
  assert.equal(reads(closedUri), before + 1, 'converted again: a finding may now be a hint');
});
