// Baselines end to end: the real CLI writes one, a later run on shifted and extended files reports
// only what is new (and what expired), vnetlens.json can name it, and the file matches its schema.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BaselineMatcher, createBaseline, readBaseline, relativeToBaseline } from '../../server/src/engine/baseline';
import type { Finding } from '../../server/src/engine';
import { readConfig } from '../../server/src/engine/config';
import { cli, workspace, zoneInRegion } from '../support/cli-run';
import { repoRoot } from '../support/paths';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/vnetlens-baseline.schema.json'), 'utf8'));
const validateBaseline = new Ajv({ allErrors: true, strict: false }).compile(schema);

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'dns-zone-location',
  messageId: 'region',
  level: 'warning',
  message: 'm',
  uri: 'file:///repo/infra/main.bicep',
  start: 0,
  end: 1,
  related: [],
  resource: 'Microsoft.Network/privateDnsZones zone',
  ...over,
});

describe('baseline data', () => {
  test('files are recorded relative to the baseline, and match by rule, file and resource only', () => {
    assert.equal(
      relativeToBaseline('file:///repo/infra/a%23b.bicep', 'file:///repo/.vnetlens/baseline.json'),
      '../infra/a#b.bicep',
    );
    const text = createBaseline(
      [finding(), finding({ start: 99 }), finding({ resource: undefined })],
      'file:///repo/baseline.json',
    );
    const read = readBaseline(text);
    assert.ok('baseline' in read);
    assert.deepEqual(read.baseline.findings, [
      {
        ruleId: 'dns-zone-location',
        file: 'infra/main.bicep',
        resource: 'Microsoft.Network/privateDnsZones zone',
        message: 'm',
      },
    ]);
    const matcher = new BaselineMatcher(read.baseline, 'file:///repo/baseline.json');
    assert.ok(
      matcher.has(finding({ start: 500, end: 510, message: 'other words' })),
      'lines and message do not matter',
    );
    assert.ok(!matcher.has(finding({ ruleId: 'subnet-size' })));
    assert.ok(!matcher.has(finding({ uri: 'file:///repo/other.bicep' })));
    assert.ok(!matcher.has(finding({ resource: 'Microsoft.Network/privateDnsZones zone2' })));
  });

  test('an entry stops matching on its expiresOn day', () => {
    const baseline = {
      version: 1 as const,
      findings: [
        {
          ruleId: 'dns-zone-location',
          file: 'infra/main.bicep',
          resource: 'Microsoft.Network/privateDnsZones zone',
          expiresOn: '2030-01-02',
        },
      ],
    };
    assert.ok(new BaselineMatcher(baseline, 'file:///repo/b.json', '2030-01-01').has(finding()));
    assert.ok(!new BaselineMatcher(baseline, 'file:///repo/b.json', '2030-01-02').has(finding()));
  });

  test('vnetlens.json: "baseline" is a non-empty string, checked by the schema', () => {
    assert.deepEqual(readConfig('{ "baseline": "b.json" }'), { config: { baseline: 'b.json', rules: {} }, errors: [] });
    for (const bad of ['{ "baseline": 3 }', '{ "baseline": "" }']) {
      const read = readConfig(bad);
      assert.equal(read.config.baseline, undefined, bad);
      assert.match(read.errors[0]?.message ?? '', /'baseline'/, bad);
    }
  });

  test('a file that is not a baseline is a message, not a throw', () => {
    assert.match((readBaseline('{') as { error: string }).error, /not valid JSON/);
    assert.match(
      (readBaseline('{"version":1,"findings":[{"ruleId":"x","file":"a"}]}') as { error: string }).error,
      /not a VNet Lens baseline: .*resource/,
    );
    assert.match((readBaseline('{"version":2,"findings":[]}') as { error: string }).error, /version/);
  });
});

