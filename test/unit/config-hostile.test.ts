// A hostile vnetlens.json (issue 20): nested 100,000 deep it overflowed the parser's stack, and the CLI
// ended with "internal error: Maximum call stack size exceeded". Now it is one located error and the
// defaults apply, in the engine and in the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { readConfig } from '../../server/src/engine/config';

const deep = (depth: number) => `${'{"rules":'.repeat(depth)}{}${'}'.repeat(depth)}`;

test('a vnetlens.json nested 100,000 deep is one error at the first bracket too deep, and defaults apply', () => {
  const text = deep(100_000);
  const { config, errors } = readConfig(text);
  assert.deepEqual(config, { rules: {} });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].start, '{"rules":'.length * 32, 'the 33rd bracket');
  assert.equal(errors[0].message, 'vnetlens.json is nested more than 32 levels deep; default rule levels apply.');
});

test('brackets inside strings and comments do not count as nesting', () => {
  const { errors } = readConfig(
    `{ "cloud": "AzureCloud", // ${'['.repeat(100)}\n "rules": { "subnet-size": "error" } }`,
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    readConfig(`{ "x": "${'{'.repeat(100)}" }`).errors.map((error) => /nested/.test(error.message)),
    [false],
  );
});

test('the CLI reports the deep file as a warning and goes on with the defaults', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-config-'));
  try {
    fs.writeFileSync(path.join(dir, 'vnetlens.json'), deep(100_000));
    fs.writeFileSync(
      path.join(dir, 'main.bicep'),
      "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n",
    );
    let stderr = '';
    let stdout = '';
    const code = await runCli(['check', 'main.bicep'], {
      cwd: dir,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^vnetlens\.json:1:289: warning: vnetlens\.json is nested more than 32 levels deep/m);
    assert.doesNotMatch(stderr, /internal error/);
    assert.match(stdout, /dns-zone-location/, 'the analysis ran with the default levels');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
