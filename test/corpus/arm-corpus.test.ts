// Every ARM template and parameter file of the corpus (read in place) reads cleanly: no syntax errors, no
// unparsed expression, no skipped part, the same tree as jsonc-parser's, and expression ranges that point
// at the expression's own text in the file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import {
  armExpressions,
  armResources,
  forEachArmExprNode,
  readArmFile,
  type ArmExpr,
  type ArmFile,
  type ArmRange,
} from '../../server/src/syntax/arm';
import { buildJsonTree } from '../../server/src/syntax/arm/json-builder';
import { corpusRoot } from '../support/paths';

interface CorpusFile {
  readonly relative: string;
  readonly text: string;
  readonly file: ArmFile;
}

const jsonFiles = listJsonFiles(corpusRoot);
const read: CorpusFile[] = jsonFiles.map((relative) => {
  const text = fs.readFileSync(path.join(corpusRoot, relative), 'utf8');
  return { relative, text, file: readArmFile(text) };
});
const arm = read.filter((entry) => entry.file.kind !== 'other');
const templates = arm.filter((entry) => entry.file.template !== undefined);

/** ROLES.tsv kinds of each corpus file. */
const roles = new Map(
  fs
    .readFileSync(path.join(corpusRoot, 'ROLES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length > 3)
    .map((cells) => [cells[0], { role: cells[2], kind: cells[3] }]),
);

test('every ARM file of the corpus is recognised by its $schema', (t) => {
  const byKind = (kind: string) => arm.filter((entry) => entry.file.kind === kind).length;
  t.diagnostic(
    `${jsonFiles.length} JSON files: ${byKind('arm-template')} templates, ${byKind('arm-parameters')} parameter files`,
  );
  const compiled = [...roles].filter(([, r]) => r.role === 'compiled').map(([file]) => file);
  assert.ok(compiled.length >= 494);
  const kindOf = new Map(read.map((entry) => [entry.relative, entry.file.kind]));
  assert.deepEqual(
    compiled.filter((file) => kindOf.get(file) !== 'arm-template'),
    [],
    'every compiled AVM main.json',
  );
  // ROLES.tsv calls a few more files ARM: policy definitions and template specs, whose $schema is not a
  // deployment schema, so ARM would not deploy them as templates either.
  const notArm = [...roles].filter(
    ([file, r]) => (r.kind === 'arm' || r.kind === 'armparams') && kindOf.get(file) === 'other',
  );
  for (const [file] of notArm) {
    const schema = (parseTree(fs.readFileSync(path.join(corpusRoot, file), 'utf8'))?.children ?? []).find(
      (p) => p.children?.[0].value === '$schema',
    )?.children?.[1].value;
    assert.ok(
      schema === undefined || !/deployment(Template|Parameters)\.json/i.test(String(schema)),
      `${file}: ${schema}`,
    );
  }
  t.diagnostic(
    `${notArm.length} files ROLES.tsv lists as ARM have no deployment $schema (policy definitions, template specs)`,
  );
  assert.ok(byKind('arm-template') >= 640 && byKind('arm-parameters') >= 170);
});

test('every ARM file reads with no syntax error and no skipped part', () => {
  const failures = arm
    .filter((entry) => entry.file.errors.length > 0 || entry.file.skipped.length > 0)
    .map((entry) => `${entry.relative}: ${JSON.stringify([...entry.file.errors, ...entry.file.skipped].slice(0, 2))}`);
  assert.deepEqual(failures.slice(0, 10), []);
});

test('every expression parses', (t) => {
  let expressions = 0;
  let resources = 0;
  const unparsed: string[] = [];
  for (const entry of templates) {
    const template = entry.file.template!;
    resources += armResources(template).length;
    for (const site of armExpressions(template)) {
      expressions++;
      if (site.expression === undefined) unparsed.push(`${entry.relative}: ${String(site.node.value).slice(0, 120)}`);
    }
  }
  t.diagnostic(
    `${templates.length} templates: ${expressions} expressions, ${unparsed.length} unparsed; ${resources} resources`,
  );
  assert.ok(expressions > 45_000, `${expressions} expressions`);
  assert.deepEqual(unparsed.slice(0, 10), []);
});

test("the tree builder gives jsonc-parser's tree and errors, node for node, on every JSON file", () => {
  const failures: string[] = [];
  for (const entry of read) {
    const built = buildJsonTree(entry.text);
    const errors: unknown[] = [];
    const expected = parseTree(entry.text.replace(/^\ufeff/, ' '), errors as never[], { allowTrailingComma: true });
    const difference =
      JSON.stringify(built.errors) !== JSON.stringify(errors)
        ? `errors ${JSON.stringify(built.errors.slice(0, 3))}`
        : treeDifference(built.root, expected);
    if (difference !== undefined) failures.push(`${entry.relative}: ${difference}`);
  }
  assert.deepEqual(failures.slice(0, 10), []);
});

test("expression ranges hold the expression's text, through JSON escapes (200 files)", (t) => {
  const step = Math.max(1, Math.floor(templates.length / 200));
  const sample = templates.filter((_, i) => i % step === 0).slice(0, 200);
  // Escapes inside expressions are rare; the files that have them are checked too.
  for (const entry of templates) if (!sample.includes(entry) && /"\[[^"\n]*\\/.test(entry.text)) sample.push(entry);
  let nodes = 0;
  let escaped = 0;
  const failures: string[] = [];
  for (const entry of sample) {
    for (const site of armExpressions(entry.file.template!)) {
      if (site.expression === undefined) continue;
      const hasEscape = entry.text.slice(site.node.offset, site.node.offset + site.node.length).includes('\\');
      if (hasEscape) escaped++;
      forEachArmExprNode(site.expression, (node) => {
        nodes++;
        const problem = rangeProblem(entry.text, site.node, site.expression!, node);
        if (problem !== undefined) failures.push(`${entry.relative} @${node.start}: ${problem}`);
      });
    }
  }
  t.diagnostic(`${sample.length} files, ${nodes} expression nodes checked, ${escaped} expressions with JSON escapes`);
  assert.ok(escaped > 0, 'some expressions with escapes were checked');
  assert.deepEqual(failures.slice(0, 10), []);
});

/** Why `node`'s range does not hold its own source text, or `undefined` when it does. */
function rangeProblem(text: string, token: Node, root: ArmExpr, node: ArmExpr): string | undefined {
  const source = (range: ArmRange): string | undefined => {
    if (range.start < token.offset + 1 || range.end > token.offset + token.length - 1 || range.start > range.end)
      return undefined;
    try {
      // The raw file text of the range, JSON-decoded: it fails or differs if the map split or missed an escape.
      return JSON.parse(`"${text.slice(range.start, range.end)}"`) as string;
    } catch {
      return undefined;
    }
  };
  const own = source(node);
  if (own === undefined) return 'range outside the string or across an escape';
  if (node === root && own !== String(token.value).slice(1, -1).trim()) return `root is '${own}'`;
  switch (node.kind) {
    case 'call': {
      const name = node.namespace ? `${source(node.namespace)}.${source(node.name)}` : source(node.name);
      const expected = node.namespace ? `${node.namespace.text}.${node.name.text}` : node.name.text;
      if (name !== expected) return `call name '${name}' is not '${expected}'`;
      return own.startsWith(expected) && /^\s*\(/.test(own.slice(expected.length)) && own.endsWith(')')
        ? undefined
        : `call is '${own}'`;
    }
    case 'string':
      return own === `'${node.value.replace(/'/g, "''")}'` ? undefined : `string is '${own}'`;
    case 'number':
    case 'boolean':
      return own === String(node.value) ? undefined : `literal is '${own}'`;
    case 'null':
      return own === 'null' ? undefined : `null is '${own}'`;
    case 'property':
      return source(node.name) === node.name.text &&
        own.startsWith(source(node.target)!) &&
        own.endsWith(node.name.text)
        ? undefined
        : `property is '${own}'`;
    case 'index':
      return own.startsWith(source(node.target)!) && own.endsWith(']') && own.includes(source(node.index)!)
        ? undefined
        : `index is '${own}'`;
  }
}

function treeDifference(actual: Node | undefined, expected: Node | undefined): string | undefined {
  const stack: [Node | undefined, Node | undefined][] = [[actual, expected]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (a === undefined || b === undefined) {
      if (a !== b) return `missing node near ${a?.offset ?? b?.offset}`;
      continue;
    }
    for (const key of ['type', 'offset', 'length', 'value', 'colonOffset'] as const) {
      if (!Object.is(a[key], b[key])) return `${key} at ${b.offset}`;
    }
    if (a.parent?.offset !== b.parent?.offset || a.parent?.type !== b.parent?.type) return `parent at ${b.offset}`;
    if (a.children?.length !== b.children?.length) return `children at ${b.offset}`;
    a.children?.forEach((child, i) => stack.push([child.parent === a ? child : undefined, b.children![i]]));
  }
  return undefined;
}

function listJsonFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => /\.jsonc?$/i.test(file))
    .sort();
}
