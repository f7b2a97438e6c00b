// The analysis worker: a worker thread of the server that owns evaluation and the rules, so the main
// thread, which reads requests, never runs a long synchronous stretch (issue 20 item 4: one
// deployment's evaluation, or the rules over a large network, take seconds). It keeps a copy of the
// workspace index that the main thread updates by message, reads referenced files through its own
// file access, and answers each analysis with plain data: findings, notices, the fixes of the open
// documents' findings, and then the deployments that read the open documents (codec text).
// Invariants: a run is stale as soon as a newer one is announced, and a stale run posts nothing but
// `stale`; every finished run posts `result` and then `model` (or `model-skipped`, when a newer run was
// announced before its model was written); a failure posts `failed`, never a throw. Garbage is
// collected at idle (idle-collection.ts) only after a model is written or skipped, and only when no
// analysis or model request waits and no other model is still to be written.
import type { MessagePort } from 'node:worker_threads';
import type { DeploymentResult } from '../evaluate/deployment';
import type { Cloud } from '../facts';
import {
  analyzeWorkspace,
  FixSession,
  modelJson,
  requestsFix,
  resolutionsJson,
  unseenModulesJson,
  workspaceModel,
  Workspace,
  type Finding,
  type Fix,
  type Language,
  type Notice,
} from '../engine';
import type { FromWorker, ToWorker } from './analysis-messages';
import { accessHost, analysisFileAccess } from './file-access';
import { FindingHandoff } from './finding-handoff';
import { DeploymentHandoff, TextHandoff } from './worker-handoff';
import { readWorkspaceFile } from './workspace-files';

/** How long the worker waits after a result before writing its model, for a newer analysis to make it moot. */
export const modelPauseMs = 30;

/**
 * `collectWhenIdle` collects garbage when the worker has nothing to do (idle-collection.ts; the
 * server's worker thread has one, tests may pass their own).
 */
export function runAnalysisWorker(port: MessagePort, collectWhenIdle?: () => void): void {
  const worker = new AnalysisWorker((message) => port.postMessage(message), collectWhenIdle);
  port.on('message', (message: ToWorker) => worker.receive(message));
}

type AnalyseMessage = Extract<ToWorker, { kind: 'analyse' }>;
type ModelMessage = Extract<ToWorker, { kind: 'model' }>;

