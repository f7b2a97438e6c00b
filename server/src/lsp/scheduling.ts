// When the server analyses: edits are coalesced for a short debounce, every change makes the running
// analysis stale at once, and the `vnetLens/status` notification brackets each analysis.
// Invariant (the status contract): `idle` is sent only after every diagnostic of a finished, current
// analysis was published; a stale analysis sends nothing after `analysing`.
import type { Connection } from 'vscode-languageserver';
import { statusNotificationMethod } from '../protocol';

export const debounceMs = 150;

/** Analysis `run`: resolves with its number of findings once published, or undefined when it went stale. */
export type AnalysisStep = (run: number, isCancelled: () => boolean) => Promise<number | undefined>;

export class Scheduler {
  private run = 0;
  private timer: NodeJS.Timeout | undefined;

  /** `announce` learns each new run at once, before its debounce (the analysis in progress is stale from then on). */
  constructor(
    private readonly connection: Connection,
    private readonly fileCount: () => number,
    private readonly step: AnalysisStep,
    private readonly announce: (run: number) => void = () => undefined,
  ) {}

  // Every change makes the running analysis stale at once: it stops at its next look (the worker's
  // workspace hands its event loop back between deployments), not when the next analysis starts.
  schedule(): void {
    this.run++;
    this.announce(this.run);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.analyse(), debounceMs);
  }

  private async analyse(): Promise<void> {
    const mine = this.run;
    const isCancelled = () => this.run !== mine;
    this.status('analysing', 0);
    const findings = await this.step(mine, isCancelled);
    if (findings === undefined || isCancelled()) return;
    this.status('idle', findings);
  }

  private status(state: 'analysing' | 'idle', findings: number): void {
    void this.connection.sendNotification(statusNotificationMethod, { state, files: this.fileCount(), findings });
  }
}
