// The main thread's side of the analysis worker (analysis-worker.ts): starts it from the server's own
// bundle, replays every change of the index and of the read boundary to it, asks for analyses and the
// whole model, and starts a new worker (replaying the index) if one dies.
// Invariants: changes reach the worker in the order they happened; an analysis promise always
// settles (with undefined when the run went stale, failed or its worker died).
import { Worker } from 'node:worker_threads';
import type { Finding, Fix, Notice } from '../engine';
import type { Cloud } from '../facts';
import type { TopologyJson } from '../protocol';
import type { FromWorker, ToWorker } from './analysis-messages';
import type { EffectiveConfiguration } from './configuration';
import { FileAccess } from './file-access';
import { HeldFindings } from './finding-handoff';
import type { Logger } from './guard';
import { MirroredWorkspace } from './mirrored-workspace';
import { ModelSnapshot } from './model-snapshot';

/** How many times a stopped worker is replaced before the server gives up analysing. */
const maxRestarts = 5;

/**
 * A finished analysis: every finding and notice (those kept from earlier results too), the files whose
 * findings or notices may have changed since the last result, the fixes built for the open documents'
 * findings, and every text it gave the main thread (those kept from earlier results too).
 */
export interface AnalysisResult {
  run: number;
  findings: Finding[];
  notices: Notice[];
  changed: ReadonlySet<string>;
  fixes: Map<Finding, Fix[]>;
  texts: [string, string][];
}

/** What the worker thread is started with, so the bundle's entry knows to run the worker. */
export const workerRole = 'vnet-lens-analysis';

/**
 * The worker's young generation: two 16 MB semi-spaces and a new large-object space of the same size.
 * Issue 16: the worker scavenges when it goes idle after each run (idle-collection.ts), so an edit
 * starts with an empty nursery, and one that holds what an edit allocates (~10 MB on a 5,000-line file
 * alone, more with a corpus open) runs without a scavenge in the middle: with 8 MB semi-spaces every
 * edit of the keystroke bench had one or two. The price is memory: ~15 MB more resident after
 * indexing the corpus (bench corpusRssMb ~260, budget 300); 24 MB semi-spaces took it near 300. A
 * worker's own limit, so it holds however the server is started (the editor, the benches, the tests).
 */
export const analysisWorkerOptions = {
  workerData: { role: workerRole },
  resourceLimits: { maxYoungGenerationSizeMb: 3 * 16 },
};

/** The main thread's read boundary: the same decisions, and every change also goes to the worker. */
export class MirroredAccess extends FileAccess {
  private folderUris: string[] = [];
  private allow = false;
  private send: ((message: ToWorker) => void) | undefined;

  attach(send: (message: ToWorker) => void): void {
    this.send = send;
    this.sendState();
  }

  override setFolders(folderUris: readonly string[]): void {
    super.setFolders(folderUris);
    this.folderUris = [...folderUris];
    this.sendState();
  }

  override setAllowOutside(allow: boolean): boolean {
    const changed = super.setAllowOutside(allow);
    this.allow = allow;
    this.sendState();
    return changed;
  }

  sendState(): void {
    this.send?.({ kind: 'access', folders: this.folderUris, allowOutside: this.allow });
  }
}

export class AnalysisClient {
  readonly workspace: MirroredWorkspace;
  readonly access = new MirroredAccess();
  readonly models = new ModelSnapshot();
  private worker!: Worker;
  private readonly pending = new Map<number, (result: AnalysisResult | undefined) => void>();
  /** The text versions of the open documents each run analyses. */
  private readonly analysed = new Map<number, Map<string, number | undefined>>();
  private readonly modelRequests = new Map<number, (model: TopologyJson) => void>();
  private requestCounter = 0;
  /** The texts the last result pointed into (AnalysedText), as the worker keeps track of them. */
  private texts = new Map<string, { text: string; version: number | undefined }>();
  /** The findings of the last result, per file, as the worker keeps track of them. */
  private readonly findings = new HeldFindings();
  private cloud: Cloud = 'AzureCloud';
  private restarts = 0;
  /** Set when workers kept stopping: analyses end at once without a result, so no request waits for one. */
  private gaveUp = false;

  /**
   * `restarted` runs after a new worker replaced one that stopped (its analyses were lost); `isOpen`
   * tells open documents, whose texts the main thread keeps.
   */
  constructor(
    private readonly script: string,
    private readonly log: Logger,
    private readonly restarted: () => void,
    isOpen: (uri: string) => boolean,
  ) {
    this.workspace = new MirroredWorkspace((message) => this.post(message), isOpen);
    this.start();
    this.access.attach((message) => this.post(message));
  }

  /** The text of a file the last result pointed into, while the index still holds that text. */
  analysedText(uri: string): string | undefined {
    const analysed = this.texts.get(uri);
    return analysed && analysed.version === this.workspace.versionOf(uri) ? analysed.text : undefined;
  }

