#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs it into a local code-server (a real
// VS Code 1.100.3 served to the browser), opens a scratch copy of examples/ (.code-server/examples,
// recreated at every start, so a quick fix never edits a tracked file) and serves until Ctrl-C.
//
//   npm start [-- --port 8080] [-- --host 127.0.0.1]
// Use 127.0.0.1 or localhost in the browser: webviews need a secure context.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recreateScratchExamples } from './scratch-examples.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const port = Number(option('--port', process.env.PORT ?? 8080));
const host = option('--host', '127.0.0.1');

for (const [what, command, commandArgs] of [
  ['packaging the extension', process.execPath, ['scripts/package.mjs']],
  ['installing code-server and the Debian packages it needs', 'bash', ['scripts/setup-code-server.sh']],
]) {
  console.log(`npm start: ${what}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: ${what} failed (exit ${result.status}).`);
    process.exit(1);
  }
}

const { installVsix, makeSandbox, startCodeServer, stopCodeServer } = await import('../test/vscode/lib.mjs');
const workspace = recreateScratchExamples(root);
const sandbox = makeSandbox({ dir: path.join(root, '.code-server'), workspace });
console.log(
  `npm start: installed ${installVsix(sandbox, path.join(root, 'dist/vnet-lens.vsix'), 'vnet-lens.vnet-lens')}`,
);
let server;
try {
  server = await startCodeServer(sandbox, { port, host, inheritOutput: false });
} catch (error) {
  console.error(`npm start: code-server did not start on ${host}:${port}: ${error.message.split('\n')[0]}`);
  console.error('Is the port taken? Try `npm start -- --port 8081`.');
  process.exit(1);
}
console.log(`\nVNet Lens is running in VS Code on a scratch copy of examples/ (${path.relative(root, workspace)}, \
recreated at every start; edit it freely):\n\n  ${server.base}/?folder=${encodeURIComponent(workspace)}\n\n(open http://${host}:${port}/ in a browser; Ctrl-C stops it)`);
const stop = async () => {
  await stopCodeServer(server);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code}).`);
  process.exit(1);
});
