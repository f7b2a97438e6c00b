// The README and docs/ point only at documents inside the repository: every relative link resolves
// to a file here, and no section of a document outside it (the design notes, the fact sheet) is cited.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

const documents = [
  'README.md',
  ...fs
    .readdirSync(path.join(repoRoot, 'docs'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join('docs', file)),
];

test('every link of README.md and docs/ names a file of the repository', () => {
  const broken: string[] = [];
  for (const document of documents) {
    const text = fs.readFileSync(path.join(repoRoot, document), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? '';
      if (/^https?:/.test(target)) {
        broken.push(`${document}: ${target} is outside the repository`);
        continue;
      }
      const file = target.split('#')[0] ?? '';
      if (file && !fs.existsSync(path.resolve(repoRoot, path.dirname(document), file)))
        broken.push(`${document}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('README.md and docs/ cite no section of a document that is not in the repository', () => {
  const citations = documents.flatMap((document) =>
    [...fs.readFileSync(path.join(repoRoot, document), 'utf8').matchAll(/\b(DESIGN|FACTS|STYLE)(\.md)? ?§/g)].map(
      (match) => `${document}: ${match[0]}`,
    ),
  );
  assert.deepEqual(citations, []);
});
