// The open documents, fed only well-formed notifications (issue 20): a `didOpen` whose text is not a
// string, or a change whose range is not made of numbers, would put text that is not text into the
// index, and every later analysis would throw until the document closed. Such a notification is
// logged and ignored; one for a document that is not open is ignored (TextDocuments does so), and an
// out-of-range position is clamped to the document (TextDocument.update does so).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type Logger = (message: string) => void;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPosition = (value: unknown) =>
  isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
const isRange = (value: unknown) => isRecord(value) && isPosition(value.start) && isPosition(value.end);

/** Why a didOpen's parameters are unusable, or undefined when they are fine. */
export function openProblem(params: unknown): string | undefined {
  const document = isRecord(params) ? params.textDocument : undefined;
  if (!isRecord(document) || typeof document.uri !== 'string') return 'no text document uri';
  if (typeof document.text !== 'string') return `the text of ${document.uri} is not a string`;
  if (typeof document.languageId !== 'string' || !Number.isInteger(document.version))
    return `${document.uri} has no language id or integer version`;
  return undefined;
}

/** Why a didChange's parameters are unusable, or undefined when they are fine. */
export function changeProblem(params: unknown): string | undefined {
  const document = isRecord(params) ? params.textDocument : undefined;
  if (!isRecord(document) || typeof document.uri !== 'string') return 'no text document uri';
  if (!Number.isInteger(document.version)) return `the change of ${document.uri} has no integer version`;
  const changes = isRecord(params) ? params.contentChanges : undefined;
  if (!Array.isArray(changes)) return `the change of ${document.uri} has no list of changes`;
  const valid = changes.every(
    (change) =>
      isRecord(change) && typeof change.text === 'string' && (change.range === undefined || isRange(change.range)),
  );
  return valid ? undefined : `a change of ${document.uri} has no text or a range that is not made of integers`;
}

/** `documents.listen(connection)`, with each text notification checked first. */
export function listenChecked(documents: TextDocuments<TextDocument>, connection: Connection, log: Logger): void {
  const checked = Object.create(connection) as Connection;
  checked.onDidOpenTextDocument = (handler) =>
    connection.onDidOpenTextDocument((params) => {
      const problem = openProblem(params);
      if (problem) log(`Ignored textDocument/didOpen: ${problem}.`);
      else handler(params);
    });
  checked.onDidChangeTextDocument = (handler) =>
    connection.onDidChangeTextDocument((params) => {
      const problem = changeProblem(params);
      if (problem) log(`Ignored textDocument/didChange: ${problem}.`);
      else handler(params);
    });
  checked.onDidCloseTextDocument = (handler) =>
    connection.onDidCloseTextDocument((params) => {
      if (isRecord(params?.textDocument) && typeof params.textDocument.uri === 'string') handler(params);
      else log('Ignored textDocument/didClose: no text document uri.');
    });
  documents.listen(checked);
}
