// Quick fixes inside the real VS Code extension host, on the sandbox copy of examples/: the planted
// pe-dns-zone-group-missing of modules/data.bicep offers its preferred fix through the code action
// provider (what Ctrl+. shows), applying it clears the diagnostic; "VNet Lens: Fix All in File" does the
// same for modules/spoke.bicep. Edited documents are reverted afterwards (nothing is saved).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor as waitUpTo, workspaceFile } from './support';

const waitFor = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>) =>
  waitUpTo(what, probe, 60_000);
const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
const planted = (uri: vscode.Uri, rule: string) =>
  vscode.languages.getDiagnostics(uri).find((d) => d.source === 'VNet Lens' && codeOf(d) === rule);

describe('VNet Lens quick fixes in VS Code', () => {
  after(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('offers the preferred zone-group fix on the planted finding of data.bicep, and applying it clears the diagnostic', async () => {
    const uri = workspaceFile('modules/data.bicep');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor('the planted diagnostic', () => planted(uri, 'pe-dns-zone-group-missing'));
    const action = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.find(
        (candidate) => candidate.title === "Add DNS zone group using 'privatelink.vaultcore.azure.net'",
      );
    });
    assert.equal(action.isPreferred, true);
    assert.ok(action.edit, 'the action carries its edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.match(
      document.getText(),
      /resource peKeyVaultDnsZoneGroup 'Microsoft\.Network\/privateEndpoints\/privateDnsZoneGroups@2025-09-01' = \{/,
    );
    assert.match(document.getText(), /param vaultcoreDnsZoneId string/);
    await waitFor('the diagnostic to clear', () => !planted(uri, 'pe-dns-zone-group-missing'));
  });

  it('"VNet Lens: Fix All in File" fixes spoke.bicep', async () => {
    const uri = workspaceFile('modules/spoke.bicep');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the planted diagnostic', () => planted(uri, 'pls-subnet-policies'));
    const applied = await waitFor(
      'the fix-all command',
      async () => (await vscode.commands.executeCommand<boolean>('vnetLens.fixAllInFile', uri)) || undefined,
    );
    assert.equal(applied, true);
    assert.match(document.getText(), /privateLinkServiceNetworkPolicies: 'Disabled'/);
    await waitFor('the diagnostic to clear', () => !planted(uri, 'pls-subnet-policies'));
  });
});
