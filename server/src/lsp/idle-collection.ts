// Collects the analysis worker's young generation while it waits for the next edit (issue 16: a third
// of its time per keystroke went to the collector, in scavenges inside analyses). After an analysis
// nearly all of the young generation is garbage (what the edit allocated): a scavenge then copies only
// what the result keeps, and the next edit starts with an empty nursery, which holds what an edit
// allocates (analysis-client.ts analysisWorkerOptions) without a scavenge in the middle of it.
// Invariant: never throws; the caller collects only when nothing is queued.
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8's `gc` extension: `{ type: 'minor' }` scavenges the young generation; without options it collects
 * everything (Node 20's V8 reads no `type: 'major'`: it scavenges then).
 */
export type GcFunction = (options?: { type: 'minor' }) => void;

/**
 * V8's `gc` function, made available inside a worker thread. Node refuses `--expose-gc` in a worker's
 * execArgv, and V8 reads the flag when a context is created: set at run time, it gives the next new
 * context a `gc`. V8 flags are the process's, so it is cleared at once and no later context gets one.
 * A process started with `--expose-gc` already gives one to every context, a worker's too.
 */
export function exposedGc(): GcFunction | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as GcFunction;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as GcFunction) : undefined;
  } catch {
    return undefined;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/** Scavenges the young generation with `gc`, if there is one (else does nothing). */
export function youngGenerationCollector(gc: GcFunction | undefined): (() => void) | undefined {
  return gc && (() => gc({ type: 'minor' }));
}
