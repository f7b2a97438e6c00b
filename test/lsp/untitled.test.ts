// An untitled document (a new editor tab never saved) over LSP against the built server: the client
// sends untitled Bicep documents (client/src/extension.ts), and the server analyses them by the
// editor's language, since their name says none; a document in another language stays unanalysed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bicepPeering, bicepVnet } from '../support/bicep-network';
import { startServer, type LspSession } from '../support/lsp-client';

/** A hub, a spoke and the hub's peering to it, with no peering back; a blank line between resources. */
const hubAndSpoke = [
  bicepVnet(undefined, { symbol: 'hub', name: 'vnet-hub', api: '2024-05-01', space: "'10.0.0.0/16'" }),
  bicepVnet(undefined, { symbol: 'spoke', name: 'vnet-spoke', api: '2024-05-01' }),
  bicepPeering('hubToSpoke', 'hub', 'spoke.id', { name: "'hub-to-spoke'" }),
].join('\n');

describe('untitled documents (LSP)', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer(); // no folder: an untitled document belongs to none
  });
  after(async () => {
    await session.close();
  });

  test('an untitled Bicep document is analysed, and its quick fix edits it', async () => {
    const uri = 'untitled:Untitled-1';
    session.open(uri, hubAndSpoke, 'bicep');
    const published = await session.diagnosticsWhere(uri, (p) => p.diagnostics.length > 0);
    const diagnostic = published.diagnostics.find((d: Diagnostic) => d.code === 'peering-reverse-missing');
    assert.ok(diagnostic, `peering-reverse-missing among ${published.diagnostics.map((d) => d.code).join(', ')}`);
    assert.match(String(diagnostic.message), /^Peering 'vnet-hub\/hub-to-spoke' connects 'vnet-hub' to 'vnet-spoke'/);

    const actions: CodeAction[] = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const reverse = actions.find((action) => /reverse peering/i.test(action.title));
    assert.ok(reverse?.edit?.changes?.[uri], `a fix editing the document among ${actions.map((a) => a.title)}`);
    const fixed = TextDocument.applyEdits(
      TextDocument.create(uri, 'bicep', 1, hubAndSpoke),
      reverse.edit.changes[uri] as TextEdit[],
    );
    // The reverse peering goes after the spoke it belongs to.
    const spokeEnd = hubAndSpoke.indexOf('\nresource hubToSpoke');
    assert.equal(
      fixed,
      `${hubAndSpoke.slice(0, spokeEnd)}
resource peerVnetSpokeToVnetHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: spoke
  name: 'vnet-spoke-to-vnet-hub'
  properties: {
    remoteVirtualNetwork: {
      id: hub.id
    }
  }
}
${hubAndSpoke.slice(spokeEnd)}`,
    );
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = await session.diagnosticsWhere(uri, (p) => p.version === 2);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      [],
    );
  });

  test('closing it clears its diagnostics', async () => {
    const uri = 'untitled:Untitled-2';
    // Other names: the first test's document, still open, declares these VNets with both peerings.
    session.open(uri, hubAndSpoke.replaceAll("'vnet-", "'other-vnet-"), 'bicep');
    await session.diagnosticsWhere(uri, (p) => p.diagnostics.length > 0);
    void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);
  });

  test('an untitled document in another language is not analysed as Bicep', async () => {
    const uri = 'untitled:Untitled-3';
    session.open(uri, hubAndSpoke, 'plaintext');
    const published = await session.nextDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
  });
});
