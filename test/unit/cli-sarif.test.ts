// SARIF for code scanning: valid against the official SARIF 2.1.0 schema (shipped by an npm
// package, not written here), locations relative to %SRCROOT% with nothing of this machine in the
// log, fingerprints that survive line shifts, rule pages embedded as help.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import AjvDraft04 from 'ajv-draft-04';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { artifactLocation, formatSarif } from '../../server/src/cli/sarif';
import { publicHomepage } from '../../server/src/cli/sarif-rules';
import { allRules } from '../../server/src/rules';
import { cli, workspace, zoneInRegion } from '../support/cli-run';
import { corpusRoot, repoRoot } from '../support/paths';

// The SARIF 2.1.0 (rtm.5, the final 2.1.0 schema) JSON schema as @microsoft/jest-sarif ships it. One of
// its patterns ('...]?$') is valid only without the u flag, hence unicodeRegExp: false.
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const validateSarif = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  JSON.parse(fs.readFileSync(schemaFile, 'utf8')),
);

function assertValidSarif(text: string): { runs: [SarifRun] } {
  const log = JSON.parse(text) as { runs: [SarifRun] };
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
  return log;
}

interface SarifRun {
  tool: {
    driver: {
      version: string;
      informationUri?: string;
      rules: {
        id: string;
        helpUri?: string;
        help: { text: string; markdown?: string };
        fullDescription: { text: string };
      }[];
    };
  };
  originalUriBaseIds: Record<string, { uri?: string }>;
  results: {
    ruleId: string;
    level: string;
    partialFingerprints: Record<string, string>;
    locations: {
      physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
    }[];
  }[];
}

describe('SARIF validates against the SARIF 2.1.0 schema', () => {
  test('the schema rejects what is not SARIF (the validator is real)', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: {} }] }), false);
    assert.equal(
      validateSarif({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'loud' }] }],
      }),
      false,
    );
  });

  test('examples/, with its findings and fixes', async () => {
    const result = await cli(['check', 'examples', '--format', 'sarif']);
    const run = assertValidSarif(result.stdout).runs[0];
    assert.ok(run.results.length > 0);
  });

  test('a corpus repository', async () => {
    const repository = path.join(corpusRoot, 'networking', 'Azure__azure-spring-apps-landing-zone-accelerator');
    const result = await cli(['check', repository, '--format', 'sarif', '--fail-on', 'none'], corpusRoot);
    assert.equal(result.code, 0, result.stderr.slice(0, 500));
    const run = assertValidSarif(result.stdout).runs[0];
    assert.ok(run.results.length > 0, 'the corpus repository has findings');
    assert.ok(run.results.every((r) => r.locations[0].physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%'));
    assert.ok(
      run.results.every((r) =>
        r.locations[0].physicalLocation.artifactLocation.uri.startsWith(
          'networking/Azure__azure-spring-apps-landing-zone-accelerator/',
        ),
      ),
    );
  });
});

