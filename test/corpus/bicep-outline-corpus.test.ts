// The lazy outline over every corpus .bicep and .bicepparam file (read in place): for each file the
// skim handles, the entries are those of the full parse and every lazily parsed declaration dumps
// exactly like the full parse's; nearly every error-free file is handled by the skim (the rest fall
// back to a full parse), and no declaration of an error-free file needs the full parse. Every parameter
// default read without a parse (literalDefault) is the value evaluation gives the parsed default.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  declarations,
  dumpTree,
  literalDefault,
  notLiteral,
  outlineBicep,
  outlineOfTree,
  parseBicep,
  type BicepLanguage,
  type Declaration,
  type SourceFile,
} from '../../server/src/syntax/bicep';
import { evaluatedLiteral } from '../support/literal-evaluation';
import { corpusRoot } from '../support/paths';
import { entryFields } from '../support/outline-entries';

// dumpTree walks any node (it is typed for a whole file).
const dump = (node: Declaration | undefined): string => (node ? dumpTree(node as unknown as SourceFile) : 'none');

function listBicepFiles(): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(corpusRoot, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.bicep') || entry.name.endsWith('.bicepparam')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

test('the outline agrees with the full parse on every corpus file', { timeout: 600_000 }, () => {
  const files = listBicepFiles();
  assert.ok(files.length >= 2600);
  let clean = 0;
  let cleanSkimmed = 0;
  let brokenSkimmed = 0;
  let brokenExact = 0;
  const fellBack: string[] = [];
  const mismatches: string[] = [];
  const fromFullParse: string[] = [];
  for (const relative of files) {
    const text = fs.readFileSync(path.join(corpusRoot, relative), 'utf8');
    const language: BicepLanguage = relative.endsWith('.bicepparam') ? 'bicepparam' : 'bicep';
    const full = parseBicep(text, { parameterFile: language === 'bicepparam' });
    const isClean = full.errors.length === 0;
    if (isClean) clean++;
    const outline = outlineBicep(text, language);
    if (!outline.skimmed) {
      if (isClean) fellBack.push(relative);
      continue;
    }
    const expected = outlineOfTree(full.tree).entries;
    const exact = JSON.stringify(entryFields(outline.entries)) === JSON.stringify(expected);
    if (isClean) cleanSkimmed++;
    else brokenSkimmed++;
    if (!isClean && exact) brokenExact++;
    if (isClean && !exact) mismatches.push(`${relative}: entries differ`);
    const byStart = new Map(declarations(full.tree).map((declaration) => [declaration.start, declaration]));
    const lazy = outline.entries.map((entry) => outline.declaration(entry));
    outline.entries.forEach((entry, i) => {
      if (dump(lazy[i]) !== dump(byStart.get(entry.start)))
        mismatches.push(`${relative}: the declaration at ${entry.start} differs`);
    });
    // A declaration answered from the outline's own full parse is that tree's node (see outline.ts).
    const treeNodes = new Set<unknown>(declarations(outline.tree()));
    if (isClean && lazy.some((declaration) => treeNodes.has(declaration))) fromFullParse.push(relative);
  }
  const share = cleanSkimmed / clean;
  console.log(
    `bicep outline: ${files.length} files; ${cleanSkimmed}/${clean} error-free files skimmed lazily ` +
      `(${(share * 100).toFixed(1)}%), ${fellBack.length} fell back to a full parse${fellBack.length ? `: ${fellBack.slice(0, 5).join(', ')}` : ''}; ` +
      `of ${files.length - clean} files with syntax errors ${brokenSkimmed} skimmed (${brokenExact} with exactly the full parse's entries)`,
  );
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.deepEqual(fromFullParse.slice(0, 10), [], 'error-free files whose slices did not parse on their own');
  assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}% of the error-free files were skimmed`);
});

test('every parameter default read without a parse is what evaluation of the parse gives', { timeout: 600_000 }, () => {
  let read = 0;
  const mismatches: string[] = [];
  for (const relative of listBicepFiles()) {
    if (!relative.endsWith('.bicep')) continue;
    const text = fs.readFileSync(path.join(corpusRoot, relative), 'utf8');
    const outline = outlineBicep(text, 'bicep');
    const parsed = new Map(declarations(parseBicep(text).tree).map((declaration) => [declaration.start, declaration]));
    for (const entry of outline.entries) {
      const literal = literalDefault(outline, entry);
      if (literal === notLiteral) continue;
      read++;
      const declaration = parsed.get(entry.start);
      const value =
        declaration?.kind === 'ParameterDeclaration' && declaration.value
          ? evaluatedLiteral(declaration.value)
          : undefined;
      if (value !== literal)
        mismatches.push(`${relative}: param ${entry.name} is ${String(value)}, read ${String(literal)}`);
    }
  }
  console.log(`literal parameter defaults: ${read} read without a parse`);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(read >= 1000, `only ${read} literal defaults`);
});

test(
  'after an edit, the outline that takes over the previous one agrees with a fresh one on every corpus file',
  { timeout: 600_000 },
  () => {
    // One edit per file, in its middle, alternately a character typed and one deleted (often inside a
    // declaration, sometimes a line break, which joins two): the declarations before it keep their trees,
    // those after it have theirs moved (outline.ts `adopt`).
    const mismatches: string[] = [];
    let handedOn = 0;
    listBicepFiles().forEach((relative, index) => {
      const text = fs.readFileSync(path.join(corpusRoot, relative), 'utf8');
      const language: BicepLanguage = relative.endsWith('.bicepparam') ? 'bicepparam' : 'bicep';
      const previous = outlineBicep(text, language);
      if (!previous.skimmed) return;
      for (const entry of previous.entries) previous.declaration(entry);
      const before = new Set(previous.entries.map((entry) => previous.declaration(entry)));
      const middle = text.length >> 1;
      const edited =
        index % 2 === 0
          ? `${text.slice(0, middle)}x${text.slice(middle)}`
          : text.slice(0, middle) + text.slice(middle + 1);
      const outline = outlineBicep(edited, language, previous);
      const fresh = outlineBicep(edited, language);
      if (JSON.stringify(outline.entries) !== JSON.stringify(fresh.entries))
        mismatches.push(`${relative}: entries differ`);
      for (const entry of fresh.entries) {
        const taken = outline.declaration(entry);
        if (before.has(taken)) handedOn++;
        if (dump(taken) !== dump(fresh.declaration(entry)))
          mismatches.push(`${relative}: the declaration at ${entry.start} differs`);
      }
      // The outline that handed its trees on still answers for its own text.
      const freshBefore = outlineBicep(text, language);
      for (const entry of previous.entries) {
        if (dump(previous.declaration(entry)) !== dump(freshBefore.declaration(entry)))
          mismatches.push(`${relative}: the previous outline's declaration at ${entry.start} differs`);
      }
    });
    console.log(`bicep outline after an edit: ${handedOn} declarations handed on`);
    assert.deepEqual(mismatches.slice(0, 10), []);
    assert.ok(handedOn > 10_000, `only ${handedOn} declarations handed on`);
  },
);
