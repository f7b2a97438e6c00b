// What the server's main thread and its analysis worker (analysis-worker.ts) say to each other: plain
// data only (structured clone), with deployments as codec text (deployment-codec.ts).
// Invariant: the worker's index is the main thread's, replayed message by message in order.
import type { Fix, Language } from '../engine';
import type { Cloud } from '../facts';
import type { TopologyJson } from '../protocol';
import type { EffectiveConfiguration } from './configuration';
import type { FileFindings } from './finding-handoff';

export type ToWorker =
  /**
   * `version`: the main thread's number for this text of the file (analysis-client.ts `versionOf`);
   * `editorLanguage`: the editor's language of a document whose name says none (Workspace.setFile).
   */
  | { kind: 'set'; uri: string; text: string; version?: number; editorLanguage?: Language }
  /** A closed file of the workspace folders, which the worker reads from disk itself (no text crosses the threads). */
  | { kind: 'read'; uri: string; version: number }
  | { kind: 'remove'; uri: string }
  | { kind: 'cloud'; cloud: Cloud }
  | { kind: 'forget-outside' }
  | { kind: 'access'; folders: string[]; allowOutside: boolean }
  /** Run `run` is now the newest: any older one is stale. */
  | { kind: 'cancel'; run: number }
  /** `uris`: the open documents (their findings get fixes, their deployments are sent back). */
  | { kind: 'analyse'; run: number; uris: string[]; configuration: EffectiveConfiguration }
  | { kind: 'model'; request: number; uri: string | undefined };

/** A text an analysis read: uri, text, and the main thread's version of it (none for files outside the index). */
export type AnalysedText = [uri: string, text: string, version: number | undefined];

/** A deployment that reads an open document: its files, and its codec text unless the last model message had it. */
export interface DeploymentEntry {
  id: number;
  files: string[];
  text?: string;
}

export type FromWorker =
  | { kind: 'log'; message: string }
  /**
   * A finished analysis: the findings and notices of the files whose findings changed since the last
   * result, and of the open documents (finding-handoff.ts), the fixes of open documents' findings (by
   * index into the findings of `files`, in order) and the analysed texts the main thread needs: those
   * the fixes edit, and those of the closed files findings and notices point into. A text the last
   * result sent (same version) is only named in `keptTexts`; the main thread keeps exactly the texts
   * of its last result.
   */
  | {
      kind: 'result';
      run: number;
      files: FileFindings[];
      fixes: [number, Fix[]][];
      texts: AnalysedText[];
      keptTexts: string[];
    }
  /** Follows each result: the deployments that read the documents open when it ran. */
  | { kind: 'model'; run: number; uris: string[]; deployments: DeploymentEntry[] }
  /**
   * Follows a result instead of its model when, before it was written, a newer analysis was announced
   * and every open document it analysed was edited: no request could read it.
   */
  | { kind: 'model-skipped'; run: number }
  | { kind: 'stale'; run: number }
  | { kind: 'failed'; run: number; message: string }
  | { kind: 'model-json'; request: number; model: TopologyJson };
