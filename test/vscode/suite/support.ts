// Helpers the in-editor suites share (compiled beside them; index.ts loads only *.test.js).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const extensionId = 'vnet-lens.vnet-lens';

/** Polls `probe` until it gives a value (not undefined or false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A file of the open workspace (a copy of examples/). */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** The VNet Lens servers whose parent is this extension host (not another window's or test's), found
 * in /proc: each one's pid and command line (the runtime, its options, dist/server.js, its arguments). */
export function serverProcesses(): { pid: number; args: string[] }[] {
  const servers: { pid: number; args: string[] }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!args.some((arg) => arg.endsWith('dist/server.js'))) continue;
      // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) servers.push({ pid: Number(entry), args });
    } catch {
      // The process ended while we read it.
    }
  }
  return servers;
}
