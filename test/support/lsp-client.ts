// Spawns the built language server (dist/server.js) over stdio, with the Node options the extension
// starts it with, and speaks LSP to it with vscode-languageserver-protocol, as an editor would. Used
// by the LSP suite and the benches.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { serverNodeOptions } from '../../server/src/protocol';
import { repoRoot } from './paths';

export interface LspSession {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Resolves with the next publishDiagnostics for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics for `uri` that satisfy `accept` (earlier ones are skipped; 20 at the most). */
  diagnosticsWhere(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Opens `uri` with `text` at version 1, as an editor's didOpen. */
  open(uri: string, text: string, languageId?: string): void;
  /** shutdown + exit, then waits for the process to end; resolves with its exit code. */
  close(): Promise<number | null>;
}

/**
 * `settings` is what the client answers for the `vnetLens` configuration section; `nodeArgs` go to
 * the server's node (scripts/profile-keystrokes.ts passes `--cpu-prof`, which NODE_OPTIONS refuses);
 * `tree` is the checkout whose built server runs (scripts/keystroke-ab.ts runs two).
 */
export async function startServer(
  rootUri?: string,
  settings: unknown = null,
  nodeArgs: readonly string[] = [],
  tree = repoRoot,
  /** Replaces parts of the `initialize` params (a client sending odd folders, say). */
  initializeOverrides: Record<string, unknown> = {},
): Promise<LspSession> {
  const options = [...serverNodeOptions(os.availableParallelism()), ...nodeArgs];
  const child = spawn(process.execPath, [...options, path.join(tree, 'dist/server.js'), '--stdio'], {
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters: { uri: string; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const received: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiters.findIndex((waiter) => waiter.uri === params.uri);
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params);
    else received.push(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'vnetLens' ? settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: rootUri ?? null,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    ...initializeOverrides,
  });
  await connection.sendNotification('initialized', {});

  const session: LspSession = {
    connection,
    child,
    stderr: () => stderr,
    async diagnosticsWhere(uri, accept) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const published = await session.nextDiagnostics(uri);
        if (accept(published)) return published;
      }
      throw new Error(`no acceptable diagnostics for ${uri}`);
    },
    open(uri, text, languageId = 'bicep') {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    nextDiagnostics(uri, timeoutMs = 10_000) {
      const earlier = received.findIndex((params) => params.uri === uri);
      if (earlier >= 0) return Promise.resolve(received.splice(earlier, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          uri,
          resolve: (params) => {
            clearTimeout(timer);
            resolve(params);
          },
        });
      });
    },
    async close() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  return session;
}

/** The repository's examples/, the workspace most LSP tests open. */
export const examples = path.join(repoRoot, 'examples');
export const exampleUri = (relative: string) => pathToFileURL(path.join(examples, relative)).href;
export const exampleText = (relative: string) => fs.readFileSync(path.join(examples, relative), 'utf8');

/** Opens examples/`relative` in `session` (its text on disk unless `text` is given); returns its uri. */
export function openExample(
  session: LspSession,
  relative: string,
  languageId = 'bicep',
  text = exampleText(relative),
): string {
  const uri = exampleUri(relative);
  session.open(uri, text, languageId);
  return uri;
}

/** Every diagnostics notification a session sends, and a wait for its next `idle` status. */
export interface PublishedWatch {
  published: PublishDiagnosticsParams[];
  /** Resolves at the next `vnetLens/status` `idle` (every diagnostic of an analysis published). */
  idle(): Promise<void>;
}

/**
 * Records what `session` publishes from now on. It takes over the session's own handler of
 * publishDiagnostics (a connection keeps one per method), so `nextDiagnostics` waits no more.
 */
export function watchPublished(session: LspSession): PublishedWatch {
  const published: PublishDiagnosticsParams[] = [];
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  let idles = 0;
  session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
    if (status.state === 'idle') idles++;
  });
  return {
    published,
    async idle() {
      const count = idles;
      for (let waited = 0; idles === count; waited += 20) {
        if (waited > 20_000) throw new Error('the server did not finish an analysis');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
