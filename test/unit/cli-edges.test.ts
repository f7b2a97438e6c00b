// The CLI at its edges: syntax errors are findings, a missing path is only an error, an unknown
// option is one line and the usage, text from templates cannot drive the terminal, and no file is
// skipped for its name. The real CLI on real files in temporary folders.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { escapeControls, escapeJsonControls } from '../../server/src/cli/escape';
import { usage } from '../../server/src/cli/args';
import { cli, workspace, zoneInRegion } from '../support/cli-run';

const broken =
  "resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n";

describe('syntax errors are findings of the syntax rule', () => {
  test('text: an error line, counted, exit 1; --fail-on none exits 0', async () => {
    const dir = workspace({ 'main.bicep': broken, 'ok.bicep': "param p string = 'x'\n" });
    const result = await cli(['check', '.'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^main\.bicep:4:1: error syntax: /m);
    assert.doesNotMatch(result.stdout, /No problems found/);
    assert.match(result.stdout, /1 error/);
    assert.equal((await cli(['check', '.', '--fail-on', 'none'], dir)).code, 0);
  });

  test('JSON and SARIF carry them too, and ARM syntax counts', async () => {
    const dir = workspace({
      'main.bicep': broken,
      't.json':
        '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ }',
    });
    const json = JSON.parse((await cli(['check', '.', '--format', 'json'], dir)).stdout);
    const syntax = json.files.flatMap((file: { file: string; findings: { ruleId: string; level: string }[] }) =>
      file.findings.filter((f) => f.ruleId === 'syntax').map((f) => [file.file, f.level]),
    );
    assert.deepEqual([...new Set(syntax.map(String))].sort(), ['main.bicep,error', 't.json,error']);
    const sarif = JSON.parse((await cli(['check', '.', '--format', 'sarif'], dir)).stdout);
    const results = sarif.runs[0].results as { ruleId: string; ruleIndex: number; level: string }[];
    const first = results.find((r) => r.ruleId === 'syntax')!;
    assert.equal(first.level, 'error');
    assert.equal(sarif.runs[0].tool.driver.rules[first.ruleIndex].id, 'syntax');
  });
});

describe('arguments', () => {
  test('a missing path is an error only: no summary, nothing analysed', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion() });
    for (const args of [
      ['check', 'nosuchdir'],
      ['check', 'main.bicep', 'nosuchdir'],
      ['check', 'nosuchdir', '--format', 'json'],
      ['model', 'nosuchdir'],
    ]) {
      const result = await cli(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.equal(result.stderr, "vnet-lens: cannot read 'nosuchdir': no such file or folder\n");
    }
  });

  test('a folder given also through a symbolic link is checked once, under the name given first', async () => {
    const dir = workspace({ 'infra/zone.bicep': zoneInRegion() });
    fs.symlinkSync(path.join(dir, 'infra'), path.join(dir, 'link'));
    const result = await cli(['check', 'infra', 'link', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(result.code, 0, result.stderr);
    const files = (JSON.parse(result.stdout) as { files: { file: string; findings: unknown[] }[] }).files;
    assert.deepEqual(
      files.map((file) => [file.file, file.findings.length]),
      [['infra/zone.bicep', 1]],
    );
  });

  test('an unknown option or a missing value: one line, then the usage', async () => {
    for (const [args, line] of [
      [['check', '.', '--bogus'], "vnet-lens: Unknown option '--bogus'."],
      [['check', '.', '-x'], "vnet-lens: Unknown option '-x'."],
      [['check', '.', '--format'], 'vnet-lens: --format needs a value.'],
      [['check', '.', '--fix=yes'], 'vnet-lens: --fix takes no value.'],
    ] as const) {
      const result = await cli([...args]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `${line}\n\n${usage}\n`, args.join(' '));
    }
  });
});

describe('honest output', () => {
  test('escapes: controls and bidi overrides visible, JSON lossless', () => {
    assert.equal(
      escapeControls('a\u001b[2Jb\u0007c\rd\ne\u009bf\u202eg\u2066h\ti'),
      'a\\x1b[2Jb\\x07c\\rd\\ne\\x9bf\\u202eg\\u2066h\\ti',
    );
    const json = escapeJsonControls(JSON.stringify({ name: 'x\u009b\u202ey\u001b' }, null, 2));
    assert.doesNotMatch(json, /[\u007f-\u009f\u202e]/);
    assert.deepEqual(JSON.parse(json), { name: 'x\u009b\u202ey\u001b' });
  });

  const hostileName = 'x\\u{1B}[2J\\u{1B}[HNo problems found\\u{7}\\r\\n\\u{202E}gnp.\\u{9B}';
  const hostile = zoneInRegion('zone', hostileName);

  test('text: a name cannot clear the screen, ring, fake a line or reorder text', async () => {
    const dir = workspace({ 'main.bicep': hostile });
    const result = await cli(['check', '.'], dir);
    assert.doesNotMatch(
      result.stdout + result.stderr,
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stdout);
    assert.match(lines[0], /x\\x1b\[2J\\x1b\[HNo problems found\\x07\\r\\n\\u202egnp\.\\x9b/);
  });

  test('JSON and SARIF: no raw C1 or bidi character, and the value is intact', async () => {
    const dir = workspace({ 'main.bicep': hostile });
    for (const format of ['json', 'sarif']) {
      const { stdout } = await cli(['check', '.', '--format', format], dir);
      assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, format);
      assert.ok(stdout.includes('\\u001b[2J') && stdout.includes('\\u202e') && stdout.includes('\\u009b'), format);
      assert.match(JSON.stringify(JSON.parse(stdout)), /\\u001b\[2J/);
    }
  });

  test('--dry-run diff: controls in changed lines and file names are escaped', async () => {
    const dir = workspace({
      'we\u001bird.bicep': zoneInRegion('zone', 'a.internal').replace("'westeurope'", "'westeurope' // \u0007\u202e"),
    });
    const result = await cli(['check', '.', '--fix', '--dry-run'], dir);
    assert.match(result.stdout, /^--- a\/we\\x1bird\.bicep$/m);
    assert.match(result.stdout, /^-  location: 'westeurope' \/\/ \\x07\\u202e$/m);
    assert.doesNotMatch(result.stdout, /[\u0007\u001b\u202e]/);
  });

  test("no file is skipped for its name: '#', '?', spaces and colons", async () => {
    const names = ['a#b.bicep', 'c?d.bicep', 'e f.bicep', 'g:h.bicep', '%41.bicep'];
    const dir = workspace(
      Object.fromEntries(names.map((name, i) => [`sub/${name}`, zoneInRegion(`z${i}`, `z${i}.internal`)])),
    );
    const result = await cli(['check', '.', '--format', 'json'], dir);
    const files = JSON.parse(result.stdout)
      .files.map((file: { file: string }) => file.file)
      .sort();
    assert.deepEqual(files, names.map((name) => `sub/${name}`).sort());
    assert.ok(fs.existsSync(path.join(dir, 'sub', 'a#b.bicep')));
  });
});
