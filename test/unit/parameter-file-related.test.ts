// A finding that rests on a value a parameter file gives names that file in its related information
// (DESIGN §2: a finding is reported where the resource is declared, with related locations in the
// other files): an ARM parameter file binding a Bicep or an ARM template, or a .bicepparam, for the
// finding's own property and for a property a related location points at. A module's parameter of the
// same name, and a parameter left to its default, are not given by the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../server/src/engine/types';
import { findingsOfFixture } from '../support/analyze-fixture';
import { bicepVnet, inlineSubnetItem, vnetWithLoopedSubnets } from '../support/bicep-network';
import { fixtureRoot, splitFixture } from '../support/fixture';

const given = 'the parameter file gives this value';
const givenItems = 'the parameter file gives the items of this loop';

/** A VNet whose subnet prefix is a parameter: outside the address space when the file gives 10.9.0.0/24. */
const template = bicepVnet(
  [inlineSubnetItem("'a'", ['addressPrefix: prefix']), inlineSubnetItem("'b'", ['addressPrefix: otherPrefix'])].join(
    '\n',
  ),
  {
    name: 'vnet',
    space: "'10.0.0.0/16'",
    head: "param prefix string = '10.0.1.0/24'\nparam otherPrefix string = '10.0.2.0/24'\n",
  },
);

const armParameters = (values: Record<string, string>) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { ${Object.entries(values)
    .map(([name, value]) => `"${name}": { "value": "${value}" }`)
    .join(', ')} }
}
`;

/** Each finding as `rule: file "text the related location covers" message` for its parameter-file locations. */
async function givenLocations(fixture: string): Promise<string[]> {
  const files = splitFixture(fixture);
  const found: Finding[] = await findingsOfFixture(fixture);
  return found.flatMap((finding) =>
    finding.related
      .filter((related) => related.message === given || related.message === givenItems)
      .map((related) => {
        const text = files.get(related.uri)!.slice(related.start, related.end);
        const items = related.message === givenItems ? ' (the loop items)' : '';
        return `${finding.ruleId}: ${related.uri.replace(fixtureRoot, '')} ${text}${items}`;
      }),
  );
}

test('an ARM parameter file that binds main.bicep is named where the finding takes its value', async () => {
  const fixture = `//- /main.bicep\n${template}//- /main.parameters.json\n${armParameters({ prefix: '10.9.0.0/24' })}`;
  assert.deepEqual(await givenLocations(fixture), ['subnet-outside-vnet: main.parameters.json "10.9.0.0/24"']);
});

test('an ARM parameter file binds a Bicep template by names compared without case, as ARM compares them', async () => {
  const fixture = `//- /main.bicep\n${template}//- /main.parameters.json\n${armParameters({ PREFIX: '10.9.0.0/24' })}`;
  assert.deepEqual(await givenLocations(fixture), ['subnet-outside-vnet: main.parameters.json "10.9.0.0/24"']);
});

test('an ARM parameter file that binds an ARM template is named where `[parameters(…)]` takes its value', async () => {
  const arm = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "Prefix": { "type": "string", "defaultValue": "10.0.1.0/24" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
        "subnets": [ { "name": "a", "properties": { "addressPrefix": "[parameters('prefix')]" } } ] } }
  ]
}
`;
  // ARM matches parameter names ignoring case.
  const fixture = `//- /main.json\n${arm}//- /main.parameters.json\n${armParameters({ PREFIX: '10.9.0.0/24' })}`;
  assert.deepEqual(await givenLocations(fixture), ['subnet-outside-vnet: main.parameters.json "10.9.0.0/24"']);
});

test('a .bicepparam assignment is named; a value left to its default names no file', async () => {
  const fixture = `//- /main.bicep\n${template}//- /main.bicepparam\nusing 'main.bicep'\n\nparam prefix = '10.9.0.0/24'\n`;
  assert.deepEqual(await givenLocations(fixture), ["subnet-outside-vnet: main.bicepparam '10.9.0.0/24'"]);
  const defaults = `//- /main.bicep\n${template.replace("'10.0.1.0/24'", "'10.9.0.0/24'")}`;
  const found = await findingsOfFixture(defaults);
  assert.deepEqual(
    found.map((finding) => finding.ruleId),
    ['subnet-outside-vnet'],
  );
  assert.deepEqual(await givenLocations(defaults), []);
});

test('a related location whose value the file gives is followed by the file', async () => {
  // Subnet b overlaps a: the finding is on the later subnet, and a's prefix is the file's.
  const fixture = `//- /main.bicep\n${template}//- /main.parameters.json\n${armParameters({ prefix: '10.0.2.0/25' })}`;
  const found = await findingsOfFixture(fixture);
  const overlap = found.find((finding) => finding.ruleId === 'subnet-overlap');
  assert.ok(overlap, 'subnet-overlap reported');
  const messages = overlap.related.map((related) => related.message);
  const at = messages.indexOf(given);
  assert.ok(at > 0 && /Subnet 'a'/.test(messages[at - 1]), messages.join(' | '));
});

