// A folder created and deleted on disk inside the workspace, in the real VS Code: the editor reports it
// as one event for the folder, none for the templates in it; the client watches folders too, and the
// server takes the event as the folder's, so the template in it is analysed, then its diagnostics go.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './support';

const zoneInRegion = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'eastus'
}
`;

const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;

describe('VNet Lens and folders changed on disk', () => {
  it("analyses a folder's template when the folder appears, and clears it when the folder is deleted", async () => {
    const folder = workspaceFile('folder-event').fsPath;
    const zone = vscode.Uri.file(path.join(folder, 'zone.bicep'));
    const staged = `${folder}-staged`;
    fs.mkdirSync(staged);
    fs.writeFileSync(path.join(staged, 'zone.bicep'), zoneInRegion);
    // Moved in whole: the watcher sees the folder appear, with its template already in it.
    fs.renameSync(staged, folder);
    try {
      const found = await waitFor(
        "the moved-in folder's template to be analysed",
        () =>
          vscode.languages
            .getDiagnostics(zone)
            .find((d) => d.source === 'VNet Lens' && codeOf(d) === 'dns-zone-location'),
        45_000,
      );
      assert.match(found.message, /privatelink\.blob\.core\.windows\.net/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await waitFor(
      "the deleted folder's diagnostics to clear",
      () => vscode.languages.getDiagnostics(zone).length === 0 || undefined,
      45_000,
    );
  });
});
