// Files of the topology view: the names the model gives (URIs from the server, paths from the CLI)
// as VS Code URIs, and exported drawings written to disk.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TopologyExportFormat } from '@vnet-lens/protocol';

export async function writeExport(uri: vscode.Uri, format: TopologyExportFormat, data: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
}

/** A file as the model names it: a URI (the server's form), an absolute path, or a path in the workspace. */
export function resolveFile(file: string): vscode.Uri | undefined {
  if (/^[a-zA-Z][\w+.-]+:/.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)) return vscode.Uri.parse(file);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, file) : undefined;
}
