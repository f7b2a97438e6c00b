// The language server as an editor meets it (DESIGN §10), through the built dist/server.js over
// stdio: keystroke → diagnostics on a generated 5,000-line hub-and-spoke file, first with no folder
// open, then with all of ../shared/corpus open as the workspace (the default scope indexes every
// file of it); and indexing that corpus (time to the first finished analysis, resident memory then).
// Each keystroke types into (or deletes from) a resource name, so the model changes every time; the
// server's deliberate debounce is subtracted. Last, hover, completion and code action latency on a
// small document while a long analysis runs (a VNet of 4,000 subnets and a 3.9 MB ARM template).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { requestsDuringLongAnalysis } from '../test/support/long-analysis';
import { startServer, type LspSession } from '../test/support/lsp-client';
import { hubAndSpokeFileBicep, spokesForLines } from './hub-and-spoke';
import { corpusRoot, percentile, report } from './support';

const debounceMs = 150; // server/src/lsp/scheduling.ts: edits are coalesced for this long before analysis
const edits = 30;

/** User + system CPU seconds a process has used (fields 14 and 15 of /proc/<pid>/stat, in clock ticks). */
function cpuSeconds(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Resolves when the server says `idle` (every diagnostic of an analysis published). */
function whenIdle(session: LspSession): Promise<void> {
  return new Promise((resolve) => {
    session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
      if (status.state === 'idle') resolve();
    });
  });
}

/**
 * Opens the file and types into a spoke's VNet name, then deletes what it typed; milliseconds per
 * edit, and the server's CPU milliseconds per edit (what load on the machine cannot inflate).
 */
async function typeInto(
  session: LspSession,
  uri: string,
  text: string,
): Promise<{ latencies: number[]; cpuMsPerEdit: number }> {
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
    waiting.get(`${params.uri}@${params.version}`)?.(params),
  );
  const next = (version: number) => new Promise<void>((resolve) => waiting.set(`${uri}@${version}`, () => resolve()));
  const opened = next(1);
  void session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'bicep', version: 1, text },
  });
  await opened;
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes("name: 'vnet-spoke-0010'"));
  const column = lines[line].lastIndexOf("'");
  const latencies: number[] = [];
  const cpuBefore = cpuSeconds(session.child.pid!);
  for (let edit = 0; edit < edits; edit++) {
    const version = edit + 2;
    const typing = edit < edits / 2;
    const typed = typing ? edit : edits - edit - 1; // characters already typed
    const change = typing
      ? { range: { start: { line, character: column + typed }, end: { line, character: column + typed } }, text: 'x' }
      : {
          range: { start: { line, character: column + typed - 1 }, end: { line, character: column + typed } },
          text: '',
        };
    const published = next(version);
    const start = process.hrtime.bigint();
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    await published;
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6 - debounceMs);
  }
  return { latencies, cpuMsPerEdit: ((cpuSeconds(session.child.pid!) - cpuBefore) * 1000) / edits };
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-keystroke-'));
  const text = hubAndSpokeFileBicep(spokesForLines(5000));
  const file = path.join(folder, 'hub-and-spoke.bicep');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lineCount = text.split('\n').length;
  const note = (where: string) =>
    `${lineCount}-line hub-and-spoke file, ${where}, ${edits} edits to a VNet name; the ${debounceMs} ms debounce subtracted`;
  try {
    const alone = await startServer(undefined);
    const { latencies: aloneMs, cpuMsPerEdit: aloneCpuMs } = await typeInto(alone, uri, text);
    await alone.close();
    report({
      name: 'keystrokeCpuMs',
      value: aloneCpuMs,
      unit: 'ms',
      note: `the server's CPU per edit, ${note('no folder open')}`,
    });
    report({ name: 'keystrokeMs.p50', value: percentile(aloneMs, 50), unit: 'ms', note: note('no folder open') });
    report({
      name: 'keystrokeMs.p95',
      value: percentile(aloneMs, 95),
      unit: 'ms',
      budget: 50,
      note: note('no folder open'),
    });

    const started = process.hrtime.bigint();
    const session = await startServer(pathToFileURL(corpusRoot).href);
    await whenIdle(session);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const memory = rssMb(session.child.pid!);
    const cpu = cpuSeconds(session.child.pid!);
    report({
      name: 'corpusIndexSeconds',
      value: seconds,
      unit: 's',
      budget: 5,
      note: 'server start → first analysis of all of ../shared/corpus as one workspace (wall time)',
    });
    report({
      name: 'corpusIndexCpuSeconds',
      value: cpu,
      unit: 's',
      note: "the server's CPU seconds for the same: what load on the machine cannot inflate",
    });
    report({
      name: 'corpusRssMb',
      value: memory,
      unit: 'MB',
      budget: 300,
      note: 'server resident memory after indexing the corpus',
    });
    const { latencies: workspaceMs, cpuMsPerEdit: workspaceCpuMs } = await typeInto(session, uri, text);
    await session.close();
    report({
      name: 'workspaceKeystrokeCpuMs',
      value: workspaceCpuMs,
      unit: 'ms',
      note: `the server's CPU per edit, ${note('all of ../shared/corpus open')}`,
    });
    report({
      name: 'workspaceKeystrokeMs.p50',
      value: percentile(workspaceMs, 50),
      unit: 'ms',
      note: note('all of ../shared/corpus open'),
    });
    report({
      name: 'workspaceKeystrokeMs.p95',
      value: percentile(workspaceMs, 95),
      unit: 'ms',
      budget: 50,
      note: note('all of ../shared/corpus open'),
    });

    const during = await startServer(undefined);
    const run = await requestsDuringLongAnalysis(during, folder, { wanted: 40, arm: true });
    await during.close();
    const answered = run.requests.filter((request) => request.duringAnalysis).map((request) => request.ms);
    const duringNote =
      `${answered.length} hovers, completions and code actions on a small document while a 4,000-subnet VNet and a 3.9 MB ARM ` +
      `template are analysed (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`;
    report({ name: 'hoverDuringAnalysisMs.p50', value: percentile(answered, 50), unit: 'ms', note: duringNote });
    report({
      name: 'hoverDuringAnalysisMs.p95',
      value: percentile(answered, 95),
      unit: 'ms',
      budget: 100,
      note: duringNote,
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
