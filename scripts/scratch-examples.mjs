// The folder `npm start` opens: a fresh copy of examples/ under the ignored .code-server/, so
// trying a quick fix edits the copy and never a tracked file.
import fs from 'node:fs';
import path from 'node:path';

/** Replaces `<root>/.code-server/examples` with a copy of `<root>/examples`; returns its path. */
export function recreateScratchExamples(root) {
  const scratch = path.join(root, '.code-server', 'examples');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  fs.cpSync(path.join(root, 'examples'), scratch, { recursive: true });
  return scratch;
}
