// `check --fix` never leaves a file half-written: each write is a temporary file and a rename,
// every target is checked first, a failure names what changed and what did not; a BOM and CRLF
// line ends survive a fix. The real CLI on real files (the full-disk case runs the built CLI
// under a file-size limit, which fails a write as a full disk does, even for root).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, workspace, zoneInRegion } from '../support/cli-run';
import { repoRoot } from '../support/paths';

const fixed = (text: string) => text.replace("'westeurope'", "'global'");
const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith('.vnet-lens-'));

describe('atomic fixes', () => {
  test('a write that fails part way (file too large for the limit) leaves that file whole and says what changed', () => {
    const small = zoneInRegion('zoneA', 'a.internal');
    // 200 KB of comment after the finding: the rewritten file is over the 64 KB limit below.
    const large = zoneInRegion('zoneB', 'b.internal') + `// ${'x'.repeat(200_000)}\n`;
    const dir = workspace({ 'a.bicep': small, 'b.bicep': large });
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -f 64; exec "${process.execPath}" "${path.join(repoRoot, 'dist/cli.js')}" check . --fix`],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /^vnet-lens: cannot write 'b\.bicep': EFBIG\n {2}changed: a\.bicep\n {2}not changed: b\.bicep\n$/m,
    );
    assert.equal(fs.readFileSync(path.join(dir, 'a.bicep'), 'utf8'), fixed(small));
    assert.equal(fs.readFileSync(path.join(dir, 'b.bicep'), 'utf8'), large, 'not truncated');
    assert.deepEqual(leftovers(dir), [], 'no temporary file left behind');
  });

  test('one read-only target: nothing is written, and the message says so', async () => {
    const text = zoneInRegion();
    const dir = workspace({ 'a.bicep': text, 'b.bicep': text });
    fs.chmodSync(path.join(dir, 'b.bicep'), 0o444);
    const result = await cli(['check', '.', '--fix'], dir);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      "vnet-lens: cannot write 'b.bicep': read-only\n  changed: (none)\n  not changed: a.bicep, b.bicep\n",
    );
    assert.equal(fs.readFileSync(path.join(dir, 'a.bicep'), 'utf8'), text);
    assert.equal(fs.readFileSync(path.join(dir, 'b.bicep'), 'utf8'), text);
  });

  test('the file keeps its mode, and a symbolic link stays a link to the fixed file', async () => {
    const text = zoneInRegion();
    const dir = workspace({ 'real/zone.bicep': text });
    fs.chmodSync(path.join(dir, 'real/zone.bicep'), 0o640);
    fs.symlinkSync(path.join(dir, 'real/zone.bicep'), path.join(dir, 'link.bicep'));
    const result = await cli(['check', 'link.bicep', '--fix'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'link.bicep')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real/zone.bicep'), 'utf8'), fixed(text));
    assert.equal(fs.statSync(path.join(dir, 'real/zone.bicep')).mode & 0o777, 0o640);
    assert.deepEqual(leftovers(path.join(dir, 'real')), []);
  });
});

describe('a file with other hard links', () => {
  test('is not replaced, nor is any other file: a rename would leave its other names the old text', async () => {
    const text = zoneInRegion();
    const dir = workspace({ 'ws/a.bicep': text, 'ws/zone.bicep': text });
    fs.mkdirSync(path.join(dir, 'snapshot'));
    fs.linkSync(path.join(dir, 'ws/zone.bicep'), path.join(dir, 'snapshot/zone.bicep'));
    const result = await cli(['check', 'ws', '--fix'], dir);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      "vnet-lens: cannot write 'ws/zone.bicep': other hard links name it, and a fix replaces the file by a rename\n" +
        '  changed: (none)\n  not changed: ws/a.bicep, ws/zone.bicep\n',
    );
    for (const name of ['ws/a.bicep', 'ws/zone.bicep', 'snapshot/zone.bicep'])
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, name);
    assert.equal(fs.statSync(path.join(dir, 'ws/zone.bicep')).nlink, 2, 'still one file under two names');
  });
});

describe('a BOM and CRLF survive a fix', () => {
  test('an ARM template with a UTF-8 BOM and CRLF: its finding is fixed, BOM and line ends kept', async () => {
    const arm = fs.readFileSync(path.join(repoRoot, 'examples/arm/dns.json'), 'utf8').replace(/\r?\n/g, '\r\n');
    const dir = workspace({ 'dns.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arm)]) });
    const before = await cli(['check', '.'], dir);
    assert.match(before.stdout, /warning dns-zone-location/);
    const result = await cli(['check', '.', '--fix'], dir);
    assert.match(result.stderr, /^Fixed 1 problem in 1 file\.$/m);
    assert.match(result.stdout, /No problems found/);
    const bytes = fs.readFileSync(path.join(dir, 'dns.json'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.toString('utf8').slice(1);
    assert.equal(text, arm.replace('"location": "[resourceGroup().location]"', '"location": "global"'));
    assert.doesNotMatch(text, /[^\r]\n/, 'every line end still CRLF');
  });

  test('a Bicep file with a BOM', async () => {
    const text = `\uFEFF${zoneInRegion().replace(/\n/g, '\r\n')}`;
    const dir = workspace({ 'zone.bicep': text });
    const result = await cli(['check', '.', '--fix'], dir);
    assert.match(result.stderr, /^Fixed 1 problem in 1 file\.$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'zone.bicep'), 'utf8'), fixed(text));
  });
});
