// A baseline named by vnetlens.json reaches the editor: its findings arrive as hints (the author
// still sees them), new ones at their own level, and a change of the baseline file on disk follows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { runCli } from '../../server/src/cli/main';
import { startServer, type LspSession } from '../support/lsp-client';

const zone = (symbol: string, name: string) =>
  `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: '${name}'\n  location: 'westeurope'\n}\n`;

const messageOf = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);
const severities = (published: PublishDiagnosticsParams) =>
  published.diagnostics.map((d) => `${/'([a-z]\.internal)'/.exec(messageOf(d.message))?.[1]}:${d.severity}`).sort();

describe('baselined findings in the editor', () => {
  let dir: string;
  let session: LspSession;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-lsp-baseline-'));
    fs.writeFileSync(path.join(dir, 'main.bicep'), zone('zoneA', 'a.internal'));
    // The real CLI records today's finding; then a second zone arrives.
    const code = await runCli(['check', '.', '--write-baseline', 'vnetlens.baseline.json'], {
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
    });
    assert.equal(code, 0);
    fs.appendFileSync(path.join(dir, 'main.bicep'), zone('zoneB', 'b.internal'));
    fs.writeFileSync(path.join(dir, 'vnetlens.json'), '{ "baseline": "vnetlens.baseline.json" }');
    session = await startServer(pathToFileURL(dir).href);
  });
  after(async () => {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the baselined finding is a hint, the new one a warning', async () => {
    const uri = pathToFileURL(path.join(dir, 'main.bicep')).href;
    session.open(uri, fs.readFileSync(path.join(dir, 'main.bicep'), 'utf8'));
    const published = await session.diagnosticsWhere(uri, (p) => p.diagnostics.length === 2);
    assert.deepEqual(severities(published), ['a.internal:4', 'b.internal:2']);
    const hint = published.diagnostics.find((d) => d.severity === 4)!;
    assert.equal(hint.code, 'dns-zone-location');
    assert.match(messageOf(hint.message), /\(in the baseline\)$/);
  });

  test('emptying the baseline on disk brings the finding back to its level', async () => {
    const uri = pathToFileURL(path.join(dir, 'main.bicep')).href;
    const baseline = path.join(dir, 'vnetlens.baseline.json');
    fs.writeFileSync(baseline, '{ "version": 1, "findings": [] }\n');
    void session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(baseline).href, type: 2 }],
    });
    const published = await session.diagnosticsWhere(
      uri,
      (p) => p.diagnostics.every((d) => d.severity === 2) && p.diagnostics.length === 2,
    );
    assert.deepEqual(severities(published), ['a.internal:2', 'b.internal:2']);
  });
});
