// Runs the real CLI in-process on real files in temporary folders, for the CLI test files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { repoRoot } from './paths';

export async function cli(args: string[], cwd = repoRoot) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const temporaryDirs: string[] = [];
after(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding `files` (name → text); removed after the test file. */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-cli-'));
  temporaryDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A Bicep private DNS zone in a region: one dns-zone-location warning, fixable to 'global'. */
export function zoneInRegion(symbol = 'zone', name = 'privatelink.blob.core.windows.net'): string {
  return `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: '${name}'\n  location: 'westeurope'\n}\n`;
}
