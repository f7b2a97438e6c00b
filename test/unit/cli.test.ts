// The command line: argument handling, exit codes and the three output formats (DESIGN §7).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseCommandLine, UsageError } from '../../server/src/cli/args';
import { unifiedDiff } from '../../server/src/cli/diff';
import { formatSarif } from '../../server/src/cli/sarif';
import { formatJson, formatText } from '../../server/src/cli/format';
import type { LocatedFile } from '../../server/src/cli/located';
import { cli, workspace, zoneInRegion } from '../support/cli-run';
import { repoRoot } from '../support/paths';

const armTemplate =
  '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [] }';

describe('argument handling', () => {
  test('check takes paths and options with defaults', () => {
    assert.deepEqual(parseCommandLine(['check', 'a', 'b']), {
      command: 'check',
      paths: ['a', 'b'],
      format: 'text',
      fix: false,
      dryRun: false,
      cloud: 'AzureCloud',
      cloudGiven: false,
      config: undefined,
      failOn: 'error',
      baseline: undefined,
      writeBaseline: undefined,
      allowOutside: false,
    });
    const full = parseCommandLine([
      'check',
      'x',
      '--format',
      'sarif',
      '--fix',
      '--dry-run',
      '--cloud',
      'AzureChinaCloud',
      '--config',
      'c.json',
      '--fail-on',
      'warning',
    ]);
    assert.equal(full.command, 'check');
    if (full.command !== 'check') return;
    assert.equal(full.format, 'sarif');
    assert.equal(full.cloud, 'AzureChinaCloud');
    assert.equal(full.failOn, 'warning');
    assert.ok(full.fix && full.dryRun);
  });

  test('parse and model default to JSON', () => {
    assert.deepEqual(parseCommandLine(['parse', 'f.bicep']), {
      command: 'parse',
      paths: ['f.bicep'],
      format: 'json',
      ids: false,
      allowOutside: false,
    });
    assert.deepEqual(parseCommandLine(['model', 'dir', '--format', 'text']), {
      command: 'model',
      paths: ['dir'],
      format: 'text',
      ids: false,
      allowOutside: false,
    });
    assert.deepEqual(parseCommandLine(['model', 'dir', '--allow-outside']), {
      command: 'model',
      paths: ['dir'],
      format: 'json',
      ids: false,
      allowOutside: true,
    });
  });

  test('mistakes are usage errors with a message', () => {
    const cases: [string[], RegExp][] = [
      [[], /No command/],
      [['lint', 'x'], /Unknown command 'lint'/],
      [['check'], /at least one file/],
      [['check', 'x', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['check', 'x', '--cloud', 'Mars'], /--cloud must be one of/],
      [['check', 'x', '--fail-on', 'info'], /--fail-on must be one of error, warning, none/],
      [['check', 'x', '--dry-run'], /--dry-run only goes with --fix/],
      [['check', 'x', '--bogus'], /bogus/],
      [['parse', 'x', '--fix'], /--fix applies to 'check' only/],
      [['parse', 'x', '--format', 'sarif'], /--format must be one of json, text/],
    ];
    for (const [args, message] of cases) {
      assert.throws(
        () => parseCommandLine(args),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
        args.join(' '),
      );
    }
  });

  test('help and version', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: vnet-lens <command>/);
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^VNet Lens \d+\.\d+\.\d+\n$/);
  });
});

