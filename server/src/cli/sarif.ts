// SARIF 2.1.0 output for CI (GitHub code scanning, Azure DevOps): the tool, its rule metadata and
// one result per finding with 1-based regions relative to the working directory.
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root';
import { ruleDocPath } from '../rules/docs-location';
import { allRules } from '../rules/registry';
import { toolName, toolVersion } from '../version';
import type { LocatedFile, Region } from './located';

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(files: readonly LocatedFile[], cwd: string): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const location = (file: string, region: Region) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: 'SRCROOT' }, region },
  });
  const results = files.flatMap((file) => file.findings.map(({ finding, region, related, fixes }) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: sarifLevel[finding.level],
    message: { text: finding.message },
    locations: [location(file.file, region)],
    ...(related.length > 0 ? {
      relatedLocations: related.map((other, id) => ({ id, ...location(other.file, other.region), message: { text: other.message } })),
    } : {}),
    ...(fixes && fixes.length > 0 ? {
      // SARIF 2.1.0 §3.55: each fix replaces regions of artifacts; an empty deleted region inserts.
      fixes: fixes.map((fix) => ({
        description: { text: fix.description },
        artifactChanges: fix.changes.map((change) => ({
          artifactLocation: { uri: encodeURI(change.file), uriBaseId: 'SRCROOT' },
          replacements: change.replacements.map((replacement) => ({
            deletedRegion: replacement.region,
            insertedContent: { text: replacement.text },
          })),
        })),
        properties: { preferred: fix.preferred },
      })),
    } : {}),
  })));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: toolName,
          version: toolVersion,
          semanticVersion: toolVersion,
          rules: allRules.map((rule) => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.description },
            help: { text: `${rule.description} See docs/rules/${rule.id}.md.` },
            helpUri: pathToFileURL(ruleDocPath(packageRoot(), rule.id)).href,
            defaultConfiguration: { level: sarifLevel[rule.level] },
            properties: { fixable: rule.fixable },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
      artifacts: files.map((file) => ({ location: { uri: encodeURI(file.file), uriBaseId: 'SRCROOT' } })),
      results,
      invocations: [{ executionSuccessful: true }],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
