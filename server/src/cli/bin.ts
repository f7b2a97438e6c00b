// Entry point of the bundled CLI (dist/cli.js), started by bin/vnet-lens.js.
import { runCli } from './main';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
