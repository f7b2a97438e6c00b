// What the analysis worker hands the main thread beside findings, and remembers having handed so it
// is not sent twice: the texts findings and fixes point into (the main thread keeps no text of closed
// files: issue 16, a second copy of a corpus-sized index), and the deployments of the open documents
// (codec text, sent once per deployment object while the main thread holds it).
import type { DeploymentResult } from '../evaluate/deployment';
import type { AnalysedText, DeploymentEntry } from './analysis-messages';
import { encodeDeployment } from './deployment-codec';

type HeldText = { text: string; version: number | undefined };

export class TextHandoff {
  /** The main thread's version of each indexed file's text (ToWorker 'set' and 'read'). */
  private readonly versions = new Map<string, number | undefined>();
  /** The texts the last result gave the main thread, which keeps them until the next result. */
  private held = new Map<string, HeldText>();

  setVersion(uri: string, version: number | undefined): void {
    this.versions.set(uri, version);
  }

  forget(uri: string): void {
    this.versions.delete(uri);
  }

  /**
   * The texts of `uris` for the main thread: those it does not hold yet (as of the last result
   * posted) go in full, the others by name; `sent` is what it holds once this result is posted.
   */
  textsFor(uris: ReadonlySet<string>, textOf: (uri: string) => string | undefined) {
    const texts: AnalysedText[] = [];
    const keptTexts: string[] = [];
    const sent = new Map<string, HeldText>();
    for (const uri of uris) {
      const text = textOf(uri);
      if (text === undefined) continue;
      const version = this.versions.get(uri);
      const before = this.held.get(uri);
      if (before && before.text === text && before.version === version) keptTexts.push(uri);
      else texts.push([uri, text, version]);
      sent.set(uri, { text, version });
    }
    return { texts, keptTexts, sent };
  }

  /** The main thread now holds `sent` (the result that carried them was posted). */
  posted(sent: Map<string, HeldText>): void {
    this.held = sent;
  }
}

export class DeploymentHandoff {
  private readonly ids = new WeakMap<DeploymentResult, number>();
  private nextId = 0;
  /** Ids of the deployments the last model message listed: the main thread holds their texts. */
  private held = new Set<number>();

  constructor(private readonly log: (message: string) => void) {}

  /** The deployments that read an open document; codec text only for those the main thread lacks. */
  entriesReading(deployments: readonly DeploymentResult[], open: ReadonlySet<string>): DeploymentEntry[] {
    const entries: DeploymentEntry[] = [];
    for (const deployment of deployments) {
      if (!deployment.files.some((file) => open.has(file))) continue;
      let id = this.ids.get(deployment);
      if (id === undefined) this.ids.set(deployment, (id = ++this.nextId));
      let text: string | undefined;
      if (!this.held.has(id)) {
        try {
          text = encodeDeployment(deployment);
        } catch (error) {
          this.log(
            `sending the model of ${deployment.entry} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
        }
      }
      entries.push({ id, files: deployment.files, ...(text === undefined ? {} : { text }) });
    }
    this.held = new Set(entries.map((entry) => entry.id));
    return entries;
  }
}
