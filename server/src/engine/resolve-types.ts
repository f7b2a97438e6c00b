// What the resolution explainer answers (engine/resolve.ts): per target and asking VNet, the answer,
// the steps that lead to it, and each name's own resolution.
import type { Entity } from '../model';

export type ResolutionAnswer = 'private' | 'public' | 'unknown';

export interface ResolutionStep {
  /** dns: the asking VNet's DNS; server: where a custom server lives; zone, link, record: the zone's part; answer. */
  step: 'dns' | 'server' | 'zone' | 'link' | 'record' | 'answer';
  text: string;
  /** The model's resources the step goes through (the topology view draws them as the path). */
  via?: readonly Entity[];
}

/** How one name (a group id's zone) of the target resolves. */
export interface NameResolution {
  groupId: string;
  zone: string;
  answer: ResolutionAnswer;
  steps: ResolutionStep[];
  /** The endpoint whose private IP answers, for `private`. */
  endpoint?: string;
  /** Its private IP, when statically assigned and known. */
  address?: string;
}

export interface Resolution {
  target: string;
  from: string;
  answer: ResolutionAnswer;
  steps: ResolutionStep[];
  names: NameResolution[];
}
