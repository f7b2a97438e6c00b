// textDocument/completion: the open document's text goes to the workspace, the cursor becomes an offset,
// and the assist layer's items become LSP completion items with text edits over their ranges.
// Invariant: answers through `guard` (a failure is an empty list and a log line, never a crash).
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, type AssistCompletion, type AssistItemKind, type ModelSource } from '../assist';
import type { Workspace } from '../engine';
import type { Cloud } from '../facts';
import { toRange } from './convert';
import { guard, type Logger } from './guard';

/** Typing a quote opens a string value: Bicep `'`, JSON `"`. */
export const completionTriggerCharacters = ["'", '"'];

export interface AssistDependencies {
  workspace: Workspace;
  documents: TextDocuments<TextDocument>;
  cloud: () => Cloud;
  log: Logger;
  /** The model a request reads (the last finished analysis's). */
  modelOf: ModelSource;
}

const kinds: Record<AssistItemKind, CompletionItemKind> = {
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  property: CompletionItemKind.Property,
  constant: CompletionItemKind.Constant,
  reference: CompletionItemKind.Reference,
};

/** The document's current text in the workspace (a no-op when the change handler already put it there). */
export function syncedDocument(dependencies: AssistDependencies, uri: string): TextDocument | undefined {
  const document = dependencies.documents.get(uri);
  if (document && dependencies.workspace.has(uri)) dependencies.workspace.setFile(uri, document.getText());
  return document && dependencies.workspace.has(uri) ? document : undefined;
}

export function completionHandler(dependencies: AssistDependencies) {
  return (params: CompletionParams, token: CancellationToken): Promise<CompletionItem[]> =>
    guard(
      token,
      dependencies.log,
      'completion',
      async () => {
        const document = syncedDocument(dependencies, params.textDocument.uri);
        if (!document) return [];
        const offset = document.offsetAt(params.position);
        const items = await completionsAt(
          dependencies.workspace,
          document.uri,
          offset,
          { cloud: dependencies.cloud() },
          dependencies.modelOf,
        );
        return items.map((item) => toCompletionItem(document, item));
      },
      [],
    );
}

function toCompletionItem(document: TextDocument, item: AssistCompletion): CompletionItem {
  return {
    label: item.label,
    kind: kinds[item.kind],
    textEdit: { range: toRange(document, item.range), newText: item.insertText },
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.preselect ? { preselect: true } : {}),
  };
}
