// Where tests find the project and the shared corpus (read in place, never copied).
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
export const sharedRoot = path.resolve(repoRoot, '../shared');
