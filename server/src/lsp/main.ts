// Entry point of the bundled language server (dist/server.js), and of its analysis worker thread. The
// transport (--node-ipc, --stdio, --socket) comes from the command line, as vscode-languageserver reads it.
import v8 from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { workerRole } from './analysis-client';
import { runAnalysisWorker } from './analysis-worker';
import { exposeGcToLaterContexts, youngGenerationCollector } from './idle-collection';
import { startServer } from './server';

// V8 lets the heap grow to several times what is live before collecting fully, and keeps the pages
// afterwards: indexing a large workspace peaked at 400 MB resident for 115 MB live. Growing by half
// of the live size instead keeps the server near 260 MB there (DESIGN §10: under 300), at no
// measurable cost in time (npm run bench: corpusIndexSeconds, corpusRssMb).
v8.setFlagsFromString('--heap-growing-percent=50');
// The analysis worker, started after this, collects its young generation when idle (idle-collection.ts).
exposeGcToLaterContexts();

// The same bundle runs the analysis worker (analysis-worker.ts) in a worker thread.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === workerRole)
  runAnalysisWorker(parentPort, youngGenerationCollector());
else startServer(createConnection(ProposedFeatures.all), __filename);
