// The rule test harness (STYLE §9), in the spirit of ESLint's RuleTester: `valid` cases must give no
// finding of the rule, `invalid` cases must give exactly the findings marked `[|…|]` in the code, in
// order, with their message ids. The code is a fixture (STYLE §10: `//- /file` splits files; one file
// is /main.bicep) run through the real engine: workspace index, evaluation, model, the rule,
// suppression and ranges; fixes come only through the public path (finding → FixSession).
// An invalid case pins every fix its findings offer: `output` is the fixed text of each file the
// preferred fixes change (`null`: no fix is offered), `alternatives` the text after each other fix,
// by title. A fix offered without its expected text, or an expected text without a fix, fails the
// case. The harness also proves DESIGN §4 for each fix: the edits are sorted and non-overlapping,
// every changed file reparses without syntax errors, the fixed findings are gone, no finding of any
// rule appears that was not there before, and files not listed are unchanged.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { deploymentModels } from '../../server/src/engine/deployments';
import { applyTextEdits, FixSession, textSource, type Fix } from '../../server/src/engine/fixes';
import { parseDocument } from '../../server/src/engine/parse';
import { runRules } from '../../server/src/engine/run-rules';
import type { AnalysisOptions, Finding, Level } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import type { Cloud } from '../../server/src/facts';
import type { RuleDefinition } from '../../server/src/rules/support/rule';
import { fixtureHost, fixtureRoot, splitFixture } from './fixture';

export interface ValidCase {
  name: string;
  code: string;
  cloud?: Cloud;
}

export interface InvalidCase extends ValidCase {
  /** One entry per `[|…|]` marker, in file order then text order. */
  errors: { messageId: string; level?: Level; message?: RegExp }[];
  /**
   * The files the preferred fixes change, as they must read after (a fixture); null: no fix offered.
   * Required whenever a finding offers a fix.
   */
  output?: Expected | null;
  /** The title of the (first) preferred fix. */
  fixTitle?: RegExp;
  /** Each other (not preferred) fix applied alone, by its title: the files it changes, as a fixture. */
  alternatives?: Record<string, Expected>;
  /**
   * The rules whose findings appear after the preferred fixes, one entry a finding: problems the
   * fixed finding hid. DESIGN §4 (c) wants none; a case names them only to pin a known gap.
   */
  reveals?: string[];
}

/** A fixture of the files after a fix, or a function of the case's code (markers removed) giving it. */
export type Expected = string | ((code: string) => string);

/**
 * An expected output written as edits of the case's own code (markers removed): each `from` is
 * replaced by `to` at its first occurrence after the previous edit, and must occur there.
 */
export function edited(...pairs: [from: string, to: string][]): (code: string) => string {
  return (code) => {
    let text = code;
    let at = 0;
    for (const [from, to] of pairs) {
      const found = text.indexOf(from, at);
      assert.ok(found >= 0, `the expected output edits '${from}', which the code does not hold (after offset ${at})`);
      text = text.slice(0, found) + to + text.slice(found + from.length);
      at = found + to.length;
    }
    return text;
  };
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
      if (text.startsWith('[|', i)) {
        open = output.length;
        i++;
        continue;
      }
      if (text.startsWith('|]', i) && open !== undefined) {
        ranges.push({ uri, start: open, end: output.length });
        open = undefined;
        i++;
        continue;
      }
      output += text[i];
    }
    files.set(uri, output);
  }
  return { files, ranges };
}

export async function findingsOf(
  rule: RuleDefinition,
  files: ReadonlyMap<string, string>,
  cloud: Cloud = 'AzureCloud',
): Promise<Finding[]> {
  const workspace = new Workspace(fixtureHost(files));
  workspace.setCloud(cloud);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const models = deploymentModels(await workspace.evaluate());
  assert.deepEqual([...workspace.failures.values()], [], 'the evaluation itself must not fail');
  return runRules(models, workspace, { cloud, ruleLevels: {} }, [rule]);
}

async function allFindings(files: ReadonlyMap<string, string>, cloud: Cloud): Promise<Finding[]> {
  const workspace = new Workspace(fixtureHost(files));
  workspace.setCloud(cloud);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  return runRules(deploymentModels(await workspace.evaluate()), workspace, { cloud, ruleLevels: {} });
}

const findingKey = (f: Finding) => `${f.ruleId}|${f.uri.slice(f.uri.lastIndexOf('/') + 1)}|${f.messageId}|${f.message}`;

/** What the fixes of one case do: the texts after fix-all, the preferred titles, each alternative's texts. */
export interface FixOutcome {
  texts: Map<string, string>;
  titles: string[];
  /** How many fixes the rule's findings offer, preferred or not. */
  offered: number;
  alternatives: Map<string, Map<string, string>>;
}

