// The language server as an editor meets it (DESIGN §10), through the built dist/server.js over
// stdio, started with the Node options the extension gives it (protocol serverNodeOptions):
// keystroke → diagnostics on a generated 5,000-line hub-and-spoke file, first with no folder open,
// then with all of ../shared/corpus open as the workspace (the default scope indexes every file of
// it); and indexing that corpus (time to the first finished analysis, resident memory then).
// Each keystroke types into (or deletes from) a resource name, so the model changes every time; the
// server's deliberate debounce is subtracted. Last, hover, completion and code action latency on a
// small document while a long analysis runs (a VNet of 4,000 subnets and a 3.9 MB ARM template).
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { requestsDuringLongAnalysis } from '../test/support/long-analysis';
import { startServer } from '../test/support/lsp-client';
import { cpuSeconds, debounceMs, edits, rssMb, typeInto, whenIdle, writeKeystrokeFile } from './keystrokes';
import { corpusRoot, percentile, report } from './support';

async function main(): Promise<void> {
  const { folder, text, uri } = writeKeystrokeFile('vnet-lens-keystroke-');
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
