// Completion, hover and snippets inside the real VS Code extension host, on the copy of examples/: the
// language client carries the server's group ids, policy values and hovers into the editor's own
// providers, the `vnl-` snippets are contributed, and VS Code expands every snippet (tabbing through each
// stop, transforms included) to exactly the text the unit tests check with the rule catalog.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, waitFor, workspaceFile } from './support';

// out/test/vscode/suite → the repository (the extension runs unpacked from it).
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function positionAfter(document: vscode.TextDocument, marker: string): vscode.Position {
  const at = document.getText().indexOf(marker);
  assert.ok(at >= 0, `${marker} is in ${document.uri.path}`);
  return document.positionAt(at + marker.length);
}

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return list?.items ?? [];
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return (hovers ?? [])
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n');
}

describe('VNet Lens completion, hover and snippets in VS Code', () => {
  before(async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('main.bicep'));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    if (!extension.isActive) await extension.activate();
  });

  it('completes the group ids of the endpoint target in modules/data.bicep', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('modules/data.bicep'));
    const position = positionAfter(document, "groupIds: [\n            'bl");
    const items = await waitFor('group id completions', async () => {
      const found = await completions(document, position);
      return found.some((item) => labelOf(item) === 'blob_secondary') ? found : undefined;
    });
    const blob = items.find((item) => labelOf(item) === 'blob');
    assert.ok(blob, 'blob is offered');
    assert.equal(blob.kind, vscode.CompletionItemKind.EnumMember);
    const edit = blob.textEdit ?? (blob.insertText !== undefined ? { newText: blob.insertText } : undefined);
    assert.equal(
      typeof edit?.newText === 'string' ? edit.newText : (edit?.newText as vscode.SnippetString | undefined)?.value,
      "'blob'",
    );
    assert.ok(items.some((item) => labelOf(item) === 'dfs'));
  });

  it('completes subnet policy values in an ARM template typed into arm/dns.json', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('arm/dns.json'));
    const editor = await vscode.window.showTextDocument(document);
    const anchor = '"addressPrefix": "[parameters(\'vmSubnetPrefix\')]"';
    await editor.edit((builder) =>
      builder.insert(positionAfter(document, anchor), ',\n              "privateEndpointNetworkPolicies": ""'),
    );
    try {
      const position = positionAfter(document, '"privateEndpointNetworkPolicies": "');
      const items = await waitFor('policy values', async () => {
        const found = await completions(document, position);
        return found.some((item) => labelOf(item) === 'NetworkSecurityGroupEnabled') ? found : undefined;
      });
      assert.ok(items.some((item) => labelOf(item) === 'RouteTableEnabled'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.isDirty, false);
  });

  it('hovers a private endpoint, a subnet and a peering in the Bicep files', async () => {
    const data = await vscode.workspace.openTextDocument(workspaceFile('modules/data.bicep'));
    const endpoint = await waitFor('the endpoint hover', async () => {
      const text = await hoverText(data, positionAfter(data, 'resource peStor'));
      return text.includes('**Private endpoint**') ? text : undefined;
    });
    assert.match(endpoint, /`privatelink\.blob\.core\.windows\.net` \(✓ recommended\)/);
    assert.match(endpoint, /`snet-private-endpoints` in VNet `vnet-spoke-orders`/);
    const spoke = await vscode.workspace.openTextDocument(workspaceFile('modules/spoke.bicep'));
    const subnet = await hoverText(spoke, positionAfter(spoke, 'name: privateEndpointSub'));
    assert.match(subnet, /`10\.1\.1\.4` to `10\.1\.1\.254`: 251 addresses/);
    const main = await vscode.workspace.openTextDocument(workspaceFile('main.bicep'));
    const peering = await hoverText(main, positionAfter(main, 'resource peerHub'));
    assert.match(peering, /\*\*Reverse peering:\*\* ✗ none/);
  });

  it('hovers the private DNS zone of arm/dns.json with its linked VNet', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('arm/dns.json'));
    const text = await waitFor('the zone hover', async () => {
      const found = await hoverText(document, positionAfter(document, '"type": "Microsoft.Network/privateDns'));
      return found.includes('**Private DNS zone**') ? found : undefined;
    });
    assert.match(text, /`contoso\.internal`/);
    assert.match(text, /\*\*Linked VNets \(1\):\*\* `vnet-mgmt` \(auto-registration\)/);
  });

  it('contributes the vnl- snippets to .bicep files', async () => {
    const file = workspaceFile('scratch/snippets.bicep');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('vnl-'));
    const document = await vscode.workspace.openTextDocument(file);
    assert.equal(document.languageId, 'bicep');
    const items = await completions(document, new vscode.Position(0, 4));
    const snippets = items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(file);
    for (const prefix of [
      'vnl-private-endpoint',
      'vnl-private-endpoint-storage',
      'vnl-hub-spoke',
      'vnl-private-dns-zone',
    ]) {
      assert.ok(snippets.includes(prefix), `${prefix} is offered (got ${snippets.join(', ')})`);
    }
  });

  it('expands every snippet to the text the unit tests check (tab stops, choices, mirrors, transforms)', async function () {
    this.timeout(180_000);
    const expected = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'test/vscode/snippet-expansions.json'), 'utf8'),
    ) as Record<'bicep' | 'arm', Record<string, string>>;
    const mismatches: string[] = [];
    for (const [language, file, languageId] of [
      ['bicep', 'snippets/bicep.json', 'bicep'],
      ['arm', 'snippets/arm.json', 'json'],
    ] as const) {
      const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<
        string,
        { prefix: string; body: string[] }
      >;
      for (const snippet of Object.values(snippets)) {
        const body = snippet.body.join('\n');
        const document = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
        const editor = await vscode.window.showTextDocument(document);
        await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
        const stops = new Set([...body.matchAll(/\$\{?(\d+)/g)].map((match) => match[1])).size;
        for (let step = 0; step <= stops; step++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        const text = document.getText().replace(/\r\n/g, '\n');
        if (text !== expected[language][snippet.prefix])
          mismatches.push(
            `${language} ${snippet.prefix}:\n${text}\n--- expected ---\n${expected[language][snippet.prefix]}`,
          );
        // Close the choice list first: closing the editor under an open suggest widget logs disposal errors.
        await vscode.commands.executeCommand('hideSuggestWidget');
        await vscode.commands.executeCommand('leaveSnippet');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
