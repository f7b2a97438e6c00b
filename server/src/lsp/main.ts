// Entry point of the bundled language server (dist/server.js). The transport (--node-ipc,
// --stdio, --socket) comes from the command line, as vscode-languageserver reads it.
import v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// V8 lets the heap grow to several times what is live before collecting fully, and keeps the pages
// afterwards: indexing a large workspace peaked at 400 MB resident for 115 MB live. Growing by half
// of the live size instead keeps the server near 260 MB there (DESIGN §10: under 300), at no
// measurable cost in time (npm run bench: corpusIndexSeconds, corpusRssMb).
v8.setFlagsFromString('--heap-growing-percent=50');

startServer(createConnection(ProposedFeatures.all));
