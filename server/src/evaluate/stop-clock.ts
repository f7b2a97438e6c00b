// A deadline for one deployment's evaluation. Evaluation is synchronous, so a template that takes
// too long (a huge loop, a pathological module tree) is stopped from inside: the evaluators tick the
// clock on every step, and every few thousand steps it compares the time. Invariant: stopping
// throws EvaluationStopped, which the workspace catches and turns into one notice; a stopped
// deployment contributes no resources at all (half a deployment could yield false findings).
// The clock also remembers where evaluation first made a value unknown for its size
// (value-size.ts): that deployment goes on with the unknown, and the workspace says where.
import type { SourceLocation } from './declaration';

export class EvaluationStopped {
  constructor(readonly elapsedMs: number) {}
}

/** Steps between two looks at the time: a look costs far more than a step. */
const stepsPerLook = 4096;

/** Where a value was too large to keep: the expression's file and range. */
export interface OversizedAt {
  uri: string;
  start: number;
  end: number;
}

/** A loop whose items were too many to tell apart, and how many there were. */
export interface CollapsedLoop extends SourceLocation {
  count: number;
}

/** Where a deployment's evaluation cut something short (the workspace tells the user, engine/limits.ts). */
export interface EvaluationCuts {
  oversized?: OversizedAt;
  collapsedLoop?: CollapsedLoop;
  tooDeep?: SourceLocation;
}

export class StopClock {
  private steps = 0;
  private readonly started = performance.now();
  /** The first expression whose value was over the size cap (the innermost: values are capped bottom up). */
  oversized: OversizedAt | undefined;
  /** The first loop with too many items to evaluate one by one (one declaration of that count instead). */
  collapsedLoop: CollapsedLoop | undefined;
  /** The first module call or nested deployment past the depth they may nest (its outputs are unknown). */
  tooDeep: SourceLocation | undefined;

  constructor(private readonly limitMs: number) {}

  noteOversized(at: OversizedAt): void {
    this.oversized ??= at;
  }

  noteCollapsedLoop(at: SourceLocation, count: number): void {
    this.collapsedLoop ??= { ...at, count };
  }

  noteTooDeep(at: SourceLocation): void {
    this.tooDeep ??= at;
  }

  tick(): void {
    if (++this.steps % stepsPerLook !== 0) return;
    const elapsed = performance.now() - this.started;
    if (elapsed > this.limitMs) throw new EvaluationStopped(elapsed);
  }
}

/**
 * Rethrows a stop. A catch that turns a defect in one part (a function, a resource, a nested template)
 * into an unknown calls this first: turned into an unknown, running out of time let the rest of the
 * deployment go on, and a deployment cut part-way contributed the parts it had (a private endpoint
 * without its zone group), where a stopped deployment must contribute nothing.
 */
export function rethrowStop(error: unknown): void {
  if (error instanceof EvaluationStopped) throw error;
}

/** A clock for a deployment that starts now, or none when there is no limit. */
export function startClock(limitMs: number | undefined): StopClock | undefined {
  return limitMs === undefined ? undefined : new StopClock(limitMs);
}

/** Copies where the clock saw evaluation cut short into a deployment's result. */
export function noteClock(result: EvaluationCuts, clock: StopClock | undefined): void {
  if (clock?.oversized) result.oversized = clock.oversized;
  if (clock?.collapsedLoop) result.collapsedLoop = clock.collapsedLoop;
  if (clock?.tooDeep) result.tooDeep = clock.tooDeep;
}
