// What the language server publishes for the corpus (issue 16: a change to the indexing path must not
// change it): starts the built server (dist/server.js; `node scripts/build.mjs` first) with all of
// ../shared/corpus as its workspace, collects every publishDiagnostics until the first analysis is
// published (`vnetLens/status` idle), and writes the last diagnostics of each file, sorted by URI, as
// JSON with the corpus's and the checkout's paths cut (rule links name the checkout). Compare two
// builds' files byte for byte:
//
//   node --import tsx scripts/corpus-diagnostics.ts /tmp/after.json
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { whenIdle } from '../bench/keystrokes';
import { corpusRoot } from '../bench/support';
import { startServer } from '../test/support/lsp-client';
import { repoRoot } from '../test/support/paths';

async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) throw new Error('usage: corpus-diagnostics.ts <output.json>');
  const root = pathToFileURL(corpusRoot).href;
  const session = await startServer(root);
  const published = new Map<string, PublishDiagnosticsParams['diagnostics']>();
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri.replace(root, ''), params.diagnostics);
  });
  await whenIdle(session);
  await session.close();
  const sorted = [...published].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const json = JSON.stringify(Object.fromEntries(sorted), null, 1)
    .replaceAll(root, '<corpus>')
    .replaceAll(pathToFileURL(repoRoot).href, '<checkout>');
  fs.writeFileSync(output, `${json}\n`);
  const count = sorted.reduce((sum, [, diagnostics]) => sum + diagnostics.length, 0);
  console.log(`${sorted.length} files published, ${count} diagnostics → ${output}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
