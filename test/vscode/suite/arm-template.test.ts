// With a language `arm-template` present (the Azure Resource Manager Tools extension declares it; the
// runner loads a stand-in), ARM JSON files in that language still get the `vnl-` snippets, which the
// manifest cannot contribute to a language that may not exist.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, waitFor, workspaceFile } from './support';

// out/test/vscode/suite → the repository (the extension runs unpacked from it).
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('VNet Lens beside the arm-template language', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    if (!extension.isActive) await extension.activate();
  });

  it('offers every ARM snippet, with its body, in an arm-template document', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('arm-template'), 'the stand-in declares arm-template');
    const source = await vscode.workspace.openTextDocument(workspaceFile('arm/dns.json'));
    const document = await vscode.languages.setTextDocumentLanguage(source, 'arm-template');
    assert.equal(document.languageId, 'arm-template');
    const at = document.getText().indexOf('"resources": [') + '"resources": ['.length;
    assert.ok(at > '"resources": ['.length, 'arm/dns.json has a resources array');
    const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/arm.json'), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >;
    const items = await waitFor('the vnl- snippets', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        document.positionAt(at),
      );
      const found = (list?.items ?? []).filter(
        (item) =>
          item.kind === vscode.CompletionItemKind.Snippet &&
          String(typeof item.label === 'string' ? item.label : item.label.label).startsWith('vnl-'),
      );
      return found.length > 0 ? found : undefined;
    });
    const byLabel = new Map(
      items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item]),
    );
    for (const snippet of Object.values(snippets)) {
      const item = byLabel.get(snippet.prefix);
      assert.ok(item, `${snippet.prefix} is offered`);
      assert.equal((item.insertText as vscode.SnippetString).value, snippet.body.join('\n'));
    }
  });
});
