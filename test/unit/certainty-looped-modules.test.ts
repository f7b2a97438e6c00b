// A resource expanded from its own loop inside a module looped over items nobody knows may not exist
// at all (the module's loop may be empty): the DNS rules, which pair one zone with another by id, must
// not take such an instance for one certain resource. With the module's items known it is certain.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import dnsZoneUnlinked from '../../server/src/rules/dns-zone-unlinked';
import { kvEndpoint, vnet } from '../support/dns-fixtures';
import { findingsOf, stripMarkers } from '../support/rule-test';

/** main.bicep: the VNet and the endpoint, whose zone group names the zone that zones.bicep declares in a loop. */
const workspace = (moduleItems: string) => `//- /main.bicep
param zoneSets array
${vnet()}${kvEndpoint({ zoneId: "resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')" })}module zones 'zones.bicep' = [for set in ${moduleItems}: {
  name: 'zones-\${set}'
}]
//- /zones.bicep
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in [ 'privatelink.vaultcore.azure.net' ]: {
  name: name
  location: 'global'
}]
`;

async function messagesFor(moduleItems: string): Promise<string[]> {
  const findings = await findingsOf(dnsZoneUnlinked, stripMarkers(workspace(moduleItems)).files);
  return findings.map((finding) => finding.messageId);
}

describe('an expanded instance inside a module looped over unknown items', () => {
  test('is not one certain zone: dns-zone-unlinked stays silent', async () => {
    assert.deepEqual(await messagesFor('zoneSets'), []);
  });

  test('with the module looped over known items it is: the missing link is reported', async () => {
    assert.equal((await messagesFor("[ 'a' ]")).length, 1);
  });
});
