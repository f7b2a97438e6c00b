// No code is generated and evaluated at run time (the security issue): JSON Schema validators are
// compiled by ajv at build time (scripts/write-validators.ts), and the shipped bundles hold no
// `eval` or `new Function`. This reads the bundles scripts/build.mjs writes (npm test builds first).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { validatorSources } from '../../scripts/write-validators';
import { repoRoot } from '../support/paths';

/** What evaluates a string as code: eval (direct or indirect), the Function constructor, node:vm. */
const codeFromStrings = [
  /(?<![\w$])eval(?![\w$])/g,
  /(?<![\w$])Function\s*\(/g,
  /\bnew\s+Function\b/g,
  /require\(\s*["'](?:node:)?vm["']\s*\)/g,
];

/**
 * Third-party code we cannot change, each with the reason it is harmless. Matched on the exact text.
 * None at present (cytoscape's bundled lodash had `Function("return this")()` until the page drew its
 * own SVG).
 */
const allowed: { bundle: string; text: RegExp }[] = [];

/** The bundles users run: what .vscodeignore puts in the VSIX, and the CLI the package's `bin` loads. */
function shippedBundles(): string[] {
  const patterns = fs
    .readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!dist/') && line.endsWith('.js'))
    .map((line) => line.slice(1));
  const bundles = patterns.flatMap((pattern) => {
    if (!pattern.includes('*')) return [pattern];
    const dir = path.dirname(pattern);
    const suffix = path.basename(pattern).replace(/^\*/, '');
    return fs
      .readdirSync(path.join(repoRoot, dir))
      .filter((name) => name.endsWith(suffix))
      .map((name) => `${dir}/${name}`);
  });
  return [...bundles, 'dist/cli.js'];
}

test('the generated validators are current (run: node --import tsx scripts/write-validators.ts)', () => {
  for (const { file, text } of validatorSources()) {
    assert.ok(
      fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text,
      `${path.relative(repoRoot, file)} is stale`,
    );
  }
});

test('no source of ours loads ajv itself at run time, only its types and runtime helpers', () => {
  const offenders: string[] = [];
  for (const dir of ['server/src', 'client']) {
    for (const file of fs
      .readdirSync(path.join(repoRoot, dir), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(repoRoot, dir, file), 'utf8');
      for (const match of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(ajv[^']*)'/gm)) {
        if (!match[1].startsWith('ajv/dist/runtime/')) offenders.push(`${dir}/${file} imports ${match[1]}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('the shipped bundles hold no eval, new Function or vm (dist/, written by node scripts/build.mjs)', () => {
  const bundles = shippedBundles();
  assert.ok(
    bundles.includes('dist/server.js') &&
      bundles.includes('dist/extension.js') &&
      bundles.some((name) => name.startsWith('dist/webview/')),
  );
  const found: string[] = [];
  let allowedSeen = 0;
  for (const bundle of bundles) {
    const file = path.join(repoRoot, bundle);
    assert.ok(fs.existsSync(file), `${bundle} exists (run node scripts/build.mjs)`);
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of codeFromStrings) {
      for (const match of text.matchAll(pattern)) {
        const rest = text.slice(match.index, match.index + 200);
        if (allowed.some((entry) => entry.bundle === bundle && entry.text.test(rest))) {
          allowedSeen++;
          continue;
        }
        found.push(`${bundle}: …${text.slice(Math.max(0, match.index - 60), match.index + 60).replace(/\s+/g, ' ')}…`);
      }
    }
  }
  assert.deepEqual(found, []);
  assert.ok(allowedSeen <= allowed.length, 'each allowed use occurs at most once');
});

test('the scan finds what it looks for', () => {
  const hits = (text: string) => codeFromStrings.some((pattern) => [...text.matchAll(pattern)].length > 0);
  for (const bad of [
    'const f = new Function("a", "return a")',
    'eval("1")',
    '(0, eval)("1")',
    'globalThis.eval(x)',
    'x = Function("return this")()',
    'require("vm")',
    "require('node:vm')",
  ]) {
    assert.ok(hits(bad), bad);
  }
  for (const fine of [
    'page.evaluate(x)',
    'evaluateBicep(x)',
    'typeof fn === "function"',
    'isFunction(x)',
    'const evalResult = 1',
  ])
    assert.ok(!hits(fine), fine);
});