describe('check --write-baseline and --baseline', () => {
  test("records today's findings; later only new ones are reported, whatever moved", async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion('zoneA', 'a.internal') + zoneInRegion('zoneB', 'b.internal') });
    const written = await cli(
      ['check', '.', '--write-baseline', 'vnetlens.baseline.json', '--fail-on', 'warning'],
      dir,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /^Recorded 2 findings in vnetlens\.baseline\.json\.$/m);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'vnetlens.baseline.json'), 'utf8')) as {
      findings: { resource: string }[];
    };
    assert.ok(validateBaseline(file), JSON.stringify(validateBaseline.errors));
    assert.deepEqual(
      file.findings.map((entry) => entry.resource),
      ['Microsoft.Network/privateDnsZones zoneA#location', 'Microsoft.Network/privateDnsZones zoneB#location'],
    );

    // Lines above every finding, and a new zone: only the new one is reported.
    fs.writeFileSync(
      path.join(dir, 'main.bicep'),
      `// moved\n\n\n${zoneInRegion('zoneC', 'c.internal')}${fs.readFileSync(path.join(dir, 'main.bicep'), 'utf8')}`,
    );
    const checked = await cli(['check', '.', '--baseline', 'vnetlens.baseline.json', '--fail-on', 'warning'], dir);
    assert.equal(checked.code, 1);
    assert.deepEqual(
      checked.stdout
        .split('\n')
        .filter((line) => / warning /.test(line))
        .map((line) => /'([a-z]\.internal)'/.exec(line)?.[1]),
      ['c.internal'],
    );
    assert.match(checked.stderr, /^2 findings are in the baseline vnetlens\.baseline\.json and not shown\.$/m);

    const clean = await cli(
      ['check', '.', '--baseline', 'vnetlens.baseline.json', '--fail-on', 'warning', '--format', 'json'],
      dir,
    );
    assert.equal(JSON.parse(clean.stdout).files[0].findings.length, 1, 'JSON output filters too');
  });

  test('a finding on an array item is recorded by the name written for it: a subnet inserted before it keeps it baselined', async () => {
    const vnet = (subnets: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-a'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [
${subnets}    ]
  }
}
`;
    const overlapping =
      "      { name: 'snet-a', properties: { addressPrefix: '10.0.1.0/24' } }\n      { name: 'snet-b', properties: { addressPrefix: '10.0.1.0/25' } }\n";
    const dir = workspace({ 'main.bicep': vnet(overlapping) });
    assert.equal((await cli(['check', '.', '--write-baseline', 'baseline.json'], dir)).code, 0);
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as {
      findings: { ruleId: string; resource: string }[];
    };
    assert.deepEqual(
      recorded.findings.map((entry) => `${entry.ruleId} ${entry.resource}`),
      ["subnet-overlap Microsoft.Network/virtualNetworks vnet#properties.subnets['snet-b'].properties.addressPrefix"],
    );
    fs.writeFileSync(
      path.join(dir, 'main.bicep'),
      vnet(`      { name: 'snet-new', properties: { addressPrefix: '10.0.9.0/24' } }\n${overlapping}`),
    );
    const checked = await cli(['check', '.', '--baseline', 'baseline.json'], dir);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stderr, /^1 finding is in the baseline baseline\.json and not shown\.$/m);

    // A baseline written before items were named keys on the index: it still matches the same item.
    recorded.findings[0].resource =
      'Microsoft.Network/virtualNetworks vnet#properties.subnets[2].properties.addressPrefix';
    fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify({ version: 1, ...recorded }));
    assert.equal((await cli(['check', '.', '--baseline', 'baseline.json'], dir)).code, 0);
  });

  test('a baseline that cannot be written says why in words: a missing folder, or a folder given as the file', async () => {
    const dir = workspace({ 'zone.bicep': zoneInRegion() });
    const missing = await cli(['check', '.', '--write-baseline', 'nodir/baseline.json'], dir);
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr,
      "vnet-lens: cannot write baseline 'nodir/baseline.json': its folder does not exist (ENOENT)\n",
    );
    fs.mkdirSync(path.join(dir, 'folder'));
    const folder = await cli(['check', '.', '--baseline', 'folder'], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /it is not a regular file \(a folder, a pipe or a device\)/);
  });

  test('an expired entry is reported again, and rewriting the baseline keeps expiry dates', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion('zoneA', 'a.internal') + zoneInRegion('zoneB', 'b.internal') });
    await cli(['check', '.', '--write-baseline', 'b.json'], dir);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8'));
    file.findings[0].expiresOn = '2000-01-01';
    file.findings[1].expiresOn = '2999-12-31';
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(file));
    const checked = await cli(['check', '.', '--baseline', 'b.json', '--fail-on', 'warning'], dir);
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /'a\.internal'/);
    assert.doesNotMatch(checked.stdout, /'b\.internal'/);
    await cli(['check', '.', '--write-baseline', 'b.json'], dir);
    const rewritten = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8'));
    assert.deepEqual(
      rewritten.findings.map((entry: { expiresOn?: string }) => entry.expiresOn),
      ['2000-01-01', '2999-12-31'],
    );
  });

  test('vnetlens.json names the baseline relative to itself; --baseline wins', async () => {
    const dir = workspace({
      'infra/main.bicep': zoneInRegion('zoneA', 'a.internal'),
      'vnetlens.json': '{ "baseline": ".vnetlens/baseline.json" }',
    });
    fs.mkdirSync(path.join(dir, '.vnetlens'));
    await cli(['check', 'infra', '--write-baseline', '.vnetlens/baseline.json'], dir);
    const quiet = await cli(['check', '.', '--fail-on', 'warning'], path.join(dir, 'infra'));
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.match(quiet.stdout, /No problems found in 1 file/);
    fs.writeFileSync(path.join(dir, 'empty.json'), '{ "version": 1, "findings": [] }');
    const loud = await cli(['check', 'infra', '--baseline', 'empty.json', '--fail-on', 'warning'], dir);
    assert.equal(loud.code, 1);
  });

  test('a missing or invalid baseline is an error (exit 2) before any analysis', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion(), 'bad.json': '{ "version": 1 }' });
    const missing = await cli(['check', '.', '--baseline', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^vnet-lens: cannot read baseline 'nope\.json': no such file$/m);
    assert.equal(missing.stdout, '');
    const bad = await cli(['check', '.', '--baseline', 'bad.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /baseline 'bad\.json' is not a VNet Lens baseline: .*findings/);
  });

  test("a repository's vnetlens.json cannot make check read or show a file outside it, a pipe or a device", async () => {
    const secret = workspace({ 'secret.txt': 'root:x:0:0:hunter2\n' });
    const dir = workspace({
      'main.bicep': zoneInRegion(),
      'vnetlens.json': JSON.stringify({ baseline: path.join(secret, 'secret.txt') }),
      'inside.txt': 'root:x:0:0:hunter2\n',
    });
    const outside = await cli(['check', '.'], dir);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /named by vnetlens\.json, is outside its repository \(--allow-outside reads it\)/);
    assert.doesNotMatch(outside.stderr, /hunter2|root:x/);
    // Inside the folder, a file that is not JSON is named as such, with no word of what it holds.
    fs.writeFileSync(path.join(dir, 'vnetlens.json'), '{ "baseline": "inside.txt" }');
    const notJson = await cli(['check', '.'], dir);
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /baseline 'inside\.txt' is not valid JSON \(InvalidSymbol on line 1\)/);
    assert.doesNotMatch(notJson.stderr, /hunter2|root:x/);
    // A device is refused before a byte is read, whoever names it.
    const device = await cli(['check', '.', '--baseline', '/dev/zero'], dir);
    assert.equal(device.code, 2);
    assert.match(device.stderr, /cannot read baseline '\/dev\/zero': it is not a regular file/);
    const written = await cli(['check', '.', '--write-baseline', '/dev/full'], dir);
    assert.equal(written.code, 2);
    assert.match(written.stderr, /cannot write baseline '\/dev\/full': it is not a regular file/);
  });

  test('vnetlens.json in a folder of a repository may name a baseline anywhere in that repository', async () => {
    const dir = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', 'infra/main.bicep': zoneInRegion() });
    fs.writeFileSync(path.join(dir, 'infra/vnetlens.json'), '{ "baseline": "../vnetlens-baseline.json" }');
    await cli(['check', 'infra', '--write-baseline', 'vnetlens-baseline.json'], dir);
    const quiet = await cli(['check', 'infra', '--fail-on', 'warning'], dir);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.match(quiet.stderr, /1 finding is in the baseline/);
  });

  test('the flags belong to check, and do not go together', async () => {
    const model = await cli(['model', '.', '--baseline', 'b.json']);
    assert.equal(model.code, 2);
    assert.match(model.stderr, /--baseline applies to 'check' only/);
    const both = await cli(['check', '.', '--baseline', 'a.json', '--write-baseline', 'b.json']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--baseline and --write-baseline do not go together/);
  });
});
