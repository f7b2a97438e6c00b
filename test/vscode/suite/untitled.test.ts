// An untitled editor in the Bicep language, inside the real VS Code extension host: the client's selector
// sends it and the server analyses it by the editor's language (its name says none). Closed unsaved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './support';

const oneWayPeering = `resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-untitled-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.50.0.0/16'] } }
}

resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-untitled-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.51.0.0/16'] } }
}

resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: { remoteVirtualNetwork: { id: spoke.id } }
}
`;

const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;

describe('VNet Lens on an untitled editor', () => {
  it('reports the one-way peering of an untitled Bicep document, and its diagnostics go when it closes', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'bicep', content: oneWayPeering });
    assert.equal(document.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(document);
    const found = await waitFor(
      'the untitled document to be analysed',
      () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .find((d) => d.source === 'VNet Lens' && codeOf(d) === 'peering-reverse-missing'),
      45_000,
    );
    assert.match(found.message, /^Peering 'vnet-untitled-hub\/hub-to-spoke' connects 'vnet-untitled-hub'/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      'its diagnostics to clear',
      () => vscode.languages.getDiagnostics(document.uri).length === 0 || undefined,
      45_000,
    );
  });
});
