// Findings for the topology markers while the server's model carries none: the VNet Lens diagnostics
// of the files the model's resources come from. The page puts each on the declaration nearest at or
// above its line; the server's own findings (with entity ids) take over once it sends them.
import * as vscode from 'vscode';
import type { ModelJson, TopologyFindingJson } from '@vnet-lens/protocol';
import { resolveFile } from './topology-files';

const diagnosticSource = 'VNet Lens';

export function findingsFromDiagnostics(model: ModelJson): TopologyFindingJson[] {
  const files = new Map<string, string>();
  for (const entity of model.entities) {
    const uri = resolveFile(entity.file);
    if (uri) files.set(uri.toString(), entity.file);
  }
  const findings: TopologyFindingJson[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const file = files.get(uri.toString());
    if (file === undefined) continue;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== diagnosticSource) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      findings.push({
        ruleId: code === undefined ? 'vnet-lens' : String(code),
        level: level(diagnostic.severity),
        message: diagnostic.message,
        file,
        line: diagnostic.range.start.line + 1,
      });
    }
  }
  return findings;
}

function level(severity: vscode.DiagnosticSeverity): TopologyFindingJson['level'] {
  if (severity === vscode.DiagnosticSeverity.Error) return 'error';
  if (severity === vscode.DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}
