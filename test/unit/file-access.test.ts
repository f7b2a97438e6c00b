// What the server may read for the engine (server/src/lsp/file-access.ts): analysable names only,
// and outside the workspace folders only when allowed, decided on real paths.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { accessHost, analysisFileAccess, FileAccess } from '../../server/src/lsp/file-access';

const bicep =
  "resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'global'\n}\n";

describe('file access', () => {
  let root: string;
  const at = (relative: string) => path.join(root, relative);
  const uri = (relative: string) => pathToFileURL(at(relative)).href;
  let folder: string;

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-access-')));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(at(relative)), { recursive: true });
      fs.writeFileSync(at(relative), text);
    };
    write('ws/main.bicep', bicep);
    write('ws/sub/child.bicep', bicep);
    write('ws/params.bicepparam', "using 'main.bicep'\n");
    write('ws/arm.json', '{}');
    write('ws/arm.jsonc', '{}');
    write('ws/readme.txt', bicep);
    write('outside/spoke.bicep', bicep);
    write('outside/secret.txt', 'secret');
    // A sibling whose name starts with the folder's: a string prefix test would call it inside.
    write('ws-evil/zone.bicep', bicep);
    // Bicep takes the nearest bicepconfig.json up the folder tree, above the workspace folder too.
    write('bicepconfig.json', '{ "moduleAliases": {} }');
    write('main.bicep', bicep);
    fs.symlinkSync(at('outside/spoke.bicep'), at('ws/link-out.bicep'));
    fs.symlinkSync(at('outside'), at('ws/dir-link'));
    fs.symlinkSync(at('outside/secret.txt'), at('ws/secret-link.bicep'));
    fs.symlinkSync(at('ws/main.bicep'), at('outside/link-in.bicep'));
    // The workspace folder opened through a link to it.
    fs.symlinkSync(at('ws'), at('ws-link'));
    folder = uri('ws');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('files inside the folder are read, in every analysable kind', () => {
    const access = new FileAccess([folder]);
    for (const name of ['ws/main.bicep', 'ws/sub/child.bicep', 'ws/params.bicepparam', 'ws/arm.json', 'ws/arm.jsonc']) {
      assert.ok(access.read(uri(name)).text !== undefined, name);
    }
    assert.equal(access.isInside(uri('ws/main.bicep')), true);
  });

  test("the analysis reads bicepconfig.json above the folder (Bicep's nearest config), and nothing else there", () => {
    const access = analysisFileAccess();
    access.setFolders([folder]);
    assert.ok(access.read(uri('bicepconfig.json')).text !== undefined, 'the config above the folder');
    assert.deepEqual(access.read(uri('main.bicep')), { why: 'outside-workspace' }, 'a template above the folder');
    assert.deepEqual(
      new FileAccess([folder]).read(uri('bicepconfig.json')),
      { why: 'outside-workspace' },
      'plain access does not',
    );
  });

  test('a file outside the folder is refused by default and read when allowed', () => {
    const access = new FileAccess([folder]);
    assert.deepEqual(access.read(uri('outside/spoke.bicep')), { why: 'outside-workspace' });
    assert.deepEqual(
      access.read(uri('ws-evil/zone.bicep')),
      { why: 'outside-workspace' },
      'a sibling with the same prefix is outside',
    );
    assert.equal(access.setAllowOutside(true), true);
    assert.equal(access.setAllowOutside(true), false, 'no change');
    assert.equal(access.read(uri('outside/spoke.bicep')).text, bicep);
    assert.equal(access.isInside(uri('outside/spoke.bicep')), false, 'allowed is not inside');
  });

  test('.. and . segments are resolved before the decision', () => {
    const access = new FileAccess([folder]);
    const raw = (relative: string) => `file://${root.split(path.sep).join('/')}/${relative}`;
    assert.deepEqual(access.read(raw('ws/sub/../../outside/spoke.bicep')), { why: 'outside-workspace' });
    assert.deepEqual(access.read(raw('ws/%2e%2e/outside/spoke.bicep')), { why: 'outside-workspace' });
    assert.equal(access.read(raw('ws/sub/./../main.bicep')).text, bicep);
    assert.equal(access.read(raw('outside/../ws/main.bicep')).text, bicep);
  });

  test('case is folded where the file system ignores it, and only there', () => {
    // A folder URI spelled in another case than on disk, as a case-insensitive system may report it.
    const upper = pathToFileURL(at('WS')).href;
    assert.equal(new FileAccess([upper], { ignoreCase: true }).read(uri('ws/main.bicep')).text, bicep);
    assert.deepEqual(new FileAccess([upper], { ignoreCase: false }).read(uri('ws/main.bicep')), {
      why: 'outside-workspace',
    });
  });

  test('symbolic links are judged by their real path', () => {
    const access = new FileAccess([folder]);
    assert.deepEqual(
      access.read(uri('ws/link-out.bicep')),
      { why: 'outside-workspace' },
      'a file link inside pointing out',
    );
    assert.deepEqual(
      access.read(uri('ws/dir-link/spoke.bicep')),
      { why: 'outside-workspace' },
      'a folder link inside pointing out',
    );
    assert.equal(
      access.read(uri('outside/link-in.bicep')).text,
      bicep,
      'a link outside pointing in reads a workspace file',
    );
    assert.equal(
      new FileAccess([uri('ws-link')]).read(uri('ws/main.bicep')).text,
      bicep,
      'a folder opened through a link',
    );
    assert.equal(
      new FileAccess([folder]).read(uri('ws-link/main.bicep')).text,
      bicep,
      'a file reached through a link to the folder',
    );
  });

  test('only .bicep, .bicepparam, .json and .jsonc are read, inside or out, allowed or not', () => {
    for (const allow of [false, true]) {
      const access = new FileAccess([folder], { allowOutside: allow });
      assert.deepEqual(access.read(uri('ws/readme.txt')), { why: 'not-analysable' });
      assert.deepEqual(access.read(uri('outside/secret.txt')), { why: 'not-analysable' });
      assert.deepEqual(access.read('file:///etc/passwd'), { why: 'not-analysable' });
      assert.deepEqual(
        access.read(uri('ws/secret-link.bicep')),
        { why: 'not-analysable' },
        'a .bicep link to a .txt file',
      );
    }
  });

  test('missing files, other schemes and malformed URIs read nothing', () => {
    const access = new FileAccess([folder], { allowOutside: true });
    assert.deepEqual(access.read(uri('ws/missing.bicep')), { why: 'missing' });
    assert.deepEqual(access.read('https://example.com/main.bicep'), { why: 'not-file' });
    assert.deepEqual(access.read('untitled:Untitled-1.bicep'), { why: 'not-file' });
    assert.deepEqual(access.read(`${folder}/a%2Fb.bicep`), { why: 'missing' });
  });

  test(
    'a FIFO with an analysable name is not read (reading would block forever)',
    { skip: process.platform === 'win32' },
    () => {
      execFileSync('mkfifo', [at('ws/pipe.bicep')]);
      assert.deepEqual(new FileAccess([folder]).read(uri('ws/pipe.bicep')), { why: 'not-regular' });
    },
  );

  test('no folders: only open documents are readable', async () => {
    const host = accessHost(
      new FileAccess([]),
      (u) => (u === uri('ws/open.bicep') ? 'open text' : undefined),
      () => {},
    );
    assert.equal(await host.readFile(uri('ws/open.bicep')), 'open text');
    assert.equal(await host.readFile(uri('ws/main.bicep')), undefined);
  });

  test('the host: open documents first, each refused path logged once until forgotten', async () => {
    const logs: string[] = [];
    const open = new Map([[uri('outside/open.bicep'), 'edited text']]);
    const host = accessHost(
      new FileAccess([folder]),
      (u) => open.get(u),
      (line) => logs.push(line),
    );
    assert.equal(await host.readFile(uri('outside/open.bicep')), 'edited text', 'an open document is always readable');
    assert.equal(await host.readFile(uri('ws/main.bicep')), bicep);
    assert.equal(await host.readFile(uri('outside/spoke.bicep')), undefined);
    assert.equal(await host.readFile(uri('outside/spoke.bicep')), undefined);
    assert.equal(await host.readFile(uri('ws/readme.txt')), undefined);
    assert.equal(await host.readFile(uri('ws/missing.bicep')), undefined);
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(
      logs[0],
      new RegExp(
        `^Not reading ${escape(at('outside/spoke.bicep'))}: it is outside the workspace folders\\..*vnetLens\\.allowFilesOutsideWorkspace`,
      ),
    );
    assert.match(
      logs[1],
      new RegExp(
        `^Not reading ${escape(at('ws/readme.txt'))}: only \\.bicep, \\.bicepparam, \\.json and \\.jsonc files are read\\.$`,
      ),
    );
    host.forgetLogged();
    await host.readFile(uri('outside/spoke.bicep'));
    assert.equal(logs.length, 3);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