test("a module's parameter of the same name is the caller's, not the parameter file's", async () => {
  const fixture = `//- /main.bicep
param prefix string
module net 'net.bicep' = {
  name: 'net'
  params: { prefix: '10.9.0.0/24' }
}
output p string = prefix
//- /net.bicep
${template}//- /main.parameters.json
${armParameters({ prefix: '10.0.1.0/24' })}`;
  const found = await findingsOfFixture(fixture);
  assert.deepEqual(
    found.map((finding) => finding.ruleId),
    ['subnet-outside-vnet'],
  );
  assert.deepEqual(await givenLocations(fixture), []);
});

/** Spokes looped over a parameter, each peered with the hub: two overlap when the file gives them so. */
const spokesTemplate = `param spokes array = []
resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = [for s in spokes: {
  name: s.name
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ s.prefix ] } }
}]
resource toSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for (s, i) in spokes: {
  parent: hub
  name: 'to-\${s.name}'
  properties: { remoteVirtualNetwork: { id: spoke[i].id } }
}]
resource toHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for (s, i) in spokes: {
  parent: spoke[i]
  name: 'to-hub'
  properties: { remoteVirtualNetwork: { id: hub.id } }
}]
`;
const overlappingSpokes = `[
  { name: 'vnet-spoke-a', prefix: '10.10.0.0/24' }
  { name: 'vnet-spoke-b', prefix: '10.10.0.0/23' }
]`;

test('the items of a resource loop over a parameter the file gives: the file is named as giving them, once', async () => {
  const fixture = `//- /hub.bicep\n${spokesTemplate}//- /hub.bicepparam\nusing 'hub.bicep'\n\nparam spokes = ${overlappingSpokes}\n`;
  const found = await findingsOfFixture(fixture);
  assert.deepEqual(
    found.map((finding) => finding.ruleId),
    ['peering-spokes-overlap'],
  );
  assert.deepEqual(await givenLocations(fixture), [
    `peering-spokes-overlap: hub.bicepparam ${overlappingSpokes} (the loop items)`,
  ]);
});

test("a property loop over a parameter the file gives (its items), and ARM's parameters('x')[i].y (the value): the file is named", async () => {
  const subnetsTemplate = vnetWithLoopedSubnets('subnets', {
    head: 'param subnets array = []\n',
    name: 'vnet',
    space: "'10.0.0.0/16'",
  });
  const bicep = `//- /main.bicep\n${subnetsTemplate}//- /main.bicepparam\nusing 'main.bicep'\n\nparam subnets = [ { name: 'a', prefix: '10.9.0.0/24' } ]\n`;
  assert.deepEqual(await givenLocations(bicep), [
    "subnet-outside-vnet: main.bicepparam [ { name: 'a', prefix: '10.9.0.0/24' } ] (the loop items)",
  ]);
  const arm = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "subnets": { "type": "array" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
        "subnets": [ { "name": "a", "properties": { "addressPrefix": "[parameters('subnets')[0].prefix]" } } ] } }
  ]
}
`;
  const parameters = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "subnets": { "value": [ { "prefix": "10.9.0.0/24" } ] } }
}
`;
  assert.deepEqual(await givenLocations(`//- /main.json\n${arm}//- /main.parameters.json\n${parameters}`), [
    'subnet-outside-vnet: main.parameters.json [ { "prefix": "10.9.0.0/24" } ]',
  ]);
});

test('a literal in a resource loop over a parameter the file gives: the file is named as giving the items, not the value', async () => {
  const zones = `param zones array = []
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = [for z in zones: {
  name: z
  location: 'westeurope'
}]
`;
  const fixture = `//- /main.bicep\n${zones}//- /main.bicepparam\nusing 'main.bicep'\n\nparam zones = [ 'privatelink.blob.core.windows.net' ]\n`;
  assert.deepEqual(await givenLocations(fixture), [
    "dns-zone-location: main.bicepparam [ 'privatelink.blob.core.windows.net' ] (the loop items)",
  ]);
});

test('a parameter file written for another template of the same name binds it nothing: the template is judged on its own', async () => {
  // The file gives vnetPrefix and hubVnetId, which this harness does not declare: ARM rejects the pair.
  const harness = vnetWithLoopedSubnets('subnets', {
    head: "param subnets array = [ { name: 'snet-0', prefix: '10.0.1.0/24' } ]\n",
    name: 'vnet-test',
    space: "'10.0.0.0/16'",
  });
  const parameters = armParameters({
    vnetPrefix: '10.20.0.0/16',
    hubVnetId: '/subscriptions/x/resourceGroups/r',
  }).replace(
    '"parameters": { ',
    '"parameters": { "subnets": { "value": [ { "name": "snet-0", "prefix": "10.20.1.0/24" } ] }, ',
  );
  const fixture = `//- /spoke.bicep\n${harness}//- /parameters/spoke.parameters.json\n${parameters}`;
  assert.deepEqual(await findingsOfFixture(fixture), []);
  // The same file without the parameters the harness lacks is its own, and its subnet is outside.
  const own = `//- /spoke.bicep\n${harness}//- /parameters/spoke.parameters.json\n${armParameters({}).replace(
    '"parameters": {  }',
    '"parameters": { "subnets": { "value": [ { "name": "snet-0", "prefix": "10.20.1.0/24" } ] } }',
  )}`;
  assert.deepEqual(
    (await findingsOfFixture(own)).map((finding) => finding.ruleId),
    ['subnet-outside-vnet'],
  );
});
