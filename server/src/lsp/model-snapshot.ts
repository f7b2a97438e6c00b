// The network models hover and completion read on the main thread: those of the last finished
// analysis, as the worker sent them (deployment-codec.ts), decoded when a request first needs one.
// Invariants: a request never waits for a running analysis when the last finished one saw its
// document's current text; it waits only for a document whose current text no finished analysis saw
// (just opened or edited: offsets into another text would point at the wrong declaration), or for the
// model of an analysis whose result already arrived (it follows within a short pause, or word that it was
// skipped: a newer analysis was announced and every document it saw was edited).
import type { DeploymentResult } from '../evaluate/deployment';
import { buildModel, type NetworkModel } from '../model';
import type { DeploymentEntry, FromWorker } from './analysis-messages';
import { decodeDeployment } from './deployment-codec';

interface HeldDeployment {
  files: string[];
  text?: string;
  decoded?: DeploymentResult;
}

export class ModelSnapshot {
  private deployments = new Map<number, HeldDeployment>();
  /** The documents open when the analysis behind the models ran, with the version of the text it saw. */
  private covered = new Map<string, number | undefined>();
  private models = new Map<string, NetworkModel>();
  /** The newest run announced, and the newest whose result (then model) or failure arrived. */
  private requested = 0;
  private resulted = 0;
  private modelled = 0;
  private waiters: (() => void)[] = [];

  /** A newer analysis is scheduled. */
  announce(run: number): void {
    this.requested = Math.max(this.requested, run);
  }

  /** A run's result arrived; its model follows. */
  resultArrived(run: number): void {
    this.resulted = Math.max(this.resulted, run);
  }

  /** A run ended without a model (it failed, or the worker stopped): nobody waits for it. */
  settled(run: number): void {
    this.resulted = Math.max(this.resulted, run);
    this.modelled = Math.max(this.modelled, run);
    this.wake();
  }

  modelArrived(
    message: Extract<FromWorker, { kind: 'model' }>,
    versions: ReadonlyMap<string, number | undefined>,
  ): void {
    const next = new Map<number, HeldDeployment>();
    for (const entry of message.deployments) next.set(entry.id, this.held(entry));
    this.deployments = next;
    this.covered = new Map(message.uris.map((uri) => [uri, versions.get(uri)]));
    this.models.clear();
    this.modelled = Math.max(this.modelled, message.run);
    this.resulted = Math.max(this.resulted, message.run);
    this.wake();
  }

  /** Whether an analysis is scheduled or running whose model has not arrived. */
  busy(): boolean {
    return this.modelled < this.requested;
  }

  /** Resolves once `ready()` holds or no analysis is left to wait for (then the caller answers with what it has). */
  async until(ready: () => boolean): Promise<void> {
    while (this.resulted > this.modelled || (!ready() && this.busy()))
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** The model of the deployments that read `uri`, from the last finished analysis that saw its text `version`. */
  async modelFor(uri: string, version: number | undefined): Promise<NetworkModel> {
    await this.until(() => this.covered.has(uri) && this.covered.get(uri) === version);
    let model = this.models.get(uri);
    if (!model) {
      const resources = [...this.deployments.values()]
        .filter((held) => held.files.includes(uri))
        .flatMap((held) => this.decoded(held).resources);
      this.models.set(uri, (model = buildModel(resources)));
    }
    return model;
  }

  private held(entry: DeploymentEntry): HeldDeployment {
    if (entry.text !== undefined) return { files: entry.files, text: entry.text };
    // The worker sends a deployment's text once while it stays listed.
    return (
      this.deployments.get(entry.id) ?? {
        files: entry.files,
        decoded: { entry: '', template: '', files: entry.files, resources: [] },
      }
    );
  }

  private decoded(held: HeldDeployment): DeploymentResult {
    if (!held.decoded) {
      held.decoded = decodeDeployment(held.text!);
      delete held.text;
    }
    return held.decoded;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
