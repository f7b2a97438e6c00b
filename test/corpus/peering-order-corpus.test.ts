// peering-remote-gateway-order on a real template (read in place from ../shared/corpus): the quickstart
// hub-and-spoke sandbox, deployed with its VPN gateway, orders its `useRemoteGateways` peering after the
// gateway through dependsOn, so it is silent; with that one dependsOn entry removed it is reported, and
// the quick fix puts an entry back that clears the finding.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import rule from '../../server/src/rules/peering-remote-gateway-order';
import { fixtureRoot } from '../support/fixture';
import { corpusRoot } from '../support/paths';
import { checkFixes, findingsOf } from '../support/rule-test';

const template = fs.readFileSync(
  path.join(
    corpusRoot,
    'networking/rahulm-msft__azure-quickstart-templates/demos/hub-and-spoke-sandbox/azuredeploy.json',
  ),
  'utf8',
);
const withGateway = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
  contentVersion: '1.0.0.0',
  parameters: { deployVpnGateway: { value: 'Yes' } },
});
const gatewayEntry = `,\n        "[resourceId('Microsoft.Network/virtualNetworkGateways', variables('gatewayName'))]"`;

/** The template without the gateway entry of the dependsOn of the peering that uses remote gateways. */
function withoutGatewayDependency(): string {
  const flag = template.indexOf('"useRemoteGateways": true');
  const dependsOn = template.lastIndexOf('"dependsOn"', flag);
  const entry = template.indexOf(gatewayEntry, dependsOn);
  assert.ok(
    flag > 0 && dependsOn > 0 && entry > dependsOn && entry < flag,
    'the corpus template is the one this test reads',
  );
  return template.slice(0, entry) + template.slice(entry + gatewayEntry.length);
}

const files = (text: string) =>
  new Map([
    [`${fixtureRoot}azuredeploy.json`, text],
    [`${fixtureRoot}azuredeploy.parameters.json`, withGateway],
  ]);

test('hub-and-spoke sandbox: the peering that uses the gateway depends on it', async () => {
  assert.deepEqual(await findingsOf(rule, files(template)), []);
});

test('hub-and-spoke sandbox without that dependency: reported, and the fix round-trips', async () => {
  const mutated = files(withoutGatewayDependency());
  const findings = await findingsOf(rule, mutated);
  assert.deepEqual(
    findings.map((finding) => finding.message.split(':')[0]),
    [
      "Peering 'spokeDevVnet/gwPeering_spokeDevVnet_hubVnet' sets useRemoteGateways, but nothing orders it after the gateway 'hubVpnGateway' of 'hubVnet' that this deployment creates",
    ],
  );
  const { texts } = await checkFixes(rule, mutated);
  assert.match(
    texts.get(`${fixtureRoot}azuredeploy.json`)!,
    /"\[resourceId\('Microsoft\.Network\/virtualNetworkGateways', variables\('gatewayName'\)\)\]"\n {6}\],\n {6}"properties": \{\n {8}"allowVirtualNetworkAccess": true,\n {8}"allowForwardedTraffic": true,\n {8}"allowGatewayTransit": false,\n {8}"useRemoteGateways": true/,
  );
});
