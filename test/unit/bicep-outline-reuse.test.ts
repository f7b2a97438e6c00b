// The lazy outline of an edited text takes over the parsed declarations of the outline it replaces
// (outline.ts `adopt`, issue 16): those whose slice the edit left alone, before it (same offsets) or
// after it (moved by the length the edit added). Whatever the edit, every declaration dumps exactly as
// a fresh outline's does (offsets, token texts, comments), the replaced outline still answers for its
// own text, and declarations the edit touched are parsed anew.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dumpTree,
  outlineBicep,
  type BicepLanguage,
  type BicepOutline,
  type Declaration,
  type SourceFile,
} from '../../server/src/syntax/bicep';

const dump = (node: Declaration | undefined): string => (node ? dumpTree(node as unknown as SourceFile) : 'none');

const text = [
  "param location string = 'westeurope' // where",
  '',
  "@description('The hub')",
  "resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
  "  name: 'vnet-hub'",
  '  location: location',
  '  properties: {',
  "    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }",
  '  }',
  '}',
  '',
  "var names = [for i in range(0, 3): 'spoke-${i}']",
  '',
  "resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
  "  name: 'vnet-spoke' /* inline */",
  '  location: location',
  '}',
  '',
  'output hubId string = hub.id',
  '',
].join('\n');

/** Every declaration of `outline` asked for (twice: an outline without a predecessor keeps them from the second ask). */
function askAll(outline: BicepOutline): (Declaration | undefined)[] {
  for (const entry of outline.entries) outline.declaration(entry);
  return outline.entries.map((entry) => outline.declaration(entry));
}

/** The outline and each declaration's dump, as an outline made afresh from `edited` gives them. */
function assertSameAsFresh(outline: BicepOutline, edited: string, language: BicepLanguage = 'bicep'): void {
  const fresh = outlineBicep(edited, language);
  assert.deepEqual(outline.entries, fresh.entries);
  for (const entry of outline.entries) {
    assert.equal(dump(outline.declaration(entry)), dump(fresh.declaration(entry)), `${entry.keyword} ${entry.name}`);
  }
}

/** `text` with `inserted` in place of [from, to). */
const spliced = (source: string, from: number, to: number, inserted: string) =>
  source.slice(0, from) + inserted + source.slice(to);

test('an edit inside a declaration: those before keep their trees, those after move theirs, the edited one is parsed anew', () => {
  const previous = outlineBicep(text, 'bicep');
  const before = askAll(previous);
  const at = text.indexOf("vnet-hub'") + 'vnet-hub'.length;
  const edited = spliced(text, at, at, 'xx');
  const outline = outlineBicep(edited, 'bicep', previous);
  const after = outline.entries.map((entry) => outline.declaration(entry));
  assertSameAsFresh(outline, edited);
  // param location (before the edit), hub (edited), names, spoke and hubId (after it).
  assert.deepEqual(
    after.map((declaration, i) => declaration === before[i]),
    [true, false, true, true, true],
  );
});

test('the replaced outline still answers for its own text once it handed its trees on', () => {
  const previous = outlineBicep(text, 'bicep');
  askAll(previous);
  const at = text.indexOf('output');
  const edited = spliced(text, at, at, "var extra = 'x'\n\n");
  const outline = outlineBicep(edited, 'bicep', previous);
  askAll(outline);
  assertSameAsFresh(outline, edited);
  assertSameAsFresh(previous, text);
});

test('edits before, after, between and inside declarations (deletions, line breaks, comments) give a fresh outline', () => {
  const places = [
    0,
    text.indexOf('@description'),
    text.indexOf('location: location'),
    text.indexOf('\nvar') + 1,
    text.indexOf('/* inline */'),
    text.indexOf('output'),
    text.length,
  ];
  const insertions = ['x', '\n', '// note\n', "var y = 'y'\n", ' ', ''];
  for (const place of places) {
    for (const inserted of insertions) {
      for (const removed of [0, 1, 3]) {
        const to = Math.min(text.length, place + removed);
        const edited = spliced(text, place, to, inserted);
        const previous = outlineBicep(text, 'bicep');
        askAll(previous);
        const outline = outlineBicep(edited, 'bicep', previous);
        assertSameAsFresh(outline, edited);
        assertSameAsFresh(previous, text);
      }
    }
  }
});

test('a run of keystrokes hands trees on from outline to outline, each as a fresh outline', () => {
  let current = text;
  let outline = outlineBicep(current, 'bicep');
  askAll(outline);
  const at = text.indexOf("vnet-spoke'") + 'vnet-spoke'.length;
  const first = outline.declaration(outline.entries[4]);
  for (let typed = 1; typed <= 6; typed++) {
    current = spliced(current, at, at, 'x');
    outline = outlineBicep(current, 'bicep', outline);
    askAll(outline);
    assertSameAsFresh(outline, current);
  }
  // `output hubId`, after the edits, moved on at each keystroke: the tree first parsed.
  assert.equal(outline.declaration(outline.entries[4]), first);
  for (let deleted = 1; deleted <= 6; deleted++) {
    current = spliced(current, at, at + 1, '');
    outline = outlineBicep(current, 'bicep', outline);
    // Only some declarations asked: the others are parsed anew at the next keystroke.
    if (deleted % 2 === 0) askAll(outline);
    assertSameAsFresh(outline, current);
  }
  assert.equal(current, text);
});

test('an outline whose full tree was asked for hands nothing on from it, and takes nothing over', () => {
  const previous = outlineBicep(text, 'bicep');
  previous.tree();
  const before = askAll(previous);
  const edited = `${text}// end\n`;
  const outline = outlineBicep(edited, 'bicep', previous);
  outline.tree();
  assertSameAsFresh(outline, edited);
  assert.ok(outline.entries.every((entry, i) => outline.declaration(entry) !== before[i]));
  assertSameAsFresh(previous, text);
});

test('a .bicepparam outline takes over from its previous version; a .bicep one does not from a .bicepparam one', () => {
  const params = "using './main.bicep'\n\nparam location = 'westeurope'\n\nparam names = [\n  'a'\n]\n";
  const previous = outlineBicep(params, 'bicepparam');
  const before = askAll(previous);
  const edited = params.replace("'a'", "'ab'");
  const outline = outlineBicep(edited, 'bicepparam', previous);
  assertSameAsFresh(outline, edited, 'bicepparam');
  assert.equal(outline.declaration(outline.entries[1]), before[1]);
  const other = outlineBicep(edited, 'bicep', outline);
  assertSameAsFresh(other, edited, 'bicep');
});
