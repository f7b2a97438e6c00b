// Where the engine stops (DESIGN §10): a file over the size limit is not analysed and a deployment
// over the time limit is cut off, each with one information notice, so the server never blocks; a
// value over the size cap (evaluate/value-size.ts) becomes unknown, with one notice naming it; so do a
// loop too long to evaluate item by item and a module call nested too deep.
import type { Notice } from './types';
import type { CollapsedLoop, OversizedAt } from '../evaluate/stop-clock';
import type { SourceLocation } from '../evaluate/declaration';
import { maxExpandedInstances } from '../evaluate/bicep/resources';
import { maxModuleDepth } from '../evaluate/bicep/modules';
import { maxValueUnits } from '../evaluate/value-size';
import { maxStringLength } from '../evaluate/value';

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
    uri,
    start: 0,
    end: 0,
    message: `VNet Lens did not analyse this file: it is ${megabytes(chars)}, over the ${megabytes(limits.maxFileChars)} limit.`,
  };
}

export function stoppedNotice(entry: string, elapsedMs: number, limits: WorkspaceLimits): Notice {
  return {
    uri: entry,
    start: 0,
    end: 0,
    message:
      `VNet Lens stopped evaluating this deployment after ${seconds(elapsedMs)} (limit ${seconds(limits.evaluationMs)}); ` +
      'it has no findings until it evaluates within the limit.',
  };
}

/** The expression as written, shortened to one line of at most 60 characters. */
function excerpt(text: string | undefined, at: OversizedAt): string {
  const written = (text ?? '').slice(at.start, Math.min(at.end, at.start + 200)).replace(/\s+/g, ' ');
  return written.length > 60 ? `${written.slice(0, 57)}...` : written;
}

export function oversizedNotice(at: OversizedAt, text: string | undefined): Notice {
  const shown = excerpt(text, at);
  return {
    uri: at.uri,
    start: at.start,
    end: at.end,
    message:
      `VNet Lens treats the value of ${shown ? `\`${shown}\`` : 'this expression'} as unknown: it would be over the size ` +
      `evaluation keeps (${maxStringLength.toLocaleString('en-US')} characters of text, ${maxValueUnits.toLocaleString('en-US')} items and characters in all; ` +
      'a value that doubles again and again, say).',
  };
}

export function collapsedLoopNotice(at: CollapsedLoop): Notice {
  return {
    uri: at.uri,
    start: at.start,
    end: at.end,
    message:
      `VNet Lens evaluates this loop of ${at.count.toLocaleString('en-US')} items as one declaration of that many ` +
      `instances, not item by item (it does that up to ${maxExpandedInstances}): what tells the instances apart ` +
      '(names, ids, address prefixes) is unknown, so findings that need it are not reported.',
  };
}

export function tooDeepNotice(at: SourceLocation): Notice {
  return {
    uri: at.uri,
    start: at.start,
    end: at.end,
    message:
      `VNet Lens does not follow this call: modules and nested deployments nest more than ${maxModuleDepth} deep ` +
      'here, so what it deploys and its outputs are unknown.',
  };
}
