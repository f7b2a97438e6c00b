// Where tests find the project and the shared corpus (read in place, never copied). The project
// root is found upward from this file, so the same code works from source and from a bundle
// (the benches run bundled, with __dirname pointing into bench/).
import fs from 'node:fs';
import path from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server', 'src'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
export const sharedRoot = path.resolve(repoRoot, '../shared');
