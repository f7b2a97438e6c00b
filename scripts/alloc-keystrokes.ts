// What the keystroke bench's edits allocate (issue 16: at steady state a third of the analysis
// worker's time per edit went to GC). In process, no server: a Workspace holds the bench's 5,000-line
// hub-and-spoke file, and each of the bench's 30 edits (bench/keystrokes.ts) is set and analysed as
// the worker does (`evaluate`, then `analyzeWorkspace`; the fixes and the hand-off to the main thread
// are left out). Prints bytes allocated per edit (used heap growth plus what collections freed) and
// CPU and GC time per edit, as medians over the edits after the warm-up; with `--sites` also a sampling heap
// profile of the edits that keeps objects the collector freed, summed by allocating function.
//
//   node --import tsx scripts/alloc-keystrokes.ts [--sites] [--top 40] [--rounds 3]
import inspector from 'node:inspector/promises';
import v8 from 'node:v8';
import { hubAndSpokeFileBicep, spokesForLines } from '../bench/hub-and-spoke';
import { benchTexts } from '../bench/keystrokes';
import { analyzeWorkspace, Workspace } from '../server/src/engine';

const args = process.argv.slice(2);
const sites = args.includes('--sites');
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 40;
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const uri = 'file:///bench/hub-and-spoke.bicep';

interface GcStatistics {
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

/**
 * Bytes allocated and GC microseconds while `run` runs. Node 20 has no allocation counter: the bytes
 * are the growth of the used heap plus what each collection in between freed (v8.GCProfiler).
 */
async function measured(run: () => Promise<void>): Promise<{ bytes: number; gcMicros: number }> {
  const profiler = new v8.GCProfiler();
  const usedBefore = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  await run();
  const usedAfter = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop() as unknown as { statistics: GcStatistics[] };
  let freed = 0;
  let gcMicros = 0;
  for (const gc of statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    gcMicros += gc.cost;
  }
  return { bytes: usedAfter - usedBefore + freed, gcMicros };
}
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function analyse(workspace: Workspace): Promise<void> {
  await workspace.evaluate(() => false);
  await analyzeWorkspace(workspace, [uri], { cloud: 'AzureCloud', ruleLevels: {}, isCancelled: () => false });
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  id: number;
  children: SamplingNode[];
}

function printSites(head: SamplingNode, samples: { nodeId: number; size: number }[], perEdits: number): void {
  const bytesById = new Map<number, number>();
  for (const sample of samples) bytesById.set(sample.nodeId, (bytesById.get(sample.nodeId) ?? 0) + sample.size);
  const bySite = new Map<string, number>();
  // A built-in (no url: Map, Array.prototype.map, ...) is named with the function that called it.
  const walk = (node: SamplingNode, caller: string) => {
    const { functionName, url } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(server\/src|bench|scripts)\//, '')}`;
    const site = url ? name : `${functionName} <- ${caller}`;
    const bytes = bytesById.get(node.id) ?? 0;
    if (bytes > 0) bySite.set(site, (bySite.get(site) ?? 0) + bytes);
    for (const child of node.children) walk(child, url ? name : caller);
  };
  walk(head, '(root)');
  const total = [...bySite.values()].reduce((sum, bytes) => sum + bytes, 0);
  console.log(`sampled ${(total / perEdits / 1024).toFixed(0)} KiB per edit, by allocating function:`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `  ${(bytes / perEdits / 1024).toFixed(1).padStart(8)} KiB  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${site}`,
    );
}

async function main(): Promise<void> {
  const text = hubAndSpokeFileBicep(spokesForLines(5000));
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile(uri, text);
  await analyse(workspace);
  const texts = benchTexts(text);
  // The first round warms the JIT up; the later ones are measured.
  for (const edited of texts) {
    workspace.setFile(uri, edited);
    await analyse(workspace);
  }
  const session = new inspector.Session();
  if (sites) {
    session.connect();
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  const bytes: number[] = [];
  const cpu: number[] = [];
  const gc: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const edited of texts) {
      const cpuBefore = cpuMs();
      const edit = await measured(async () => {
        workspace.setFile(uri, edited);
        await analyse(workspace);
      });
      cpu.push(cpuMs() - cpuBefore);
      bytes.push(edit.bytes);
      gc.push(edit.gcMicros / 1000);
    }
  }
  if (sites) {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: SamplingNode; samples: { nodeId: number; size: number }[] };
    };
    printSites(profile.head, profile.samples, rounds * texts.length);
  }
  console.log(
    `per edit (median of ${bytes.length}): ${(median(bytes) / 1024 / 1024).toFixed(2)} MiB allocated, ` +
      `${median(cpu).toFixed(1)} ms CPU, ${median(gc).toFixed(1)} ms GC${sites ? ' (sampling the heap)' : ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