class AnalysisWorker {
  private readonly access = analysisFileAccess();
  // Open documents are in the index (the main thread sets them), which the workspace reads first.
  private readonly host = accessHost(
    this.access,
    () => undefined,
    (message) => this.log(message),
  );
  private readonly workspace = new Workspace(this.host);
  /** The cloud the main thread last set: the workspace evaluates with it, the resolutions read its zones. */
  private cloud: Cloud = 'AzureCloud';
  /** The newest run announced (by `analyse` or `cancel`): any older one is stale. */
  private latest = 0;
  private readonly texts = new TextHandoff();
  private readonly findings = new FindingHandoff();
  private readonly deployments = new DeploymentHandoff((message) => this.log(message));
  // Messages are handled one at a time in order; an analysis awaits, so the changes and the `cancel`
  // that arrive while it runs are seen at its next look (the workspace yields between deployments).
  private queue = Promise.resolve();
  /** Analyses and model requests received and not yet finished, and results whose model waits to be written. */
  private busy = 0;
  /** An idle collection is scheduled (collectWhenIdle): two models written at once collect once. */
  private collectionScheduled = false;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly collectGarbage?: () => void,
  ) {}

  receive(message: ToWorker): void {
    switch (message.kind) {
      case 'set':
        this.index(message.uri, message.text, message.version, message.editorLanguage);
        return;
      case 'read': {
        // As the main thread read the folders' files before (workspace-files.ts): unreadable ones are not indexed.
        const text = readWorkspaceFile(message.uri);
        if (text !== undefined) this.index(message.uri, text, message.version);
        else if (this.workspace.has(message.uri)) this.unindex(message.uri);
        return;
      }
      case 'remove':
        this.unindex(message.uri);
        return;
      case 'cloud':
        this.cloud = message.cloud;
        this.workspace.setCloud(message.cloud);
        return;
      case 'forget-outside':
        this.workspace.forgetOutsideFiles();
        this.host.forgetLogged();
        return;
      case 'access':
        this.access.setFolders(message.folders);
        this.access.setAllowOutside(message.allowOutside);
        return;
      case 'cancel':
        this.latest = Math.max(this.latest, message.run);
        return;
      case 'analyse':
        this.latest = Math.max(this.latest, message.run);
        this.enqueue(() => this.analyse(message));
        return;
      case 'model':
        // The whole model (the topology view) may wait for a running analysis: it is not an editing request.
        this.enqueue(() => this.answerModel(message));
        return;
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.busy++;
    this.queue = this.queue.then(work).finally(() => this.busy--);
  }

  /**
   * After a run's model: the edit's garbage is collected while the user types on (the next analysis
   * waits for the debounce). After the messages already received are handled (setImmediate), and only
   * when nothing is busy (no analysis or model request waits, no model is still to be written), so
   * none waits for the collection and a burst of runs collects once, after the last.
   */
  private collectWhenIdle(): void {
    if (!this.collectGarbage || this.collectionScheduled) return;
    this.collectionScheduled = true;
    setImmediate(() => {
      this.collectionScheduled = false;
      if (this.busy > 0) return;
      try {
        this.collectGarbage?.();
      } catch (error) {
        this.log(`idle collection failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** A file's text in the index, with the main thread's version of it. */
  private index(uri: string, text: string, version: number | undefined, editorLanguage?: Language): void {
    this.workspace.setFile(uri, text, editorLanguage);
    this.texts.setVersion(uri, version);
  }

  private unindex(uri: string): void {
    this.workspace.removeFile(uri);
    this.texts.forget(uri);
  }

  private log(message: string): void {
    this.post({ kind: 'log', message });
  }

  private failed(run: number, error: unknown): void {
    this.post({
      kind: 'failed',
      run,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }

  private async analyse(message: AnalyseMessage): Promise<void> {
    const { run, uris, configuration } = message;
    const isCancelled = () => this.latest !== run;
    try {
      const changes = this.workspace.changes;
      const seen = uris.map((uri) => this.workspace.file(uri)?.text);
      // Evaluated first to keep the results for the model message; the analysis reuses them.
      const deployments = await this.workspace.evaluate(isCancelled);
      const result = isCancelled()
        ? undefined
        : await analyzeWorkspace(this.workspace, uris, {
            cloud: configuration.cloud,
            ruleLevels: configuration.rules,
            ...(configuration.privateDns ? { privateDns: configuration.privateDns } : {}),
            isCancelled,
          });
      if (!result || isCancelled()) {
        this.post({ kind: 'stale', run });
        return;
      }
      const open = new Set(uris);
      const fixed = this.fixesOf(
        result.findings,
        result.notices,
        open,
        this.workspace.changes === changes,
        configuration.cloud,
      );
      // The main thread gets the fixes already built: the requests, which hold model entities, stay here.
      const { files, fixes, sent } = this.findings.toSend(result.findings, result.notices, open, fixed.fixes);
      this.post({ kind: 'result', run, files, fixes, texts: fixed.texts, keptTexts: fixed.keptTexts });
      this.texts.posted(fixed.sent);
      this.findings.posted(sent);
      // The model answers requests on documents whose text this run saw. Once a newer run is announced
      // and every one of them was edited since, no request will read it (an edited document waits for
      // the run that sees its text), so it is written only after a short pause that did not make it
      // moot (issue 16: writing it was a fifth of the worker's work per keystroke, and a third of what
      // it allocated, while the user went on typing).
      this.busy++;
      setTimeout(() => {
        this.busy--;
        const moot = this.latest !== run && uris.every((uri, index) => this.workspace.file(uri)?.text !== seen[index]);
        if (moot) this.post({ kind: 'model-skipped', run });
        else this.postModel(run, uris, deployments);
        this.collectWhenIdle();
      }, modelPauseMs);
    } catch (error) {
      this.failed(run, error);
    }
  }

  private postModel(run: number, uris: string[], deployments: readonly DeploymentResult[]): void {
    try {
      this.post({ kind: 'model', run, uris, deployments: this.deployments.entriesReading(deployments, new Set(uris)) });
    } catch (error) {
      this.failed(run, error);
    }
  }

  /**
   * The fixes of findings in open documents (code actions are asked for those only), built against the
   * texts the analysis read, and the texts the main thread needs: those the fixes edit, and those of
   * files other than the open documents that findings and notices point into (the main thread keeps
   * no text of closed files: issue 16, a second copy of a corpus-sized index). None when a file
   * changed meanwhile (`unchanged` false). The texts are read from the workspace as needed: while it
   * is unchanged they are the analysed ones.
   */
  private fixesOf(
    findings: readonly Finding[],
    notices: readonly Notice[],
    open: ReadonlySet<string>,
    unchanged: boolean,
    cloud: Cloud,
  ) {
    let uris: string[] | undefined;
    const session = new FixSession({
      cloud,
      text: (uri) => this.workspace.file(uri)?.text,
      uris: () => (uris ??= this.workspace.uris()),
    });
    const fixes = new Map<Finding, Fix[]>();
    const involved = new Set<string>();
    for (const notice of notices) if (!open.has(notice.uri)) involved.add(notice.uri);
    for (const finding of findings) {
      for (const uri of [finding.uri, ...finding.related.map((related) => related.uri)])
        if (!open.has(uri)) involved.add(uri);
      if (!unchanged || !open.has(finding.uri) || !requestsFix(finding)) continue;
      let built: Fix[] = [];
      try {
        built = session.fixesOf(finding);
      } catch (error) {
        this.log(`building fixes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (built.length === 0) continue;
      fixes.set(finding, built);
      involved.add(finding.uri);
      for (const fix of built) for (const change of fix.changes) involved.add(change.uri);
    }
    return { fixes, ...this.texts.textsFor(involved, (uri) => session.source.text(uri)) };
  }

  /** The whole model of a document's scope, with its name resolutions and unseen modules (the topology view). */
  private async answerModel(message: ModelMessage): Promise<void> {
    let model: FromWorker & { kind: 'model-json' } = {
      kind: 'model-json',
      request: message.request,
      model: { entities: [], references: [] },
    };
    try {
      const resolutions = await resolutionsJson(this.workspace, message.uri, this.cloud);
      model = {
        ...model,
        model: {
          ...modelJson(this.workspace, await workspaceModel(this.workspace, message.uri)),
          ...(await unseenModulesJson(this.workspace, message.uri)),
          ...(resolutions.length > 0 ? { resolutions } : {}),
        },
      };
    } catch (error) {
      this.log(`model request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.post(model);
  }
}
