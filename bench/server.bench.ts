// The language server as an editor meets it (DESIGN §10), through the built dist/server.js over
// stdio: indexing all of ../shared/corpus as one workspace (time to the first finished analysis,
// and resident memory then), and keystroke → diagnostics on the 10 largest corpus files, with the
// server's deliberate debounce reported apart and not counted.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../test/support/lsp-client';
import { corpusRoot, percentile, report } from './support';

const debounceMs = 150; // server/src/lsp/server.ts: edits are coalesced for this long before analysis

function largestFiles(count: number): string[] {
  const files = fs.readdirSync(corpusRoot, { recursive: true }).map(String)
    .filter((file) => file.endsWith('.bicep'))
    .map((file) => path.join(corpusRoot, file));
  return files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size).slice(0, count);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function indexCorpus(): Promise<void> {
  const started = process.hrtime.bigint();
  const session = await startServer(pathToFileURL(corpusRoot).href);
  let idle!: () => void;
  const done = new Promise<void>((resolve) => { idle = resolve; });
  session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
    if (status.state === 'idle') idle();
  });
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const memory = rssMb(session.child.pid!);
  await session.close();
  report({ name: 'corpusIndexSeconds', value: seconds, unit: 's', budget: 5, note: 'server start → first analysis of all of ../shared/corpus as one workspace' });
  report({ name: 'corpusRssMb', value: memory, unit: 'MB', budget: 300, note: 'server resident memory after indexing the corpus' });
}

async function keystrokes(): Promise<void> {
  const files = largestFiles(10);
  // No folder open; the files' modules lie beside them, outside any folder, so reading them is allowed.
  const session = await startServer(undefined, { allowFilesOutsideWorkspace: true });
  const latencies: number[] = [];
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => waiting.get(params.uri)?.(params));
  const next = (uri: string) => new Promise<void>((resolve) => waiting.set(uri, () => { waiting.delete(uri); resolve(); }));
  let lines = 0;
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    lines = Math.max(lines, text.split('\n').length);
    const opened = next(uri);
    void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bicep', version: 1, text } });
    await opened;
    for (let version = 2; version < 22; version++) {
      const published = next(uri);
      const start = process.hrtime.bigint();
      // One character typed at the end of the first line (a space: the file stays valid).
      void session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
      });
      await published;
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6 - debounceMs);
    }
  }
  await session.close();
  const note = `${files.length} largest corpus .bicep files (up to ${lines} lines), 20 edits each; the ${debounceMs} ms debounce is subtracted`;
  report({ name: 'keystrokeP50Ms', value: percentile(latencies, 50), unit: 'ms', note });
  report({ name: 'keystrokeP95Ms', value: percentile(latencies, 95), unit: 'ms', budget: 50, note });
  report({ name: 'keystrokeDebounceMs', value: debounceMs, unit: 'ms', note: 'deliberate delay before analysis, not counted above' });
}

async function main(): Promise<void> {
  await keystrokes();
  await indexCorpus();
}

void main();
