// Baselines: findings a team accepts for now, recorded by rule, file and resource identity (never by
// line, so edits above a finding keep it matched), each with an optional expiry date. The CLI hides
// baselined findings; the editor shows them as hints. Invariant: pure data over URIs and texts (the
// callers read and write files); a bad baseline file gives a message, never a throw.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../syntax/line-index';
import type { ErrorObject } from 'ajv';
import generatedValidate from './generated/baseline-validator';
import type { Finding } from './types';

export const baselineVersion = 1;

export interface BaselineEntry {
  ruleId: string;
  /** The declaring file relative to the baseline file's folder, forward slashes. */
  file: string;
  resource: string;
  message?: string;
  /** YYYY-MM-DD: on and after this day (UTC) the finding is reported again. */
  expiresOn?: string;
}

export interface BaselineFile {
  version: typeof baselineVersion;
  findings: BaselineEntry[];
}

const validate = generatedValidate as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The path of `uri` relative to the folder holding `baselineUri` (both file: URIs), decoded. */
export function relativeToBaseline(uri: string, baselineUri: string): string {
  const segments = (value: string) => new URL(value).pathname.split('/').map(decodeURIComponent);
  const target = segments(uri);
  const base = segments(baselineUri).slice(0, -1);
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

function keyOf(ruleId: string, file: string, resource: string): string {
  return JSON.stringify([ruleId, file, resource]);
}

/** The baseline file's text for `findings` (those without a resource identity cannot be recorded). */
export function createBaseline(findings: readonly Finding[], baselineUri: string, previous?: BaselineFile): string {
  // Writing over an old baseline keeps the expiry dates people set on entries that still match.
  const expiries = new Map(
    (previous?.findings ?? [])
      .filter((entry) => entry.expiresOn)
      .map((entry) => [keyOf(entry.ruleId, entry.file, entry.resource), entry.expiresOn!]),
  );
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (finding.resource === undefined) continue;
    const file = relativeToBaseline(finding.uri, baselineUri);
    const key = keyOf(finding.ruleId, file, finding.resource);
    if (entries.has(key)) continue;
    const byIndex = finding.resourceByIndex && keyOf(finding.ruleId, file, finding.resourceByIndex);
    const expiresOn = expiries.get(key) ?? (byIndex ? expiries.get(byIndex) : undefined);
    entries.set(key, {
      ruleId: finding.ruleId,
      file,
      resource: finding.resource,
      message: finding.message,
      ...(expiresOn ? { expiresOn } : {}),
    });
  }
  const sorted = [...entries.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.resource, b.resource),
  );
  const file: BaselineFile = { version: baselineVersion, findings: sorted };
  return JSON.stringify(file, null, 2) + '\n';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses and validates a baseline file's text. */
export function readBaseline(text: string): { baseline: BaselineFile } | { error: string } {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch {
    return { error: `not valid JSON (${jsonErrorAt(json)})` };
  }
  if (!validate(data)) {
    const first = validate.errors?.[0];
    return {
      error: `not a VNet Lens baseline: ${first ? `${first.instancePath || 'the file'} ${first.message ?? 'is not valid'}` : 'invalid'}`,
    };
  }
  return { baseline: data as BaselineFile };
}

/** Today as YYYY-MM-DD in UTC, the form `expiresOn` compares with. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Answers whether a finding is baselined: an entry with its rule, file and resource that has not expired. */
export class BaselineMatcher {
  private readonly live = new Set<string>();

  constructor(
    baseline: BaselineFile,
    private readonly baselineUri: string,
    day: string = today(),
  ) {
    for (const entry of baseline.findings) {
      if (entry.expiresOn !== undefined && entry.expiresOn <= day) continue;
      this.live.add(keyOf(entry.ruleId, entry.file, entry.resource));
    }
  }

  has(finding: Finding): boolean {
    if (finding.resource === undefined) return false;
    const file = relativeToBaseline(finding.uri, this.baselineUri);
    if (this.live.has(keyOf(finding.ruleId, file, finding.resource))) return true;
    // An entry written before array items were named (engine/finding-identity.ts) keys on their indexes.
    return finding.resourceByIndex !== undefined && this.live.has(keyOf(finding.ruleId, file, finding.resourceByIndex));
  }
}

/**
 * Where and what the first JSON error is, never the text around it (JSON.parse quotes the text, and a
 * hostile vnetlens.json may name any file as its baseline).
 */
function jsonErrorAt(json: string): string {
  const errors: ParseError[] = [];
  parse(json, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first === undefined) return 'a value JSON does not allow';
  return `${printParseErrorCode(first.error)} on line ${new LineIndex(json).positionAt(first.offset).line + 1}`;
}
