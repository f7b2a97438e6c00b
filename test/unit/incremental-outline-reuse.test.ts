// Issue 16: the outline of an edited Bicep file takes over the parsed declarations of the previous
// one, those before the edit as they are and those after it moved (syntax/bicep/outline.ts `adopt`).
// Edits before, inside, between and after the declarations of a hub-and-spoke file (one zone group
// left out, so there are findings with ranges) must leave every answer — findings, notices, models
// with their ranges — equal to a fresh workspace's.
import { test } from 'node:test';
import { hubAndSpokeFileBicep } from '../../bench/hub-and-spoke';
import { assertIncrementalEqualsFresh, typeIntoName, type Edit, type Files } from '../support/incremental-equivalence';

const uri = 'file:///work/hub-and-spoke.bicep';

/** Three spokes; the second spoke's endpoint has no DNS zone group (pe-dns-zone-group-missing). */
function initial(): Files {
  const text = hubAndSpokeFileBicep(3);
  const zoneGroup = text.indexOf('resource zoneGroup2 ');
  const end = text.indexOf('\n}\n', zoneGroup) + 3;
  return new Map([[uri, text.slice(0, zoneGroup) + text.slice(end)]]);
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];

/** Offsets where a top-level declaration starts. */
const declarationStarts = (text: string) => [...text.matchAll(/^(resource|param|var|output) /gm)].map((m) => m.index);

const splice = (files: Files, at: number, removed: number, inserted: string): void => {
  const text = files.get(uri)!;
  files.set(uri, text.slice(0, at) + inserted + text.slice(at + removed));
};

/** A comment or blank line right before a declaration: it and everything after it move. */
const lineBefore: Edit = (files, random) => {
  const at = pick(declarationStarts(files.get(uri)!), random);
  const line = pick(['// note\n', '\n', '#disable-next-line pe-dns-zone-group-missing\n'], random);
  splice(files, at, 0, line);
  return `insert ${JSON.stringify(line)} before the declaration at ${at}`;
};

/** A property inside a declaration's body, after its first line. */
const propertyInside: Edit = (files, random) => {
  const text = files.get(uri)!;
  const start = pick(declarationStarts(text), random);
  const at = text.indexOf('\n', start) + 1;
  if (at === 0) return 'nothing';
  splice(files, at, 0, "  tags: { note: 'x' }\n");
  return `add tags inside the declaration at ${start}`;
};

/** The blank line between two declarations removed (the two stay two) or doubled. */
const blankBetween: Edit = (files, random) => {
  const text = files.get(uri)!;
  const blanks = [...text.matchAll(/\n\n(?=resource )/g)].map((m) => m.index);
  if (blanks.length === 0) return 'nothing';
  const at = pick(blanks, random);
  if (random() < 0.5) splice(files, at, 1, '');
  else splice(files, at, 0, '\n');
  return `change the blank line at ${at}`;
};

/** A variable after every declaration, or the last one removed again. */
const lastDeclaration: Edit = (files) => {
  const text = files.get(uri)!;
  const added = "\nvar extra = 'x'\n";
  if (text.endsWith(added)) files.set(uri, text.slice(0, -added.length));
  else files.set(uri, text + added);
  return 'add or remove the last declaration';
};

/** A character typed into, then deleted from, the first declaration's first line. */
const firstLine: Edit = (files) => {
  const text = files.get(uri)!;
  const at = text.indexOf(' =');
  if (text.startsWith('x', at - 1)) splice(files, at - 1, 1, '');
  else splice(files, at, 0, 'x');
  return 'type into or delete from the first declaration';
};

const edits = (): Edit[] => [
  typeIntoName,
  typeIntoName,
  lineBefore,
  propertyInside,
  blankBetween,
  lastDeclaration,
  firstLine,
];

for (const seed of [1, 2, 3]) {
  test(`seed ${seed}: 20 edits around the declarations of one file answer as a fresh workspace`, async () => {
    await assertIncrementalEqualsFresh(initial(), edits(), 20, seed);
  });
}
