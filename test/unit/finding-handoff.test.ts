// Findings cross from the analysis worker to the main thread per file, only when they changed
// (lsp/finding-handoff.ts). Over seeded random edit sequences of the incremental-equivalence
// workspace: what the main thread holds after each result equals a fresh analysis's findings, and
// every file whose findings differ from the previous step's is named changed (the publisher converts
// no other closed file again).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { withoutFixRequest, type Finding, type Notice } from '../../server/src/engine';
import { defaultLimits } from '../../server/src/engine/limits';
import { Workspace } from '../../server/src/engine/workspace';
import { FindingHandoff, HeldFindings } from '../../server/src/lsp/finding-handoff';
import {
  addComment,
  changePrefix,
  deleteCharacters,
  deleteDeclaration,
  insertCharacters,
  seededRandom,
  typeIntoName,
  type Files,
} from '../support/incremental-equivalence';
import { generatedWorkspace } from '../support/equivalence-workspace';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
const limits = { ...defaultLimits, evaluationMs: Number.POSITIVE_INFINITY };
const edits = [insertCharacters, deleteCharacters, typeIntoName, addComment, changePrefix, deleteDeclaration];

/** Findings and notices by file, as JSON, in a stable order (the order across files is not part of the contract). */
function byFile(findings: readonly Finding[], notices: readonly Notice[]): Map<string, string> {
  const files = new Map<string, { findings: Finding[]; notices: Notice[] }>();
  const of = (uri: string) => files.get(uri) ?? files.set(uri, { findings: [], notices: [] }).get(uri)!;
  for (const finding of findings) of(finding.uri).findings.push(withoutFixRequest(finding));
  for (const notice of notices) of(notice.uri).notices.push(notice);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)).map(([uri, file]) => [uri, JSON.stringify(file)]));
}

async function fresh(files: Files) {
  const workspace = new Workspace({ readFile: async (uri) => files.get(uri) }, limits);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const result = await analyzeWorkspace(workspace, [...files.keys()], options);
  return byFile(result.findings, result.notices);
}

describe('the main thread holds what a fresh analysis finds, sent only the files that changed', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: 20 random edits`, async () => {
      const random = seededRandom(seed);
      const files = new Map(generatedWorkspace());
      const open = new Set([[...files.keys()][2]]);
      const workspace = new Workspace({ readFile: async (uri) => files.get(uri) }, limits);
      const worker = new FindingHandoff();
      const main = new HeldFindings();
      let before = new Map<string, string>();
      let unsentSomewhere = false;
      for (let step = 0; step <= 20; step++) {
        const done = step === 0 ? 'open' : edits[Math.floor(random() * edits.length)](files, random);
        for (const uri of workspace.uris()) if (!files.has(uri)) workspace.removeFile(uri);
        for (const [uri, text] of files) workspace.setFile(uri, text);
        const result = await analyzeWorkspace(workspace, [...files.keys()], options);
        const { files: sentFiles, fixes, sent } = worker.toSend(result.findings, result.notices, open, new Map());
        worker.posted(sent);
        // Across the thread as the worker's message goes: a structured clone.
        const held = main.receive(structuredClone(sentFiles), fixes);
        const expected = await fresh(files);
        assert.deepEqual(byFile(held.findings, held.notices), expected, `step ${step} (${done})`);
        for (const uri of new Set([...before.keys(), ...expected.keys()]))
          if (before.get(uri) !== expected.get(uri))
            assert.ok(held.changed.has(uri), `step ${step} (${done}): ${uri} changed but was not sent`);
        for (const uri of open) assert.ok(held.changed.has(uri), 'an open document is always sent');
        if ([...expected.keys()].some((uri) => !held.changed.has(uri))) unsentSomewhere = true;
        before = expected;
      }
      assert.ok(unsentSomewhere, 'some step sent less than every file with findings');
    });
  }
});

test('a file whose findings are gone is sent empty, and the main thread drops it', () => {
  const finding = (uri: string): Finding => ({
    ruleId: 'dns-zone-location',
    messageId: 'notGlobal',
    level: 'warning',
    message: 'm',
    uri,
    start: 0,
    end: 1,
    related: [],
  });
  const worker = new FindingHandoff();
  const main = new HeldFindings();
  const a = finding('file:///a.bicep');
  const b = finding('file:///b.bicep');
  const first = worker.toSend([a, b], [], new Set(), new Map());
  worker.posted(first.sent);
  main.receive(first.files, first.fixes);
  const second = worker.toSend([a], [], new Set(), new Map());
  assert.deepEqual(second.files, [['file:///b.bicep', [], []]], 'a is unchanged; b is gone');
  worker.posted(second.sent);
  const held = main.receive(second.files, second.fixes);
  assert.deepEqual(held.findings, [a]);
  assert.deepEqual([...held.changed], ['file:///b.bicep']);
});
