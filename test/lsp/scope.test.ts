// vnetLens.analysisScope: 'workspace' analyses every file of the folders; 'file' only the open
// documents with what they pull in (modules), so an unrelated template gets no diagnostics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../support/lsp-client';
import { repoRoot } from '../support/paths';

const examples = path.join(repoRoot, 'examples');
const uriOf = (relative: string) => pathToFileURL(path.join(examples, relative)).href;

async function openMainAndCollect(session: LspSession): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    seen.set(
      params.uri,
      params.diagnostics.map((d) => String(d.code)),
    );
  });
  const text = fs.readFileSync(path.join(examples, 'main.bicep'), 'utf8');
  void session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uriOf('main.bicep'), languageId: 'bicep', version: 1, text },
  });
  // Wait until main.bicep's own finding is in, then a little for the other files' diagnostics.
  for (let waited = 0; !(seen.get(uriOf('main.bicep')) ?? []).includes('peering-reverse-missing'); waited += 50) {
    if (waited > 15_000) throw new Error('main.bicep got no peering finding');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  return seen;
}

test(
  "scope 'workspace' reports an unrelated ARM template's finding; scope 'file' does not",
  { timeout: 60_000 },
  async () => {
    const everything = await startServer(pathToFileURL(examples).href, { analysisScope: 'workspace' });
    const wide = await openMainAndCollect(everything);
    await everything.close();
    assert.deepEqual(wide.get(uriOf('arm/dns.json')), ['dns-zone-location']);
    assert.deepEqual(wide.get(uriOf('modules/data.bicep')), ['pe-dns-zone-group-missing', 'service-endpoint-missing']);

    const openOnly = await startServer(pathToFileURL(examples).href, { analysisScope: 'file' });
    const narrow = await openMainAndCollect(openOnly);
    await openOnly.close();
    assert.equal(narrow.has(uriOf('arm/dns.json')), false, 'the unrelated template is not analysed');
    assert.deepEqual(
      narrow.get(uriOf('modules/data.bicep')),
      ['pe-dns-zone-group-missing', 'service-endpoint-missing'],
      'modules main.bicep pulls in are',
    );
  },
);
