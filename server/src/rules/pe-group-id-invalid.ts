// pe-group-id-invalid: a private endpoint connection asks its target for a group id (sub-resource)
// that the target's type does not have. Certain cases only: the target resolves to a declaration (so
// its type is known), and either facts hold a complete id list for that type without the id (a Private
// Link service takes none, FACTS §2.1), or the id is documented for none of the type's sub-resources
// and is a near miss of one that is (`blobs`, `Vault`): FACTS §12 says no API lists every id, so an
// undocumented id that resembles none stays silent. Anchor: the value.
import { expectedZones, zoneNameMatches, type Cloud } from '../facts';
import type { PrivateEndpoint } from '../model';
import { certainlyCreatedAmong, label } from './support/certain';
import { zoneNameOfConfig } from './support/dns-endpoint';
import { invalidGroupIds } from './support/endpoint-group-ids';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-group-id-invalid',
  level: 'error',
  fixable: true,
  startsFrom: ['privateEndpoints'],
  description: "A private endpoint's group id is one its target's resource type offers.",
  messages: {
    invalid:
      "Private endpoint '{{endpoint}}' asks {{type}} '{{target}}' for group id '{{groupId}}', which is documented for none of that type's sub-resources ({{valid}}) and nearly spells '{{closest}}'. Use '{{closest}}'.",
    noGroupIds:
      "Private endpoint '{{endpoint}}' asks {{type}} '{{target}}' for group id '{{groupId}}', but that type takes no group ids; the connection cannot be created. Leave groupIds empty.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const endpoint of certainlyCreatedAmong(model.privateEndpoints)) {
      for (const invalid of invalidGroupIds(endpoint)) {
        const target = invalid.connection.target?.resolved ? invalid.connection.target.target : undefined;
        const related = target
          ? [{ decl: target.decl, message: `the connection's target, a ${invalid.targetType}` }]
          : [];
        const data = {
          endpoint: label(endpoint),
          type: invalid.targetType,
          target: invalid.targetName,
          groupId: invalid.groupId,
        };
        if (invalid.validIds.length === 0 || invalid.closest === undefined) {
          // FACTS §2.1: groupIds is empty or omitted for a Private Link service; no id is closer than none.
          report({ messageId: 'noGroupIds', data, at: { decl: endpoint.decl, path: invalid.path }, related });
          continue;
        }
        report({
          messageId: 'invalid',
          data: { ...data, valid: invalid.validIds.map((id) => `'${id}'`).join(', '), closest: invalid.closest },
          at: { decl: endpoint.decl, path: invalid.path },
          related,
          // The endpoint's zone group may say another id was meant (`queu` beside the blob zone): the
          // nearest spelling would then leave the zones wrong (DESIGN §4 c), so no fix chooses.
          ...(zonesFitOnlyOthers(endpoint, cloud, invalid.targetType, invalid.closest)
            ? {}
            : { fix: { kind: 'replace-group-id' as const, path: invalid.path, value: invalid.closest } }),
        });
      }
    }
  },
});

/**
 * Whether the endpoint's zone groups name a zone (its name known) that the zones `groupId` needs do not
 * match: then the group id the author meant is not certainly the nearest spelling.
 */
function zonesFitOnlyOthers(endpoint: PrivateEndpoint, cloud: Cloud, targetType: string, groupId: string): boolean {
  const names = endpoint.zoneGroups.flatMap((group) =>
    group.configs.flatMap((config) => zoneNameOfConfig(config) ?? []),
  );
  if (names.length === 0) return false;
  const zones = expectedZones(cloud, targetType, groupId)?.zones;
  if (!zones) return true;
  return names.some((name) => !zones.some((zone) => zoneNameMatches(zone.name, name)));
}