/** Applies the preferred fixes of the rule's findings and checks DESIGN §4; returns what they wrote. */
export async function checkFixes(
  rule: RuleDefinition,
  files: ReadonlyMap<string, string>,
  cloud: Cloud = 'AzureCloud',
  reveals: readonly string[] = [],
): Promise<FixOutcome> {
  const before = await allFindings(files, cloud);
  const mine = before.filter((f) => f.ruleId === rule.id);
  const session = new FixSession(textSource(cloud, files));
  const offered = mine.reduce((sum, f) => sum + session.fixesOf(f).length, 0);
  const titles = mine.flatMap((f) =>
    session
      .fixesOf(f)
      .filter((fix) => fix.isPreferred)
      .map((fix) => fix.title),
  );
  const { edits, fixed } = session.fixAll(mine);
  const texts = new Map(files);
  for (const [uri, list] of edits) {
    list.forEach((edit, i) => {
      assert.ok(edit.start <= edit.end && edit.end <= (files.get(uri)?.length ?? 0), 'edits stay in bounds');
      if (i > 0)
        assert.ok(
          list[i - 1].end <= edit.start && list[i - 1].start !== edit.start,
          'edits are sorted and do not overlap',
        );
    });
    texts.set(uri, applyTextEdits(files.get(uri) ?? '', list));
  }
  // Every alternative on its own, not only the preferred ones fix-all takes, keeps DESIGN §4.
  const alternatives = new Map<string, Map<string, string>>();
  for (const finding of mine) {
    for (const fix of session.fixesOf(finding).filter((f) => !f.isPreferred)) {
      const workspace = new Workspace(fixtureHost(files));
      workspace.setCloud(cloud);
      for (const [uri, text] of files) workspace.setFile(uri, text);
      const { problems, texts: changed } = await roundTrip(workspace, before, finding, fix, { cloud, ruleLevels: {} });
      assert.deepEqual(problems, [], `the alternative '${fix.title}' keeps DESIGN §4`);
      alternatives.set(fix.title, new Map([...files].map(([uri, text]) => [uri, changed.get(uri) ?? text])));
    }
  }
  const outcome = { texts, titles, offered, alternatives };
  if (fixed.length === 0) return outcome;
  for (const [uri, text] of texts) {
    if (text === files.get(uri)) continue;
    assert.deepEqual(
      parseDocument(uri, text).syntaxErrors.map((e) => e.message),
      [],
      `the fixed ${uri} parses without syntax errors:\n${text}`,
    );
  }
  const after = await allFindings(texts, cloud);
  const afterKeys = after.map(findingKey);
  for (const finding of fixed)
    assert.ok(!afterKeys.includes(findingKey(finding)), `the fix removes the finding: ${finding.message}`);
  const remaining = before.map(findingKey);
  const added: string[] = [];
  for (const key of afterKeys) {
    const at = remaining.indexOf(key);
    if (at >= 0) remaining.splice(at, 1);
    else added.push(key);
  }
  assert.deepEqual(
    added.map((key) => key.slice(0, key.indexOf('|'))),
    [...reveals],
    `the fix adds no finding of any rule${reveals.length ? ` but the ones the case names (${reveals.join(', ')})` : ''}: ${added.join(' / ')}`,
  );
  return outcome;
}

/** The changed files of `after` as a fixture (what a case's `output` would say), to show in a failure. */
function asFixture(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string {
  const changed = [...after].filter(([uri, text]) => before.get(uri) !== text);
  if (changed.length === 1 && changed[0][0] === `${fixtureRoot}main.bicep`) return changed[0][1];
  return changed.map(([uri, text]) => `//- /${uri.slice(fixtureRoot.length)}\n${text}`).join('\n');
}

/** Every file reads as the fixture `expected` says (files it does not list stay as they were). */
function assertTexts(
  code: string,
  files: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
  expected: Expected,
  what: string,
): void {
  const fixedTexts = splitFixture(typeof expected === 'string' ? expected : expected(code.replace(/\[\||\|\]/g, '')));
  for (const [uri, text] of actual) {
    assert.equal(
      text,
      fixedTexts.get(uri) ?? files.get(uri),
      `${what}: text of ${uri.slice(uri.lastIndexOf('/') + 1)}`,
    );
  }
}

/** The case's expected texts against what its fixes wrote; a fix without an expected text fails. */
function assertFixes(invalid: InvalidCase, files: ReadonlyMap<string, string>, outcome: FixOutcome): void {
  const changedByPreferred = [...outcome.texts].some(([uri, text]) => files.get(uri) !== text);
  if (invalid.output === undefined || invalid.output === null) {
    assert.ok(
      outcome.offered === 0,
      `the case expects no fix, but ${outcome.offered} are offered; the preferred '${outcome.titles[0]}' writes:\n${asFixture(files, outcome.texts)}`,
    );
  } else {
    assert.ok(changedByPreferred, 'the case gives an output, but no preferred fix is offered');
    if (invalid.fixTitle) assert.match(outcome.titles[0] ?? '', invalid.fixTitle);
    assertTexts(invalid.code, files, outcome.texts, invalid.output, 'the preferred fix');
  }
  const expected = invalid.alternatives ?? {};
  for (const [title, texts] of outcome.alternatives) {
    assert.ok(
      title in expected,
      `the alternative '${title}' has no expected text; it writes:\n${asFixture(files, texts)}`,
    );
    assertTexts(invalid.code, files, texts, expected[title], `the alternative '${title}'`);
  }
  for (const title of Object.keys(expected))
    assert.ok(outcome.alternatives.has(title), `the alternative '${title}' is not offered`);
}

/** Runs one invalid case: its findings as marked, and every fix they offer pinned by its expected text. */
export async function checkInvalidCase(rule: RuleDefinition, invalid: InvalidCase): Promise<void> {
  const { files, ranges } = stripMarkers(invalid.code);
  assert.equal(ranges.length, invalid.errors.length, 'one expected error per [|…|] marker');
  const findings = await findingsOf(rule, files, invalid.cloud);
  const actual = findings
    .map((f) => ({ uri: f.uri, start: f.start, end: f.end, messageId: f.messageId }))
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start);
  const expected = ranges
    .map((range, index) => ({ ...range, messageId: invalid.errors[index].messageId }))
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start);
  const show = (list: typeof actual) =>
    list.map(
      (f) =>
        `${f.messageId} ${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.start}-${f.end} '${files.get(f.uri)?.slice(f.start, f.end)}'`,
    );
  assert.deepEqual(show(actual), show(expected));
  invalid.errors.forEach((error, index) => {
    const finding = findings.find(
      (f) => f.uri === ranges[index].uri && f.start === ranges[index].start && f.end === ranges[index].end,
    );
    if (error.level) assert.equal(finding?.level, error.level);
    if (error.message) assert.match(finding?.message ?? '', error.message);
  });
  assertFixes(invalid, files, await checkFixes(rule, files, invalid.cloud, invalid.reveals));
}

