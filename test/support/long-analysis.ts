// Requests while a long analysis runs (issue 20 item 4), through the built server: generated inputs
// that take seconds to analyse (one VNet with 4,000 subnets in Bicep; an ARM template of about 3.9 MB),
// and a driver that opens a small document, then the long ones, and sends hover, completion and code
// action requests on the small one, one after another, for as long as analyses run (editing a long
// document again whenever one finishes), recording each latency and the `vnetLens/status` contract.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LspSession } from './lsp-client';

/** One VNet with `count` inline subnets (about 390 KB for 4,000). */
export function manySubnetsBicep(count = 4000): string {
  const subnets = Array.from(
    { length: count },
    (_, i) =>
      `      {\n        name: 'snet-${i}'\n        properties: { addressPrefix: '10.${i >> 8}.${i & 255}.0/24' }\n      }\n`,
  );
  return (
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-big'\n  location: 'westeurope'\n  properties: {\n" +
    `    addressSpace: { addressPrefixes: [ '10.0.0.0/8' ] }\n    subnets: [\n${subnets.join('')}    ]\n  }\n}\n`
  );
}

/** An ARM template of `count` VNets with a subnet each (about 3.9 MB for 6,600: under the 4 MB limit). */
export function largeArmTemplate(count = 6600): string {
  const vnet = (i: number) => ({
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2024-05-01',
    name: `vnet-${i}`,
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: [`10.${(i >> 8) & 255}.${i & 255}.0/24`] },
      subnets: [{ name: 'a', properties: { addressPrefix: `10.${(i >> 8) & 255}.${i & 255}.0/25` } }],
    },
    tags: { owner: 'someone', purpose: 'x'.repeat(50) },
  });
  const resources = Array.from({ length: count }, (_, i) => vnet(i));
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources,
    },
    null,
    2,
  );
}

/** The small document: a privatelink zone outside 'global' (one finding, with a quick fix). */
export const smallZoneBicep =
  "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";

export type RequestKind = 'hover' | 'completion' | 'codeAction';

export interface TimedRequest {
  kind: RequestKind;
  ms: number;
  /** An analysis was running (status `analysing`) when the request was sent and when it was answered. */
  duringAnalysis: boolean;
  answer: unknown;
}

export interface LongAnalysisRun {
  requests: TimedRequest[];
  /** Analyses that ended `idle`. */
  idles: number;
  /** Each `idle` that came before the diagnostics of the latest version of an open document. */
  contractBreaches: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the inputs into `folder`, opens them in `session` (started without folders), and sends
 * requests on the small document until `wanted` of them ran during an analysis (or `maxAnalyses` ended).
 */
export async function requestsDuringLongAnalysis(
  session: LspSession,
  folder: string,
  options: { wanted: number; arm: boolean; maxAnalyses?: number },
): Promise<LongAnalysisRun> {
  const versions = new Map<string, number>();
  const published = new Map<string, number>();
  const contractBreaches: string[] = [];
  let analysing = false;
  let idles = 0;
  let smallDiagnostics: Diagnostic[] = [];
  const small = pathToFileURL(path.join(folder, 'small.bicep')).href;
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.version !== undefined) published.set(params.uri, params.version);
    if (params.uri === small) smallDiagnostics = params.diagnostics;
  });
  session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
    analysing = status.state === 'analysing';
    if (analysing) return;
    idles++;
    // idle: every diagnostic of the analysis is published, for the versions it analysed (no change is
    // sent while an analysis runs here, so those are the latest).
    for (const [uri, version] of versions) {
      if (published.get(uri) !== version)
        contractBreaches.push(
          `idle #${idles} before ${path.basename(uri)} v${version} was published (last: v${published.get(uri)})`,
        );
    }
  });
  const open = async (name: string, text: string, languageId: string) => {
    fs.writeFileSync(path.join(folder, name), text);
    const uri = pathToFileURL(path.join(folder, name)).href;
    versions.set(uri, 1);
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  };
  const waitFor = async (condition: () => boolean, what: string, timeoutMs = 600_000) => {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(5);
    }
  };

  await open('small.bicep', smallZoneBicep, 'bicep');
  await waitFor(() => published.get(small) === 1 && idles > 0 && !analysing, "the small document's first analysis");
  const idlesBefore = idles;
  const long = [await open('vnet.bicep', manySubnetsBicep(), 'bicep')];
  if (options.arm) long.push(await open('main.json', largeArmTemplate(), 'json'));
  await waitFor(() => analysing, 'the long analysis to start', 60_000);

  const zoneName = { line: 1, character: 12 };
  const requests: TimedRequest[] = [];
  const maxAnalyses = options.maxAnalyses ?? 10;
  for (let sent = 0; requests.filter((r) => r.duringAnalysis).length < options.wanted; sent++) {
    if (!analysing) {
      if (idles - idlesBefore >= maxAnalyses) break;
      // The analysis ended: edit a long document (a comment at its end) to start another.
      const uri = long[0];
      const version = versions.get(uri)! + 1;
      versions.set(uri, version);
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          {
            range: { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 0 } },
            text: `// ${version}\n`,
          },
        ],
      });
      await waitFor(() => analysing, 'the next analysis to start', 60_000);
    }
    const kind: RequestKind = (['hover', 'completion', 'codeAction'] as const)[sent % 3];
    const before = analysing;
    const started = performance.now();
    const answer = await request(session, kind, small, zoneName, smallDiagnostics);
    requests.push({ kind, ms: performance.now() - started, duringAnalysis: before && analysing, answer });
    await sleep(20);
  }
  await waitFor(
    () => !analysing && [...versions].every(([uri, version]) => published.get(uri) === version),
    'the last analysis to end',
  );
  return { requests, idles: idles - idlesBefore, contractBreaches };
}

function request(
  session: LspSession,
  kind: RequestKind,
  uri: string,
  position: { line: number; character: number },
  diagnostics: Diagnostic[],
): Promise<unknown> {
  const textDocument = { uri };
  if (kind === 'hover') return session.connection.sendRequest('textDocument/hover', { textDocument, position });
  if (kind === 'completion')
    return session.connection.sendRequest('textDocument/completion', { textDocument, position });
  return session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument,
    range: diagnostics[0]?.range ?? { start: position, end: position },
    context: { diagnostics },
  });
}
