// Quick fixes over LSP against the built server on examples/: a code action attached to the diagnostic,
// its WorkspaceEdit applied as an editor would (didChange), and the diagnostic gone; the fix-all source
// action across two files; nothing offered while the text differs from the analysed one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { examples, exampleText, exampleUri, openExample, startServer, type LspSession } from '../support/lsp-client';

const uriOf = exampleUri;

class Editor {
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  constructor(private readonly session: LspSession) {}

  open(relative: string): string {
    const uri = openExample(this.session, relative);
    this.texts.set(uri, exampleText(relative));
    this.versions.set(uri, 1);
    return uri;
  }

  /** Applies a WorkspaceEdit's changes the way an editor does, and tells the server. */
  apply(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const document = TextDocument.create(uri, 'bicep', 0, this.texts.get(uri)!);
      const text = TextDocument.applyEdits(document, edits as TextEdit[]);
      this.change(uri, text);
    }
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }
}

describe('quick fixes in the editor (LSP)', () => {
  let session: LspSession;
  let editor: Editor;
  before(async () => {
    session = await startServer(pathToFileURL(examples).href);
    editor = new Editor(session);
  });
  after(async () => {
    await session.close();
  });

  test('the quick fix of pls-subnet-policies is preferred, edits the subnet, and the diagnostic goes away', async () => {
    const spoke = editor.open('modules/spoke.bicep');
    const published = await session.diagnosticsWhere(spoke, (p) => p.diagnostics.length > 0);
    const diagnostic = published.diagnostics.find((d) => d.code === 'pls-subnet-policies')!;
    const actions = await editor.codeActions(spoke, [diagnostic]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [["Set privateLinkServiceNetworkPolicies to 'Disabled'", 'quickfix', true]],
    );
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    const edits = actions[0].edit!.changes![spoke];
    assert.deepEqual(
      edits.map((e) => e.newText),
      ["          privateLinkServiceNetworkPolicies: 'Disabled'\n"],
    );
    editor.apply(actions[0].edit!);
    const after = await session.diagnosticsWhere(spoke, (p) => p.version === editor.versions.get(spoke));
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      [],
    );
  });

  test('nothing is offered for a text the server has not analysed yet', async () => {
    const spoke = uriOf('modules/spoke.bicep');
    const stale = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'x',
      code: 'pls-subnet-policies',
      source: 'VNet Lens',
    };
    editor.change(spoke, `// edited\n${editor.texts.get(spoke)}`);
    assert.deepEqual(await editor.codeActions(spoke, [stale], ['source.fixAll.vnetLens']), []);
    await session.diagnosticsWhere(spoke, (p) => p.version === editor.versions.get(spoke));
  });

  test('source.fixAll.vnetLens applies the preferred fixes of a file, across the files they touch', async () => {
    const main = editor.open('main.bicep');
    const data = editor.open('modules/data.bicep');
    const published = await session.diagnosticsWhere(data, (p) =>
      p.diagnostics.some((d) => d.code === 'pe-dns-zone-group-missing'),
    );
    const quick = await editor.codeActions(data, published.diagnostics);
    assert.deepEqual(quick.map((a) => a.title).sort(), [
      "Add DNS zone group using 'privatelink.vaultcore.azure.net'",
      "Add the 'Microsoft.Storage' service endpoint to the subnet",
    ]);
    const all = await editor.codeActions(data, [], ['source.fixAll.vnetLens']);
    assert.deepEqual(
      all.map((a) => [a.title, a.kind]),
      [['Fix all VNet Lens problems', 'source.fixAll.vnetLens']],
    );
    // The service endpoint goes onto the workload subnet, declared in the spoke module.
    assert.deepEqual(Object.keys(all[0].edit!.changes!).sort(), [main, data, uriOf('modules/spoke.bicep')].sort());
    editor.apply(all[0].edit!);
    const after = await session.diagnosticsWhere(
      data,
      (p) =>
        p.version === editor.versions.get(data) && !p.diagnostics.some((d) => d.code === 'pe-dns-zone-group-missing'),
    );
    assert.deepEqual(after.diagnostics, []);
    assert.match(editor.texts.get(main)!, /vaultcoreDnsZoneId: privateDns\.outputs\.vaultZoneId/);
  });
});
