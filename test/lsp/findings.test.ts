// The planted mistakes of examples/ reach the editor as diagnostics, each in its declaring file,
// and a change in one file updates the diagnostics of another (DESIGN §2, "Across files").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { examples, exampleText, exampleUri, openExample, startServer, type LspSession } from '../support/lsp-client';

const uriOf = exampleUri;
const codes = (published: PublishDiagnosticsParams) =>
  published.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

const open = (session: LspSession, relative: string, text?: string) => openExample(session, relative, 'bicep', text);

describe('findings in the editor', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer(pathToFileURL(examples).href);
  });
  after(async () => {
    await session.close();
  });

  test('the planted mistakes appear in their declaring files with rule ids, docs links and related locations', async () => {
    const data = open(session, 'modules/data.bicep');
    const published = await session.diagnosticsWhere(data, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(published), ['pe-dns-zone-group-missing@103', 'service-endpoint-missing@146']);
    const diagnostic = published.diagnostics.find((d) => d.code === 'pe-dns-zone-group-missing')!;
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.source, 'VNet Lens');
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/pe-dns-zone-group-missing\.md$/);
    assert.ok(
      diagnostic.relatedInformation?.some((info) => info.location.uri === uriOf('main.bicep')),
      'the module call is related information',
    );

    const spoke = open(session, 'modules/spoke.bicep');
    assert.deepEqual(codes(await session.diagnosticsWhere(spoke, (p) => p.diagnostics.length > 0)), [
      'pls-subnet-policies@82',
    ]);
    const main = open(session, 'main.bicep');
    assert.deepEqual(codes(await session.diagnosticsWhere(main, (p) => p.diagnostics.length > 0)), [
      'peering-reverse-missing@63',
    ]);
    const connectivity = open(session, 'connectivity.bicep');
    assert.deepEqual(codes(await session.diagnosticsWhere(connectivity, (p) => p.diagnostics.length > 0)).sort(), [
      'peering-remote-gateway-order@115',
      'peering-spokes-overlap@129',
    ]);
  });

  test('adding the reverse peering in the spoke module clears the finding in main.bicep', async () => {
    const spokeText = exampleText('modules/spoke.bicep');
    const reverse = `
resource peerSpokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'peer-spoke-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
  }
}
`;
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf('modules/spoke.bicep'), version: 2 },
      contentChanges: [{ text: spokeText + reverse }],
    });
    const main = await session.diagnosticsWhere(
      uriOf('main.bicep'),
      (p) => !codes(p).includes('peering-reverse-missing@63'),
    );
    assert.deepEqual(codes(main), []);
  });
});