  /** Run `run` is the newest: older ones stop at their next look. */
  cancelBefore(run: number): void {
    this.models.announce(run);
    this.post({ kind: 'cancel', run });
  }

  analyse(run: number, uris: string[], configuration: EffectiveConfiguration): Promise<AnalysisResult | undefined> {
    this.cloud = configuration.cloud;
    if (this.gaveUp) {
      this.models.settled(run);
      return Promise.resolve(undefined);
    }
    this.analysed.set(run, new Map(uris.map((uri) => [uri, this.workspace.versionOf(uri)])));
    return new Promise((resolve) => {
      this.pending.set(run, resolve);
      this.post({ kind: 'analyse', run, uris, configuration });
    });
  }

  /** The model of the deployments that read `uri` (all when absent), as JSON; waits for a running analysis. */
  modelJson(uri: string | undefined): Promise<TopologyJson> {
    if (this.gaveUp) return Promise.resolve({ entities: [], references: [] });
    const request = ++this.requestCounter;
    return new Promise((resolve) => {
      this.modelRequests.set(request, resolve);
      this.post({ kind: 'model', request, uri });
    });
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private start(): void {
    this.worker = new Worker(this.script, analysisWorkerOptions);
    this.worker.on('message', (message: FromWorker) => this.received(message));
    this.worker.on('error', (error) => this.log(`analysis worker failed: ${error.stack ?? error.message}`));
    this.worker.on('exit', (code) => this.restart(code));
    // The worker never keeps the server alive: the server ends when its client says so.
    this.worker.unref();
    // The index as the main thread holds it: none when the server starts, all of it after a restart.
    this.post({ kind: 'cloud', cloud: this.cloud });
    for (const uri of this.workspace?.uris() ?? []) {
      const version = this.workspace.versionOf(uri) ?? 0;
      const file = this.workspace.file(uri);
      // A closed file's text was the worker's: the new one reads it from disk. An open one's language
      // is sent as the editor gave it (an untitled document's name says none).
      this.post(
        file === undefined
          ? { kind: 'read', uri, version }
          : { kind: 'set', uri, text: file.text, version, editorLanguage: file.language },
      );
    }
    this.texts = new Map(); // the new worker holds none of them as sent
    this.findings.clear();
    this.access.sendState();
  }

  /** A worker that stopped (out of memory, say) is replaced: its runs end without a result, the next analysis runs in the new one. */
  private restart(code: number): void {
    this.log(`analysis worker stopped (exit code ${code})${this.restarts < maxRestarts ? '; starting a new one' : ''}`);
    for (const [run, resolve] of this.pending) {
      resolve(undefined);
      this.models.settled(run);
    }
    this.pending.clear();
    for (const resolve of this.modelRequests.values()) resolve({ entities: [], references: [] });
    this.modelRequests.clear();
    // A worker that cannot start at all must not be restarted forever.
    if (++this.restarts > maxRestarts) {
      this.gaveUp = true;
      return;
    }
    this.start();
    this.restarted();
  }

  private received(message: FromWorker): void {
    switch (message.kind) {
      case 'log':
        this.log(message.message);
        return;
      case 'result': {
        // Kept whether or not the run is still wanted: the worker's next result counts on them.
        const texts = new Map<string, { text: string; version: number | undefined }>();
        for (const uri of message.keptTexts) {
          const kept = this.texts.get(uri);
          if (kept) texts.set(uri, kept);
        }
        for (const [uri, text, version] of message.texts) texts.set(uri, { text, version });
        this.texts = texts;
        this.models.resultArrived(message.run);
        this.settle(message.run, {
          run: message.run,
          ...this.findings.receive(message.files, message.fixes),
          texts: [...texts].map(([uri, { text }]) => [uri, text]),
        });
        return;
      }
      case 'model':
        this.models.modelArrived(message, this.analysed.get(message.run) ?? new Map());
        for (const run of this.analysed.keys()) if (run <= message.run) this.analysed.delete(run);
        return;
      case 'model-skipped':
        // The newer run's model follows; until it does, requests answer from the last model that arrived.
        this.models.settled(message.run);
        for (const run of this.analysed.keys()) if (run <= message.run) this.analysed.delete(run);
        return;
      case 'stale':
        this.settle(message.run, undefined);
        return;
      case 'failed':
        this.log(`analysis failed: ${message.message}`);
        this.models.settled(message.run);
        this.settle(message.run, undefined);
        return;
      case 'model-json':
        this.modelRequests.get(message.request)?.(message.model);
        this.modelRequests.delete(message.request);
        return;
    }
  }

  private settle(run: number, result: AnalysisResult | undefined): void {
    this.pending.get(run)?.(result);
    this.pending.delete(run);
  }

  /** Ends the worker (the server is exiting). */
  stop(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }
}
