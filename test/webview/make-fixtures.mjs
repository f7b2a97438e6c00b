#!/usr/bin/env node
// Writes test/webview/fixtures/examples.json: the model of examples/ as `vnet-lens model` prints it
// (run `npm run build` first), plus the four planted findings of examples/README.md as the server
// will send them (one by entity id, three by file and line: the declaration nearest above the line takes them).
// The other fixtures are written by hand. Run again when the model's JSON changes shape, and update
// test/webview/run.mjs's hand-checked counts with it: the fixture is examples/ as it was when they
// were written (examples/ has grown since: connectivity.bicep, spoke-reports.bicep, …).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const model = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'bin/vnet-lens.js'), 'model', 'examples', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
  }),
);
const find = (kind, suffix) => {
  const entity = model.entities.find((e) => e.kind === kind && e.id.endsWith(suffix));
  if (!entity) throw new Error(`no ${kind} ending in ${suffix} in the examples model`);
  return entity;
};
const peering = find('peering', '/peer-hub-to-spoke');
const plsSubnet = find('subnet', '/subnets/snet-pls');
const vaultEndpoint = model.entities.find((e) => e.kind === 'privateEndpoint' && e.name.startsWith('pe-kv-'));
model.findings = [
  {
    ruleId: 'peering-reverse-missing',
    level: 'warning',
    entityId: peering.id,
    file: peering.file,
    line: peering.line,
    message:
      "vnet-spoke-orders has no peering back to vnet-hub: this peering stays 'Initiated' until the reverse one exists.",
  },
  // By line: the inline subnet shares the VNet's declaration line, and the message names it first.
  {
    ruleId: 'pls-subnet-policies',
    level: 'error',
    file: plsSubnet.file,
    line: 82,
    message:
      "Subnet 'snet-pls' in VNet 'vnet-spoke-orders' gives Private Link service 'pls-orders' its NAT IP but does not set privateLinkServiceNetworkPolicies, whose default is 'Enabled'.",
  },
  {
    ruleId: 'pe-dns-zone-group-missing',
    level: 'warning',
    file: vaultEndpoint.file,
    line: vaultEndpoint.line,
    message:
      'The private endpoint to the key vault has no DNS zone group: clients resolve the public address. Zone privatelink.vaultcore.azure.net exists in modules/private-dns.bicep.',
  },
  {
    ruleId: 'dns-zone-location',
    level: 'warning',
    file: 'examples/arm/dns.json',
    line: 71,
    message: "Location is '[resourceGroup().location]'; private DNS zones are global.",
  },
];
const out = path.join(root, 'test/webview/fixtures/examples.json');
fs.writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `wrote ${path.relative(root, out)}: ${model.entities.length} entities, ${model.references.length} references, ${model.findings.length} findings`,
);
