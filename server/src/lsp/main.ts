// Entry point of the bundled language server (dist/server.js). The transport (--node-ipc,
// --stdio, --socket) comes from the command line, as vscode-languageserver reads it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
