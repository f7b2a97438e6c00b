// Drawing time of the topology page for a 300-node model in headless Chromium (the page the
// extension ships, under its own HTML and CSP, as test/webview loads it): from the model message to
// the first frame painted after the layout, in a fresh page each time (what opening the view costs),
// and a redraw after an edit (one resource added) on a page that already shows the model. Beside the
// medians: where the first drawing's time goes (the page's `topology:<step>` performance measures, and
// the frame after it said it drew), and the page's CPU time (Chromium's ProcessTime), which the
// machine's load inflates less than the wall-clock time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, report } from './support';
import { renderInPage } from './render-in-page';

interface CdpSession {
  send(method: string, params?: object): Promise<{ metrics: { name: string; value: number }[] }>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  context(): { newCDPSession(page: Page): Promise<CdpSession> };
  close(): Promise<void>;
  waitForFunction(fn: string): Promise<unknown>;
  evaluate<T>(expression: string): Promise<T>;
}

const runs = 5;

if (!fs.existsSync(path.join(repoRoot, 'dist/webview/topology.js'))) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

/** The page's CPU seconds so far (the renderer process), from the DevTools protocol. */
async function cpuSeconds(session: CdpSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ProcessTime')?.value ?? Number.NaN;
}

/** Posts a model and resolves with the milliseconds until the frame after the page said it drew it. */
function timeRender(
  page: Page,
  model: unknown,
  seq: number,
): Promise<{ ms: number; nodes: number; edges: number; steps: Record<string, number> }> {
  return page.evaluate(`(${renderInPage})(${JSON.stringify({ model, seq, title: 'bench' })})`);
}

async function main(): Promise<void> {
  // Plain ES modules shared with the webview suite (this package is CommonJS: import them dynamically).
  const { launchBrowser, startPageServer } = await import('../test/webview/harness.mjs' as string);
  const { largeModel, withTargetAdded } = await import('../test/webview/large-model.mjs' as string);
  const model = largeModel(300);
  const edited = withTargetAdded(model);

  const launched = await launchBrowser();
  const server = await startPageServer();
  const first: number[] = [];
  const firstCpu: number[] = [];
  const steps = new Map<string, number[]>();
  const redraw: number[] = [];
  let counts = { nodes: 0, edges: 0 };
  try {
    for (let run = 0; run < runs; run++) {
      const page: Page = await launched.browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(server.url);
      await page.waitForFunction("window.__posted.some((message) => message.type === 'ready')");
      const session = await page.context().newCDPSession(page);
      await session.send('Performance.enable');
      const cpuBefore = await cpuSeconds(session);
      const opened = await timeRender(page, model, 1);
      firstCpu.push(((await cpuSeconds(session)) - cpuBefore) * 1000);
      first.push(opened.ms);
      for (const [step, ms] of Object.entries(opened.steps)) steps.set(step, [...(steps.get(step) ?? []), ms]);
      counts = opened;
      redraw.push((await timeRender(page, edited, 2)).ms);
      await page.close();
    }
  } finally {
    await launched.close();
    await server.close();
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  report({
    name: 'topologyRenderMs',
    value: Math.round(median(first)),
    unit: 'ms',
    budget: 500,
    note: `${counts.nodes} nodes, ${counts.edges} edges, fresh page, median of ${runs} (min ${Math.round(Math.min(...first))}, max ${Math.round(Math.max(...first))})`,
  });
  report({
    name: 'topologyRenderCpuMs',
    value: Math.round(median(firstCpu)),
    unit: 'ms',
    note: `the page's CPU time for the first drawing, median of ${runs}`,
  });
  for (const [step, values] of steps) {
    report({
      name: `topologyRenderSteps.${step}Ms`,
      value: Math.round(median(values)),
      unit: 'ms',
      note: `median of ${runs}`,
    });
  }
  report({
    name: 'topologyRedrawMs',
    value: Math.round(median(redraw)),
    unit: 'ms',
    note: `one resource added to the ${counts.nodes}-node drawing, median of ${runs}`,
  });
}

void main();