describe('exit codes', () => {
  test('0 for a clean workspace', async () => {
    const dir = workspace({ 'main.bicep': "param location string = 'westeurope'\n", 'arm/t.json': armTemplate });
    const result = await cli(['check', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /No problems found in 2 files\./);
  });

  test('2 and a message for usage errors and missing paths', async () => {
    const usage = await cli(['check']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /needs at least one file/);
    const missing = await cli(['check', 'no/such/dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read 'no\/such\/dir'/);
    const config = await cli(['check', '.', '--config', 'no-such-config.json']);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /cannot read config/);
  });

  test('the bin script runs the built CLI and returns its exit code', () => {
    // examples/ holds a planted error (pls-subnet-policies), so the default --fail-on error exits 1.
    const planted = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/vnet-lens.js'), 'check', 'examples', '--format', 'json'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(planted.status, 1, planted.stderr);
    assert.ok(Array.isArray(JSON.parse(planted.stdout).files));
    const lenient = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/vnet-lens.js'), 'check', 'examples', '--fail-on', 'none'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(lenient.status, 0, lenient.stderr);
    const bad = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/vnet-lens.js'), 'check', '--format', 'xml', 'x'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of/);
  });
});

describe('configuration', () => {
  const zoneInRegion =
    "resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";

  test('a warning finding prints but exits 0 under the default --fail-on error', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion });
    const result = await cli(['check', '.'], dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /main\.bicep:3:13: warning dns-zone-location: /);
  });

  test('vnetlens.json levels apply: error fails the run, off silences', async () => {
    const strict = workspace({
      'main.bicep': zoneInRegion,
      'vnetlens.json': '{ "rules": { "dns-zone-location": "error" } }',
    });
    const failing = await cli(['check', '.'], strict);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /error dns-zone-location/);
    const quiet = workspace({
      'main.bicep': zoneInRegion,
      'vnetlens.json': '{ "rules": { "dns-zone-location": "off" } }',
    });
    const silent = await cli(['check', '.'], quiet);
    assert.equal(silent.code, 0);
    assert.match(silent.stdout, /No problems found/);
  });

  test('with none from the working directory up, the one nearest to the paths checked applies, if they share it', async () => {
    const dir = workspace({
      'infra/main.bicep': zoneInRegion,
      'infra/vnetlens.json': '{ "rules": { "dns-zone-location": "off" } }',
      'other/main.bicep': zoneInRegion,
    });
    const inInfra = await cli(['check', 'infra'], dir);
    assert.match(inInfra.stdout, /No problems found/);
    const fileInInfra = await cli(['check', 'infra/main.bicep'], dir);
    assert.match(fileInInfra.stdout, /No problems found/);
    // Two paths whose nearest files differ (one has none): no file applies, rather than one for both.
    const both = await cli(['check', 'infra', 'other'], dir);
    assert.equal((both.stdout.match(/warning dns-zone-location/g) ?? []).length, 2);
  });

  test('a bad vnetlens.json is reported with its position and defaults apply', async () => {
    const dir = workspace({
      'main.bicep': zoneInRegion,
      'vnetlens.json': '{ "rules": { "dns-zone-location": "loud" } }',
    });
    const result = await cli(['check', '.', '--fail-on', 'warning'], dir);
    assert.match(
      result.stderr,
      /^vnetlens\.json:1:35: warning: vnetlens\.json: 'rules\.dns-zone-location' must be one of/m,
    );
    assert.equal(result.code, 1, 'the default level (warning) still applies');
  });
});

