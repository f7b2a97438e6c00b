// Plain data of the editing assistance (completion and hover): where the cursor is, what to offer, what to
// show. Invariant: offsets are 0-based UTF-16 indexes into the document text; nothing here knows LSP.
import type { Cloud } from '../facts';

export interface TextRange {
  start: number;
  end: number;
}

/** A step of a property path inside a resource body: a property name or an array index. */
export type PathStep = string | number;

/** Where the cursor sits, in the terms completion needs; the same shape for Bicep and ARM JSON. */
export interface CursorContext {
  language: 'bicep' | 'arm';
  /** Full resource type of the resource around the cursor (a nested child's type includes its parent's). */
  resourceType: string | undefined;
  apiVersion: string | undefined;
  /** Offset of the declaration's anchor (Bicep symbolic name, ARM `"type"` value): how the model names it. */
  anchor: number | undefined;
  /** Property path from the resource body to the value or key at the cursor. */
  path: PathStep[];
  /** A value is typed at `path`, or a property name inside the object at `path`. */
  position: 'value' | 'key';
  /** Text to replace: the string, word or key being typed (empty at the cursor when nothing is typed). */
  replace: TextRange;
  /** The value position follows a colon directly, so an inserted value needs a leading space. */
  afterColon: boolean;
  /** Property names already present in the object (key positions). */
  siblingKeys: string[];
}

export type AssistItemKind = 'value' | 'enum' | 'property' | 'constant' | 'reference';

export interface AssistCompletion {
  label: string;
  kind: AssistItemKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` uses VS Code snippet syntax (tab stops, choices). */
  snippet?: boolean;
  range: TextRange;
  filterText?: string;
  sortText?: string;
  preselect?: boolean;
}

export interface AssistHover {
  /** Markdown; every name from the user's files is in a code span. */
  markdown: string;
  range: TextRange;
}

export interface AssistOptions {
  cloud: Cloud;
}
