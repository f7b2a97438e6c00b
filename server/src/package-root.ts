// The folder of the installed package (where package.json and docs/ are), for the faces: the
// bundles live in dist/, the sources in server/src/<layer>/ during tests.
import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'docs'))) return (cached = dir);
    dir = path.dirname(dir);
  }
  return (cached = path.resolve(__dirname, '..'));
}
