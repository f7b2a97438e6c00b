// Golden model of examples/ (STYLE §11): the JSON the `model` command and the topology view get.
// UPDATE_BASELINES=1 rewrites test/baselines/model/examples.model.json; review reads the diff.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { modelJson, workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { repoRoot } from '../support/paths';

const baseline = path.join(repoRoot, 'test/baselines/model/examples.model.json');

test('the model of examples/ matches its golden file', async () => {
  const examples = path.join(repoRoot, 'examples');
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const file of fs.readdirSync(examples, { recursive: true }).map(String).sort()) {
    const full = path.join(examples, file);
    if (/\.(bicep|bicepparam|json)$/.test(file) && fs.statSync(full).isFile())
      workspace.setFile(pathToFileURL(full).href, fs.readFileSync(full, 'utf8'));
  }
  const model = modelJson(workspace, await workspaceModel(workspace, undefined));
  // Ids, names, values and reasons name files by file name: the output is the same on every machine.
  for (const entity of model.entities)
    assert.ok(!JSON.stringify({ ...entity, file: '' }).includes(repoRoot), `${entity.name} names no path`);
  for (const reference of model.references)
    assert.ok(!JSON.stringify(reference).includes(repoRoot), `${reference.from}'s ${reference.kind} names no path`);
  const root = pathToFileURL(repoRoot).href;
  const text = JSON.stringify(model, null, 2).split(root).join('<repo>').split(repoRoot).join('<repo>') + '\n';
  if (process.env.UPDATE_BASELINES) {
    fs.mkdirSync(path.dirname(baseline), { recursive: true });
    fs.writeFileSync(baseline, text);
  }
  assert.ok(fs.existsSync(baseline), 'run with UPDATE_BASELINES=1 once to create the baseline');
  assert.equal(text, fs.readFileSync(baseline, 'utf8'));
});
