// Collects the analysis worker's young generation while it waits for the next edit (issue 16: a third
// of its time per keystroke went to the collector, in scavenges inside analyses). After an analysis
// nearly all of the young generation is garbage (what the edit allocated): a scavenge then copies only
// what the result keeps, and the next edit starts with an empty nursery, which holds what an edit
// allocates (analysis-client.ts analysisWorkerOptions) without a scavenge in the middle of it.
// Invariant: no code is made from strings (no vm, no eval: no-eval.test.ts); the worker collects only
// when nothing is queued (analysis-worker.ts).
import v8 from 'node:v8';

/**
 * V8's `gc` extension: `{ type: 'minor' }` scavenges the young generation; without options it collects
 * everything (Node 20's V8 reads no `type: 'major'`: it scavenges then).
 */
type GcFunction = (options?: { type: 'minor' }) => void;

/**
 * Gives contexts created from now on V8's `gc` function: the analysis worker's, started after this.
 * Node refuses `--expose-gc` in a worker's execArgv, and V8 reads the flag when it makes a context, so
 * the main thread sets it before it starts the worker; its own context, made already, gets none.
 */
export function exposeGcToLaterContexts(): void {
  v8.setFlagsFromString('--expose-gc');
}

/** A scavenge of this thread's young generation, if its context has `gc` (else undefined). */
export function youngGenerationCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => (gc as GcFunction)({ type: 'minor' });
}
