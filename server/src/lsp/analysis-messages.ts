// What the server's main thread and its analysis worker (analysis-worker.ts) say to each other: plain
// data only (structured clone), with deployments as codec text (deployment-codec.ts).
// Invariant: the worker's index is the main thread's, replayed message by message in order.
import type { Finding, Fix, Notice } from '../engine';
import type { Cloud } from '../facts';
import type { TopologyJson } from '../protocol';
import type { EffectiveConfiguration } from './configuration';

export type ToWorker =
  | { kind: 'set'; uri: string; text: string }
  | { kind: 'remove'; uri: string }
  | { kind: 'cloud'; cloud: Cloud }
  | { kind: 'forget-outside' }
  | { kind: 'access'; folders: string[]; allowOutside: boolean }
  /** Run `run` is now the newest: any older one is stale. */
  | { kind: 'cancel'; run: number }
  /** `uris`: the open documents (their findings get fixes, their deployments are sent back). */
  | { kind: 'analyse'; run: number; uris: string[]; configuration: EffectiveConfiguration }
  | { kind: 'model'; request: number; uri: string | undefined };

/** A deployment that reads an open document: its files, and its codec text unless the last model message had it. */
export interface DeploymentEntry {
  id: number;
  files: string[];
  text?: string;
}

export type FromWorker =
  | { kind: 'log'; message: string }
  /**
   * A finished analysis: findings, notices, the fixes of open documents' findings (by index into
   * `findings`) and the analysed texts those fixes and any file outside the index point into.
   */
  | {
      kind: 'result';
      run: number;
      findings: Finding[];
      notices: Notice[];
      fixes: [number, Fix[]][];
      texts: [string, string][];
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
