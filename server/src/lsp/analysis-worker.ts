// The analysis worker: a worker thread of the server that owns evaluation and the rules, so the main
// thread, which reads requests, never runs a long synchronous stretch (issue 20 item 4: one
// deployment's evaluation, or the rules over a large network, take seconds). It keeps a copy of the
// workspace index that the main thread updates by message, reads referenced files through its own
// file access, and answers each analysis with plain data: findings, notices, the fixes of the open
// documents' findings, and then the deployments that read the open documents (codec text).
// Invariants: a run is stale as soon as a newer one is announced, and a stale run posts nothing but
// `stale`; every finished run posts `result` and then `model` (or `model-skipped`, when a newer run was
// announced before its model was written); a failure posts `failed`, never a throw.
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
  withoutFixRequest,
  workspaceModel,
  Workspace,
  type Finding,
  type Fix,
  type Notice,
} from '../engine';
import type { AnalysedText, DeploymentEntry, FromWorker, ToWorker } from './analysis-messages';
import { encodeDeployment } from './deployment-codec';
import { accessHost, analysisFileAccess } from './file-access';
import { readWorkspaceFile } from './workspace-files';

/** How long the worker waits after a result before writing its model, for a newer analysis to make it moot. */
export const modelPauseMs = 30;

export function runAnalysisWorker(port: MessagePort): void {
  const post = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => post({ kind: 'log', message });
  const access = analysisFileAccess();
  // Open documents are in the index (the main thread sets them), which the workspace reads first.
  const host = accessHost(access, () => undefined, log);
  const workspace = new Workspace(host);
  /** The cloud the main thread last set: the workspace evaluates with it, the resolutions read its zones. */
  let cloud: Cloud = 'AzureCloud';
  let latest = 0;
  const deploymentIds = new WeakMap<DeploymentResult, number>();
  let nextId = 0;
  /** Ids of the deployments the last model message listed: the main thread holds their texts. */
  let held = new Set<number>();
  /** The main thread's version of each indexed file's text (ToWorker 'set'). */
  const versions = new Map<string, number | undefined>();
  /** The texts the last result gave the main thread, which keeps them until the next result. */
  let textsHeld = new Map<string, { text: string; version: number | undefined }>();

  async function analyse(message: Extract<ToWorker, { kind: 'analyse' }>): Promise<void> {
    const { run, uris, configuration } = message;
    const isCancelled = () => latest !== run;
    try {
      const changes = workspace.changes;
      const seen = uris.map((uri) => workspace.file(uri)?.text);
      // Evaluated first to keep the results for the model message; the analysis reuses them.
      const deployments = await workspace.evaluate(isCancelled);
      const result = isCancelled()
        ? undefined
        : await analyzeWorkspace(workspace, uris, {
            cloud: configuration.cloud,
            ruleLevels: configuration.rules,
            ...(configuration.privateDns ? { privateDns: configuration.privateDns } : {}),
            isCancelled,
          });
      if (!result || isCancelled()) {
        post({ kind: 'stale', run });
        return;
      }
      const fixed = fixesOf(
        result.findings,
        result.notices,
        new Set(uris),
        workspace.changes === changes,
        configuration.cloud,
      );
      // The main thread gets the fixes already built: the requests, which hold model entities, stay here.
      post({
        kind: 'result',
        run,
        findings: result.findings.map(withoutFixRequest),
        notices: result.notices,
        fixes: fixed.fixes,
        texts: fixed.texts,
        keptTexts: fixed.keptTexts,
      });
      textsHeld = fixed.sent;
      // The model answers requests on documents whose text this run saw. Once a newer run is announced
      // and every one of them was edited since, no request will read it (an edited document waits for
      // the run that sees its text), so it is written only after a short pause that did not make it
      // moot (issue 16: writing it was a fifth of the worker's work per keystroke, and a third of what
      // it allocated, while the user went on typing).
      setTimeout(() => {
        const moot = latest !== run && uris.every((uri, index) => workspace.file(uri)?.text !== seen[index]);
        if (moot) post({ kind: 'model-skipped', run });
        else postModel(run, uris, deployments);
      }, modelPauseMs);
    } catch (error) {
      post({ kind: 'failed', run, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }

  function postModel(run: number, uris: string[], deployments: readonly DeploymentResult[]): void {
    try {
      post({ kind: 'model', run, uris, deployments: entriesReading(deployments, new Set(uris)) });
    } catch (error) {
      post({ kind: 'failed', run, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
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
  function fixesOf(
    findings: readonly Finding[],
    notices: readonly Notice[],
    open: ReadonlySet<string>,
    unchanged: boolean,
    cloud: Cloud,
  ) {
    let uris: string[] | undefined;
    const session = new FixSession({
      cloud,
      text: (uri) => workspace.file(uri)?.text,
      uris: () => (uris ??= workspace.uris()),
    });
    const fixes: [number, Fix[]][] = [];
    const involved = new Set<string>();
    for (const notice of notices) if (!open.has(notice.uri)) involved.add(notice.uri);
    findings.forEach((finding, index) => {
      for (const uri of [finding.uri, ...finding.related.map((related) => related.uri)])
        if (!open.has(uri)) involved.add(uri);
      if (!unchanged || !open.has(finding.uri) || !requestsFix(finding)) return;
      let built: Fix[] = [];
      try {
        built = session.fixesOf(finding);
      } catch (error) {
        log(`building fixes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (built.length === 0) return;
      fixes.push([index, built]);
      involved.add(finding.uri);
      for (const fix of built) for (const change of fix.changes) involved.add(change.uri);
    });
    return { fixes, ...textsFor(involved, (uri) => session.source.text(uri)) };
  }

  /**
   * The texts of `uris` for the main thread: those it does not hold yet (as of the last result
   * posted) go in full, the others by name; `sent` is what it holds once this result is posted.
   */
  function textsFor(uris: ReadonlySet<string>, textOf: (uri: string) => string | undefined) {
    const texts: AnalysedText[] = [];
    const keptTexts: string[] = [];
    const sent = new Map<string, { text: string; version: number | undefined }>();
    for (const uri of uris) {
      const text = textOf(uri);
      if (text === undefined) continue;
      const version = versions.get(uri);
      const before = textsHeld.get(uri);
      if (before && before.text === text && before.version === version) keptTexts.push(uri);
      else texts.push([uri, text, version]);
      sent.set(uri, { text, version });
    }
    return { texts, keptTexts, sent };
  }

  /** The deployments that read an open document; codec text only for those the main thread lacks. */
  function entriesReading(deployments: readonly DeploymentResult[], open: ReadonlySet<string>): DeploymentEntry[] {
    const entries: DeploymentEntry[] = [];
    for (const deployment of deployments) {
      if (!deployment.files.some((file) => open.has(file))) continue;
      let id = deploymentIds.get(deployment);
      if (id === undefined) deploymentIds.set(deployment, (id = ++nextId));
      let text: string | undefined;
      if (!held.has(id)) {
        try {
          text = encodeDeployment(deployment);
        } catch (error) {
          log(
            `sending the model of ${deployment.entry} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
        }
      }
      entries.push({ id, files: deployment.files, ...(text === undefined ? {} : { text }) });
    }
    held = new Set(entries.map((entry) => entry.id));
    return entries;
  }

  // Messages are handled one at a time in order; an analysis awaits, so the changes and the `cancel`
  // that arrive while it runs are seen at its next look (the workspace yields between deployments).
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'set':
        workspace.setFile(message.uri, message.text);
        versions.set(message.uri, message.version);
        return;
      case 'read': {
        // As the main thread read the folders' files before (workspace-files.ts): unreadable ones are not indexed.
        const text = readWorkspaceFile(message.uri);
        if (text !== undefined) {
          workspace.setFile(message.uri, text);
          versions.set(message.uri, message.version);
        } else if (workspace.has(message.uri)) {
          workspace.removeFile(message.uri);
          versions.delete(message.uri);
        }
        return;
      }
      case 'remove':
        workspace.removeFile(message.uri);
        versions.delete(message.uri);
        return;
      case 'cloud':
        cloud = message.cloud;
        workspace.setCloud(message.cloud);
        return;
      case 'forget-outside':
        workspace.forgetOutsideFiles();
        host.forgetLogged();
        return;
      case 'access':
        access.setFolders(message.folders);
        access.setAllowOutside(message.allowOutside);
        return;
      case 'cancel':
        latest = Math.max(latest, message.run);
        return;
      case 'analyse':
        latest = Math.max(latest, message.run);
        queue = queue.then(() => analyse(message));
        return;
      case 'model':
        // The whole model (the topology view) may wait for a running analysis: it is not an editing request.
        queue = queue.then(async () => {
          let model: FromWorker & { kind: 'model-json' } = {
            kind: 'model-json',
            request: message.request,
            model: { entities: [], references: [] },
          };
          try {
            const resolutions = await resolutionsJson(workspace, message.uri, cloud);
            model = {
              ...model,
              model: {
                ...modelJson(workspace, await workspaceModel(workspace, message.uri)),
                ...(await unseenModulesJson(workspace, message.uri)),
                ...(resolutions.length > 0 ? { resolutions } : {}),
              },
            };
          } catch (error) {
            log(`model request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
          post(model);
        });
        return;
    }
  });
}
