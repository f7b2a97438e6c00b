// Hover latency while a long analysis runs (issue 20, item 4; DESIGN §10 "never blocks"): starts the
// built server, opens a small file, then a large generated one (`subnets`: one VNet with 4,000 subnets
// in Bicep; `arm`: an ARM template of about 3.9 MB), and hovers on the small file every 50 ms until
// the large file's diagnostics arrive. Prints the analysis time and the hover latencies.
//
//   node --import tsx scripts/hover-latency.ts subnets|arm
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { largeArmTemplate, manySubnetsBicep, smallZoneBicep } from '../test/support/long-analysis';
import { startServer } from '../test/support/lsp-client';

const subnetsFile = () => manySubnetsBicep();
const armFile = () => largeArmTemplate();
const zone = smallZoneBicep;

async function main(kind: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-hover-'));
  const large = path.join(dir, kind === 'arm' ? 'main.json' : 'main.bicep');
  fs.writeFileSync(large, kind === 'arm' ? armFile() : subnetsFile());
  const session = await startServer(undefined);
  try {
    const small = pathToFileURL(path.join(dir, 'small.bicep')).href;
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: small, languageId: 'bicep', version: 1, text: zone },
    });
    await session.nextDiagnostics(small, 120_000);
    const uri = pathToFileURL(large).href;
    const started = performance.now();
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: kind === 'arm' ? 'json' : 'bicep',
        version: 1,
        text: fs.readFileSync(large, 'utf8'),
      },
    });
    let done = false;
    const diagnostics = session.nextDiagnostics(uri, 600_000).then((published) => {
      done = true;
      return published;
    });
    const latencies: number[] = [];
    while (!done) {
      const sent = performance.now();
      await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: small },
        position: { line: 1, character: 10 },
      });
      latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const published = await diagnostics;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]);
    console.log(
      JSON.stringify({
        kind,
        bytes: fs.statSync(large).size,
        analysisMs: Math.round(performance.now() - started),
        hovers: latencies.length,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: at(1),
        notices: published.diagnostics.filter((d) => d.severity === 3).map((d) => d.message),
      }),
    );
  } finally {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main(process.argv[2] ?? 'subnets');
