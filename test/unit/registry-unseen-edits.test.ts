// The unseen registry calls of a workspace kept across edits (engine/registry-notice.ts): whether a
// file refers to a registry is found from its summary when the calls are next asked, not when the
// file is set, so edits that add, remove or replace a call between two asks must still be seen. After
// every step the kept workspace answers what a fresh workspace of the same texts answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unseenModulesJson } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { fixtureRoot } from '../support/fixture';

const main = `${fixtureRoot}main.bicep`;
const other = `${fixtureRoot}other.bicep`;
const host = { readFile: async () => undefined };

const privateCall = (name: string) => `module ${name} 'br:contoso.azurecr.io/bicep/${name}:1.0.0' = {
  name: '${name}'
}
`;
const plain = `// Mentions br:contoso.azurecr.io in a comment only.
param location string = 'westeurope'
`;

async function fresh(texts: ReadonlyMap<string, string>) {
  const workspace = new Workspace(host);
  for (const [uri, text] of texts) workspace.setFile(uri, text);
  return unseenModulesJson(workspace, undefined);
}

test('edits between two asks that add, replace or remove a registry call are seen as a fresh workspace sees them', async () => {
  const kept = new Workspace(host);
  const texts = new Map<string, string>();
  const set = (uri: string, text: string) => {
    texts.set(uri, text);
    kept.setFile(uri, text);
  };
  const remove = (uri: string) => {
    texts.delete(uri);
    kept.removeFile(uri);
  };
  const steps: [string, () => void][] = [
    ['a file without calls', () => set(main, plain)],
    ['a call added', () => set(main, privateCall('app'))],
    [
      'replaced twice before the next ask, ending without a call',
      () => (set(main, privateCall('web')), set(main, plain)),
    ],
    ['a second file with a call', () => set(other, privateCall('api'))],
    ['that call replaced by another', () => set(other, privateCall('jobs'))],
    ['the first file calls again, then the second is removed', () => (set(main, privateCall('app')), remove(other))],
    ['the call removed', () => set(main, plain)],
  ];
  for (const [step, edit] of steps) {
    edit();
    assert.deepEqual(await unseenModulesJson(kept, undefined), await fresh(texts), step);
  }
  assert.deepEqual(await unseenModulesJson(kept, undefined), {}, 'no call is left');
});

test('a file that only mentions a registry in a comment has no unseen call; one that calls it has', async () => {
  assert.deepEqual(await fresh(new Map([[main, plain]])), {});
  assert.deepEqual(await fresh(new Map([[main, privateCall('app')]])), {
    unseenModules: [{ reference: 'br:contoso.azurecr.io/bicep/app:1.0.0', file: main, line: 1 }],
  });
});
