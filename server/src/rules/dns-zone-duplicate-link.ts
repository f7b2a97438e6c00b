// dns-zone-duplicate-link: one zone linked twice to one VNet, or one VNet linked to two zones of the
// same name; Azure rejects the second link (FACTS §5.2: one link per zone and VNet; a VNet cannot be
// linked to zones with overlapping names, even in other resource groups).
// Certain cases: both links are created for certain and are different resources (their ids certainly
// differ); their VNet ids are certainly equal; and their zones have the same known name: then one zone
// or two, Azure rejects the second link (a zone in this resource group and one of the same name in
// 'rg-dns' may be one zone, if this is 'rg-dns'). Reported on the later link (declaration order).
import { vnetLinkRules } from '../facts';
import { CertainlySameIds, parentIdOf, same, type NetworkModel, type Value, type VnetLink } from '../model';
import { canBeId, certainlyCreatedAsOne, label, valueForMessage } from './support/certain';
import { lastSegment } from './support/endpoint-common';
import { sameId, zoneNameOfLink } from './support/dns-network';
import { declarationPositions } from './support/model-lookups';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-zone-duplicate-link',
  level: 'error',
  fixable: false,
  startsFrom: ['vnetLinks'],
  pairwise: true,
  description: 'A private DNS zone is linked once to a virtual network, and a virtual network to one zone of a name.',
  messages: {
    sameZone:
      "VNet link '{{link}}' links zone '{{zone}}' to '{{vnet}}' a second time (see '{{other}}'): a zone takes only {{max}} link per virtual network, so the deployment fails.",
    sameName:
      "VNet link '{{link}}' links '{{vnet}}' to a second zone named '{{zone}}' (see '{{other}}'): a virtual network cannot be linked to two zones with the same name, so the deployment fails.",
    sameNameMaybeSameZone:
      "VNet link '{{link}}' links '{{vnet}}' to a zone named '{{zone}}' a second time (see '{{other}}'): whether the two zones are one or two, Azure rejects the second link (a zone takes only {{max}} link per virtual network, and a virtual network cannot be linked to two zones with the same name), so the deployment fails.",
  },
  check({ model, report }: RuleContext) {
    // A VNet id that is no id (blank, an object) names no VNet: Azure rejects such a link for its id.
    const links = ordered(model).filter((link) => certainlyCreatedAsOne(link.decl) && canBeId(vnetIdOf(link)));
    // Earlier links by their VNet's id: only links to the same VNet for certain can clash.
    const earlierByVnet = new CertainlySameIds<VnetLink>();
    for (const link of links) {
      const earlierLinks = earlierByVnet.candidates(vnetIdOf(link));
      earlierByVnet.add(vnetIdOf(link), link);
      for (const earlier of earlierLinks) {
        const zoneA = zoneIdOf(earlier);
        const zoneB = zoneIdOf(link);
        const zonesSame = zoneA !== undefined && zoneB !== undefined ? same(zoneA, zoneB, true) : 'unknown';
        const name = zoneNameOfLink(link);
        const otherName = zoneNameOfLink(earlier);
        const sameName = name !== undefined && name.toLowerCase() === otherName?.toLowerCase();
        let messageId: 'sameZone' | 'sameName' | 'sameNameMaybeSameZone' | undefined;
        if (zonesSame === true) messageId = 'sameZone';
        else if (sameName) messageId = zonesSame === false ? 'sameName' : 'sameNameMaybeSameZone';
        if (!messageId) continue;
        // Asked after the zones, which tell most pairs apart: each `same` of two ids costs (issue 16).
        if (same(earlier.id, link.id, true) !== false || !sameId(vnetIdOf(earlier), vnetIdOf(link))) continue;
        const vnet = link.vnet?.resolved ? label(link.vnet.target) : vnetText(vnetIdOf(link));
        report({
          messageId,
          data: {
            link: label(link),
            zone: name ?? (link.zone?.resolved ? label(link.zone.target) : valueForMessage(zoneIdOf(link))),
            vnet,
            other: label(earlier),
            max: vnetLinkRules.maxLinksPerZoneAndVnet,
          },
          at: { decl: link.decl },
          related: [{ decl: earlier.decl, message: `the earlier link '${label(earlier)}'` }],
        });
        break;
      }
    }
  },
});

/** Links in declaration order (file order across the analysed set), loop instances in order. */
function ordered(model: NetworkModel): VnetLink[] {
  const positions = declarationPositions(model);
  const position = (link: VnetLink) => (positions.get(link.decl) ?? 0) * 1000 + (link.decl.instance ?? 0);
  return [...model.vnetLinks].sort((a, b) => position(a) - position(b));
}

function vnetIdOf(link: VnetLink): Value | undefined {
  return link.vnet?.value;
}

/** The zone's id: the resolved zone's, else the link's parent id. */
function zoneIdOf(link: VnetLink): Value | undefined {
  return link.zone?.resolved ? link.zone.target.id : parentIdOf(link.id);
}

/** A VNet named by an id only: its last segment when literal (`resourceId(...)` in another resource group too). */
function vnetText(id: Value | undefined): string {
  return lastSegment(id) ?? 'the same virtual network';
}
