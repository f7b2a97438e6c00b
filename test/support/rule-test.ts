// The rule test harness (STYLE §9): `valid` cases must give no finding of the rule, `invalid` cases
// must give exactly the findings marked `[|…|]` in the code, in order, with their message ids. The
// code is a fixture (STYLE §10: `//- /file` splits files; one file is /main.bicep) run through the
// real engine: workspace index, evaluation, model, the rule, suppression and ranges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { runRules } from '../../server/src/engine/run-rules';
import type { Finding, Level } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import type { Cloud } from '../../server/src/protocol';
import type { RuleDefinition } from '../../server/src/rules/rule';
import { fixtureHost, splitFixture } from './fixture';

export interface ValidCase {
  name: string;
  code: string;
  cloud?: Cloud;
}

export interface InvalidCase extends ValidCase {
  /** One entry per `[|…|]` marker, in file order then text order. */
  errors: { messageId: string; level?: Level; message?: RegExp }[];
}

interface Marked {
  files: Map<string, string>;
  ranges: { uri: string; start: number; end: number }[];
}

/** Removes `[|` and `|]` from each file and remembers the ranges they marked. */
export function stripMarkers(fixture: string): Marked {
  const files = new Map<string, string>();
  const ranges: Marked['ranges'] = [];
  for (const [uri, text] of splitFixture(fixture)) {
    let output = '';
    let open: number | undefined;
    for (let i = 0; i < text.length; i++) {
      if (text.startsWith('[|', i)) { open = output.length; i++; continue; }
      if (text.startsWith('|]', i) && open !== undefined) { ranges.push({ uri, start: open, end: output.length }); open = undefined; i++; continue; }
      output += text[i];
    }
    files.set(uri, output);
  }
  return { files, ranges };
}

export async function findingsOf(rule: RuleDefinition, files: ReadonlyMap<string, string>, cloud: Cloud = 'AzureCloud'): Promise<Finding[]> {
  const workspace = new Workspace(fixtureHost(files));
  workspace.setCloud(cloud);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  assert.deepEqual([...workspace.failures.values()], [], 'the evaluation itself must not fail');
  return runRules(model, workspace, { cloud, ruleLevels: {} }, [rule]);
}

export function ruleTests(rule: RuleDefinition, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const valid of cases.valid) {
      test(`valid: ${valid.name}`, async () => {
        const { files } = stripMarkers(valid.code);
        const findings = await findingsOf(rule, files, valid.cloud);
        assert.deepEqual(findings.map((f) => `${f.messageId}: ${f.message}`), []);
      });
    }
    for (const invalid of cases.invalid) {
      test(`invalid: ${invalid.name}`, async () => {
        const { files, ranges } = stripMarkers(invalid.code);
        assert.equal(ranges.length, invalid.errors.length, 'one expected error per [|…|] marker');
        const findings = await findingsOf(rule, files, invalid.cloud);
        const actual = findings.map((f) => ({ uri: f.uri, start: f.start, end: f.end, messageId: f.messageId }))
          .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start);
        const expected = ranges.map((range, index) => ({ ...range, messageId: invalid.errors[index].messageId }))
          .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start);
        const show = (list: typeof actual) => list.map((f) => `${f.messageId} ${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.start}-${f.end} '${files.get(f.uri)?.slice(f.start, f.end)}'`);
        assert.deepEqual(show(actual), show(expected));
        invalid.errors.forEach((error, index) => {
          const finding = findings.find((f) => f.uri === ranges[index].uri && f.start === ranges[index].start && f.end === ranges[index].end);
          if (error.level) assert.equal(finding?.level, error.level);
          if (error.message) assert.match(finding?.message ?? '', error.message);
        });
      });
    }
  });
}
