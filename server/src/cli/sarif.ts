// SARIF 2.1.0 output for CI (GitHub code scanning, Azure DevOps): the tool, its rule metadata and
// one result per finding with 1-based regions. Invariants: file locations are percent-encoded
// relative references against %SRCROOT% (the folder the CLI ran in), so the log holds no path of
// the machine that made it; each result's partialFingerprints survive edits above the finding.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../rules';
import { toolName, toolVersion } from '../version';
import type { RunNote } from './io';
import { displayPath, type LocatedFile, type LocatedFinding, type Region } from './located';
import { publicHomepage, sarifLevel, sarifRule } from './sarif-rules';
import { syntaxRule } from './syntax-findings';

export const sourceRoot = '%SRCROOT%';

/**
 * Where a file is, as a SARIF artifactLocation: a path under the root becomes a relative reference
 * with every segment percent-encoded (so `javascript:x.bicep` cannot read as a scheme, nor `#` as a
 * fragment); a path outside it stays an absolute file: URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
  return { uri, uriBaseId: sourceRoot };
}

/** Rule, file and what the finding is about (never its line), hashed: stable across line shifts. */
function fingerprint({ finding, file }: LocatedFinding): string {
  const about = finding.resource ?? `${finding.messageId}: ${finding.message}`;
  return createHash('sha256')
    .update(JSON.stringify([finding.ruleId, file, about]))
    .digest('hex');
}

export interface SarifOptions {
  /** package.json `homepage` by default; links appear only for a public https base. */
  homepage?: string;
  /** Whether the run read every file it was asked to, and what it said about itself (io.ts RunNote). */
  invocation?: { executionSuccessful: boolean; notes: readonly RunNote[] };
  /** The folder the run's notes' paths are relative to (the located files' already are). */
  cwd?: string;
}

export function formatSarif(files: readonly LocatedFile[], options: SarifOptions = {}): string {
  const rules = [...allRules, syntaxRule];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const homepage = publicHomepage(options.homepage);
  const location = (file: string, region: Region) => ({
    physicalLocation: { artifactLocation: artifactLocation(file), region },
  });
  const results = files.flatMap((file) =>
    file.findings.map((located) => {
      const { finding, region, related, fixes } = located;
      return {
        ruleId: finding.ruleId,
        ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
        level: sarifLevel[finding.level],
        message: { text: finding.message },
        locations: [location(file.file, region)],
        // v2: array items are named in the resource identity where their name is written (v1 had indexes).
        partialFingerprints: { 'vnetLensFinding/v2': fingerprint(located) },
        ...(related.length > 0
          ? {
              relatedLocations: related.map((other, id) => ({
                id,
                ...location(other.file, other.region),
                message: { text: other.message },
              })),
            }
          : {}),
        ...(fixes && fixes.length > 0
          ? {
              // SARIF 2.1.0 §3.55: each fix replaces regions of artifacts; an empty deleted region inserts.
              fixes: fixes.map((fix) => ({
                description: { text: fix.description },
                artifactChanges: fix.changes.map((change) => ({
                  artifactLocation: artifactLocation(change.file),
                  replacements: change.replacements.map((replacement) => ({
                    deletedRegion: replacement.region,
                    insertedContent: { text: replacement.text },
                  })),
                })),
                properties: { preferred: fix.preferred },
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion,
            semanticVersion: toolVersion,
            ...(homepage ? { informationUri: homepage } : {}),
            rules: rules.map((rule) => sarifRule(rule, homepage)),
          },
        },
        // No uri: the root is wherever the log is read (the checkout in CI), never this machine's path.
        originalUriBaseIds: {
          [sourceRoot]: { description: { text: 'The folder vnet-lens ran in; file locations are relative to it.' } },
        },
        artifacts: files.map((file) => ({ location: artifactLocation(file.file) })),
        results,
        columnKind: 'utf16CodeUnits',
        invocations: [invocationOf(options)],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * SARIF's invocation (2.1.0 §3.20): executionSuccessful is false when a file the run was asked to read
 * could not be (exit 2); its notes are toolExecutionNotifications, a config file's problems
 * toolConfigurationNotifications (§3.58), each at the file it is about.
 */
function invocationOf({ invocation, cwd }: SarifOptions) {
  const notes = invocation?.notes ?? [];
  const notification = (note: RunNote) => {
    const file = note.file ?? note.about;
    const region = note.position && { startLine: note.position.line, startColumn: note.position.column };
    return {
      level: note.level,
      message: { text: note.message },
      ...(file === undefined
        ? {}
        : {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(cwd === undefined ? file : displayPath(file, cwd)),
                  ...(region ? { region } : {}),
                },
              },
            ],
          }),
    };
  };
  const execution = notes.filter((note) => !note.configuration).map(notification);
  const configuration = notes.filter((note) => note.configuration).map(notification);
  return {
    executionSuccessful: invocation?.executionSuccessful ?? true,
    ...(execution.length > 0 ? { toolExecutionNotifications: execution } : {}),
    ...(configuration.length > 0 ? { toolConfigurationNotifications: configuration } : {}),
  };
}
