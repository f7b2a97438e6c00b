// V8 CPU profiles (`.cpuprofile`, the inspector's Profiler.stop result) as the profiling scripts read
// them: the call tree's nodes, the samples taken in them, and the walk over those samples that each
// script's tallies start from.
import path from 'node:path';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A sample that is not idle: the function it fell in, when (monotonic µs) and how long (ms). */
export interface Sample {
  node: ProfileNode;
  time: number;
  ms: number;
  /** The sampled function and its callers, innermost first. */
  stack(): ProfileNode[];
}

/** Calls `visit` for every sample of `profile` that is not idle, in order. */
export function forEachSample(profile: CpuProfile, visit: (sample: Sample) => void): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index];
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    const stack = () => {
      const nodes: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) nodes.push(byId.get(at)!);
      return nodes;
    };
    visit({ node, time, ms: profile.timeDeltas[index] / 1000, stack });
  });
}

/** A function as the tallies name it: its name, file name and line. */
export function frameLabel({ callFrame }: ProfileNode): string {
  return `${callFrame.functionName || '(anonymous)'} ${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}`;
}

/**
 * Adds a sample's time to `self` under its function and to `total` under every function on its stack,
 * once each (a recursive function counts once per sample).
 */
export function tallySample(sample: Sample, self: Map<string, number>, total: Map<string, number>): void {
  const own = frameLabel(sample.node);
  self.set(own, (self.get(own) ?? 0) + sample.ms);
  for (const name of new Set(sample.stack().map(frameLabel))) total.set(name, (total.get(name) ?? 0) + sample.ms);
}

/** Prints the `count` largest of `times` (milliseconds by function) with their share of `busy`. */
export function printTop(title: string, times: Map<string, number>, busy: number, count: number): void {
  console.log(`  ${title}`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`    ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`);
}
