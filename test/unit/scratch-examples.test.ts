// `npm start` serves a scratch copy of examples/: edits land in the copy, and the next start
// begins again from the tracked files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { recreateScratchExamples } from '../../scripts/scratch-examples.mjs';
import { repoRoot } from '../support/paths';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-start-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('the scratch copy takes edits without touching examples/, and each start recreates it', () => {
  fs.mkdirSync(path.join(root, 'examples', 'modules'), { recursive: true });
  fs.writeFileSync(path.join(root, 'examples', 'main.bicep'), "param location string = 'westeurope'\n");
  fs.writeFileSync(path.join(root, 'examples', 'modules', 'spoke.bicep'), '// spoke\n');

  const scratch = recreateScratchExamples(root);
  assert.equal(scratch, path.join(root, '.code-server', 'examples'));
  assert.equal(fs.readFileSync(path.join(scratch, 'modules', 'spoke.bicep'), 'utf8'), '// spoke\n');

  // What a quick fix and a new file do during a session.
  fs.writeFileSync(path.join(scratch, 'main.bicep'), "param location string = 'eastus'\n");
  fs.writeFileSync(path.join(scratch, 'topology.svg'), '<svg/>');
  assert.equal(
    fs.readFileSync(path.join(root, 'examples', 'main.bicep'), 'utf8'),
    "param location string = 'westeurope'\n",
  );

  recreateScratchExamples(root);
  assert.equal(fs.readFileSync(path.join(scratch, 'main.bicep'), 'utf8'), "param location string = 'westeurope'\n");
  assert.equal(fs.existsSync(path.join(scratch, 'topology.svg')), false);
});

test('git ignores the scratch folder of this repository, so nothing tracked changes', () => {
  const check = spawnSync('git', ['check-ignore', '-q', '.code-server/examples/main.bicep'], { cwd: repoRoot });
  assert.equal(check.status, 0, 'git check-ignore says .code-server/examples/ is ignored');
});