describe('SARIF for code scanning', () => {
  test('no path of this machine: relative locations and a %SRCROOT% without uri', async () => {
    const dir = workspace({ 'infra/main.bicep': zoneInRegion() });
    const result = await cli(['check', '.', '--format', 'sarif'], dir);
    assert.ok(!result.stdout.includes(dir), 'the log does not name the folder it was made in');
    assert.ok(!result.stdout.includes(repoRoot), 'nor where the tool is installed');
    const run = assertValidSarif(result.stdout).runs[0];
    assert.deepEqual(Object.keys(run.originalUriBaseIds), ['%SRCROOT%']);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, undefined);
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'infra/main.bicep',
      uriBaseId: '%SRCROOT%',
    });
  });

  test('partialFingerprints stay when lines above a finding change, and differ between findings', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion('zoneA', 'a.internal') + zoneInRegion('zoneB', 'b.internal') });
    const before = assertValidSarif((await cli(['check', '.', '--format', 'sarif'], dir)).stdout).runs[0].results;
    fs.writeFileSync(
      path.join(dir, 'main.bicep'),
      `// a comment\n\n${fs.readFileSync(path.join(dir, 'main.bicep'), 'utf8')}`,
    );
    const after = assertValidSarif((await cli(['check', '.', '--format', 'sarif'], dir)).stdout).runs[0].results;
    assert.equal(before.length, 2);
    assert.deepEqual(
      after.map((r) => r.partialFingerprints),
      before.map((r) => r.partialFingerprints),
    );
    assert.deepEqual(
      after.map((r) => r.locations[0].physicalLocation.region.startLine),
      before.map((r) => r.locations[0].physicalLocation.region.startLine + 2),
    );
    assert.notDeepEqual(before[0].partialFingerprints, before[1].partialFingerprints);
  });

  test('each rule embeds its doc page as help and its "What" as the full description', () => {
    const run = assertValidSarif(formatSarif([])).runs[0];
    for (const rule of allRules) {
      const entry = run.tool.driver.rules.find((item) => item.id === rule.id)!;
      const page = fs.readFileSync(path.join(repoRoot, 'docs/rules', `${rule.id}.md`), 'utf8');
      const markdown = entry.help.markdown ?? '';
      assert.ok(markdown.startsWith(`# ${rule.id}\n`), `${rule.id}: page without front matter`);
      assert.ok(markdown.includes('\n## Why\n') && page.includes(markdown.slice(0, 200)));
      assert.equal(entry.help.text, markdown);
      const what = /## What\n+([\s\S]*?)\n## /.exec(page)![1].trim();
      assert.equal(entry.fullDescription.text, what);
    }
    assert.ok(
      run.tool.driver.rules.some((item) => item.id === 'syntax'),
      'syntax findings have a rule too',
    );
  });

  test("helpUri and informationUri only from a public homepage; the version is the package's", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const today = assertValidSarif(formatSarif([])).runs[0].tool.driver;
    assert.equal(today.version, manifest.version);
    assert.equal(publicHomepage(manifest.homepage), undefined, 'package.json has no public homepage today');
    assert.ok(today.rules.every((rule) => rule.helpUri === undefined) && today.informationUri === undefined);
    for (const placeholder of [
      'https://example.invalid/vnet-lens',
      'file:///build/vnet-lens',
      'http://vnet-lens.dev/',
      'https://example.com/x',
    ]) {
      assert.equal(publicHomepage(placeholder), undefined, placeholder);
    }
    const published = assertValidSarif(formatSarif([], { homepage: 'https://vnet-lens.dev/docs-root' })).runs[0].tool
      .driver;
    assert.equal(published.informationUri, 'https://vnet-lens.dev/docs-root/');
    assert.equal(published.rules[0].helpUri, `https://vnet-lens.dev/docs-root/docs/rules/${allRules[0].id}.md`);
  });

  test('file names become percent-encoded relative references that cannot read as a scheme', async () => {
    assert.deepEqual(artifactLocation('javascript:alert(1).bicep'), {
      uri: 'javascript%3Aalert%281%29.bicep',
      uriBaseId: '%SRCROOT%',
    });
    assert.deepEqual(artifactLocation('a b/c#d?.bicep'), { uri: 'a%20b/c%23d%3F.bicep', uriBaseId: '%SRCROOT%' });
    const dir = workspace({
      'javascript:alert(1).bicep': zoneInRegion(),
      'x#y?.bicep': zoneInRegion('z2', 'other.internal'),
    });
    const run = assertValidSarif((await cli(['check', '.', '--format', 'sarif'], dir)).stdout).runs[0];
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
    assert.deepEqual(uris, ['javascript%3Aalert%281%29.bicep', 'x%23y%3F.bicep']);
    for (const uri of uris) {
      assert.doesNotMatch(uri, /^[a-z][a-z0-9+.-]*:/i);
      assert.equal(decodeURIComponent(new URL(uri, 'file:///root/').pathname), `/root/${decodeURIComponent(uri)}`);
    }
  });
});

describe("SARIF's invocation says what the run could not do", () => {
  interface Notification {
    level: string;
    message: { text: string };
    locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  }
  const invocationOf = (stdout: string) =>
    (assertValidSarif(stdout).runs[0] as unknown as { invocations: [Record<string, unknown>] }).invocations[0] as {
      executionSuccessful: boolean;
      toolExecutionNotifications?: Notification[];
      toolConfigurationNotifications?: Notification[];
    };
  const where = (notification: Notification) =>
    `${notification.level} ${notification.locations?.[0].physicalLocation.artifactLocation.uri}:${notification.locations?.[0].physicalLocation.region?.startLine ?? ''}`;

  test('a clean run: successful, with nothing to say', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion() });
    assert.deepEqual(invocationOf((await cli(['check', '.', '--format', 'sarif'], dir)).stdout), {
      executionSuccessful: true,
    });
  });

  test('a file it cannot read: not successful (exit 2), the error at the file, as on stderr', async () => {
    const dir = workspace({ 'main.bicep': zoneInRegion() });
    execFileSync('mkfifo', [path.join(dir, 'pipe.bicep')]);
    const result = await cli(['check', 'main.bicep', 'pipe.bicep', '--format', 'sarif'], dir);
    assert.equal(result.code, 2);
    const invocation = invocationOf(result.stdout);
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications?.map(where), ['error pipe.bicep:']);
    assert.match(result.stderr, /^vnet-lens: cannot read 'pipe\.bicep': it is not a regular file/m);
    assert.equal(
      invocation.toolExecutionNotifications![0].message.text,
      "cannot read 'pipe.bicep': it is not a regular file (a folder, a pipe or a device)",
    );
  });

  test("a config file's problem is a configuration notification at its line; a named non-template file a note", async () => {
    const dir = workspace({
      'main.bicep': zoneInRegion(),
      'vnetlens.json': '{\n  "rules": { "dns-zone-location": "loud" }\n}\n',
      'package.json': '{ "name": "app" }\n',
    });
    const result = await cli(['check', 'main.bicep', 'package.json', '--format', 'sarif'], dir);
    const invocation = invocationOf(result.stdout);
    assert.equal(invocation.executionSuccessful, true);
    assert.deepEqual(invocation.toolConfigurationNotifications?.map(where), ['warning vnetlens.json:2']);
    assert.deepEqual(invocation.toolExecutionNotifications?.map(where), ['note package.json:']);
    assert.match(result.stderr, /^package\.json: note: not checked: it is not an ARM template or parameter file/m);
  });
});
