// When the server analyses: edits are coalesced for a short debounce, every change makes the running
// analysis stale at once, and the `vnetLens/status` notification brackets each analysis.
// Invariant (the status contract): `idle` is sent only after every diagnostic of a finished, current
// analysis was published; a stale analysis sends nothing after `analysing`.
import type { Connection } from 'vscode-languageserver';
import { statusNotificationMethod } from '../protocol';

export const debounceMs = 150;

/** One analysis: resolves with its number of findings once published, or undefined when it went stale. */
export type AnalysisStep = (isCancelled: () => boolean) => Promise<number | undefined>;

export class Scheduler {
  private run = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection, private readonly fileCount: () => number, private readonly step: AnalysisStep) {}

  // Every change makes the running analysis stale at once: it stops at its next look (the workspace
  // hands the event loop back between deployments), not when the next analysis starts.
  schedule(): void {
    this.run++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.analyse(), debounceMs);
  }

  private async analyse(): Promise<void> {
    const mine = this.run;
    const isCancelled = () => this.run !== mine;
    this.status('analysing', 0);
    const findings = await this.step(isCancelled);
    if (findings === undefined || isCancelled()) return;
    this.status('idle', findings);
  }

  private status(state: 'analysing' | 'idle', findings: number): void {
    void this.connection.sendNotification(statusNotificationMethod, { state, files: this.fileCount(), findings });
  }
}
