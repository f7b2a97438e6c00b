// A value the resource takes from a variable or a parameter's default (`properties: vnetProperties`,
// `subnets: subnets`) is reported where its part is written, with the place the resource uses it as
// related information; a `#disable-next-line` written before that place, where such findings pointed
// before, still silences them. Ranges inside the variable are the rule tests' (subnet-outside-vnet).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/engine/types';
import { findingsOfFixture } from '../support/analyze-fixture';

const vnetUsing = (properties: string, before = '') => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
${before}  properties: ${properties}
}
var vnetProperties = {
  addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
  subnets: [
    { name: 'a', properties: { addressPrefix: '10.5.0.0/24' } }
    { name: 'b', properties: { addressPrefix: '10.6.0.0/24' } }
  ]
}
`;

async function outside(code: string): Promise<{ finding: Finding; text: string }[]> {
  const findings = await findingsOfFixture(code);
  return findings
    .filter((finding) => finding.ruleId === 'subnet-outside-vnet')
    .map((finding) => ({ finding, text: code.slice(finding.start, finding.end) }));
}

describe('values written in a variable', () => {
  test('each finding points at its value and relates the place the resource uses it', async () => {
    const code = vnetUsing('vnetProperties');
    const found = await outside(code);
    assert.deepEqual(
      found.map(({ text }) => text),
      ["'10.5.0.0/24'", "'10.6.0.0/24'"],
    );
    const use = code.indexOf('vnetProperties');
    for (const { finding } of found) {
      const related = finding.related.find((entry) => entry.message === 'the value is used here');
      assert.deepEqual(related && { start: related.start, end: related.end }, {
        start: use,
        end: use + 'vnetProperties'.length,
      });
    }
  });

  test('a pragma before the place the resource uses the value still silences its findings', async () => {
    const found = await outside(vnetUsing('vnetProperties', '  #disable-next-line subnet-outside-vnet\n'));
    assert.deepEqual(found, []);
  });

  test('a value written in the resource has no such related information', async () => {
    const code = vnetUsing(
      "{\n    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }\n    subnets: [{ name: 'c', properties: { addressPrefix: '10.9.0.0/24' } }]\n  }",
    );
    const found = await outside(code);
    assert.deepEqual(
      found.map(({ text }) => text),
      ["'10.9.0.0/24'"],
    );
    assert.ok(found[0].finding.related.every((entry) => entry.message !== 'the value is used here'));
  });
});
