// `vnet-lens parse` and `vnet-lens model`: each file's language and syntax errors, or the network model the
// files declare, as text or JSON. Invariant: template text is escaped before it reaches the terminal.
import { LineIndex, modelOfDocuments } from '../engine';
import { parseDocument } from '../engine/parse';
import type { ParseCommand } from './args';
import { escapeControls, escapeJsonControls } from './escape';
import { exitCodes, type CliIo } from './io';
import { displayPath } from './located';
import { modelAsText } from './model-text';
import { hostFor, loadFiles } from './run-files';

export async function runParseOrModel(command: ParseCommand, io: CliIo): Promise<number> {
  const { documents, ioErrors, missing } = loadFiles(command.paths, io);
  if (missing > 0) return exitCodes.usageOrIo;
  if (command.command === 'model') {
    const model = await modelOfDocuments(documents, hostFor(command, io), 'AzureCloud');
    const entities = model.entities.map((entity) => ({ ...entity, file: displayPath(entity.file, io.cwd) }));
    if (command.format === 'json') {
      io.stdout(escapeJsonControls(JSON.stringify({ entities, references: model.references }, null, 2)) + '\n');
    } else {
      // Names come from templates: each line is escaped, the line breaks between them are ours.
      const text = modelAsText({ entities, references: model.references }, { ids: command.ids });
      io.stdout(
        text
          .split('\n')
          .map((line) => escapeControls(line))
          .join('\n'),
      );
    }
    return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
  }
  const reports = documents.map((document) => {
    const parsed = parseDocument(document.uri, document.text);
    const index = new LineIndex(document.text);
    return {
      file: displayPath(document.uri, io.cwd),
      language: parsed.language,
      syntaxErrors: parsed.syntaxErrors.map((error) => {
        const position = index.positionAt(error.start);
        return { line: position.line + 1, column: position.column + 1, message: error.message };
      }),
    };
  });
  if (command.format === 'json') {
    io.stdout(escapeJsonControls(JSON.stringify(reports, null, 2)) + '\n');
  } else {
    for (const report of reports) {
      io.stdout(`${escapeControls(report.file)}: ${report.language}, ${report.syntaxErrors.length} syntax error(s)\n`);
      for (const error of report.syntaxErrors)
        io.stdout(`  ${escapeControls(report.file)}:${error.line}:${error.column}: ${escapeControls(error.message)}\n`);
    }
  }
  return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
}
