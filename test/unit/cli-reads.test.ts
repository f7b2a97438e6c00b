// What the CLI reads (DESIGN §10, server/src/cli/reading.ts): only analysable regular files, inside
// the paths given unless --allow-outside, never a FIFO or a device, never over the size limit. Each
// case would hang the run or read a secret without it; with strace installed, a last test proves
// from the system calls that none of the refused files is ever opened.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readRegularFile, utf16EncodingOf } from '../../server/src/read-scope';
import { cli, workspace } from '../support/cli-run';
import { repoRoot } from '../support/paths';

const posix = process.platform !== 'win32';
const hasStrace = posix && spawnSync('strace', ['-V']).status === 0;

// A zone outside `global`: one certain `dns-zone-location` finding wherever it is read.
const zone = (name: string) =>
  `resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: '${name}'\n  location: 'westeurope'\n}\n`;
const moduleCall = (symbol: string, target: string) => `module ${symbol} '${target}' = {\n  name: '${symbol}'\n}\n`;

/** `vnet-lens check folder` run under strace (which logs to `log`): the lines of the files it opened. */
function openedUnderStrace(log: string, folder: string, env = process.env): string[] {
  const run = spawnSync(
    'strace',
    // Run from the project (where tsx resolves), on the absolute path of the folder.
    ['-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', log, process.execPath, '--import', 'tsx'].concat([
      path.join(repoRoot, 'server/src/cli/bin.ts'),
      'check',
      folder,
      '--fail-on',
      'none',
    ]),
    { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env },
  );
  assert.equal(run.status, 0, run.stderr);
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /open/.test(line) && !/ENOENT/.test(line));
}