describe('output formats', () => {
  test("a file's findings come in the order of their places in it, whatever order the rules found them in", async () => {
    // The rules judge the zone's location (line 11) before the subnet's size (line 6).
    const subnet = [
      'param vnetName string',
      '',
      "resource bastionSubnet 'Microsoft.Network/virtualNetworks/subnets@2022-01-01' = {",
      "  name: '${vnetName}/AzureBastionSubnet'",
      '  properties: {',
      "    addressPrefix: '192.168.250.0/27'",
      '  }',
      '}',
      '',
    ].join('\n');
    const dir = workspace({ 'main.bicep': subnet + zoneInRegion() });
    const { stdout } = await cli(['check', '.', '--format', 'json', '--fail-on', 'none'], dir);
    const [file] = JSON.parse(stdout).files as { findings: { ruleId: string; line: number }[] }[];
    assert.deepEqual(
      file.findings.map((finding) => `${finding.line} ${finding.ruleId}`),
      ['6 subnet-size', '11 dns-zone-location'],
    );
  });

  const located: LocatedFile[] = [
    {
      file: 'main.bicep',
      language: 'bicep',
      findings: [
        {
          finding: {
            ruleId: 'peering-reverse-missing',
            messageId: 'missing',
            level: 'warning',
            message: "Peering 'hub-to-spoke' has no reverse.",
            uri: 'file:///w/main.bicep',
            start: 0,
            end: 4,
            related: [],
          },
          file: 'main.bicep',
          region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 14 },
          related: [
            {
              file: 'spoke.bicep',
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 },
              message: 'the remote VNet',
            },
          ],
        },
      ],
    },
  ];

  test('text: one clickable line per finding and a summary', () => {
    assert.equal(
      formatText(located),
      "main.bicep:3:10: warning peering-reverse-missing: Peering 'hub-to-spoke' has no reverse.\n" +
        '    spoke.bicep:1:1: the remote VNet\n' +
        '1 problem (0 errors, 1 warning, 0 info) in 1 file.\n',
    );
  });

  test('json: files with 1-based findings', () => {
    const json = JSON.parse(formatJson(located));
    assert.deepEqual(json.files[0].findings[0], {
      ruleId: 'peering-reverse-missing',
      level: 'warning',
      message: "Peering 'hub-to-spoke' has no reverse.",
      line: 3,
      column: 10,
      endLine: 3,
      endColumn: 14,
      related: [{ file: 'spoke.bicep', line: 1, column: 1, message: 'the remote VNet' }],
    });
  });

  test('sarif: 2.1.0 with the tool, 1-based regions and related locations', () => {
    const sarif = JSON.parse(formatSarif(located));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'VNet Lens');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+$/);
    assert.ok(Array.isArray(run.tool.driver.rules));
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, undefined, 'no path of the machine that wrote it');
    const result = run.results[0];
    assert.equal(result.ruleId, 'peering-reverse-missing');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'main.bicep', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 14 },
    });
    assert.equal(result.relatedLocations[0].message.text, 'the remote VNet');
  });

  test('check --format sarif on examples prints a SARIF log', async () => {
    const result = await cli(['check', 'examples', '--format', 'sarif']);
    assert.equal(result.code, 1, result.stderr);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    assert.ok(
      results.some(
        (r) =>
          r.ruleId === 'pls-subnet-policies' &&
          r.locations[0].physicalLocation.artifactLocation.uri === 'examples/modules/spoke.bicep',
      ),
    );
    const artifacts = sarif.runs[0].artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri);
    assert.ok(artifacts.includes('examples/main.bicep'), artifacts.join(', '));
  });

  test('parse reports each file with its language', async () => {
    const dir = workspace({ 'a.bicep': '', 'b.bicepparam': '', 't.json': armTemplate, 'package.json': '{}' });
    const result = await cli(['parse', dir], dir);
    assert.equal(result.code, 0);
    const reports = JSON.parse(result.stdout) as { file: string; language: string; syntaxErrors: unknown[] }[];
    assert.deepEqual(
      reports.map((report) => [report.file, report.language]),
      [
        ['a.bicep', 'bicep'],
        ['b.bicepparam', 'bicepparam'],
        ['package.json', 'other'],
        ['t.json', 'arm-template'],
      ],
    );
  });
});

