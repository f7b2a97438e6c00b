// Where the engine stops (DESIGN §10): a file over the size limit is not analysed and a deployment
// over the time limit is cut off, each with one information notice, so the server never blocks.
import type { Notice } from './types';

export interface WorkspaceLimits {
  /** Longest text analysed, in UTF-16 code units. */
  maxFileChars: number;
  /** Evaluation time one deployment may take. */
  evaluationMs: number;
}

export const defaultLimits: WorkspaceLimits = { maxFileChars: 4 * 1024 * 1024, evaluationMs: 3000 };

const megabytes = (chars: number) => `${(chars / (1024 * 1024)).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function tooLargeNotice(uri: string, chars: number, limits: WorkspaceLimits): Notice {
  return {
    uri, start: 0, end: 0,
    message: `VNet Lens did not analyse this file: it is ${megabytes(chars)}, over the ${megabytes(limits.maxFileChars)} limit.`,
  };
}

export function stoppedNotice(entry: string, elapsedMs: number, limits: WorkspaceLimits): Notice {
  return {
    uri: entry, start: 0, end: 0,
    message: `VNet Lens stopped evaluating this deployment after ${seconds(elapsedMs)} (limit ${seconds(limits.evaluationMs)}); `
      + 'it has no findings until it evaluates within the limit.',
  };
}