describe('the CLI reads only what it may', { skip: !posix }, () => {
  let root: string;
  const at = (relative: string) => path.join(root, relative);
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(at(relative)), { recursive: true });
    fs.writeFileSync(at(relative), text);
  };

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-reads-')));
    write('outside/spoke.bicep', zone('privatelink.blob.core.windows.net'));
    write(
      'ws/main.bicep',
      [
        moduleCall('pipe', 'pipe.bicep'),
        moduleCall('zero', 'zero.bicep'),
        moduleCall('passwd', '../../../../../../../etc/passwd'),
        moduleCall('environ', '/proc/self/environ'),
        moduleCall('environLink', 'environ.bicep'),
        moduleCall('spoke', '../outside/spoke.bicep'),
        zone('privatelink.vaultcore.azure.net'),
      ].join(''),
    );
    execFileSync('mkfifo', [at('ws/pipe.bicep')]);
    fs.symlinkSync('/dev/zero', at('ws/zero.bicep'));
    fs.symlinkSync('/proc/self/environ', at('ws/environ.bicep'));
    fs.mkdirSync(at('fifo-config'));
    execFileSync('mkfifo', [at('fifo-config/vnetlens.json')]);
    write('fifo-config/main.bicep', zone('privatelink.vaultcore.azure.net'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  // A folder analysed below the repository's bicepconfig.json, whose alias names a module in the
  // restore cache (under a temporary HOME): Bicep takes the nearest config up the tree.
  const zoneTemplate = (name: string) =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2020-06-01', name, location: 'westeurope' },
      ],
    });
  const withAncestorConfig = () => {
    write(
      'repo/bicepconfig.json',
      '{ "moduleAliases": { "br": { "corp": { "registry": "contoso.azurecr.io", "modulePath": "bicep" } } } }',
    );
    write('repo/secret.json', zoneTemplate('privatelink.queue.core.windows.net'));
    write(
      'repo/infra/net/main.bicep',
      [moduleCall('hub', 'br/corp:hub:1.0.0'), moduleCall('secret', '../../secret.json')].join(''),
    );
    write(
      'home/.bicep/br/contoso.azurecr.io/bicep$hub/1.0.0$/main.json',
      zoneTemplate('privatelink.blob.core.windows.net'),
    );
  };

  test('the bicepconfig.json above the folder given is read (its aliases resolve), and nothing else above it', async () => {
    withAncestorConfig();
    const home = process.env.HOME;
    process.env.HOME = at('home');
    try {
      const result = await cli(['model', 'repo/infra/net', '--format', 'text'], root);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        /dnsZone privatelink\.blob\.core\.windows\.net/,
        'the corp alias came from repo/bicepconfig.json',
      );
      assert.doesNotMatch(result.stdout, /privatelink\.queue/, 'a template above the folder is not read');
      assert.match(result.stderr, /repo\/secret\.json: note: not read: it is outside the paths given/);
      assert.doesNotMatch(result.stderr, /bicepconfig/);
    } finally {
      process.env.HOME = home;
    }
  });

  test('a FIFO, a device, /etc/passwd, /proc/self/environ and a module outside the paths are not read', async () => {
    const result = await cli(['model', 'ws', '--format', 'text'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'ws/main.bicep:19: dnsZone privatelink.vaultcore.azure.net\n',
      'only the file given declares anything: no module was read',
    );
    assert.match(result.stderr, /ws\/pipe\.bicep: note: not read: it is not a regular file/);
    assert.match(
      result.stderr,
      /ws\/zero\.bicep: note: not read: only \.bicep, \.bicepparam, \.json and \.jsonc files are read/,
      'a link is judged by its target',
    );
    assert.match(result.stderr, /\/etc\/passwd: note: not read: only \.bicep/);
    assert.match(result.stderr, /\/proc\/self\/environ: note: not read: only \.bicep/);
    assert.match(
      result.stderr,
      /outside\/spoke\.bicep: note: not read: it is outside the paths given \(--allow-outside reads it\)/,
    );
    const check = await cli(['check', 'ws', '--fail-on', 'none'], root);
    assert.equal(check.code, 0, 'check finishes too, with the same notes');
    assert.match(check.stderr, /not a regular file/);
  });

  test('--allow-outside reads the module outside, and still no FIFO, device or non-template', async () => {
    const result = await cli(['model', 'ws', '--format', 'text', '--allow-outside'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^outside\/spoke\.bicep:1: dnsZone privatelink\.blob\.core\.windows\.net$/m);
    assert.doesNotMatch(result.stderr, /outside the paths given/);
    assert.match(result.stderr, /not a regular file/);
    assert.match(result.stderr, /\/etc\/passwd: note: not read/);
  });

  test('a FIFO or a device given as a path, and a FIFO named vnetlens.json, end with a message, not a hang', async () => {
    const pipe = await cli(['check', 'ws/pipe.bicep'], root);
    assert.equal(pipe.code, 2);
    assert.match(pipe.stderr, /cannot read 'ws\/pipe\.bicep': it is not a regular file/);
    const device = await cli(['parse', '/dev/zero'], root);
    assert.equal(device.code, 2);
    assert.match(device.stderr, /cannot read '\/dev\/zero': only \.bicep/);
    const config = await cli(['check', 'main.bicep'], at('fifo-config'));
    assert.equal(config.code, 2);
    assert.match(config.stderr, /cannot read config '.*vnetlens\.json': it is not a regular file/);
  });

  test('a file over the size limit is not read past the limit, and a lying size does not matter', () => {
    write('big.bicep', `// ${'x'.repeat(4 * 1024 * 1024)}\n`);
    assert.deepEqual(readRegularFile(at('big.bicep')), { why: 'too-large' });
    assert.deepEqual(readRegularFile(at('big.bicep'), 10), { why: 'too-large' });
    assert.equal(readRegularFile(at('outside/spoke.bicep')).text, zone('privatelink.blob.core.windows.net'));
  });

  test('strace: no refused file is ever opened', { skip: !hasStrace }, () => {
    const log = at('strace.log');
    const opened = openedUnderStrace(log, at('ws'));
    assert.ok(
      opened.some((line) => line.includes(at('ws/main.bicep'))),
      'the trace sees the file that is read',
    );
    for (const refused of [
      at('ws/pipe.bicep'),
      '/dev/zero',
      '/etc/passwd',
      '/proc/self/environ',
      at('outside/spoke.bicep'),
      at('ws/zero.bicep'),
      at('ws/environ.bicep'),
    ]) {
      assert.deepEqual(
        opened.filter((line) => line.includes(`"${refused}"`)),
        [],
        `${refused} is never opened`,
      );
    }
  });

  test('strace: above the folder given, only bicepconfig.json is opened', { skip: !hasStrace }, () => {
    withAncestorConfig();
    const log = at('strace-config.log');
    const opened = openedUnderStrace(log, at('repo/infra/net'), { ...process.env, HOME: at('home') });
    assert.ok(
      opened.some((line) => line.includes(`"${at('repo/bicepconfig.json')}"`)),
      'the config above is read',
    );
    assert.ok(
      opened.some((line) => line.includes('main.json')),
      'and the cached module its alias names',
    );
    assert.deepEqual(
      opened.filter((line) => line.includes(`"${at('repo/secret.json')}"`)),
      [],
      'a template above is never opened',
    );
  });
});

