#!/usr/bin/env node
// Builds the pages that say what the topology page's first drawing of the bench's 300-node model
// cannot go below with cytoscape, and what a hand-drawn canvas costs (issue 16, budget 500 ms):
//   out/topology-floor/floor.js   cytoscape given the finished drawing (scripts/topology-floor/floor-page.ts)
//   out/topology-floor/canvas.js  the same drawing on a plain 2D canvas, a prototype (canvas-page.ts)
// The finished drawing is what this tree's page leaves in cytoscape (extract-page.ts, run here in
// headless Chromium), bundled into both pages, so that neither parses it in the measured time.
// Then compare them with this tree's page, interleaved, CPU beside wall:
//
//   node --import tsx scripts/topology-floor.mjs
//   node --import tsx scripts/topology-ab.mjs --threads . out/topology-floor/floor.js out/topology-floor/canvas.js
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startPageServer } from '../test/webview/harness.mjs';
import { largeModel } from '../test/webview/large-model.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out/topology-floor');
// As scripts/build.mjs bundles the page.
const page = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning' };

await esbuild.build({
  ...page,
  entryPoints: [path.join(root, 'scripts/topology-floor/extract-page.ts')],
  outfile: path.join(out, 'extract.js'),
});
const launched = await launchBrowser();
const server = await startPageServer({ script: path.join(out, 'extract.js') });
let drawn;
try {
  const { page: tab, errors } = await openPage(launched.browser, server);
  await tab.evaluate(
    (model) => window.postMessage({ type: 'model', model, scope: 'workspace', title: 'floor', seq: 1 }, '*'),
    largeModel(300),
  );
  await tab.waitForFunction(() => window.__drawn !== undefined, undefined, { timeout: 60_000 });
  drawn = await tab.evaluate(() => window.__drawn);
  if (errors.length > 0) throw new Error(`the extraction page failed: ${errors.join('; ')}`);
} finally {
  await launched.close();
  await server.close();
}
fs.writeFileSync(path.join(out, 'drawn.json'), JSON.stringify(drawn));
for (const name of ['floor', 'canvas'])
  await esbuild.build({
    ...page,
    entryPoints: [path.join(root, `scripts/topology-floor/${name}-page.ts`)],
    outfile: path.join(out, `${name}.js`),
    define: { drawnElements: JSON.stringify(drawn) },
  });
const { nodes = [], edges = [] } = drawn.elements;
console.log(
  `out/topology-floor: floor.js and canvas.js with ${nodes.length} nodes and ${edges.length} edges (zoom ${drawn.zoom})`,
);
