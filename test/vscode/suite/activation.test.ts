// Runs inside the real VS Code extension host on a copy of examples/: the extension activates,
// its client reaches the server, the model request answers, and the commands and settings exist.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { VnetLensApi } from '../../../client/src/extension';
import { extensionId, serverProcesses, waitFor, workspaceFile } from './support';

describe('VNet Lens in VS Code', () => {
  let api: VnetLensApi;

  before(async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('main.bicep'));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension<VnetLensApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    api = await waitFor('activation', async () =>
      extension.isActive ? extension.exports : await extension.activate(),
    );
  });

  it('activates on the examples workspace and starts its server', async () => {
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
    await waitFor('the server to run', () => api.serverState() === 'running' || undefined);
  });

  it('starts its server with a V8 helper pool that leaves a core to each of its two busy threads', async () => {
    const [server] = await waitFor('the server process', () => {
      const servers = serverProcesses();
      return servers.length === 1 ? servers : undefined;
    });
    // The rule of protocol serverNodeOptions, restated: this suite is compiled file by file and cannot
    // load the server's source. At least one helper, at most Node's four.
    const pool = Math.min(4, Math.max(1, os.availableParallelism() - 2));
    const options = server.args.slice(
      1,
      server.args.findIndex((arg) => arg.endsWith('dist/server.js')),
    );
    assert.ok(options.includes(`--v8-pool-size=${pool}`), `--v8-pool-size=${pool} among ${options.join(' ')}`);
  });

  it('answers vnetLens/model through the language client with the examples network', async () => {
    const model = await waitFor('the model', async () => {
      const answer = await api.requestModel(workspaceFile('main.bicep'));
      return answer.entities.length > 0 ? answer : undefined;
    });
    const vnets = model.entities
      .filter((entity) => entity.kind === 'vnet')
      .map((entity) => entity.name)
      .sort();
    assert.deepEqual(vnets, ['vnet-hub', 'vnet-spoke-orders', 'vnet-spoke-reports']);
    assert.ok(
      model.references.some((reference) => reference.kind === 'privateEndpoint.subnet' && reference.to !== null),
    );
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'vnetLens.showTopology',
      'vnetLens.fixAllInFile',
      'vnetLens.restartServer',
      'vnetLens.showOutput',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('contributes its settings with defaults', () => {
    // Each setting read at its own scope: reading a resource-scoped one (cloud) without a resource, or a
    // window-scoped one (analysisScope) with one, makes VS Code log a warning for the extension.
    assert.equal(vscode.workspace.getConfiguration('vnetLens', workspaceFile('main.bicep')).get('cloud'), 'AzureCloud');
    assert.equal(vscode.workspace.getConfiguration('vnetLens').get('analysisScope'), 'workspace');
  });

  it('gives .bicep and .bicepparam files their language ids', async () => {
    const bicep = await vscode.workspace.openTextDocument(workspaceFile('main.bicep'));
    assert.equal(bicep.languageId, 'bicep');
    const params = await vscode.workspace.openTextDocument(workspaceFile('main.bicepparam'));
    assert.equal(params.languageId, 'bicep-params');
  });

  it('restarts its server on request and keeps answering', async () => {
    await vscode.commands.executeCommand('vnetLens.restartServer');
    await waitFor('the server to run again', () => api.serverState() === 'running' || undefined);
    const model = await api.requestModel();
    assert.ok(Array.isArray(model.entities));
  });
});
