// The topology page's HTML: one script from the extension's dist/webview folder under a strict
// Content Security Policy (nothing but that script, styles carrying the nonce, and images from the
// webview's own origin or data: URIs for the PNG export). The browser suite loads the same HTML.
// Invariant: imports nothing (no `vscode`), so tests can build the page outside VS Code.
import { randomBytes } from 'node:crypto';

export interface TopologyHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** The URI of dist/webview/topology.js as the webview loads it (`webview.asWebviewUri`). */
  scriptUri: string;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function topologyHtml(options: TopologyHtmlOptions): string {
  const nonce = options.nonce ?? newNonce();
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>VNet Topology</title>
</head>
<body>
<div id="topology">Loading the topology…</div>
<script nonce="${attribute(nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
