// `vnet-lens resolve`: text and JSON faces of the resolution explainer, its grammar and exit codes,
// run in-process on examples/ and on temporary folders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommandLine, UsageError } from '../../server/src/cli/args';
import { vaultEndpointInVnet } from '../support/bicep-network';
import { cli, workspace } from '../support/cli-run';

test('resolve --format json prints the answer and the steps', async () => {
  const result = await cli(['resolve', 'reports', '--from', 'vnet-spoke-reports', 'examples', '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const body = JSON.parse(result.stdout);
  assert.equal(body.answer, 'public');
  assert.deepEqual(
    body.steps.map((step: { step: string }) => step.step),
    ['dns', 'server', 'zone', 'link', 'answer'],
  );
  assert.equal(body.from, 'vnet-spoke-reports');
  assert.equal(body.names[0].zone, 'privatelink.file.core.windows.net');
});

test('resolve prints numbered steps as text, paths default to the current folder', async () => {
  const result = await cli(['resolve', 'storage', '--from', 'vnet-spoke-orders'], `${process.cwd()}/examples`);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'storage from vnet-spoke-orders: private');
  assert.match(lines[1], /^ {2}1\. 'vnet-spoke-orders' uses Azure-provided DNS/);
  assert.match(
    lines.at(-1)!,
    /^ {2}5\. private: private IP of 'pe-storders\$\{uniqueString\(…\)\}-blob' \(peStorageBlob\) in 'snet-private-endpoints'$/,
  );
});

test('a target or VNet the files do not hold: a message and exit 2', async () => {
  const missing = await cli(['resolve', 'nothing', '--from', 'vnet-hub', 'examples']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no private endpoint of the analysed files connects to 'nothing'/);
  assert.equal(missing.stdout, '');
  const empty = await cli(['resolve', 'kv', '--from', 'vnet-a', '.'], workspace({ 'readme.txt': 'no templates' }));
  assert.equal(empty.code, 2);
});

test('names from templates are escaped in text output', async () => {
  const dir = workspace({
    'main.bicep': vaultEndpointInVnet('snet-a', { name: 'vnet-\\u{1b}[31m' }),
  });
  const result = await cli(['resolve', 'kv-prod', '--from', 'vnet-\u001b[31m', '.'], dir);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!result.stdout.includes('\u001b'), result.stdout);
  assert.match(result.stdout, /vnet-\\x1b\[31m/);
});

test('the grammar: a target and --from are required; check-only options are refused', () => {
  assert.deepEqual(parseCommandLine(['resolve', 'kv.vault.azure.net', '--from', 'vnet-a']), {
    command: 'resolve',
    target: 'kv.vault.azure.net',
    from: 'vnet-a',
    paths: ['.'],
    format: 'text',
    cloud: 'AzureCloud',
    allowOutside: false,
  });
  assert.throws(() => parseCommandLine(['resolve', '--from', 'vnet-a']), UsageError);
  assert.throws(() => parseCommandLine(['resolve', 'kv']), /needs --from/);
  assert.throws(() => parseCommandLine(['resolve', 'kv', '--from', 'v', '--fix']), /does not apply to 'resolve'/);
  assert.throws(
    () => parseCommandLine(['resolve', 'kv', '--from', 'v', '--format', 'sarif']),
    /--format must be one of text, json/,
  );
  assert.throws(() => parseCommandLine(['check', 'examples', '--from', 'v']), /--from applies to 'resolve' only/);
});