/** `text` in UTF-16 of byte order `order`, with its byte-order mark when `marked`. */
function utf16(text: string, order: 'le' | 'be', marked: boolean): Buffer {
  const units = Buffer.from(text, 'utf16le');
  if (order === 'be') units.swap16();
  return marked ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), units]) : units;
}

/** `check --format json` in `dir`: each file as its name and the rule ids of its findings, sorted. */
async function rulesByFile(dir: string): Promise<string[]> {
  const run = await cli(['check', '.', '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { files: { file: string; findings: { ruleId: string }[] }[] }).files
    .map((file) => `${path.basename(file.file)} ${file.findings.map((finding) => finding.ruleId).join(' ')}`)
    .sort();
}

async function fixAll(dir: string): Promise<void> {
  const fixed = await cli(['check', '.', '--fix', '--fail-on', 'none'], dir);
  assert.equal(fixed.code, 0, fixed.stderr);
}

const zoneIn = (location: string, comment = '') =>
  `${comment}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: '${location}'\n}\n`;

test('a template saved as UTF-16 with a byte-order mark (Windows PowerShell 5.1) is read as its text', async () => {
  const template = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Network/privateDnsZones',
        apiVersion: '2024-06-01',
        name: 'privatelink.vaultcore.azure.net',
        location: 'westeurope',
      },
    ],
  });
  const dir = workspace({
    'main.bicep': utf16(zoneIn('westeurope'), 'le', true),
    'azuredeploy.json': utf16(template, 'be', true),
  });
  assert.deepEqual(await rulesByFile(dir), ['azuredeploy.json dns-zone-location', 'main.bicep dns-zone-location']);
  // --fix writes each file back in its own encoding: only the fixed line changes, not every byte.
  await fixAll(dir);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'main.bicep')), utf16(zoneIn('global'), 'le', true));
  assert.deepEqual(
    fs.readFileSync(path.join(dir, 'azuredeploy.json')).subarray(0, 2),
    Buffer.from([0xfe, 0xff]),
    'still UTF-16 big endian',
  );
});

test('a template saved as UTF-16 without a byte-order mark is read as its text, as the editor reads it', async () => {
  const comment = '// Private DNS zone for blobs (café)\n';
  const dir = workspace({
    'little.bicep': utf16(zoneIn('westeurope', comment), 'le', false),
    'big.bicep': utf16(zoneIn('westeurope', comment), 'be', false),
  });
  assert.deepEqual(await rulesByFile(dir), ['big.bicep dns-zone-location', 'little.bicep dns-zone-location']);
  await fixAll(dir);
  const fixed = zoneIn('global', comment);
  assert.deepEqual(
    fs.readFileSync(path.join(dir, 'little.bicep')),
    utf16(fixed, 'le', false),
    'still UTF-16 LE, no mark',
  );
  assert.deepEqual(fs.readFileSync(path.join(dir, 'big.bicep')), utf16(fixed, 'be', false), 'still UTF-16 BE, no mark');
});

test('only text whose every first pair is a UTF-16 character below U+0100 is taken for UTF-16 without a mark', () => {
  const ascii = Buffer.from("param name string = 'vnet-hub'\n");
  assert.equal(utf16EncodingOf(ascii), undefined);
  assert.equal(utf16EncodingOf(Buffer.from('中文 é résumé')), undefined);
  // One stray zero byte in a line of text is not UTF-16, nor is UTF-16 whose sample holds a character above U+00FF.
  assert.equal(utf16EncodingOf(Buffer.concat([ascii, Buffer.from([0]), ascii])), undefined);
  assert.equal(utf16EncodingOf(Buffer.from('// 中文\n', 'utf16le')), undefined);
  assert.deepEqual(utf16EncodingOf(Buffer.from('param x string\n', 'utf16le')), { order: 'le', marked: false });
  assert.deepEqual(utf16EncodingOf(Buffer.from([0xff, 0xfe, 0x70, 0])), { order: 'le', marked: true });
});
