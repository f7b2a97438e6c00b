// The client restarts a killed server (issue 10, item 3): the language server process of this
// extension host (found in /proc: a child of this process running dist/server.js) is killed with
// SIGKILL; the client notices, starts a new one, and the model request answers again through it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { VnetLensApi } from '../../../client/src/extension';
import { extensionId, serverProcesses, waitFor } from './support';

/** Pids of VNet Lens servers whose parent is this extension host. */
const serverPids = () => serverProcesses().map((server) => server.pid);

describe('VNet Lens server restart', () => {
  let api: VnetLensApi;
  let mainUri: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    mainUri = vscode.Uri.joinPath(folder.uri, 'main.bicep');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mainUri));
    const extension = vscode.extensions.getExtension<VnetLensApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    api = await waitFor('activation', async () =>
      extension.isActive ? extension.exports : await extension.activate(),
    );
    await waitFor('the server to run', () => api.serverState() === 'running' || undefined);
  });

  it('restarts the server after it is killed, and the model answers again', async () => {
    const [pid] = await waitFor('the server process', () => (serverPids().length === 1 ? serverPids() : undefined));
    process.kill(pid, 'SIGKILL');
    await waitFor('the killed server to be gone', () => !fs.existsSync(`/proc/${pid}`) || undefined);
    const [restarted] = await waitFor('a new server process', () => {
      const pids = serverPids().filter((other) => other !== pid);
      return pids.length === 1 ? pids : undefined;
    });
    assert.notEqual(restarted, pid);
    await waitFor('the client to run again', () => api.serverState() === 'running' || undefined);
    const model = await waitFor('the model from the new server', async () => {
      try {
        const answer = await api.requestModel(mainUri);
        return answer.entities.some((entity) => entity.kind === 'vnet') ? answer : undefined;
      } catch {
        return undefined; // the request raced the restart
      }
    });
    assert.deepEqual(
      model.entities
        .filter((entity) => entity.kind === 'vnet')
        .map((entity) => entity.name)
        .sort(),
      ['vnet-hub', 'vnet-spoke-orders', 'vnet-spoke-reports'],
    );
  });
});
