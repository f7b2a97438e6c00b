// The shape of a V8 CPU profile (`.cpuprofile`, the inspector's Profiler.stop result) as the
// profiling scripts read it: the call tree's nodes and the samples taken in them.

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

/** Prints the `count` largest of `times` (milliseconds by function) with their share of `busy`. */
export function printTop(title: string, times: Map<string, number>, busy: number, count: number): void {
  console.log(`  ${title}`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`    ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`);
}