describe('fixes', () => {
  /** A copy of examples/ (its eight planted findings, all fixable but peering-spokes-overlap) in a temporary folder. */
  function examplesCopy(): string {
    const dir = workspace({});
    fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
    return dir;
  }
  const snapshot = (dir: string) =>
    new Map(
      fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => fs.statSync(path.join(dir, f)).isFile())
        .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
    );

  test('--fix --dry-run prints a unified diff of every change and writes nothing', async () => {
    const dir = examplesCopy();
    const before = snapshot(dir);
    const result = await cli(['check', '.', '--fix', '--dry-run'], dir);
    assert.deepEqual(snapshot(dir), before, 'no file changed');
    assert.equal(result.code, 1, 'the fixes would leave one error: peering-spokes-overlap has no fix');
    assert.match(result.stderr, /^Would fix 7 problems in 6 files; nothing was written\.$/m);
    const files = [...result.stdout.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]).sort();
    assert.deepEqual(files, [
      'arm/dns.json',
      'connectivity.bicep',
      'main.bicep',
      'modules/data.bicep',
      'modules/spoke-reports.bicep',
      'modules/spoke.bicep',
    ]);
    assert.match(
      result.stdout,
      /^--- a\/modules\/spoke\.bicep\n\+\+\+ b\/modules\/spoke\.bicep\n@@ -\d+,\d+ \+\d+,\d+ @@$/m,
    );
    assert.match(result.stdout, /^\+ {10}privateLinkServiceNetworkPolicies: 'Disabled'$/m);
    assert.match(result.stdout, /^\+ {14}service: 'Microsoft\.Storage'$/m);
    assert.match(result.stdout, /^-      "location": "\[resourceGroup\(\)\.location\]"$/m);
    assert.match(result.stdout, /^\+      "location": "global"$/m);
  });

  test('--fix applies the preferred fixes in place; the next check finds only what has no fix', async () => {
    const dir = examplesCopy();
    const before = snapshot(dir);
    const result = await cli(['check', '.', '--fix'], dir);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /^Fixed 7 problems in 6 files\.$/m);
    assert.match(result.stdout, /peering-spokes-overlap/);
    assert.match(result.stdout, /^1 problem \(1 error, 0 warnings, 0 info\) in 10 files\.$/m);
    const after = snapshot(dir);
    const changed = [...after]
      .filter(([file, text]) => before.get(file) !== text)
      .map(([file]) => file)
      .sort();
    assert.deepEqual(changed, [
      'arm/dns.json',
      'connectivity.bicep',
      'main.bicep',
      'modules/data.bicep',
      'modules/spoke-reports.bicep',
      'modules/spoke.bicep',
    ]);
    assert.match(
      after.get('connectivity.bicep')!,
      /useRemoteGateways: true\n {2}\}\n {2}dependsOn: \[\n {4}vgwConnHub\n {2}\]\n\}/,
    );
    assert.match(
      after.get('modules/data.bicep')!,
      /resource peKeyVaultDnsZoneGroup 'Microsoft\.Network\/privateEndpoints\/privateDnsZoneGroups@2025-09-01' = \{\n {2}parent: peKeyVault\n/,
    );
    assert.match(after.get('modules/spoke.bicep')!, /parent: vnet\n {2}name: 'vnet-spoke-orders-to-vnet-hub'/);
    fs.writeFileSync(path.join(dir, 'vnetlens.json'), '{ "rules": { "peering-spokes-overlap": "off" } }');
    const again = await cli(['check', '.', '--config', 'vnetlens.json'], dir);
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /^No problems found/m);
  });

  test('--fix keeps CRLF line ends and leaves files it was not given alone', async () => {
    const zone =
      "resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\r\n  name: 'privatelink.blob.core.windows.net'\r\n  location: 'westeurope'\r\n}\r\n";
    const dir = workspace({ 'zone.bicep': zone, 'other/zone.bicep': zone });
    const result = await cli(['check', 'zone.bicep', '--fix'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'zone.bicep'), 'utf8'), zone.replace("'westeurope'", "'global'"));
    assert.equal(fs.readFileSync(path.join(dir, 'other/zone.bicep'), 'utf8'), zone);
  });

  test('sarif: results carry their fixes as artifact changes with 1-based regions', async () => {
    const dir = examplesCopy();
    const result = await cli(['check', '.', '--format', 'sarif'], dir);
    const sarif = JSON.parse(result.stdout);
    type Replacement = {
      deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
      insertedContent: { text: string };
    };
    type SarifFix = {
      description: { text: string };
      artifactChanges: { artifactLocation: { uri: string; uriBaseId: string }; replacements: Replacement[] }[];
    };
    const results = sarif.runs[0].results as { ruleId: string; fixes?: SarifFix[] }[];
    assert.equal(results.length, 8);
    assert.ok(
      results.every((r) => r.ruleId === 'peering-spokes-overlap' || (r.fixes && r.fixes.length > 0)),
      'every planted finding but the address plan carries a fix',
    );
    const location = results.find((r) => r.ruleId === 'dns-zone-location')!.fixes![0];
    assert.equal(location.description.text, "Set location to 'global'");
    const [change] = location.artifactChanges;
    assert.deepEqual(change.artifactLocation, { uri: 'arm/dns.json', uriBaseId: '%SRCROOT%' });
    const { deletedRegion, insertedContent } = change.replacements[0];
    const line = fs.readFileSync(path.join(dir, 'arm/dns.json'), 'utf8').split('\n')[deletedRegion.startLine - 1];
    assert.equal(
      line.slice(deletedRegion.startColumn - 1, deletedRegion.endColumn - 1),
      '"[resourceGroup().location]"',
    );
    assert.equal(insertedContent.text, '"global"');
    const group = results.find((r) => r.ruleId === 'pe-dns-zone-group-missing')!.fixes![0];
    assert.deepEqual(group.artifactChanges.map((c) => c.artifactLocation.uri).sort(), [
      'main.bicep',
      'modules/data.bicep',
    ]);
    const insertion = group.artifactChanges.find((c) => c.artifactLocation.uri === 'main.bicep')!.replacements[0]
      .deletedRegion;
    assert.equal(insertion.startLine, insertion.endLine, 'an insertion is an empty region');
    assert.equal(insertion.startColumn, insertion.endColumn);
  });
});

