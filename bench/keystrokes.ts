// The editor's side of the keystroke benches (issue 16): opens a file in a running server and types
// into (then deletes from) a spoke's VNet name, waiting for each version's diagnostics. Shared by
// bench/server.bench.ts (latencies) and scripts/profile-keystrokes.ts (CPU profiles of the same edits).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LspSession } from '../test/support/lsp-client';
import { hubAndSpokeFileBicep, spokesForLines } from './hub-and-spoke';

export const debounceMs = 150; // server/src/lsp/scheduling.ts: edits are coalesced for this long before analysis
export const edits = 30;

/** Where the bench types: just before the closing quote of this VNet's name. */
export const editedName = "name: 'vnet-spoke-0010'";

/**
 * The bench's edit number `edit` (0-based), as characters from the closing quote of `editedName`
 * replaced by `text`: the first half each type an 'x' into the name, the second half delete one
 * character each, counting back from one before the last 'x' typed, so the last edit deletes the
 * name's own last character and one 'x' stays (as the bench has always typed: kept so that figures
 * stay comparable across sessions; every edit still changes the name).
 */
export function benchEdit(edit: number): { from: number; to: number; text: string } {
  if (edit < edits / 2) return { from: edit, to: edit, text: 'x' };
  const typed = edits - edit - 1;
  return { from: typed - 1, to: typed, text: '' };
}

/** The texts the bench types into `text`, in order, each edit applied to the last text (for in-process tools). */
export function benchTexts(text: string): string[] {
  const quote = text.indexOf(editedName) + editedName.length - 1;
  const texts: string[] = [];
  for (let edit = 0; edit < edits; edit++) {
    const { from, to, text: inserted } = benchEdit(edit);
    text = text.slice(0, quote + from) + inserted + text.slice(quote + to);
    texts.push(text);
  }
  return texts;
}

/**
 * The file the keystroke benches type into (a 5,000-line hub-and-spoke file), written to a new folder
 * under the system's temporary folder whose name starts with `prefix`; the caller removes the folder.
 */
export function writeKeystrokeFile(prefix: string): { folder: string; text: string; uri: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const text = hubAndSpokeFileBicep(spokesForLines(5000));
  const file = path.join(folder, 'hub-and-spoke.bicep');
  fs.writeFileSync(file, text);
  return { folder, text, uri: pathToFileURL(file).href };
}

/** A process's resident memory in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** User + system CPU seconds a process has used (fields 14 and 15 of /proc/<pid>/stat, in clock ticks). */
export function cpuSeconds(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resolves when the server says `idle` (every diagnostic of an analysis published). */
export function whenIdle(session: LspSession): Promise<void> {
  return new Promise((resolve) => {
    session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
      if (status.state === 'idle') resolve();
    });
  });
}

/** Microseconds of the monotonic clock, the one CPU profiles time their samples by. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export interface Typed {
  /** Milliseconds from each change to its diagnostics, the debounce subtracted. */
  latencies: number[];
  /** The server's CPU milliseconds per edit (what load on the machine cannot inflate). */
  cpuMsPerEdit: number;
  /** When the edits began and ended (monotonic microseconds), to pick a profile's samples. */
  window: { start: number; end: number };
  /** When each edit was sent (monotonic microseconds), to tell a profile's first edits from the later ones. */
  editStarts: number[];
}

/**
 * Opens the file and types into a spoke's VNet name, then deletes what it typed. `published` is called
 * when each version's diagnostics arrive (the open's is version 1), after its latency is taken and
 * before the next edit is sent (scripts/keystroke-threads.ts reads each thread's CPU there).
 */
export async function typeInto(
  session: LspSession,
  uri: string,
  text: string,
  published: (version: number) => void = () => undefined,
): Promise<Typed> {
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
  published(1);
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(editedName));
  const column = lines[line].lastIndexOf("'");
  const latencies: number[] = [];
  const editStarts: number[] = [];
  const cpuBefore = cpuSeconds(session.child.pid!);
  const start = monotonicMicros();
  for (let edit = 0; edit < edits; edit++) {
    const version = edit + 2;
    const { from, to, text: inserted } = benchEdit(edit);
    const change = {
      range: { start: { line, character: column + from }, end: { line, character: column + to } },
      text: inserted,
    };
    const answered = next(version);
    const sent = process.hrtime.bigint();
    editStarts.push(Number(sent / 1000n));
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    await answered;
    latencies.push(Number(process.hrtime.bigint() - sent) / 1e6 - debounceMs);
    published(version);
  }
  return {
    latencies,
    cpuMsPerEdit: ((cpuSeconds(session.child.pid!) - cpuBefore) * 1000) / edits,
    window: { start, end: monotonicMicros() },
    editStarts,
  };
}
