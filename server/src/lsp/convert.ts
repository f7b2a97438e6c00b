// The one place where engine offsets become LSP ranges and engine findings become LSP diagnostics.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import type { Finding, Level, Notice, TextRange } from '../engine';
import { packageRoot } from '../package-root';
import { ruleDocPath } from '../rules/support/docs-location';
import { toolName } from '../version';

const severities: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Each rule's documentation link, made once: a file URL is costly to build for every finding of every analysis. */
const docLinks = new Map<string, string>();

function docLink(ruleId: string): string {
  let link = docLinks.get(ruleId);
  if (link === undefined) docLinks.set(ruleId, (link = pathToFileURL(ruleDocPath(packageRoot(), ruleId)).href));
  return link;
}

export function toRange(document: TextDocument, range: TextRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

/** A limit the analysis hit (file too large, evaluation too long): information, with no rule. */
export function noticeDiagnostic(document: TextDocument, notice: Notice): Diagnostic {
  return {
    range: toRange(document, notice),
    severity: DiagnosticSeverity.Information,
    source: toolName,
    message: notice.message,
  };
}

/** `documentFor` finds the text of related locations in other files, when the server has it. */
export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  documentFor: (uri: string) => TextDocument | undefined,
): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related) {
    const other = related.uri === document.uri ? document : documentFor(related.uri);
    if (!other) continue;
    relatedInformation.push({
      location: { uri: related.uri, range: toRange(other, related) },
      message: related.message,
    });
  }
  return {
    range: toRange(document, finding),
    severity: severities[finding.level],
    code: finding.ruleId,
    codeDescription: { href: docLink(finding.ruleId) },
    source: toolName,
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
  };
}
