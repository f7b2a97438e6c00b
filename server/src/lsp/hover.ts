// textDocument/hover: the assist layer's markdown for the entity under the cursor, with the range of the
// anchor it was found on. Invariant: answers through `guard` (a failure is no hover and a log line).
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../assist';
import { syncedDocument, type AssistDependencies } from './completion';
import { toRange } from './convert';
import { guard } from './guard';

export function hoverHandler(dependencies: AssistDependencies) {
  return (params: HoverParams, token: CancellationToken): Promise<Hover | null> =>
    guard(
      token,
      dependencies.log,
      'hover',
      async () => {
        const document = syncedDocument(dependencies, params.textDocument.uri);
        if (!document) return null;
        const hover = await hoverAt(
          dependencies.workspace,
          document.uri,
          document.offsetAt(params.position),
          { cloud: dependencies.cloud() },
          dependencies.modelOf,
        );
        if (!hover) return null;
        return {
          contents: { kind: MarkupKind.Markdown, value: hover.markdown },
          range: toRange(document, hover.range),
        };
      },
      null,
    );
}