describe('unified diffs', () => {
  test('hunks with three lines of context, and the missing final newline marked', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\ni\nj';
    assert.equal(
      unifiedDiff('a/x', 'b/x', before, after),
      [
        '--- a/x',
        '+++ b/x',
        '@@ -2,8 +2,9 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        '-i',
        '\\ No newline at end of file',
        '+i',
        '+j',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    assert.equal(unifiedDiff('a/x', 'b/x', 'same\n', 'same\n'), '');
  });

  test('applying the hunks to the old text gives the new text, over random edits (many far apart too)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: 1 + random(round < 290 ? 40 : 3000) }, () => `line ${random(6)}`);
      const edited: string[] = [];
      for (const line of lines) {
        const roll = random(10);
        if (roll === 0) continue; // deleted
        edited.push(roll === 1 ? `${line} changed` : line);
        if (roll === 2) edited.push('inserted');
      }
      const ending = (text: string) => (random(2) === 0 ? text : `${text}\n`);
      const before = ending(lines.join('\n'));
      const after = ending(edited.join('\n'));
      assert.equal(applyHunks(before, unifiedDiff('a/x', 'b/x', before, after)), after, `round ${round}`);
    }
  });
});

/** The new text a unified diff makes of `before` (what `patch` does with it), for the round-trip test. */
function applyHunks(before: string, diff: string): string {
  if (diff === '') return before;
  const old = before.split(/(?<=\n)/);
  const out: string[] = [];
  let next = 0;
  const lines = diff.split('\n').slice(2);
  for (let index = 0; index < lines.length; index++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[index]);
    if (!header) continue;
    const start = Number(header[2] === '0' ? header[1] : Number(header[1]) - 1);
    while (next < start) out.push(old[next++]);
    for (index++; index < lines.length && !lines[index].startsWith('@@'); index++) {
      const [kind, text] = [lines[index][0], lines[index].slice(1)];
      const unended = lines[index + 1] === '\\ No newline at end of file';
      if (kind === ' ' || kind === '-') next++;
      if (kind === ' ' || kind === '+') out.push(unended ? text : `${text}\n`);
      if (unended) index++;
    }
    index--;
  }
  while (next < old.length) out.push(old[next++]);
  return out.join('');
}