/** A rule's cases: the code it must leave alone and the code it must report. */
export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Set while collectRuleCases loads rule test files: their cases are gathered, not run. */
let collecting: { rule: RuleDefinition; cases: RuleCases }[] | undefined;

/** The cases of every `ruleTests` call that `load` (importing rule test files) makes, without running them. */
export async function collectRuleCases(
  load: () => Promise<void>,
): Promise<{ rule: RuleDefinition; cases: RuleCases }[]> {
  const collected: { rule: RuleDefinition; cases: RuleCases }[] = [];
  collecting = collected;
  try {
    await load();
  } finally {
    collecting = undefined;
  }
  return collected;
}

export function ruleTests(rule: RuleDefinition, cases: RuleCases): void {
  if (collecting) {
    collecting.push({ rule, cases });
    return;
  }
  describe(rule.id, () => {
    for (const valid of cases.valid) {
      test(`valid: ${valid.name}`, async () => {
        const { files } = stripMarkers(valid.code);
        const findings = await findingsOf(rule, files, valid.cloud);
        assert.deepEqual(
          findings.map((f) => `${f.messageId}: ${f.message}`),
          [],
        );
      });
    }
    for (const invalid of cases.invalid) test(`invalid: ${invalid.name}`, () => checkInvalidCase(rule, invalid));
  });
}

/** What one fix did to a workspace: the texts after it, and DESIGN §4's verdict (empty = kept). */
export interface RoundTrip {
  problems: string[];
  texts: Map<string, string>;
}

/**
 * Applies one fix to a workspace (its analysed texts) and re-analyses it: the changed files parse
 * without syntax errors, the finding is gone, and no finding appears that was not there before.
 * The workspace is left with the fixed texts; the caller restores them.
 */
export async function roundTrip(
  workspace: Workspace,
  before: readonly Finding[],
  finding: Finding,
  fix: Fix,
  options: AnalysisOptions,
): Promise<RoundTrip> {
  const problems: string[] = [];
  const texts = new Map<string, string>();
  for (const change of fix.changes) {
    const original = workspace.file(change.uri)?.text;
    if (original === undefined) {
      problems.push(`edits a file outside the workspace: ${change.uri}`);
      continue;
    }
    const text = applyTextEdits(original, change.edits);
    texts.set(change.uri, text);
    const errors = parseDocument(change.uri, text).syntaxErrors;
    if (errors.length > 0)
      problems.push(
        `syntax errors in ${change.uri}: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('; ')}`,
      );
  }
  for (const [uri, text] of texts) workspace.setFile(uri, text);
  const after = (await analyzeWorkspace(workspace, [], options)).findings;
  const key = (f: Finding) => `${f.ruleId}|${f.uri}|${f.messageId}|${f.message}`;
  const remaining = before.map(key);
  const added: string[] = [];
  for (const f of after) {
    const at = remaining.indexOf(key(f));
    if (at >= 0) remaining.splice(at, 1);
    else added.push(key(f));
  }
  if (
    after.some((f) => key(f) === key(finding)) &&
    before.filter((f) => key(f) === key(finding)).length <= after.filter((f) => key(f) === key(finding)).length
  ) {
    problems.push(`the finding stays: ${finding.message}`);
  }
  if (added.length > 0) problems.push(`new findings: ${added.join(' / ')}`);
  return { problems, texts };
}
