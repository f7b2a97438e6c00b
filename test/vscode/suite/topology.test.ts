// Runs inside the real VS Code extension host on a copy of examples/: the topology command opens a
// webview beside the editor, draws the current file's set or the workspace, follows edits, and
// writes SVG and PNG files when the command is given a path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { VnetLensApi } from '../../../client/src/extension';
import type { TopologyCommandResult } from '../../../server/src/protocol';
import { extensionId, waitFor, workspaceFile } from './support';

const showTopology = 'vnetLens.showTopology';

function topologyTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('vnetLens.topology'));
}

describe('VNet Lens topology view', () => {
  let api: VnetLensApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<VnetLensApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    api = await waitFor('activation', async () =>
      extension.isActive ? extension.exports : await extension.activate(),
    );
    await waitFor('the server to run', () => api.serverState() === 'running');
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(workspaceFile('main.bicep')),
      vscode.ViewColumn.One,
    );
  });

  after(async () => {
    for (const tab of topologyTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('Show Topology opens one webview tab beside the editor and draws main.bicep with its modules', async () => {
    const result = await vscode.commands.executeCommand<TopologyCommandResult>(showTopology);
    const tabs = topologyTabs();
    assert.equal(tabs.length, 1);
    assert.notEqual(tabs[0].group.viewColumn, vscode.ViewColumn.One, 'beside the editor');
    assert.equal(result.scope, 'file');
    // The hub, the spoke (a module) and their subnets, endpoints, zones and targets: more than main.bicep declares itself.
    assert.ok(result.nodes >= 12, `${result.nodes} nodes`);
    assert.ok(result.edges >= 5, `${result.edges} edges`);
    await vscode.commands.executeCommand(showTopology);
    assert.equal(topologyTabs().length, 1, 'running it again reuses the panel');
  });

  it('switches to the whole workspace and back (the ARM template only shows in the workspace)', async () => {
    const file = await vscode.commands.executeCommand<TopologyCommandResult>(showTopology, { scope: 'file' });
    const workspace = await vscode.commands.executeCommand<TopologyCommandResult>(showTopology, { scope: 'workspace' });
    assert.equal(workspace.scope, 'workspace');
    assert.ok(workspace.nodes > file.nodes, `workspace ${workspace.nodes} > file ${file.nodes}`);
    await vscode.commands.executeCommand(showTopology, { scope: 'file' });
  });

  it('the editor-title button (a file URI) draws that file', async () => {
    const arm = await vscode.commands.executeCommand<TopologyCommandResult>(
      showTopology,
      workspaceFile('arm/dns.json'),
    );
    assert.equal(arm.scope, 'file');
    assert.equal(api.topologyState()?.document, workspaceFile('arm/dns.json').toString());
    // The ARM template alone: vnet-mgmt, its subnet and the zone contoso.internal, linked once.
    assert.deepEqual([arm.nodes, arm.edges], [3, 1]);
    await vscode.commands.executeCommand(showTopology, workspaceFile('main.bicep'));
  });

  it('redraws after an edit, without a save', async () => {
    const before = await vscode.commands.executeCommand<TopologyCommandResult>(
      showTopology,
      workspaceFile('main.bicep'),
    );
    const renders = api.topologyState()?.renders ?? 0;
    const document = await vscode.workspace.openTextDocument(workspaceFile('main.bicep'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      document.uri,
      new vscode.Position(document.lineCount, 0),
      [
        '',
        "resource vnetExtra 'Microsoft.Network/virtualNetworks@2025-09-01' = {",
        "  name: 'vnet-extra'",
        '  location: location',
        "  properties: { addressSpace: { addressPrefixes: [ '10.9.0.0/16' ] } }",
        '}',
        '',
      ].join('\n'),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const state = await waitFor('a redraw with the new VNet', () => {
        const current = api.topologyState();
        return current && current.renders > renders && current.nodes === before.nodes + 1 ? current : undefined;
      });
      assert.equal(state.nodes, before.nodes + 1);
    } finally {
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the redraw after the revert', () => api.topologyState()?.nodes === before.nodes);
  });

  it('exports SVG and PNG files to the path given to the command', async () => {
    const svg = await vscode.commands.executeCommand<TopologyCommandResult>(showTopology, {
      export: 'out/topology-test.svg',
    });
    assert.equal(svg.exported, workspaceFile('out/topology-test.svg').fsPath);
    const text = fs.readFileSync(svg.exported, 'utf8');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.ok(text.includes('>vnet-hub<') && text.includes('snet-private-endpoints'), 'the SVG names the resources');
    const png = await vscode.commands.executeCommand<TopologyCommandResult>(showTopology, {
      export: 'out/topology-test.png',
    });
    assert.ok(png.exported);
    const bytes = fs.readFileSync(png.exported);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});
